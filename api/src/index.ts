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
export { startBackground, type Background, type BackgroundDeps } from './background.ts';
export {
  searchChunks,
  listDocuments,
  readDocument,
  vectorLiteral,
  type KnowledgeDocument,
  type KnowledgeHit,
} from '@lmo/knowledge';
export {
  KnowledgeService,
  type EmbedderFactory,
  type KnowledgeUpload,
} from './knowledge/knowledge-service.ts';
export { chunkText, DEFAULT_CHUNK_OPTIONS, type ChunkOptions } from './knowledge/text-chunker.ts';
export { EMBEDDING_DIMENSIONS, echoEmbedder, OpenAiEmbedder, type Embedder } from './knowledge/embedders.ts';
export { embedderForTenant, type EmbedderDeps } from './knowledge/tenant-embedder.ts';
export {
  DirectoryProviderKeys,
  KubeProviderKeys,
  PROVIDER_KEY_ENTRY,
  type ProviderKeySource,
} from './knowledge/provider-keys.ts';
export { ensureVectorSchema, vectorColumnExists } from './knowledge/vector-schema.ts';
export { UsageStore, type FoldResult, type KeyUseRecorder } from './usage/usage-store.ts';
export { UsageReports, type UsagePoint, type RecentRequest } from './usage/usage-reports.ts';
export { KafkaUsageConsumer, type KafkaUsageConsumerOptions } from './usage/kafka-usage-consumer.ts';
export {
  UsageFileTailer,
  USAGE_EVENTS_FILE,
  type UsageFileTailerOptions,
} from './usage/usage-file-tailer.ts';
export {
  BillingJob,
  type BillingJobDeps,
  type BillingRecord,
  type HourResult,
} from './billing/billing-job.ts';
export {
  PrometheusTokenSource,
  billingIdentifier,
  type TokenSource,
  type TokenWindow,
} from './billing/token-source.ts';
export { ScrapeTokenSource } from './billing/scrape-token-source.ts';
export { StripeMeterReporter, type MeterReporter, type MeterEvent } from './billing/meter-reporter.ts';
export { BillingService } from './billing/billing-service.ts';
export { BillingAccounts, type BillingAccount } from './billing/billing-accounts.ts';
export { BILLING_PLANS, planOf, meteredCostCents, type BillingPlan } from './billing/billing-plans.ts';
export { reconcileHour, reconciliationGauge, RECONCILIATION_GAUGE } from './billing/reconciliation.ts';
export { createStripe } from './billing/stripe-client.ts';
export { openApiDocument } from './openapi-document.ts';
