import { hostname } from 'node:os';
import type { PlatformSettings } from '@lmo/cdk8s';
import { DEFAULT_PLATFORM_SETTINGS } from '@lmo/cdk8s';

/** Everything the operator runs with, parsed once at start and frozen. */
export interface OperatorConfig {
  readonly kubeconfig: string | undefined;
  readonly platform: PlatformSettings;
  /** Label selector limiting which Tenants this operator serves (empty: all). */
  readonly tenantSelector: string | undefined;
  readonly workers: number;
  readonly resyncSeconds: number;
  readonly leaderElection: {
    readonly enabled: boolean;
    readonly leaseName: string;
    readonly identity: string;
  };
  readonly http: { readonly host: string; readonly port: number };
  /** Told when a Tenant is deleted, so the platform closes its billing (optional). */
  readonly cleanupUrl: string | undefined;
  readonly logLevel: string;
  /** Emit ServiceMonitors: always, never, or when the cluster has that CRD. */
  readonly serviceMonitor: 'true' | 'false' | 'auto';
}

/** The operator's flags; each also reads from the environment variable named beside it. */
export const OPERATOR_FLAGS = {
  kubeconfig: { env: 'KUBECONFIG', help: 'kubeconfig file (default: in-cluster, then ~/.kube/config)' },
  'platform-namespace': {
    env: 'LMO_PLATFORM_NAMESPACE',
    help: 'namespace of the platform and of provider Secrets',
  },
  'gateway-namespace': {
    env: 'LMO_GATEWAY_NAMESPACE',
    help: 'the only namespace that may reach tenant MCP ports',
  },
  'monitoring-namespace': {
    env: 'LMO_MONITORING_NAMESPACE',
    help: 'the only namespace that may reach metrics ports',
  },
  'ingress-host': { env: 'LMO_INGRESS_HOST', help: 'host of tenant endpoints (/t/<tenant>/)' },
  'ingress-class': { env: 'LMO_INGRESS_CLASS', help: 'ingress class of tenant Ingresses' },
  'ingress-tls-secret': { env: 'LMO_INGRESS_TLS_SECRET', help: 'TLS Secret of tenant Ingresses (optional)' },
  'runtime-image': { env: 'LMO_RUNTIME_IMAGE', help: 'mcp-runtime image when a Tenant names none' },
  'provider-egress': {
    env: 'LMO_PROVIDER_EGRESS',
    help: 'LLM provider addresses runtimes may reach: CIDR:port[+port],... e.g. 203.0.113.0/24:443',
  },
  'service-monitor': {
    env: 'LMO_SERVICE_MONITOR',
    help: 'emit ServiceMonitors (true|false|auto, default auto)',
  },
  'tenant-selector': {
    env: 'LMO_TENANT_SELECTOR',
    help: 'serve only Tenants matching this label selector (default: all), e.g. for shards or canaries',
  },
  'runtime-redis-url': {
    env: 'LMO_RUNTIME_REDIS_URL',
    help: 'Redis the runtimes share, redis://host:port (optional)',
  },
  'runtime-kafka-brokers': {
    env: 'LMO_RUNTIME_KAFKA_BROKERS',
    help: 'Kafka for usage events, host:port,... (optional)',
  },
  'runtime-platform-ports': {
    env: 'LMO_RUNTIME_PLATFORM_PORTS',
    help: 'TCP ports of platform-namespace pods runtimes may reach, e.g. 6379,9092',
  },
  workers: { env: 'LMO_WORKERS', help: 'concurrent reconciles (default 4)' },
  'resync-seconds': { env: 'LMO_RESYNC_SECONDS', help: 'periodic re-check of every Tenant (default 600)' },
  'leader-elect': {
    env: 'LMO_LEADER_ELECT',
    help: 'elect one active replica through a Lease (default true)',
  },
  'lease-name': { env: 'LMO_LEASE_NAME', help: 'name of the leader Lease (default lmo-operator)' },
  identity: { env: 'POD_NAME', help: 'this replica in the Lease (default hostname-pid)' },
  'http-host': { env: 'LMO_HTTP_HOST', help: 'address of /healthz, /readyz, /metrics (default 0.0.0.0)' },
  'http-port': { env: 'LMO_HTTP_PORT', help: 'port of /healthz, /readyz, /metrics (default 8081; 0 = any)' },
  'cleanup-url': { env: 'LMO_CLEANUP_URL', help: 'URL POSTed {tenant} when a Tenant is deleted (optional)' },
  'log-level': { env: 'LOG_LEVEL', help: 'pino level (default info)' },
} as const;

export type OperatorFlag = keyof typeof OPERATOR_FLAGS;

export type ParseResult = { ok: true; config: OperatorConfig } | { ok: false; problems: string[] };

/**
 * Parses flags (which win) and environment into a frozen config. Pure: every
 * problem is listed, none thrown, so a person fixes them all in one go.
 */
