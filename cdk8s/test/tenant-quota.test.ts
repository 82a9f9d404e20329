import { describe, expect, it } from '@jest/globals';
import type { V1ResourceQuota } from '@kubernetes/client-node';
import { LmoError, PLAN_DEFAULTS, TENANT_PLANS } from '@lmo/contracts';
import { Testing } from 'cdk8s';
import {
  defaultRuntimeResources,
  parseQuantity,
  runtimeResources,
  TENANT_OBJECT_COUNTS,
  TenantQuota,
} from '../src/index.ts';
import { exampleInput, find, minimalSpec, render, TEST_UID } from './manifest-fixtures.ts';

const renderSpec = (patch: Record<string, unknown>): ReturnType<typeof render> =>
  render({ name: 'beta', uid: TEST_UID, spec: minimalSpec(patch) });
const hardOf = (manifests: ReturnType<typeof render>): Record<string, string> =>
  find(manifests, 'ResourceQuota', 'tenant-quota').spec!.hard as Record<string, string>;

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['4Gi', 4 * 2 ** 30],
    ['512Mi', 512 * 2 ** 20],
    ['1k', 1000],
    ['2M', 2e6],
    ['1e3', 1000],
    ['2E', 2e18],
    ['5e-3', 0.005],
    ['1E2', 100],
  ])('reads %s as %d', (quantity, value) => {
    expect(parseQuantity(quantity)).toBeCloseTo(value, 9);
  });

  it('refuses what is not a quantity with LMO_VALIDATION_FAILED and the field path', () => {
    expect(() => parseQuantity('-1', '/limits/cpu')).toThrow(LmoError);
    expect(() => parseQuantity('1 Gi', '/limits/cpu')).toThrow('/limits/cpu');
    expect(() => parseQuantity('1Gb')).toThrow(LmoError);
  });
});

describe('the ResourceQuota', () => {
  it.each(TENANT_PLANS)("takes CPU, memory and pods from the %s plan's defaults", (plan) => {
    const defaults = PLAN_DEFAULTS[plan];
    expect(hardOf(renderSpec({ plan }))).toEqual({
      'requests.cpu': defaults.cpu,
      'limits.cpu': defaults.cpu,
      'requests.memory': defaults.memory,
      'limits.memory': defaults.memory,
      pods: String(2 * defaults.maxReplicas),
      services: '2',
      'services.loadbalancers': '0',
      'services.nodeports': '0',
      secrets: '4',
      configmaps: '4',
    });
  });

  it("takes CPU and memory from the spec's limits where it sets them", () => {
    const hard = hardOf(render(exampleInput()));
    expect(hard['requests.cpu']).toBe('3');
    expect(hard['limits.cpu']).toBe('3');
    expect(hard['requests.memory']).toBe('6Gi');
    expect(hard['limits.memory']).toBe('6Gi');
    expect(hard.pods).toBe('6');
    const partial = hardOf(renderSpec({ plan: 'enterprise', limits: { memory: '10Gi' } }));
    expect(partial['limits.cpu']).toBe('16');
    expect(partial['limits.memory']).toBe('10Gi');
  });

  it('leaves room for our ConfigMap and the automatic kube-root-ca.crt, our Secret and Service', () => {
    expect(TENANT_OBJECT_COUNTS.configmaps).toBeGreaterThanOrEqual(2);
    expect(TENANT_OBJECT_COUNTS.secrets).toBeGreaterThanOrEqual(1);
    expect(TENANT_OBJECT_COUNTS.services).toBeGreaterThanOrEqual(1);
  });
});

describe('the LimitRange and default resources', () => {
  it.each(TENANT_PLANS)('lets every pod the %s quota admits fit its CPU and memory', (plan) => {
    const manifests = renderSpec({ plan });
    const hard = hardOf(manifests);
    const [limits] = find(manifests, 'LimitRange', 'tenant-limits').spec.limits;
    const pods = Number(hard.pods);
    expect(limits!.type).toBe('Container');
    for (const resource of ['cpu', 'memory'] as const) {
      const limit = parseQuantity(limits!.default[resource]);
      const request = parseQuantity(limits!.defaultRequest[resource]);
      expect(request).toBeLessThanOrEqual(limit);
      expect(limit * pods).toBeLessThanOrEqual(parseQuantity(hard[`limits.${resource}`]!));
    }
  });

  it('gives a free tenant half its namespace per pod: room for one pod and a rolling-update surge', () => {
    expect(defaultRuntimeResources({ cpu: '500m', memory: '512Mi' }, 2)).toEqual({
      requests: { cpu: '125m', memory: '256Mi' },
      limits: { cpu: '250m', memory: '256Mi' },
    });
  });

  it('uses the LimitRange defaults on the Deployment when the spec sets no resources', () => {
    const manifests = renderSpec({ plan: 'pro' });
    const [limits] = find(manifests, 'LimitRange').spec.limits;
    const container = find(manifests, 'Deployment').spec!.template.spec!.containers[0]!;
    expect(container.resources).toEqual({ requests: limits!.defaultRequest, limits: limits!.default });
  });
});

describe('runtimeResources', () => {
  const resourcesOf = (
    resources: Record<string, unknown>,
    plan = 'free',
  ): ReturnType<typeof runtimeResources> => runtimeResources(minimalSpec({ plan, runtime: { resources } }));

  it("takes the spec's values as they are", () => {
    const own = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '200m', memory: '200Mi' } };
    expect(resourcesOf(own)).toEqual(own);
  });

  it('raises an unset limit to a larger request, and lowers an unset request to a smaller limit', () => {
    expect(resourcesOf({ requests: { cpu: '1', memory: '1Gi' } })).toEqual({
      requests: { cpu: '1', memory: '1Gi' },
      limits: { cpu: '1', memory: '1Gi' },
    });
    expect(resourcesOf({ limits: { cpu: '50m', memory: '64Mi' } })).toEqual({
      requests: { cpu: '50m', memory: '64Mi' },
      limits: { cpu: '50m', memory: '64Mi' },
    });
  });

  it('refuses a request above its own limit, naming the field', () => {
    const bad = (): unknown => resourcesOf({ requests: { cpu: '2' }, limits: { cpu: '1' } });
    expect(bad).toThrow(LmoError);
    expect(bad).toThrow('/runtime/resources/requests/cpu');
  });
});

describe('TenantQuota on its own', () => {
  it('uses TENANT_OBJECT_COUNTS unless told otherwise', () => {
    const chart = Testing.chart();
    new TenantQuota(chart, 'quota', {
      tenant: { name: 'solo', uid: 'u' },
      cpu: '1',
      memory: '1Gi',
      pods: 2,
      containerDefaults: defaultRuntimeResources({ cpu: '1', memory: '1Gi' }, 2),
      objectCounts: { secrets: 9 },
    });
    const [quota] = Testing.synth(chart) as V1ResourceQuota[];
    expect(quota!.spec!.hard).toMatchObject({ secrets: '9', services: '2', configmaps: '4', pods: '2' });
  });
});
