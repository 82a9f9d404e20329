import { LmoError } from '@lmo/contracts';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';

/** Named readiness checks; each resolves when its dependency answers. */
export type ReadinessChecks = Readonly<Record<string, () => Promise<void>>>;

const Status = Type.Object(
  {
    status: Type.String(),
    checks: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { additionalProperties: false },
);

/** `/healthz` (the process answers) and `/readyz` (its dependencies answer too). */
export function systemRoutes(app: FastifyInstance, checks: ReadinessChecks): void {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: Status } },
    },
    (_request, reply) => reply.send({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database (and the Kubernetes API) answer',
        response: { 200: Status },
      },
    },
    async (request) => {
      const results = await Promise.allSettled(Object.values(checks).map((check) => check()));
      const names = Object.keys(checks);
      const outcome = Object.fromEntries(
        names.map((name, i) => [name, results[i]?.status === 'fulfilled' ? 'ok' : 'failing']),
      );
      const failed = results.filter((r) => r.status === 'rejected');
      if (failed.length > 0) {
        request.log.warn({ checks: outcome, reasons: failed.map((r) => String(r.reason)) }, 'Not ready');
        throw new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'Not ready', { details: { checks: outcome } });
      }
      return { status: 'ok', checks: outcome };
    },
  );
}
