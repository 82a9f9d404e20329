/**
 * The quota maths of a tenant namespace: how many pods it may hold, and how much CPU and memory each
 * runtime pod gets so that every pod the quota admits also fits its CPU and memory budget.
 */
import {
  PLAN_DEFAULTS,
  resolveTenantLimits,
  validationError,
  type ResolvedTenantLimits,
  type TenantSpec,
} from '@lmo/contracts';

/** CPU and memory as Kubernetes quantity strings. */
export interface ResourcePair {
  readonly cpu: string;
  readonly memory: string;
}

/** Requests and limits of one container. */
export interface ComputeResources {
  readonly requests: ResourcePair;
  readonly limits: ResourcePair;
}

const QUANTITY_RE =
  /^((?:[0-9]+(?:\.[0-9]*)?)|(?:\.[0-9]+))((?:[KMGTPE]i)|[numkMGTPE]|(?:[eE][+-]?(?:(?:[0-9]+(?:\.[0-9]*)?)|(?:\.[0-9]+))))?$/u;

const SUFFIX_FACTORS: Readonly<Record<string, number>> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const MEBIBYTE = 2 ** 20;

/**
 * The value of a Kubernetes quantity in base units (cores, bytes, objects): `"500m"` → 0.5,
 * `"1Gi"` → 1073741824, `"1e3"` → 1000.
 * @param path JSON pointer of the field, for the error.
 * @throws {LmoError} `LMO_VALIDATION_FAILED` when `quantity` is not a non-negative quantity.
 */
export function parseQuantity(quantity: string, path = ''): number {
  const match = QUANTITY_RE.exec(quantity);
  const suffix = match?.[2] ?? '';
  // `E` alone is the exa suffix; `e3` and `E-2` are decimal exponents.
  const factor = SUFFIX_FACTORS[suffix] ?? 10 ** Number(suffix.slice(1));
  if (match?.[1] === undefined) {
    throw validationError('Quantity', [{ path, message: `"${quantity}" is not a Kubernetes quantity` }]);
  }
  return Number(match[1]) * factor;
}

/** Whole millicores of a CPU quantity (Kubernetes itself keeps CPU at millicore precision). */
function millicores(quantity: string, path: string): number {
  return Math.round(parseQuantity(quantity, path) * 1000);
}

/** Runtime pods the namespace quota admits: twice the plan's maximum replicas, room for a rolling update. */
export function quotaPodCount(spec: Pick<TenantSpec, 'plan'>): number {
  return 2 * PLAN_DEFAULTS[spec.plan].maxReplicas;
}

/**
 * The default resources of one runtime container: the namespace's CPU and memory divided evenly among
 * the {@link quotaPodCount} pods the quota admits (CPU in whole millicores, memory in whole MiB, at
 * least 1 of each). Limits take that share; CPU requests half of it (bursting is cheap), memory
 * requests all of it (a pod under memory pressure is killed, not throttled). The basis is the plan's
 * maximum replicas, not the spec's replicas, so scaling never changes the pod template.
 */
export function defaultRuntimeResources(
  limits: Pick<ResolvedTenantLimits, 'cpu' | 'memory'>,
  pods: number,
): ComputeResources {
  const cpu = Math.max(1, Math.floor(millicores(limits.cpu, '/limits/cpu') / pods));
  const memory = Math.max(1, Math.floor(parseQuantity(limits.memory, '/limits/memory') / pods / MEBIBYTE));
  return {
    requests: { cpu: `${Math.max(1, Math.floor(cpu / 2))}m`, memory: `${memory}Mi` },
    limits: { cpu: `${cpu}m`, memory: `${memory}Mi` },
  };
}

interface ResourceChoice {
  readonly request: string;
  readonly limit: string;
}

function chooseResource(
  name: 'cpu' | 'memory',
  spec: { readonly request: string | undefined; readonly limit: string | undefined },
  fallback: ResourceChoice,
): ResourceChoice {
  const value = (quantity: string, kind: string): number =>
    parseQuantity(quantity, `/runtime/resources/${kind}/${name}`);
  const limit =
    spec.limit ??
    (spec.request !== undefined && value(spec.request, 'requests') > value(fallback.limit, 'limits')
      ? spec.request
      : fallback.limit);
  const request =
    spec.request ?? (value(fallback.request, 'requests') > value(limit, 'limits') ? limit : fallback.request);
  if (value(request, 'requests') > value(limit, 'limits')) {
    throw validationError('Tenant spec', [
      {
        path: `/runtime/resources/requests/${name}`,
        message: `must not exceed limits.${name} (${request} > ${limit})`,
      },
    ]);
  }
  return { request, limit };
}

/**
 * The resources of the runtime container: `spec.runtime.resources` where it says, the
 * {@link defaultRuntimeResources} elsewhere. A default never contradicts the spec: an unset limit
 * rises to a larger requested value, an unset request falls to a smaller limit.
 * @throws {LmoError} `LMO_VALIDATION_FAILED` when the spec requests more than its own limit.
 */
export function runtimeResources(spec: TenantSpec): ComputeResources {
  const defaults = defaultRuntimeResources(resolveTenantLimits(spec), quotaPodCount(spec));
  const own = spec.runtime.resources;
  const pick = (name: 'cpu' | 'memory'): ResourceChoice =>
    chooseResource(
      name,
      { request: own?.requests?.[name], limit: own?.limits?.[name] },
      { request: defaults.requests[name], limit: defaults.limits[name] },
    );
  const cpu = pick('cpu');
  const memory = pick('memory');
  return {
    requests: { cpu: cpu.request, memory: memory.request },
    limits: { cpu: cpu.limit, memory: memory.limit },
  };
}
