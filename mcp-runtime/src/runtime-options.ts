/**
 * The runtime's own settings (not the tenant's, which come from the mounted config.json): where the
 * files are, which shared services to use, and the knobs of the HTTP layer. Flags win over the
 * environment variable named beside each; every problem is listed at once.
 */

/** Everything a runtime process starts with. */
export interface RuntimeOptions {
  readonly configDir: string;
  /** @default the config directory (standalone keeps config and key hashes together) */
  readonly secretsDir: string;
  readonly stdio: boolean;
  /** Address to listen on. */
  readonly host: string;
  /** Overrides the config's MCP port (0: any free port). */
  readonly port: number | undefined;
  /** Overrides the config's metrics port (0: any free port). */
  readonly metricsPort: number | undefined;
  /** Redis for limits, cache and conversations; absent: in-process (one replica only). */
  readonly redisUrl: string | undefined;
  /** Kafka for usage events; absent: the local event log `eventsFile`. */
  readonly kafkaBrokers: readonly string[] | undefined;
  readonly usageTopic: string;
  /** Directory of the on-disk usage-event spool (Kafka mode). */
  readonly spoolDir: string;
  /** JSON-lines file of usage events when there is no Kafka. */
  readonly eventsFile: string;
  /** PostgreSQL with pgvector holding the tenant's knowledge; absent: no knowledge search. */
  readonly knowledgeDatabaseUrl: string | undefined;
  readonly allowedOrigins: readonly string[];
  readonly extraHosts: readonly string[];
  /** Base URL clients use (for the RFC 9728 document); default `https://<endpoint host>`. */
  readonly publicBaseUrl: string | undefined;
  readonly allowPrivateProviderUrls: boolean;
  readonly bodyLimitBytes: number;
  readonly cacheTtlSeconds: number;
  readonly providerTimeoutMs: number;
  readonly providerMaxRetries: number;
  readonly reloadIntervalMs: number;
  readonly shutdownGraceMs: number;
  /** Log prompt and answer text (off by default: tenants' data stays out of logs). */
  readonly logPrompts: boolean;
  readonly logLevel: string;
}

/** The flags; each also reads from the environment variable named beside it. */
export const RUNTIME_FLAGS = {
  config: { env: 'LMO_CONFIG_DIR', help: 'directory holding config.json (required)' },
  secrets: {
    env: 'LMO_SECRETS_DIR',
    help: 'directory of key hashes and the provider key (default: --config)',
  },
  host: { env: 'LMO_HOST', help: 'address to listen on (default 0.0.0.0)' },
  port: { env: 'LMO_PORT', help: "MCP port (default: the config's ports.mcp; 0 = any)" },
  'metrics-port': {
    env: 'LMO_METRICS_PORT',
    help: "metrics port (default: the config's ports.metrics; 0 = any)",
  },
  'redis-url': { env: 'REDIS_URL', help: 'Redis for limits, cache, conversations (default: in-process)' },
  'kafka-brokers': {
    env: 'KAFKA_BROKERS',
    help: 'Kafka brokers host:port,... for usage events (default: local file)',
  },
  'usage-topic': { env: 'LMO_USAGE_TOPIC', help: 'Kafka topic of usage events (default lmo.usage.v1)' },
  'spool-dir': {
    env: 'LMO_SPOOL_DIR',
    help: 'on-disk spool of unsent usage events (default /tmp/lmo-spool)',
  },
  'events-file': {
    env: 'LMO_EVENTS_FILE',
    help: 'usage events file without Kafka (default <config>/usage-events.jsonl)',
  },
  'knowledge-database-url': {
    env: 'LMO_KNOWLEDGE_DATABASE_URL',
    help: 'PostgreSQL+pgvector with knowledge (optional)',
  },
  'allowed-origins': { env: 'LMO_ALLOWED_ORIGINS', help: 'browser origins allowed, comma-separated' },
  'extra-hosts': { env: 'LMO_EXTRA_HOSTS', help: 'more Host names to answer to, comma-separated' },
  'public-base-url': {
    env: 'LMO_PUBLIC_BASE_URL',
    help: 'base URL clients use (default https://<endpoint host>)',
  },
  'allow-private-provider-urls': {
    env: 'LMO_ALLOW_PRIVATE_PROVIDER_URLS',
    help: 'let provider base URLs target private/loopback addresses (default false)',
  },
  'body-limit': { env: 'LMO_BODY_LIMIT_BYTES', help: 'largest request body in bytes (default 1048576)' },
  'cache-ttl': { env: 'LMO_CACHE_TTL_SECONDS', help: 'response cache TTL in seconds (default 3600)' },
  'provider-timeout-ms': { env: 'LMO_PROVIDER_TIMEOUT_MS', help: 'provider call timeout (default 120000)' },
  'provider-max-retries': {
    env: 'LMO_PROVIDER_MAX_RETRIES',
    help: 'retries of retryable provider errors (default 2)',
  },
  'reload-interval-ms': {
    env: 'LMO_RELOAD_INTERVAL_MS',
    help: 'how often config and keys are re-read (default 1000)',
  },
  'shutdown-grace-ms': {
    env: 'LMO_SHUTDOWN_GRACE_MS',
    help: 'time open streams get to finish on stop (default 25000)',
  },
  'log-prompts': { env: 'LMO_LOG_PROMPTS', help: 'log prompt and answer text (default false)' },
  'log-level': { env: 'LOG_LEVEL', help: 'pino level (default info)' },
} as const;

