import { resolve } from 'node:path';
import { EMAIL_PATTERN, issuesFromSchemaErrors } from '@lmo/contracts';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const BROKERS_PATTERN = '^[A-Za-z0-9.-]+:[0-9]{1,5}(,[A-Za-z0-9.-]+:[0-9]{1,5})*$';
const HTTP_URL = '^https?://[^\\s]+$';

/**
 * The API's environment, as a schema: each variable's type, range and default. Parsing
 * converts strings to numbers and booleans, fills defaults and lists every problem at once.
 */
export const ApiEnvSchema = Type.Object({
  LMO_API_HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  LMO_API_PORT: Type.Integer({ default: 8080, minimum: 0, maximum: 65_535 }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^(postgres(ql)?://|pglite:)' })),
  LMO_DATA_DIR: Type.String({ default: '.lmo', minLength: 1 }),
  LMO_TENANTS_DIR: Type.Optional(Type.String({ minLength: 1 })),
  LMO_TENANT_REGISTRY: Type.Enum(['database', 'kubernetes'], { type: 'string', default: 'database' }),
  KUBECONFIG: Type.Optional(Type.String()),
  LMO_TENANT_LABELS: Type.String({
    default: '',
    pattern: '^([A-Za-z0-9./_-]+=[A-Za-z0-9._-]*(,[A-Za-z0-9./_-]+=[A-Za-z0-9._-]*)*)?$',
  }),
  LMO_CORS_ORIGINS: Type.String({ default: '' }),
  LMO_TRUST_PROXY: Type.Boolean({ default: false }),
  LMO_COOKIE_SECURE: Type.Boolean({ default: true }),
  LMO_SESSION_TTL_SECONDS: Type.Integer({ default: 604_800, minimum: 60, maximum: 31_536_000 }),
  LMO_INVITATION_TTL_HOURS: Type.Integer({ default: 168, minimum: 1, maximum: 8_760 }),
  LMO_BODY_LIMIT_BYTES: Type.Integer({ default: 1_048_576, minimum: 1_024, maximum: 104_857_600 }),
  LMO_AUTH_RATE_LIMIT_MAX: Type.Integer({ default: 10, minimum: 1, maximum: 100_000 }),
  LMO_AUTH_RATE_LIMIT_WINDOW_SECONDS: Type.Integer({ default: 60, minimum: 1, maximum: 86_400 }),
  LMO_DOCS: Type.Boolean({ default: true }),
  LMO_DASHBOARD_DIR: Type.Optional(Type.String({ minLength: 1 })),
  LMO_MIGRATE: Type.Boolean({ default: true }),
  LMO_BOOTSTRAP_ADMIN_EMAIL: Type.Optional(Type.String({ pattern: EMAIL_PATTERN, maxLength: 254 })),
  LMO_BOOTSTRAP_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 12, maxLength: 1024 })),
  LOG_LEVEL: Type.Enum([...LEVELS], { type: 'string', default: 'info' }),
  LMO_KNOWLEDGE_MAX_BYTES: Type.Integer({ default: 10_485_760, minimum: 1_024, maximum: 104_857_600 }),
  LMO_PROVIDER_ALLOW_PRIVATE_NETWORKS: Type.Boolean({ default: false }),
  KAFKA_BROKERS: Type.Optional(Type.String({ pattern: BROKERS_PATTERN })),
  LMO_USAGE_TOPIC: Type.String({ default: 'lmo.usage.v1', pattern: '^[A-Za-z0-9._-]{1,249}$' }),
  LMO_USAGE_GROUP_ID: Type.String({ default: 'lmo-api-usage', pattern: '^[A-Za-z0-9._-]{1,249}$' }),
  LMO_USAGE_SOURCE: Type.Enum(['auto', 'kafka', 'files', 'none'], { type: 'string', default: 'auto' }),
  PROMETHEUS_URL: Type.Optional(Type.String({ pattern: HTTP_URL })),
  LMO_RUNTIME_METRICS_URLS: Type.String({ default: '' }),
  LMO_BILLING_INTERVAL_SECONDS: Type.Integer({ default: 60, minimum: 1, maximum: 3_600 }),
  LMO_BILLING_GRACE_SECONDS: Type.Integer({ default: 120, minimum: 0, maximum: 3_600 }),
  LMO_BILLING_LOOKBACK_HOURS: Type.Integer({ default: 24, minimum: 1, maximum: 720 }),
  STRIPE_SECRET_KEY: Type.Optional(Type.String({ pattern: '^(sk|rk)_[A-Za-z0-9_]+$' })),
  STRIPE_API_BASE: Type.Optional(Type.String({ pattern: HTTP_URL })),
  STRIPE_WEBHOOK_SECRET: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9_+/=]+$' })),
  LMO_STRIPE_METER_EVENT: Type.String({ default: 'lmo_tokens', pattern: '^[A-Za-z0-9_.-]{1,100}$' }),
});

