import { describe, expect, it } from '@jest/globals';
import { nextTenantStatus, type TenantObservation } from '../src/tenant-status.ts';

const t0 = new Date('2026-11-22T10:00:00Z');
const t1 = new Date('2026-11-22T10:05:00Z');

const ready: TenantObservation = {
  generation: 3,
  suspended: false,
  desiredReplicas: 2,
  namespace: { name: 'lmo-t-acme', phase: 'Active' },
  deployment: { generation: 5, observedGeneration: 5, updatedReplicas: 2, availableReplicas: 2 },
  problem: undefined,
  endpoint: 'https://mcp.example/t/acme/mcp',
};

const byType = (
  s: ReturnType<typeof nextTenantStatus>['status'],
  type: string,
): Record<string, unknown> | undefined => s.conditions?.find((c) => c.type === type);

describe('nextTenantStatus', () => {
  it('makes a provisioned tenant Ready with every condition and the summary fields', () => {
    const { status, changed } = nextTenantStatus(undefined, ready, t0);

    expect(changed).toBe(true);
    expect(status.phase).toBe('Ready');
    expect(status.observedGeneration).toBe(3);
    expect(status.namespace).toBe('lmo-t-acme');
    expect(status.endpoint).toBe('https://mcp.example/t/acme/mcp');
    expect(status.conditions?.map((c) => [c.type, c.status])).toEqual([
      ['Ready', 'True'],
      ['NamespaceReady', 'True'],
      ['RuntimeReady', 'True'],
      ['Suspended', 'False'],
      ['Degraded', 'False'],
    ]);
    expect(status.conditions?.every((c) => c.observedGeneration === 3)).toBe(true);
  });

  it('announces only news on a new Tenant: Ready or Degraded appearing True, not every False', () => {
    const provisioning = nextTenantStatus(undefined, { ...ready, deployment: undefined }, t0);
    const degraded = nextTenantStatus(
      undefined,
      { ...ready, problem: { reason: 'InvalidSpec', message: 'bad' } },
      t0,
    );

    expect(provisioning.flips).toEqual([]);
    expect(degraded.flips.map((f) => [f.type, f.status])).toEqual([['Degraded', 'True']]);
  });

  it('reports no change, and keeps lastTransitionTime, when nothing changed', () => {
    const first = nextTenantStatus(undefined, ready, t0);
    const second = nextTenantStatus(first.status, ready, t1);

    expect(second.changed).toBe(false);
    expect(second.flips).toEqual([]);
    expect(byType(second.status, 'Ready')?.['lastTransitionTime']).toBe(
      byType(first.status, 'Ready')?.['lastTransitionTime'],
    );
  });

  it('moves lastTransitionTime only for the conditions that flip', () => {
    const first = nextTenantStatus(undefined, ready, t0);
    const rolling = {
      ...ready,
      deployment: { ...ready.deployment!, availableReplicas: 1, updatedReplicas: 1 },
    };
    const second = nextTenantStatus(first.status, rolling, t1);

    expect(second.changed).toBe(true);
    expect(second.flips.map((f) => f.type)).toEqual(['Ready', 'RuntimeReady']);
    expect(byType(second.status, 'RuntimeReady')?.['reason']).toBe('DeploymentProgressing');
    expect(byType(second.status, 'RuntimeReady')?.['lastTransitionTime']).toBe('2026-11-22T10:05:00Z');
    expect(byType(second.status, 'NamespaceReady')?.['lastTransitionTime']).toBe('2026-11-22T10:00:00Z');
    expect(second.status.phase).toBe('Provisioning');
  });

  it('stays Ready through a rolling update that keeps every replica available', () => {
    const rolling = {
      ...ready,
      deployment: { generation: 6, observedGeneration: 6, updatedReplicas: 1, availableReplicas: 2 },
    };
    const { status } = nextTenantStatus(undefined, rolling, t0);

    expect(byType(status, 'RuntimeReady')).toMatchObject({
      status: 'True',
      reason: 'DeploymentAvailable',
      message: '2/2 runtime replicas available, rolling out (1/2 updated)',
    });
    expect(status.phase).toBe('Ready');
  });

  it('says a suspended tenant is suspended, not broken', () => {
    const { status } = nextTenantStatus(undefined, { ...ready, suspended: true, desiredReplicas: 0 }, t0);

    expect(status.phase).toBe('Suspended');
    expect(byType(status, 'Suspended')?.['status']).toBe('True');
    expect(byType(status, 'RuntimeReady')?.['reason']).toBe('Suspended');
    expect(byType(status, 'Degraded')?.['status']).toBe('False');
  });

  it('carries a problem into Degraded and Ready with its reason and message', () => {
    const problem = {
      reason: 'ProviderSecretMissing' as const,
      message: 'Secret lmo-system/x does not exist',
    };
    const { status } = nextTenantStatus(undefined, { ...ready, problem, deployment: undefined }, t0);

    expect(status.phase).toBe('Degraded');
    expect(byType(status, 'Degraded')).toMatchObject({
      status: 'True',
      reason: 'ProviderSecretMissing',
      message: problem.message,
    });
    expect(byType(status, 'Ready')).toMatchObject({ status: 'False', reason: 'ProviderSecretMissing' });
  });

  it.each([
    [{ namespace: { name: 'lmo-t-acme', phase: undefined } }, 'NamespaceReady', 'Provisioning'],
    [{ namespace: { name: 'lmo-t-acme', phase: 'Terminating' } }, 'NamespaceReady', 'NamespaceTerminating'],
    [{ deployment: undefined }, 'RuntimeReady', 'Provisioning'],
    [{ desiredReplicas: 0 }, 'RuntimeReady', 'ScaledToZero'],
    [
      { deployment: { generation: 6, observedGeneration: 5, updatedReplicas: 0, availableReplicas: 1 } },
      'RuntimeReady',
      'DeploymentProgressing',
    ],
  ] as const)('%o → %s %s', (change, type, reason) => {
    const { status } = nextTenantStatus(undefined, { ...ready, ...change }, t0);

    expect(byType(status, type)).toMatchObject({ status: 'False', reason });
    expect(byType(status, 'Ready')?.['status']).toBe('False');
  });
});
