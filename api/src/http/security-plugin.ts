import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_HEADER } from './schemas.ts';

/** Options of the {@link securityPlugin}. */
export interface SecurityOptions {
  /** Origins the dashboard may call from, with credentials. Empty: no cross-origin calls. */
  readonly corsOrigins: readonly string[];
}

/** Security headers (helmet) and CORS limited to the configured origins. */
export const securityPlugin = fp<SecurityOptions>(
  async (app: FastifyInstance, options) => {
    await app.register(helmet, { global: true });
    await app.register(cors, {
      origin: options.corsOrigins.length === 0 ? false : [...options.corsOrigins],
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowedHeaders: ['content-type', 'authorization', CSRF_HEADER],
      maxAge: 600,
    });
  },
  { name: 'lmo-security' },
);
