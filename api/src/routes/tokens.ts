import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type, { type Static } from 'typebox';
import type { PersonalAccessToken } from '../accounts/personal-access-tokens.ts';
import type { RouteModule } from '../app.ts';
import { userOf } from '../http/auth.ts';
import { Closed, errorResponses, Timestamp } from '../http/schemas.ts';
import { iso, isoOrNull } from './json.ts';

const TokenSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'lmo_pat_<id>: recognisable, useless to authenticate.' }),
    createdAt: Timestamp('When the token was made.'),
    expiresAt: Type.Union([Timestamp('When it stops working.'), Type.Null()]),
    lastUsedAt: Type.Union([Timestamp('When it was last used.'), Type.Null()]),
  },
  Closed,
);

const CreatedToken = Type.Object(
  {
    ...TokenSchema.properties,
    token: Type.String({ description: 'The token itself: shown only in this answer. Keep it secret.' }),
  },
  Closed,
);

const CreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'What the token is for.' }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  Closed,
);

const tokenJson = (token: PersonalAccessToken): Static<typeof TokenSchema> => ({
  id: token.id,
  name: token.name,
  prefix: token.prefix,
  createdAt: iso(token.createdAt),
  expiresAt: isoOrNull(token.expiresAt),
  lastUsedAt: isoOrNull(token.lastUsedAt),
});

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, Closed);

/** Personal access tokens: `Authorization: Bearer lmo_pat_…` for automation; no CSRF token needed. */
export const tokenRoutes: RouteModule = (plain, { services }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['tokens'];

  app.get(
    '/v1/tokens',
    {
      schema: {
        tags,
        summary: "The caller's live personal access tokens",
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }, Closed), ...errorResponses },
      },
    },
    async (request) => ({ items: (await services.tokens.list(userOf(request).id)).map(tokenJson) }),
  );

  app.post(
    '/v1/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal access token (shown once)',
        body: CreateBody,
        response: { 201: CreatedToken, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const created = await services.tokens.create(user.id, request.body.name, request.body.expiresInDays);
      request.log.info({ userId: user.id, tokenId: created.id }, 'Created personal access token');
      return reply.code(201).send({ ...tokenJson(created), token: created.token });
    },
  );

  app.delete(
    '/v1/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a personal access token',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.tokens.revoke(userOf(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
