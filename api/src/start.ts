import { KubeConfig } from '@kubernetes/client-node';
import { KubeRest } from '@lmo/kube';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { buildApp, type BuildAppOptions, type BuiltApp } from './app.ts';
import { startBackground, type Background, type BackgroundDeps } from './background.ts';
import { systemClock, type Clock } from './clock.ts';
import type { ApiConfig } from './config/api-config.ts';
import type { AppDeps } from './services.ts';
import { openDatabase } from './db/database.ts';
import { migrateLatest } from './db/migrations.ts';
import { DirectoryKeyHashSink } from './keys/directory-key-hash-sink.ts';
import type { KeyHashSink } from './keys/key-hash-sink.ts';
import { KubeKeyHashSink } from './keys/kube-key-hash-sink.ts';
import {
  DirectoryProviderKeys,
  KubeProviderKeys,
  type ProviderKeySource,
} from './knowledge/provider-keys.ts';
import { DatabaseTenantRegistry } from './tenants/database-tenant-registry.ts';
import { KubeTenantRegistry } from './tenants/kube-tenant-registry.ts';
import type { StandaloneRuntimes, SupervisorSettings } from './supervisor/standalone-runtimes.ts';
import type { TenantRegistry } from './tenants/tenant-registry.ts';

/** A listening API and how to stop it. */
export interface RunningApi extends BuiltApp {
  readonly url: string;
  readonly db: Knex;
  /** The usage consumer and billing job, as configured. */
  readonly background: Background;
  /** The standalone runtime supervisor and its proxy, when started with `supervisor`. */
  readonly runtimes: StandaloneRuntimes | undefined;
  /**
   * Stops the tenant runtimes (when supervised) and the background services, closes the server
   * (draining requests), then the database.
   */
  stop(): Promise<void>;
}

/** Options of {@link startApi}. */
export interface StartApiOptions extends BuildAppOptions {
  /** Start the usage consumer and billing job (default true). */
  readonly background?: boolean;
  /**
   * Standalone (`make dev`): run each tenant's runtime as a child process and proxy `/t/<tenant>/`
   * to it (needs the database registry). Absent: no runtimes (a cluster's operator runs them).
   */
  readonly supervisor?: SupervisorSettings;
}

async function standaloneRuntimes(
  config: ApiConfig,
  deps: { registry: TenantRegistry; logger: Logger; clock: Clock },
  settings: SupervisorSettings | undefined,
): Promise<StandaloneRuntimes | undefined> {
  if (settings === undefined) return undefined;
  // Loaded only when asked for: it brings the cdk8s renderer, which a cluster's API never needs.
  const { createStandaloneRuntimes } = await import('./supervisor/standalone-runtimes.ts');
  return createStandaloneRuntimes({ ...deps, tenantsDir: config.tenantsDir }, settings);
}

/** The app's dependencies and options, with the supervisor's registry and proxy routes when supervised. */
function withRuntimes(
  deps: AppDeps,
  options: StartApiOptions,
  runtimes: StandaloneRuntimes | undefined,
): [AppDeps, BuildAppOptions] {
  if (runtimes === undefined) return [deps, options];
  return [
    { ...deps, tenantRegistry: runtimes.registry },
    { ...options, routes: [...(options.routes ?? []), runtimes.routes] },
  ];
}

/** The tenant registry and key-hash sink the configuration asks for. */
export async function createBackends(
  config: ApiConfig,
  db: Knex,
  clock: Clock,
): Promise<{ tenantRegistry: TenantRegistry; keyHashSink: KeyHashSink; providerKeys: ProviderKeySource }> {
  if (config.tenantRegistry === 'database') {
    return {
      tenantRegistry: new DatabaseTenantRegistry(db, clock),
      keyHashSink: new DirectoryKeyHashSink(config.tenantsDir),
      providerKeys: new DirectoryProviderKeys(config.tenantsDir),
    };
  }
  const kc = new KubeConfig();
  if (config.kubeconfig === undefined) kc.loadFromDefault();
  else kc.loadFromFile(config.kubeconfig);
  const rest = await KubeRest.fromKubeConfig(kc);
  return {
    tenantRegistry: new KubeTenantRegistry(rest, config.tenantLabels),
    keyHashSink: new KubeKeyHashSink(rest),
    providerKeys: new KubeProviderKeys(rest),
  };
}

/** The background services, unless the options turn them off. */
function backgroundOf(options: StartApiOptions, deps: BackgroundDeps, built: BuiltApp): Background {
  if (options.background === false) {
    return { consumer: undefined, tailer: undefined, billingJob: undefined, stop: () => Promise.resolve() };
  }
  return startBackground(deps, built);
}

/**
 * Opens the database (migrating it unless `LMO_MIGRATE=false`), connects the backends, ensures
 * the bootstrap admin, builds the app, listens on the configured host and port, and starts the
 * background services the configuration asks for.
 */
export async function startApi(
  config: ApiConfig,
  logger: Logger,
  options: StartApiOptions = {},
): Promise<RunningApi> {
  const db = await openDatabase(config.database);
  let runtimes: StandaloneRuntimes | undefined;
  try {
    if (config.migrate) {
      const applied = await migrateLatest(db);
      if (applied.length > 0) logger.info({ applied }, 'Migrated the database');
    }
    const clock = systemClock;
    const backends = await createBackends(config, db, clock);
    runtimes = await standaloneRuntimes(
      config,
      { registry: backends.tenantRegistry, logger, clock },
      options.supervisor,
    );
    const built = await buildApp(
      ...withRuntimes({ config, db, clock, logger, ...backends }, options, runtimes),
    );
    if (config.bootstrapAdmin !== undefined) {
      const created = await built.services.users.ensurePlatformAdmin(
        config.bootstrapAdmin.email,
        config.bootstrapAdmin.password,
      );
      logger.info({ email: config.bootstrapAdmin.email, created }, 'Ensured the bootstrap platform admin');
    }
    const url = await built.app.listen({ host: config.http.host, port: config.http.port });
    await runtimes?.start(built.app, url);
    const background = backgroundOf(options, { config, db, clock, logger }, built);
    return {
      ...built,
      url,
      db,
      background,
      runtimes,
      stop: async () => {
        await runtimes?.stop();
        await background.stop();
        await built.app.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await runtimes?.stop();
    await db.destroy();
    throw error;
  }
}
