import { KubeConfig } from '@kubernetes/client-node';
import { KubeRest } from '@lmo/kube';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { buildApp, type BuildAppOptions, type BuiltApp } from './app.ts';
import { systemClock, type Clock } from './clock.ts';
import type { ApiConfig } from './config/api-config.ts';
import { openDatabase } from './db/database.ts';
import { migrateLatest } from './db/migrations.ts';
import { DirectoryKeyHashSink } from './keys/directory-key-hash-sink.ts';
import type { KeyHashSink } from './keys/key-hash-sink.ts';
import { KubeKeyHashSink } from './keys/kube-key-hash-sink.ts';
import { DatabaseTenantRegistry } from './tenants/database-tenant-registry.ts';
import { KubeTenantRegistry } from './tenants/kube-tenant-registry.ts';
import type { TenantRegistry } from './tenants/tenant-registry.ts';

/** A listening API and how to stop it. */
export interface RunningApi extends BuiltApp {
  readonly url: string;
  readonly db: Knex;
  /** Closes the server (draining requests), then the database. */
  stop(): Promise<void>;
}

/** The tenant registry and key-hash sink the configuration asks for. */
export async function createBackends(
  config: ApiConfig,
  db: Knex,
  clock: Clock,
): Promise<{ tenantRegistry: TenantRegistry; keyHashSink: KeyHashSink }> {
  if (config.tenantRegistry === 'database') {
    return {
      tenantRegistry: new DatabaseTenantRegistry(db, clock),
      keyHashSink: new DirectoryKeyHashSink(config.tenantsDir),
    };
  }
  const kc = new KubeConfig();
  if (config.kubeconfig === undefined) kc.loadFromDefault();
  else kc.loadFromFile(config.kubeconfig);
  const rest = await KubeRest.fromKubeConfig(kc);
  return {
    tenantRegistry: new KubeTenantRegistry(rest, config.tenantLabels),
    keyHashSink: new KubeKeyHashSink(rest),
  };
}

/**
 * Opens the database (migrating it unless `LMO_MIGRATE=false`), connects the backends, ensures
 * the bootstrap admin, builds the app and listens on the configured host and port.
 */
export async function startApi(
  config: ApiConfig,
  logger: Logger,
  options: BuildAppOptions = {},
): Promise<RunningApi> {
  const db = await openDatabase(config.database);
  try {
    if (config.migrate) {
      const applied = await migrateLatest(db);
      if (applied.length > 0) logger.info({ applied }, 'Migrated the database');
    }
    const clock = systemClock;
    const backends = await createBackends(config, db, clock);
    const built = await buildApp({ config, db, clock, logger, ...backends }, options);
    if (config.bootstrapAdmin !== undefined) {
      const created = await built.services.users.ensurePlatformAdmin(
        config.bootstrapAdmin.email,
        config.bootstrapAdmin.password,
      );
      logger.info({ email: config.bootstrapAdmin.email, created }, 'Ensured the bootstrap platform admin');
    }
    const url = await built.app.listen({ host: config.http.host, port: config.http.port });
    return {
      ...built,
      url,
      db,
      stop: async () => {
        await built.app.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
