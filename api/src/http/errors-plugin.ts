import { LmoError } from '@lmo/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { toHttpError } from './error-mapping.ts';
import { ErrorBodySchema } from './schemas.ts';

/**
 * One error body everywhere: every thrown error, unknown route and framework refusal is answered
 * `{ error: { code, message, details? } }` with the catalogue's status. Internal errors are logged
 * with their cause and stack; the caller gets only the code and the request id header.
 */
export const errorsPlugin = fp(
  (app: FastifyInstance, _options, done) => {
    app.addSchema(ErrorBodySchema);
    app.setErrorHandler((error, request, reply) => {
      const lmo = toHttpError(error);
      const { status, body } = lmo.toHttp();
      if (status >= 500) request.log.error({ err: error, code: lmo.code }, 'Request failed');
      else request.log.info({ code: lmo.code, status }, 'Request refused');
      const retryAfter = lmo.details?.['retryAfterSeconds'];
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      return reply.code(status).type('application/json; charset=utf-8').send(body);
    });
    app.setNotFoundHandler((request, reply) => {
      const { status, body } = new LmoError(
        'LMO_METHOD_NOT_FOUND',
        `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
      ).toHttp();
      return reply.code(status).send(body);
    });
    done();
  },
  { name: 'lmo-errors' },
);