/** A flag name. */
export type RuntimeFlag = keyof typeof RUNTIME_FLAGS;

/** The outcome of parsing. */
export type RuntimeOptionsResult =
  | { readonly ok: true; readonly options: RuntimeOptions }
  | { readonly ok: false; readonly problems: readonly string[] };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads flags (which win) and environment variables, collecting problems. */
class FlagReader {
  readonly problems: string[] = [];
  readonly #flags: Partial<Record<string, string | boolean>>;
  readonly #env: NodeJS.ProcessEnv;

  constructor(flags: Partial<Record<string, string | boolean>>, env: NodeJS.ProcessEnv) {
    this.#flags = flags;
    this.#env = env;
  }

  get(flag: RuntimeFlag): string | undefined {
    const value = this.#flags[flag] ?? this.#env[RUNTIME_FLAGS[flag].env];
    return typeof value === 'string' && value !== '' ? value : undefined;
  }

  int(flag: RuntimeFlag, fallback: number, [min, max]: [number, number]): number {
    const raw = this.get(flag);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    this.problems.push(`--${flag} must be an integer from ${String(min)} to ${String(max)}, got "${raw}"`);
    return fallback;
  }

  optionalInt(flag: RuntimeFlag): number | undefined {
    return this.get(flag) === undefined ? undefined : this.int(flag, 0, [0, 65_535]);
  }

  bool(flag: RuntimeFlag | 'stdio'): boolean {
    const raw = flag === 'stdio' ? this.#flags.stdio : this.get(flag);
    if (raw === undefined || raw === false || raw === 'false') return false;
    if (raw === true || raw === 'true') return true;
    this.problems.push(`--${flag} must be true or false, got "${raw}"`);
    return false;
  }

  list(flag: RuntimeFlag): string[] {
    return (this.get(flag) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  oneOf(flag: RuntimeFlag, fallback: string, allowed: readonly string[]): string {
    const value = this.get(flag) ?? fallback;
    if (allowed.includes(value)) return value;
    this.problems.push(`--${flag} must be one of ${allowed.join(', ')}`);
    return fallback;
  }

  required(flag: RuntimeFlag): string {
    const value = this.get(flag);
    if (value === undefined) this.problems.push(`--${flag} (or ${RUNTIME_FLAGS[flag].env}) is required`);
    return value ?? '.';
  }
}

/** Parses flags and environment. Pure. */
export function parseRuntimeOptions(
  flags: Partial<Record<RuntimeFlag | 'stdio', string | boolean>>,
  env: NodeJS.ProcessEnv,
): RuntimeOptionsResult {
  const read = new FlagReader(flags, env);
  const dir = read.required('config');
  const brokers = read.list('kafka-brokers');
  const options: RuntimeOptions = {
    configDir: dir,
    secretsDir: read.get('secrets') ?? dir,
    stdio: read.bool('stdio'),
    host: read.get('host') ?? '0.0.0.0',
    port: read.optionalInt('port'),
    metricsPort: read.optionalInt('metrics-port'),
    redisUrl: read.get('redis-url'),
    kafkaBrokers: brokers.length === 0 ? undefined : brokers,
    usageTopic: read.get('usage-topic') ?? 'lmo.usage.v1',
    spoolDir: read.get('spool-dir') ?? '/tmp/lmo-spool',
    eventsFile: read.get('events-file') ?? `${dir}/usage-events.jsonl`,
    knowledgeDatabaseUrl: read.get('knowledge-database-url'),
    allowedOrigins: read.list('allowed-origins'),
    extraHosts: read.list('extra-hosts'),
    publicBaseUrl: read.get('public-base-url'),
    allowPrivateProviderUrls: read.bool('allow-private-provider-urls'),
    bodyLimitBytes: read.int('body-limit', 1_048_576, [1024, 64 * 1_048_576]),
    cacheTtlSeconds: read.int('cache-ttl', 3600, [1, 30 * 86_400]),
    providerTimeoutMs: read.int('provider-timeout-ms', 120_000, [100, 3_600_000]),
    providerMaxRetries: read.int('provider-max-retries', 2, [0, 10]),
    reloadIntervalMs: read.int('reload-interval-ms', 1000, [50, 60_000]),
    shutdownGraceMs: read.int('shutdown-grace-ms', 25_000, [0, 600_000]),
    logPrompts: read.bool('log-prompts'),
    logLevel: read.oneOf('log-level', 'info', LOG_LEVELS),
  };
  return read.problems.length === 0 ? { ok: true, options } : { ok: false, problems: read.problems };
}