/** The parsed environment, before it is shaped into an {@link ApiConfig}. */
export type ApiEnv = Static<typeof ApiEnvSchema>;

/** Help for each variable, for `--help` and the README. */
export const API_ENV_HELP: Readonly<Record<keyof ApiEnv, string>> = {
  LMO_API_HOST: 'address to listen on (default 127.0.0.1)',
  LMO_API_PORT: 'port to listen on (default 8080; 0 = any free port)',
  DATABASE_URL: 'postgres://… for PostgreSQL; pglite:<dir> or pglite:memory (default pglite:<data>/pglite)',
  LMO_DATA_DIR: 'standalone data directory (default .lmo)',
  LMO_TENANTS_DIR: "standalone tenants' config directories (default <data>/tenants)",
  LMO_TENANT_REGISTRY: 'database (standalone) or kubernetes (Tenant resources) (default database)',
  KUBECONFIG: 'kubeconfig for kubernetes mode (default: in-cluster, then ~/.kube/config)',
  LMO_TENANT_LABELS: 'k=v,... labels put on Tenants the API creates; it sees only those (default none)',
  LMO_CORS_ORIGINS: 'comma-separated origins the browser may call from (default none)',
  LMO_TRUST_PROXY: 'trust X-Forwarded-For/-Proto from an ingress (default false)',
  LMO_COOKIE_SECURE: 'mark the session cookie Secure (default true)',
  LMO_SESSION_TTL_SECONDS: 'session lifetime in seconds (default 604800, a week)',
  LMO_INVITATION_TTL_HOURS: 'how long an invitation can be accepted (default 168)',
  LMO_BODY_LIMIT_BYTES: 'largest request body (default 1048576)',
  LMO_AUTH_RATE_LIMIT_MAX: 'sign-up and login attempts per client address and window (default 10)',
  LMO_AUTH_RATE_LIMIT_WINDOW_SECONDS: 'the rate-limit window (default 60)',
  LMO_DOCS: 'serve the browsable docs at /docs (default true)',
  LMO_DASHBOARD_DIR:
    "serve the dashboard's built files (dashboard/dist) from this directory at / (default none; make dev sets it)",
  LMO_MIGRATE: 'apply database migrations at start (default true)',
  LMO_BOOTSTRAP_ADMIN_EMAIL: 'create this platform admin at start unless the account exists (optional)',
  LMO_BOOTSTRAP_ADMIN_PASSWORD: 'its password, at least 12 characters (required with the e-mail)',
  LOG_LEVEL: 'pino level: fatal, error, warn, info, debug, trace, silent (default info)',
  LMO_KNOWLEDGE_MAX_BYTES: 'largest knowledge upload (text, Markdown, PDF) in bytes (default 10485760)',
  LMO_PROVIDER_ALLOW_PRIVATE_NETWORKS:
    'let tenants embed through providers on private or loopback addresses (default false)',
  KAFKA_BROKERS: 'host:port,... of Kafka; usage events are consumed from there when set (optional)',
  LMO_USAGE_TOPIC: 'the usage event topic (default lmo.usage.v1)',
  LMO_USAGE_GROUP_ID: "the usage consumer's group id (default lmo-api-usage)",
  LMO_USAGE_SOURCE:
    'auto, kafka, files (tail <tenants>/<t>/usage-events.jsonl) or none (default auto: kafka with KAFKA_BROKERS, files with the database registry)',
  PROMETHEUS_URL: 'Prometheus base URL; the billing job reads lmo_tokens_total from it (optional)',
  LMO_RUNTIME_METRICS_URLS:
    "without Prometheus: comma-separated runtimes' /metrics URLs the billing job scrapes itself (default none)",
  LMO_BILLING_INTERVAL_SECONDS: 'how often the billing job looks for closed hours (default 60)',
  LMO_BILLING_GRACE_SECONDS: 'how long after an hour ends before it is billed (default 120)',
  LMO_BILLING_LOOKBACK_HOURS: 'how many closed hours back the billing job catches up (default 24)',
  STRIPE_SECRET_KEY: 'Stripe secret key; without it usage is recorded but not reported (optional)',
  STRIPE_API_BASE: 'Stripe API base URL, e.g. stripe-mock (default https://api.stripe.com)',
  STRIPE_WEBHOOK_SECRET: 'signing secret of the Stripe webhook endpoint, whsec_... (optional)',
  LMO_STRIPE_METER_EVENT: 'event name of the Stripe billing meter for tokens (default lmo_tokens)',
};

