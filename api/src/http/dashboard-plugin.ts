import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Options of the {@link dashboardPlugin}. */
export interface DashboardOptions {
  /** The dashboard's build output (`dashboard/dist`): `index.html` and hashed `assets/`. */
  readonly root: string;
}

/**
 * The dashboard's client-side routes: a browser that opens or reloads one of them gets
 * `index.html`, and the React router takes over. Everything else (`/v1/…`, `/t/…`, `/docs`) stays
 * the API's, so an unknown API path is still `404 LMO_METHOD_NOT_FOUND`, not the dashboard.
 */
export const DASHBOARD_ROUTES: readonly string[] = [
  '/login',
  '/signup',
  '/invitations/*',
  '/tenants',
  '/tenants/*',
  '/admin',
  '/admin/*',
];

/**
 * Serves the built dashboard on the API's own origin (so its session cookie and CSRF rules apply
 * unchanged, and no CORS is needed): the files at `/`, hashed assets cached for a year,
 * `index.html` never cached. @throws {Error} when `root` holds no build.
 */
export const dashboardPlugin = fp<DashboardOptions>(
  async (app: FastifyInstance, options) => {
    if (!existsSync(join(options.root, 'index.html'))) {
      throw new Error(
        `LMO_DASHBOARD_DIR ${options.root} holds no dashboard build (index.html): run \`npm run build -w dashboard\``,
      );
    }
    await app.register(async (files) => {
      files.addHook('onRoute', (route) => {
        route.config = { ...route.config, public: true };
        route.schema = { ...route.schema, hide: true };
      });
      await files.register(fastifyStatic, {
        root: options.root,
        prefix: '/',
        wildcard: false,
        index: ['index.html'],
        setHeaders: (response, path) => {
          const hashed = relative(options.root, path).startsWith(`assets${sep}`);
          void response.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      for (const url of DASHBOARD_ROUTES) {
        files.get(url, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
      }
    });
  },
  { name: 'lmo-dashboard' },
);
