/** Inputs and lookups shared by the cdk8s tests. */
import { readFileSync } from 'node:fs';
import type {
  V1ConfigMap,
  V1Deployment,
  V1Ingress,
  V1Namespace,
  V1NetworkPolicy,
  V1PodDisruptionBudget,
  V1ResourceQuota,
  V1Secret,
  V1Service,
  V1ServiceAccount,
} from '@kubernetes/client-node';
import { validateTenantSpec, type TenantSpec } from '@lmo/contracts';
import { parse } from 'yaml';
import {
  DEFAULT_PLATFORM_SETTINGS,
  renderTenantManifests,
  type PlatformSettings,
  type TenantManifest,
  type TenantManifestInput,
} from '../src/index.ts';

/** Path of the example Tenant. */
export const EXAMPLE_FILE = new URL('../examples/acme.yaml', import.meta.url);

/** The uid the tests give their Tenants. */
export const TEST_UID = '6f1c2a3b-0000-4000-8000-000000000001';

/** Validates a spec the way the apiserver would (defaults first); fails the test when it is invalid. */
export function specOf(input: Record<string, unknown>): TenantSpec {
  const result = validateTenantSpec(input);
  if (!result.ok) throw new Error(`test spec is invalid: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** The smallest valid spec: every other field takes its default. */
export function minimalSpec(patch: Record<string, unknown> = {}): TenantSpec {
  return specOf({ displayName: 'Beta', owner: 'ops@beta.example', ...patch });
}

/** The example Tenant's raw document, read with a plain YAML parser (independent of the code under test). */
export function exampleDocument(): { metadata: { name: string }; spec: Record<string, unknown> } {
  return parse(readFileSync(EXAMPLE_FILE, 'utf8')) as {
    metadata: { name: string };
    spec: Record<string, unknown>;
  };
}

/** The example Tenant as a render input. */
export function exampleInput(uid = TEST_UID): TenantManifestInput {
  const doc = exampleDocument();
  return { name: doc.metadata.name, uid, spec: specOf(doc.spec) };
}

/** Renders with the default platform settings, overridden by `settings`. */
export function render(
  input: TenantManifestInput,
  settings: Partial<PlatformSettings> = {},
): TenantManifest[] {
  return renderTenantManifests(input, { ...DEFAULT_PLATFORM_SETTINGS, ...settings });
}

/** client-node models LimitRangeItem's `default` as `_default`; this is the wire shape. */
export interface LimitRange {
  readonly metadata: TenantManifest['metadata'];
  readonly spec: {
    readonly limits: readonly {
      readonly type: string;
      readonly default: Record<'cpu' | 'memory', string>;
      readonly defaultRequest: Record<'cpu' | 'memory', string>;
    }[];
  };
}

/** The type of each kind the tests look up (client-node's models, whose field names match the wire here). */
export interface Kinds {
  readonly Namespace: V1Namespace;
  readonly NetworkPolicy: V1NetworkPolicy;
  readonly ResourceQuota: V1ResourceQuota;
  readonly LimitRange: LimitRange;
  readonly ServiceAccount: V1ServiceAccount;
  readonly Secret: V1Secret;
  readonly ConfigMap: V1ConfigMap;
  readonly Service: V1Service;
  readonly PodDisruptionBudget: V1PodDisruptionBudget;
  readonly Deployment: V1Deployment;
  readonly Ingress: V1Ingress;
  readonly ServiceMonitor: TenantManifest;
}

/** Every object of `kind`. */
export function all<K extends keyof Kinds>(manifests: readonly unknown[], kind: K): Kinds[K][] {
  return (manifests as readonly TenantManifest[]).filter((m) => m.kind === kind) as unknown as Kinds[K][];
}

/** The one object of `kind` (and `name`, when given); fails when there is none or several. */
export function find<K extends keyof Kinds>(manifests: readonly unknown[], kind: K, name?: string): Kinds[K] {
  const found = all(manifests, kind).filter((m) => name === undefined || m.metadata?.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name ?? ''}, found ${found.length}`);
  return found[0]!;
}
