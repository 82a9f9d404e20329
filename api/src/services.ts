import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { PersonalAccessTokenService } from './accounts/personal-access-tokens.ts';
import { SessionService } from './accounts/sessions.ts';
import { UserService } from './accounts/users.ts';
import { argon2idHasher, type PasswordHasher } from './auth/passwords.ts';
import type { Clock } from './clock.ts';
import type { ApiConfig } from './config/api-config.ts';
import { ApiKeyService } from './keys/api-keys.ts';
import type { KeyHashSink } from './keys/key-hash-sink.ts';
import { MembershipService } from './tenants/memberships.ts';
import type { TenantRegistry } from './tenants/tenant-registry.ts';
import { TenantService } from './tenants/tenant-service.ts';

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
}

/** Wires the services from the dependencies. */
export function createServices(deps: AppDeps): Services {
  const { config, db, clock } = deps;
  const members = new MembershipService(db, clock, config.invitationTtlHours);
  const apiKeys = new ApiKeyService(db, deps.keyHashSink, clock);
  return {
    users: new UserService(db, deps.passwords ?? argon2idHasher(), clock),
    sessions: new SessionService(db, clock, config.sessionTtlSeconds),
    tokens: new PersonalAccessTokenService(db, clock),
    members,
    tenants: new TenantService(deps.tenantRegistry, members, apiKeys),
    apiKeys,
    registry: deps.tenantRegistry,
  };
}
