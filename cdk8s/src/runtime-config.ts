/**
 * The configuration a tenant's MCP runtime reads from `/etc/lmo/config/config.json`, rendered from
 * the Tenant spec and the platform settings. Only what the runtime needs goes in (no owner e-mail, no
 * replicas or image), so that its hash changes exactly when the runtime's behaviour should.
 */
import { createHash } from 'node:crypto';
import {
  resolveTenantLimits,
  tenantNamespace,
  type PromptTemplate,
  type ResolvedTenantLimits,
  type TenantModel,
  type TenantPlan,
  type TenantSpec,
} from '@lmo/contracts';
import type { PlatformSettings } from './platform-settings.ts';
import { RUNTIME_FILE_KEYS } from './tenant-metadata.ts';

/** The version of the {@link RuntimeConfig} shape; bumped on incompatible changes. */
export const RUNTIME_CONFIG_SCHEMA_VERSION = 1;

/** One tenant to render. */
export interface TenantManifestInput {
  /** `metadata.name` of the Tenant (a valid tenant name). */
  readonly name: string;
  /** `metadata.uid` of the Tenant, for owner references. */
  readonly uid: string;
  /** The Tenant's spec with every default applied (`validateTenantSpec` from @lmo/contracts). */
  readonly spec: TenantSpec;
  /**
   * The plaintext provider credential the operator copied from `spec.providerSecretRef`; it goes into
   * the runtime Secret only. Absent when the spec has no `providerSecretRef`.
   */
  readonly providerApiKey?: string;
}

/** The JSON document the runtime reads. */
export interface RuntimeConfig {
  /** {@link RUNTIME_CONFIG_SCHEMA_VERSION}. */
  readonly schemaVersion: typeof RUNTIME_CONFIG_SCHEMA_VERSION;
  /** Who the runtime serves. */
  readonly tenant: {
    readonly name: string;
    readonly namespace: string;
    readonly displayName: string;
    readonly plan: TenantPlan;
  };
  /** Where clients reach it: the runtime serves MCP under `path` and checks the `Host` header against `host`. */
  readonly endpoint: { readonly host: string; readonly path: string };
  /** Provider and model settings, as in the spec. */
  readonly model: TenantModel;
  /**
   * Where the provider credential is: a file name inside the secrets directory. Absent when the
   * tenant has no `providerSecretRef` (the echo provider needs none).
   */
  readonly providerCredentials?: { readonly apiKeyFile: string };
  /** The MCP prompts the runtime serves. */
  readonly promptTemplates: readonly PromptTemplate[];
  /** The limits in force: the spec's where set, the plan's otherwise. */
  readonly limits: ResolvedTenantLimits;
  /** The container ports to listen on. */
  readonly ports: { readonly mcp: number; readonly metrics: number };
}

/** The public path of a tenant's endpoint: `/t/<tenant>/`. */
export function tenantEndpointPath(tenantName: string): string {
  return `/t/${tenantName}/`;
}

/**
 * Renders the runtime configuration of a tenant. Pure; the providerApiKey never enters it.
 * @throws {LmoError} `LMO_VALIDATION_FAILED` when `input.name` is not a valid tenant name.
 */
export function renderRuntimeConfig(
  input: Pick<TenantManifestInput, 'name' | 'spec'>,
  settings: Pick<PlatformSettings, 'ingressHost' | 'mcpPort' | 'metricsPort'>,
): RuntimeConfig {
  const { name, spec } = input;
  return {
    schemaVersion: RUNTIME_CONFIG_SCHEMA_VERSION,
    tenant: { name, namespace: tenantNamespace(name), displayName: spec.displayName, plan: spec.plan },
    endpoint: { host: settings.ingressHost, path: tenantEndpointPath(name) },
    model: spec.model,
    ...(spec.providerSecretRef === undefined
      ? {}
      : { providerCredentials: { apiKeyFile: RUNTIME_FILE_KEYS.providerApiKey } }),
    promptTemplates: spec.promptTemplates,
    limits: resolveTenantLimits(spec),
    ports: { mcp: settings.mcpPort, metrics: settings.metricsPort },
  };
}

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, member]) => [key, canonicalize(member)]));
}

/**
 * JSON with object keys sorted at every level and `undefined` members dropped, so equal values give
 * equal text. `indent` 0 gives the compact form; otherwise the text ends with a newline.
 */
export function canonicalJson(value: unknown, indent = 0): string {
  const text = JSON.stringify(canonicalize(value), null, indent);
  return indent === 0 ? text : `${text}\n`;
}

/** The `config.json` text of the runtime ConfigMap: canonical, indented by two, newline-terminated. */
export function runtimeConfigJson(config: RuntimeConfig): string {
  return canonicalJson(config, 2);
}

/** The SHA-256 (hex) of the compact canonical JSON of a runtime config; the pod template carries it. */
export function runtimeConfigHash(config: RuntimeConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}