/** Where the relational data lives. */
export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'pglite'; readonly dataDir: string | undefined };

/** Where usage events come from: a Kafka consumer group, the runtimes' local files, or nowhere. */
export type UsageSourceConfig =
  | {
      readonly kind: 'kafka';
      readonly brokers: readonly string[];
      readonly topic: string;
      readonly groupId: string;
    }
  | { readonly kind: 'files'; readonly dir: string }
  | { readonly kind: 'none' };

/** The hourly billing job: where token counts come from, and its pace. */
export interface BillingConfig {
  /** Prometheus, the runtimes' own /metrics read directly (make dev), or no job at all. */
  readonly tokens:
    | { readonly kind: 'prometheus'; readonly url: string }
    | { readonly kind: 'scrape'; readonly urls: readonly string[] }
    | { readonly kind: 'none' };
  readonly intervalSeconds: number;
  readonly graceSeconds: number;
  readonly lookbackHours: number;
}

/** Stripe, when configured: customers, meter events, invoices and the webhook. */
export interface StripeConfig {
  readonly secretKey: string;
  /** The API base (stripe-mock in tests); Stripe's own when absent. */
  readonly apiBase: string | undefined;
  readonly webhookSecret: string | undefined;
  readonly meterEventName: string;
}

/** Everything the API runs with, parsed once at start and frozen. */
export interface ApiConfig {
  readonly http: { readonly host: string; readonly port: number; readonly trustProxy: boolean };
  readonly database: DatabaseConfig;
  readonly migrate: boolean;
  readonly tenantRegistry: 'database' | 'kubernetes';
  readonly kubeconfig: string | undefined;
  /** Labels stamped on (and required of) the Tenants this API manages. */
  readonly tenantLabels: Readonly<Record<string, string>>;
  /** Standalone: `<tenantsDir>/<tenant>/secrets/api-key.<id>` holds the key hashes. */
  readonly tenantsDir: string;
  readonly corsOrigins: readonly string[];
  readonly cookieSecure: boolean;
  readonly sessionTtlSeconds: number;
  readonly invitationTtlHours: number;
  readonly bodyLimitBytes: number;
  readonly authRateLimit: { readonly max: number; readonly windowSeconds: number };
  readonly docs: boolean;
  /** The dashboard's built files, served at `/` on the API's own origin; none when absent. */
  readonly dashboardDir: string | undefined;
  readonly bootstrapAdmin: { readonly email: string; readonly password: string } | undefined;
  readonly logLevel: (typeof LEVELS)[number];
  readonly knowledge: { readonly maxUploadBytes: number; readonly allowPrivateNetworks: boolean };
  readonly usage: UsageSourceConfig;
  readonly billing: BillingConfig;
  readonly stripe: StripeConfig | undefined;
}

