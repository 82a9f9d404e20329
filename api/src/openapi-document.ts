/**
 * The API's OpenAPI document without a server or a real database: the app is built on an empty
 * in-memory PGlite and asked for the document its route schemas make. The dashboard's typed client
 * is generated from it (`dashboard/scripts/generate-api-types.ts`).
 */
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { defaultApiConfig } from './config/api-config.ts';
import { openDatabase } from './db/database.ts';
import { DirectoryKeyHashSink } from './keys/directory-key-hash-sink.ts';
import { DatabaseTenantRegistry } from './tenants/database-tenant-registry.ts';

/** The OpenAPI 3.1 document `/openapi.json` serves. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const config = defaultApiConfig({ DATABASE_URL: 'pglite:memory', LMO_DOCS: 'false' });
  const db = await openDatabase(config.database);
  try {
    const { app } = await buildApp({
      config,
      db,
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      tenantRegistry: new DatabaseTenantRegistry(db, systemClock),
      keyHashSink: new DirectoryKeyHashSink(config.tenantsDir),
    });
    await app.ready();
    const document = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return document;
  } finally {
    await db.destroy();
  }
}
