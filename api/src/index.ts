/**
 * @lmo/api — the LMO platform API as a library: build it (`buildApp`), start it as `main.ts` does
 * (`startApi`), or use its parts (registries, key-hash sinks, services) from jobs and supervisors.
 */
export {
  buildApp,
  ROUTE_MODULES,
  type BuildAppOptions,
  type BuiltApp,
  type RouteContext,
  type RouteModule,
} from './app.ts';
export { createServices, type AppDeps, type Services } from './services.ts';
export { startApi, createBackends, type RunningApi } from './start.ts';
export {
  parseApiConfig,
  defaultApiConfig,
  API_ENV_HELP,
  type ApiConfig,
  type ApiConfigResult,
  type DatabaseConfig,
} from './config/api-config.ts';
export { openDatabase, pingDatabase } from './db/database.ts';
export {
  migrateLatest,
  migrateUp,
  migrateRollbackAll,
  listMigrations,
  MIGRATIONS,
  type MigrationModule,
} from './db/migrations.ts';
export { createLogger, REDACT_PATHS } from './logger.ts';
export { systemClock, type Clock } from './clock.ts';
export { argon2idHasher, type PasswordHasher } from './auth/passwords.ts';
export { SESSION_COOKIE, userOf, type Principal } from './http/auth.ts';
export { CSRF_HEADER, ErrorBodySchema, errorResponses } from './http/schemas.ts';
export { toHttpError } from './http/error-mapping.ts';
export { withPhase, type TenantRecord, type TenantRegistry } from './tenants/tenant-registry.ts';
export { DatabaseTenantRegistry } from './tenants/database-tenant-registry.ts';
export { KubeTenantRegistry, MANAGED_BY_LABEL } from './tenants/kube-tenant-registry.ts';
export {
  TenantService,
  type TenantAccess,
  type TenantView,
  type NewTenant,
} from './tenants/tenant-service.ts';
export { MembershipService, type Member, type Invitation, type TenantRole } from './tenants/memberships.ts';
export {
  TenantSettingsPatchSchema,
  applySettings,
  mergePatch,
  type TenantSettingsPatch,
} from './tenants/tenant-settings.ts';
export type { KeyHashSink } from './keys/key-hash-sink.ts';
export { DirectoryKeyHashSink, tenantSecretsDir } from './keys/directory-key-hash-sink.ts';
export { KubeKeyHashSink, RUNTIME_SECRET_NAME, API_FIELD_MANAGER } from './keys/kube-key-hash-sink.ts';
export { ApiKeyService, type ApiKey } from './keys/api-keys.ts';
export { UserService, type User } from './accounts/users.ts';
export { SessionService } from './accounts/sessions.ts';
export {
  PersonalAccessTokenService,
  PAT_PREFIX,
  type PersonalAccessToken,
} from './accounts/personal-access-tokens.ts';