/** The outcome of {@link parseApiConfig}: a frozen config, or every problem found. */
export type ApiConfigResult =
  | { readonly ok: true; readonly config: ApiConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

const KNOWN = Object.keys(ApiEnvSchema.properties);

function pickKnown(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of KNOWN) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  return picked;
}

function parseLabels(text: string): Record<string, string> {
  if (text === '') return {};
  return Object.fromEntries(text.split(',').map((pair) => pair.split('=', 2) as [string, string]));
}

function databaseOf(env: ApiEnv, dataDir: string): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url === undefined) return { kind: 'pglite', dataDir: resolve(dataDir, 'pglite') };
  if (!url.startsWith('pglite:')) return { kind: 'postgres', url };
  const dir = url.slice('pglite:'.length);
  return { kind: 'pglite', dataDir: dir === 'memory' ? undefined : resolve(dir) };
}

function backgroundProblems(env: ApiEnv): string[] {
  const problems: string[] = [];
  if (env.LMO_USAGE_SOURCE === 'kafka' && env.KAFKA_BROKERS === undefined) {
    problems.push('LMO_USAGE_SOURCE=kafka needs KAFKA_BROKERS');
  }
  if (env.STRIPE_SECRET_KEY === undefined) {
    for (const name of ['STRIPE_API_BASE', 'STRIPE_WEBHOOK_SECRET'] as const) {
      if (env[name] !== undefined) problems.push(`${name} needs STRIPE_SECRET_KEY`);
    }
  }
  for (const url of listOf(env.LMO_RUNTIME_METRICS_URLS)) {
    if (!/^https?:\/\//.test(url) || !URL.canParse(url)) {
      problems.push(`LMO_RUNTIME_METRICS_URLS: "${url}" is not an http(s) URL`);
    }
  }
  return problems;
}

function crossFieldProblems(env: ApiEnv): string[] {
  const problems = backgroundProblems(env);
  if ((env.LMO_BOOTSTRAP_ADMIN_EMAIL === undefined) !== (env.LMO_BOOTSTRAP_ADMIN_PASSWORD === undefined)) {
    problems.push(
      'LMO_BOOTSTRAP_ADMIN_EMAIL and LMO_BOOTSTRAP_ADMIN_PASSWORD go together: set both or neither',
    );
  }
  const origins = env.LMO_CORS_ORIGINS.split(',').filter((o) => o !== '');
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      problems.push(`LMO_CORS_ORIGINS: "${origin}" is not an origin such as https://app.example.com`);
    }
  }
  return problems;
}

const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function usageOf(env: ApiEnv, tenantsDir: string): UsageSourceConfig {
  const source =
    env.LMO_USAGE_SOURCE !== 'auto'
      ? env.LMO_USAGE_SOURCE
      : env.KAFKA_BROKERS !== undefined
        ? 'kafka'
        : env.LMO_TENANT_REGISTRY === 'database'
          ? 'files'
          : 'none';
  if (source === 'files') return { kind: 'files', dir: tenantsDir };
  if (source === 'none' || env.KAFKA_BROKERS === undefined) return { kind: 'none' };
  return {
    kind: 'kafka',
    brokers: listOf(env.KAFKA_BROKERS),
    topic: env.LMO_USAGE_TOPIC,
    groupId: env.LMO_USAGE_GROUP_ID,
  };
}

function billingOf(env: ApiEnv): BillingConfig {
  const urls = listOf(env.LMO_RUNTIME_METRICS_URLS);
  const tokens: BillingConfig['tokens'] =
    env.PROMETHEUS_URL !== undefined
      ? { kind: 'prometheus', url: env.PROMETHEUS_URL.replace(/\/+$/, '') }
      : urls.length > 0
        ? { kind: 'scrape', urls }
        : { kind: 'none' };
  return {
    tokens,
    intervalSeconds: env.LMO_BILLING_INTERVAL_SECONDS,
    graceSeconds: env.LMO_BILLING_GRACE_SECONDS,
    lookbackHours: env.LMO_BILLING_LOOKBACK_HOURS,
  };
}

