import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { API_KEY_ID_PATTERN, USAGE_STATUSES } from '@lmo/contracts';
import Type from 'typebox';
import type { RouteModule } from '../app.ts';
import { userOf } from '../http/auth.ts';
import { Closed, errorResponses, TenantParams, Timestamp } from '../http/schemas.ts';
import { bucketMs, bucketOf } from '../usage/usage-fold.ts';

const Granularity = Type.Enum(['hour', 'day'], { type: 'string' });

const UsageQuery = Type.Object(
  {
    from: Type.Optional(
      Timestamp('Start (inclusive); default: 24 hours (hour) or 30 days (day) before `to`.'),
    ),
    to: Type.Optional(Timestamp('End (exclusive); default: the end of the current bucket.')),
    granularity: Type.Optional(Granularity),
    groupBy: Type.Optional(Type.Enum(['key', 'model'], { type: 'string' })),
  },
  Closed,
);

const UsagePointSchema = Type.Object(
  {
    bucket: Timestamp('Start of the bucket.'),
    keyId: Type.Optional(Type.String()),
    model: Type.Optional(Type.String()),
    tokensIn: Type.Integer(),
    tokensOut: Type.Integer(),
    requests: Type.Integer(),
    cached: Type.Integer({ description: 'Requests answered from the response cache.' }),
    errors: Type.Integer({ description: 'Requests that did not end ok.' }),
    avgLatencyMs: Type.Number(),
    maxLatencyMs: Type.Number(),
  },
  Closed,
);

const RequestsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    keyId: Type.Optional(Type.String({ pattern: API_KEY_ID_PATTERN })),
    model: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    status: Type.Optional(Type.Enum([...USAGE_STATUSES], { type: 'string' })),
    before: Type.Optional(Timestamp('Only requests that finished before this time (paging back).')),
  },
  Closed,
);

const RequestSchema = Type.Object(
  {
    requestId: Type.String(),
    keyId: Type.String(),
    model: Type.String(),
    provider: Type.String(),
    status: Type.String(),
    errorCode: Type.Union([Type.String(), Type.Null()]),
    tokensIn: Type.Integer(),
    tokensOut: Type.Integer(),
    cached: Type.Boolean(),
    latencyMs: Type.Number(),
    transport: Type.String(),
    tool: Type.Union([Type.String(), Type.Null()]),
    time: Timestamp('When the request finished.'),
  },
  Closed,
);

/** Usage analytics of a tenant: rollups by hour or day (per key or model) and the recent requests. */
export const usageRoutes: RouteModule = (plain, { services, deps }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['usage'];

  app.get(
    '/v1/tenants/:tenant/usage',
    {
      schema: {
        tags,
        summary: 'Tokens, requests, cache hits, errors and latency per hour or day',
        description: 'Buckets are UTC hours or days; buckets without requests are left out.',
        params: TenantParams,
        querystring: UsageQuery,
        response: {
          200: Type.Object(
            {
              granularity: Granularity,
              from: Timestamp('Start.'),
              to: Timestamp('End.'),
              items: Type.Array(UsagePointSchema),
            },
            Closed,
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { tenant } = request.params;
      await services.tenants.access(userOf(request), tenant);
      const granularity = request.query.granularity ?? 'hour';
      const size = bucketMs(granularity);
      const to =
        request.query.to === undefined
          ? new Date(bucketOf(granularity, deps.clock.now()).getTime() + size)
          : new Date(request.query.to);
      const from =
        request.query.from === undefined
          ? new Date(to.getTime() - (granularity === 'hour' ? 24 : 30) * size)
          : new Date(request.query.from);
      const items = await services.usageReports.series({
        tenant,
        from,
        to,
        granularity,
        groupBy: request.query.groupBy,
      });
      return { granularity, from: from.toISOString(), to: to.toISOString(), items };
    },
  );

  app.get(
    '/v1/tenants/:tenant/requests',
    {
      schema: {
        tags,
        summary: 'The most recent requests, newest first (filter by key, model, status)',
        params: TenantParams,
        querystring: RequestsQuery,
        response: { 200: Type.Object({ items: Type.Array(RequestSchema) }, Closed), ...errorResponses },
      },
    },
    async (request) => {
      const { tenant } = request.params;
      await services.tenants.access(userOf(request), tenant);
      const { query } = request;
      const items = await services.usageReports.requests({
        tenant,
        limit: query.limit ?? 50,
        keyId: query.keyId,
        model: query.model,
        status: query.status,
        before: query.before === undefined ? undefined : new Date(query.before),
      });
      return { items };
    },
  );
};
