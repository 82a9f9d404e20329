import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { API_KEY_ID_PATTERN } from '@lmo/contracts';
import Type, { type Static } from 'typebox';
import type { ApiKey } from '../keys/api-keys.ts';
import type { RouteModule } from '../app.ts';
import { userOf } from '../http/auth.ts';
import { Closed, errorResponses, TenantParams, Timestamp } from '../http/schemas.ts';
import { iso, isoOrNull } from './json.ts';

const ApiKeySchema = Type.Object(
  {
    id: Type.String({ description: 'The key id, as usage events name the key.' }),
    name: Type.String(),
    prefix: Type.String({ description: 'lmo_<id>: recognisable, useless to authenticate.' }),
    createdAt: Timestamp('When the key was made.'),
    lastUsedAt: Type.Union([Timestamp('When the key was last used.'), Type.Null()]),
  },
  Closed,
);

const CreatedKey = Type.Object(
  {
    ...ApiKeySchema.properties,
    key: Type.String({
      description: 'The key itself (lmo_<id>_<secret>): shown only in this answer. Keep it secret.',
    }),
  },
  Closed,
);

const CreateBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, Closed);
const KeyParams = Type.Object(
  { ...TenantParams.properties, keyId: Type.String({ pattern: API_KEY_ID_PATTERN }) },
  Closed,
);

const keyJson = (key: ApiKey): Static<typeof ApiKeySchema> => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  createdAt: iso(key.createdAt),
  lastUsedAt: isoOrNull(key.lastUsedAt),
});

/** A tenant's app API keys: create (shown once), list, revoke. Any member may manage them. */
export const apiKeyRoutes: RouteModule = (plain, { services }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['api-keys'];

  app.get(
    '/v1/tenants/:tenant/api-keys',
    {
      schema: {
        tags,
        summary: "The tenant's live API keys",
        params: TenantParams,
        response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }, Closed), ...errorResponses },
      },
    },
    async (request) => {
      await services.tenants.access(userOf(request), request.params.tenant);
      return { items: (await services.apiKeys.list(request.params.tenant)).map(keyJson) };
    },
  );

  app.post(
    '/v1/tenants/:tenant/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key (shown once); its hash reaches the runtime within seconds',
        params: TenantParams,
        body: CreateBody,
        response: { 201: CreatedKey, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { tenant } = request.params;
      await services.tenants.get(user, tenant);
      const created = await services.apiKeys.create(tenant, request.body.name, user.id);
      request.log.info({ tenant, keyId: created.id }, 'Created API key');
      return reply.code(201).send({ ...keyJson(created), key: created.key });
    },
  );

  app.delete(
    '/v1/tenants/:tenant/api-keys/:keyId',
    {
      schema: {
        tags,
        summary: 'Revoke an API key; the runtime refuses it within seconds',
        params: KeyParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, keyId } = request.params;
      await services.tenants.access(userOf(request), tenant);
      await services.apiKeys.revoke(tenant, keyId);
      request.log.info({ tenant, keyId }, 'Revoked API key');
      return reply.code(204).send(null);
    },
  );
};