function stripeOf(env: ApiEnv): StripeConfig | undefined {
  if (env.STRIPE_SECRET_KEY === undefined) return undefined;
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    apiBase: env.STRIPE_API_BASE,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    meterEventName: env.LMO_STRIPE_METER_EVENT,
  };
}

function shape(env: ApiEnv): ApiConfig {
  const dataDir = resolve(env.LMO_DATA_DIR);
  const tenantsDir = resolve(env.LMO_TENANTS_DIR ?? resolve(dataDir, 'tenants'));
  const admin =
    env.LMO_BOOTSTRAP_ADMIN_EMAIL !== undefined && env.LMO_BOOTSTRAP_ADMIN_PASSWORD !== undefined
      ? { email: env.LMO_BOOTSTRAP_ADMIN_EMAIL, password: env.LMO_BOOTSTRAP_ADMIN_PASSWORD }
      : undefined;
  return {
    http: { host: env.LMO_API_HOST, port: env.LMO_API_PORT, trustProxy: env.LMO_TRUST_PROXY },
    database: databaseOf(env, dataDir),
    migrate: env.LMO_MIGRATE,
    tenantRegistry: env.LMO_TENANT_REGISTRY,
    kubeconfig: env.KUBECONFIG,
    tenantLabels: parseLabels(env.LMO_TENANT_LABELS),
    tenantsDir,
    corsOrigins: env.LMO_CORS_ORIGINS.split(',').filter((o) => o !== ''),
    cookieSecure: env.LMO_COOKIE_SECURE,
    sessionTtlSeconds: env.LMO_SESSION_TTL_SECONDS,
    invitationTtlHours: env.LMO_INVITATION_TTL_HOURS,
    bodyLimitBytes: env.LMO_BODY_LIMIT_BYTES,
    authRateLimit: {
      max: env.LMO_AUTH_RATE_LIMIT_MAX,
      windowSeconds: env.LMO_AUTH_RATE_LIMIT_WINDOW_SECONDS,
    },
    docs: env.LMO_DOCS,
    dashboardDir: env.LMO_DASHBOARD_DIR === undefined ? undefined : resolve(env.LMO_DASHBOARD_DIR),
    bootstrapAdmin: admin,
    logLevel: env.LOG_LEVEL,
    knowledge: {
      maxUploadBytes: env.LMO_KNOWLEDGE_MAX_BYTES,
      allowPrivateNetworks: env.LMO_PROVIDER_ALLOW_PRIVATE_NETWORKS,
    },
    usage: usageOf(env, tenantsDir),
    billing: billingOf(env),
    stripe: stripeOf(env),
  };
}

/**
 * Parses the environment (and any overrides, which win) into a frozen {@link ApiConfig}. Pure: it
 * reads only its arguments, and lists every problem (`LMO_API_PORT: must be <= 65535`) rather than
 * stopping at the first, so a person fixes them all in one go. Never throws.
 */
export function parseApiConfig(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Readonly<Record<string, string | undefined>> = {},
): ApiConfigResult {
  const raw = { ...pickKnown(env), ...pickKnown(overrides) };
  const value = Value.Default(ApiEnvSchema, Value.Convert(ApiEnvSchema, raw));
  if (!Value.Check(ApiEnvSchema, value)) {
    const issues = issuesFromSchemaErrors(Value.Errors(ApiEnvSchema, value));
    return { ok: false, problems: issues.map((issue) => `${issue.path.slice(1)}: ${issue.message}`) };
  }
  const problems = crossFieldProblems(value);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: deepFreeze(shape(value)) };
}

function deepFreeze<T extends object>(object: T): T {
  for (const value of Object.values(object)) {
    if (typeof value === 'object' && value !== null) deepFreeze(value as object);
  }
  return Object.freeze(object);
}

/** A config for tests and embedding: the defaults, in-memory PGlite, then `overrides` (env-style). */
export function defaultApiConfig(overrides: Readonly<Record<string, string>> = {}): ApiConfig {
  const result = parseApiConfig({ DATABASE_URL: 'pglite:memory', ...overrides });
  if (!result.ok) throw new Error(`invalid API configuration: ${result.problems.join('; ')}`);
  return result.config;
}