export function parseOperatorConfig(
  flags: Partial<Record<OperatorFlag, string>>,
  env: NodeJS.ProcessEnv,
): ParseResult {
  const problems: string[] = [];
  const get = (flag: OperatorFlag): string | undefined =>
    flags[flag] ?? env[OPERATOR_FLAGS[flag].env] ?? undefined;
  const int = (flag: OperatorFlag, fallback: number, min: number, max: number): number =>
    parseIntIn(flag, get(flag), { fallback, min, max }, problems);
  const bool = (flag: OperatorFlag, fallback: boolean): boolean =>
    parseBool(flag, get(flag), fallback, problems);
  const name = (flag: OperatorFlag, fallback: string): string =>
    dnsLabel(flag, get(flag) ?? fallback, problems);
  const d = DEFAULT_PLATFORM_SETTINGS;
  const tls = get('ingress-tls-secret');
  const platform: PlatformSettings = {
    ...d,
    platformNamespace: name('platform-namespace', d.platformNamespace),
    gatewayNamespace: name('gateway-namespace', d.gatewayNamespace),
    monitoringNamespace: name('monitoring-namespace', d.monitoringNamespace),
    ingressHost: get('ingress-host') ?? d.ingressHost,
    ingressClassName: get('ingress-class') ?? d.ingressClassName,
    ...(tls ? { ingressTlsSecretName: tls } : {}),
    runtimeImage: get('runtime-image') ?? d.runtimeImage,
    providerEgress: parseEgress(get('provider-egress'), problems),
    runtimeServices: {
      ...optional('redisUrl', get('runtime-redis-url')),
      ...optional('kafkaBrokers', get('runtime-kafka-brokers')),
      platformPorts: parsePorts('runtime-platform-ports', get('runtime-platform-ports'), problems),
    },
  };
  const config: OperatorConfig = {
    kubeconfig: get('kubeconfig'),
    platform,
    tenantSelector: get('tenant-selector'),
    workers: int('workers', 4, 1, 64),
    resyncSeconds: int('resync-seconds', 600, 5, 86_400),
    leaderElection: {
      enabled: bool('leader-elect', true),
      leaseName: name('lease-name', 'lmo-operator'),
      identity: get('identity') ?? `${hostname()}-${process.pid}`,
    },
    http: { host: get('http-host') ?? '0.0.0.0', port: int('http-port', 8081, 0, 65_535) },
    cleanupUrl: parseUrl('cleanup-url', get('cleanup-url'), problems),
    logLevel: oneOf(
      'log-level',
      get('log-level') ?? 'info',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      problems,
    ),
    serviceMonitor: oneOf(
      'service-monitor',
      get('service-monitor') ?? 'auto',
      ['true', 'false', 'auto'],
      problems,
    ) as 'true' | 'false' | 'auto',
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config: Object.freeze(config) };
}

function parseIntIn(
  flag: string,
  raw: string | undefined,
  range: { fallback: number; min: number; max: number },
  problems: string[],
): number {
  if (raw === undefined) return range.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    problems.push(`--${flag}: "${raw}" is not a whole number from ${range.min} to ${range.max}`);
    return range.fallback;
  }
  return value;
}

function parseBool(flag: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  problems.push(`--${flag}: "${raw}" is not true or false`);
  return fallback;
}

function dnsLabel(flag: string, value: string, problems: string[]): string {
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(value)) {
    problems.push(`--${flag}: "${value}" is not a valid Kubernetes name (lower-case letters, digits, '-')`);
  }
  return value;
}

function oneOf(flag: string, value: string, allowed: readonly string[], problems: string[]): string {
  if (!allowed.includes(value)) problems.push(`--${flag}: "${value}" is not one of ${allowed.join(', ')}`);
  return value;
}

function parseUrl(flag: string, raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    problems.push(`--${flag}: "${raw}" is not an http(s) URL`);
    return undefined;
  }
  return raw;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** `203.0.113.0/24:443+8443,198.51.100.7/32:443` → egress rules; problems for each bad entry. */
export function parseEgress(
  raw: string | undefined,
  problems: string[],
): { cidr: string; ports: number[] }[] {
  if (!raw) return [];
  return raw.split(',').flatMap((entry) => {
    const [cidr = '', portList = ''] = entry.trim().split(':');
    const ports = portList.split('+').map(Number);
    const octets = CIDR.exec(cidr);
    const validCidr =
      octets !== null && octets.slice(1, 5).every((o) => Number(o) <= 255) && Number(octets[5]) <= 32;
    const validPorts = ports.length > 0 && ports.every((p) => Number.isInteger(p) && p > 0 && p < 65_536);
    if (!validCidr || !validPorts) {
      problems.push(`--provider-egress: "${entry}" is not CIDR:port[+port] (e.g. 203.0.113.0/24:443)`);
      return [];
    }
    return [{ cidr, ports }];
  });
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}

function parsePorts(flag: string, raw: string | undefined, problems: string[]): number[] {
  if (raw === undefined || raw.trim() === '') return [];
  const ports = raw.split(',').map((p) => Number(p.trim()));
  if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65_535)) {
    problems.push(`--${flag} must be a comma-separated list of TCP ports, got "${raw}"`);
    return [];
  }
  return ports;
}
