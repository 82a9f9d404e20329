import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type Stripe from 'stripe';
import { PersonalAccessTokenService } from './accounts/personal-access-tokens.ts';
import { SessionService } from './accounts/sessions.ts';
import { UserService } from './accounts/users.ts';
import { argon2idHasher, type PasswordHasher } from './auth/passwords.ts';
import { BillingService } from './billing/billing-service.ts';
import { createStripe } from './billing/stripe-client.ts';
import type { Clock } from './clock.ts';
import type { ApiConfig } from './config/api-config.ts';
import { ApiKeyService } from './keys/api-keys.ts';
import type { KeyHashSink } from './keys/key-hash-sink.ts';
import { KnowledgeService, type EmbedderFactory } from './knowledge/knowledge-service.ts';
import { DirectoryProviderKeys, type ProviderKeySource } from './knowledge/provider-keys.ts';
import { embedderForTenant } from './knowledge/tenant-embedder.ts';
import { MembershipService } from './tenants/memberships.ts';
import type { TenantRegistry } from './tenants/tenant-registry.ts';
import { TenantService } from './tenants/tenant-service.ts';
import { UsageReports } from './usage/usage-reports.ts';
import { UsageStore } from './usage/usage-store.ts';

/** Everything the API is built from; all I/O and time come in here, nothing is a module singleton. */
export interface AppDeps {
  /** Parsed, frozen configuration (`parseApiConfig`). */
  readonly config: ApiConfig;
  /** The relational database, migrated (`openDatabase` + `migrateLatest`). */
  readonly db: Knex;
  /** Where tenants live: `DatabaseTenantRegistry` or `KubeTenantRegistry`. */
  readonly tenantRegistry: TenantRegistry;
  /** Where key hashes go: `DirectoryKeyHashSink` or `KubeKeyHashSink`. */
  readonly keyHashSink: KeyHashSink;
  readonly clock: Clock;
  /** pino logger; the app logs requests through it with secrets redacted (see `createLogger`). */
  readonly logger: Logger;
  /** Password hashing; argon2id with OWASP parameters when absent. */
  readonly passwords?: PasswordHasher;
  /** Where metrics are registered; a fresh registry when absent. */
  readonly metricsRegistry?: Registry;
  /** Where tenants' provider keys are read (knowledge embeddings); the tenants directory when absent. */
  readonly providerKeys?: ProviderKeySource;
  /** Picks a tenant's embedder; `embedderForTenant` over `providerKeys` when absent. */
  readonly embedders?: EmbedderFactory;
  /** The Stripe client; made from `config.stripe` when absent (and none without it). */
  readonly stripe?: Stripe;
}

/** The services the route modules use; later modules (knowledge, usage, billing) add theirs here. */
export interface Services {
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly tokens: PersonalAccessTokenService;
  readonly members: MembershipService;
  readonly tenants: TenantService;
  readonly apiKeys: ApiKeyService;
  readonly registry: TenantRegistry;
  readonly knowledge: KnowledgeService;
  /** Folds usage events (the Kafka consumer and the file tailer write through it). */
  readonly usage: UsageStore;
  readonly usageReports: UsageReports;
  readonly billing: BillingService;
  /** The Stripe client, when billing with Stripe is configured. */
  readonly stripe: Stripe | undefined;
}

function embedderFactory(deps: AppDeps): EmbedderFactory {
  if (deps.embedders !== undefined) return deps.embedders;
  const keys = deps.providerKeys ?? new DirectoryProviderKeys(deps.config.tenantsDir);
  const allowPrivateNetworks = deps.config.knowledge.allowPrivateNetworks;
  return (tenant, spec) => embedderForTenant(tenant, spec, { keys, allowPrivateNetworks });
}

/** Wires the services from the dependencies. */
export function createServices(deps: AppDeps): Services {
  const { config, db, clock } = deps;
  const members = new MembershipService(db, clock, config.invitationTtlHours);
  const apiKeys = new ApiKeyService(db, deps.keyHashSink, clock);
  const usageReports = new UsageReports(db);
  const usage = new UsageStore(db, clock, (keyId, at) => apiKeys.markUsed(keyId, at));
  const knowledge = new KnowledgeService({
    db,
    registry: deps.tenantRegistry,
    embedders: embedderFactory(deps),
    clock,
  });
  const forget = async (tenant: string): Promise<void> => {
    await knowledge.deleteTenant(tenant);
    await usage.deleteTenant(tenant);
  };
  const stripe = deps.stripe ?? (config.stripe === undefined ? undefined : createStripe(config.stripe));
  return {
    users: new UserService(db, deps.passwords ?? argon2idHasher(), clock),
    sessions: new SessionService(db, clock, config.sessionTtlSeconds),
    tokens: new PersonalAccessTokenService(db, clock),
    members,
    tenants: new TenantService(deps.tenantRegistry, members, apiKeys, forget),
    apiKeys,
    registry: deps.tenantRegistry,
    knowledge,
    usage,
    usageReports,
    billing: new BillingService({
      db,
      clock,
      logger: deps.logger,
      usage: usageReports,
      registry: deps.tenantRegistry,
      stripe,
      webhookSecret: config.stripe?.webhookSecret,
    }),
    stripe,
  };
}
