import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_HEADER } from './schemas.ts';
import { SESSION_COOKIE } from './auth.ts';

/** Options of the {@link docsPlugin}. */
export interface DocsOptions {
  /** Serve the browsable docs at `/docs` (the document at `/openapi.json` is always served). */
  readonly ui: boolean;
}

/** The OpenAPI 3.1 document at `/openapi.json`, generated from the route schemas, and docs at `/docs`. */
export const docsPlugin = fp<DocsOptions>(
  async (app: FastifyInstance, options) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'LMO platform API',
          version: '1',
          description:
            'Accounts, tenants, API keys, knowledge, usage and billing of the LMO platform. Errors are always `{ error: { code, message, details? } }` with a stable `LMO_*` code. Browser sessions send the CSRF token from `GET /v1/me` in `x-csrf-token` on every write; personal access tokens need none.',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
            csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
            token: { type: 'http', scheme: 'bearer', description: 'A personal access token, lmo_pat_…' },
          },
        },
        security: [{ session: [], csrf: [] }, { token: [] }],
      },
    });
    app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, (_request, reply) =>
      reply.send(app.swagger()),
    );
    if (options.ui) {
      await app.register(async (docs) => {
        // The docs' own routes carry no schema of ours: mark them public and out of the document.
        docs.addHook('onRoute', (route) => {
          route.config = { ...route.config, public: true };
          route.schema = { ...route.schema, hide: true };
        });
        await docs.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
      });
    }
  },
  { name: 'lmo-docs' },
);
