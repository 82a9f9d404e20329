// The status the standalone supervisor writes: the operator's conditions and reasons for what it
// observed of a runtime process, and lastTransitionTime moving only when a condition flips.
import { describe, expect, it } from '@jest/globals';
import type { TenantStatus } from '@lmo/contracts';
import {
  nextSupervisedStatus,
  supervisorConditions,
  type SupervisorObservation,
} from '../src/supervisor/supervisor-status.ts';

const base: SupervisorObservation = {
  generation: 3,
  desire: { run: true },
  process: { state: 'ready', address: '127.0.0.1:41001' },
  directory: '/data/tenants/acme',
  problem: undefined,
  endpoint: 'http://127.0.0.1:8080/t/acme/mcp',
  degradedAfter: 3,
};

const summary = (o: SupervisorObservation): Record<string, [string, string]> =>
  Object.fromEntries(supervisorConditions(o).map((c) => [c.type, [c.status, c.reason]]));

describe('supervisorConditions', () => {
  it('a ready runtime: Ready, with the operator condition types in its order', () => {
    expect(supervisorConditions(base).map((c) => c.type)).toEqual([
      'Ready',
      'NamespaceReady',
      'RuntimeReady',
      'Suspended',
      'Degraded',
    ]);
    expect(summary(base)).toEqual({
      Ready: ['True', 'Reconciled'],
      NamespaceReady: ['True', 'NamespaceCreated'],
      RuntimeReady: ['True', 'DeploymentAvailable'],
      Suspended: ['False', 'Reconciled'],
      Degraded: ['False', 'Reconciled'],
    });
    expect(supervisorConditions(base)[0]?.message).toBe('The tenant serves http://127.0.0.1:8080/t/acme/mcp');
  });

  it('a starting runtime is provisioning', () => {
    const o = { ...base, process: { state: 'starting' as const } };
    expect(summary(o)['Ready']).toEqual(['False', 'Provisioning']);
    expect(summary(o)['RuntimeReady']).toEqual(['False', 'Provisioning']);
  });

  it('a crashed runtime is unavailable, and degraded once it keeps failing', () => {
    const crashed = (failures: number): SupervisorObservation => ({
      ...base,
      process: { state: 'crashed', exit: 'code 1', failures, restartInMs: 2_000 },
    });
    expect(summary(crashed(1))['RuntimeReady']).toEqual(['False', 'DeploymentUnavailable']);
    expect(summary(crashed(1))['Degraded']).toEqual(['False', 'Reconciled']);
    expect(summary(crashed(3))['Degraded']).toEqual(['True', 'DeploymentUnavailable']);
    const runtime = supervisorConditions(crashed(1)).find((c) => c.type === 'RuntimeReady');
    expect(runtime?.message).toBe('The mcp-runtime process ended (code 1); restart 1 in 2 s');
  });

  it('a suspended tenant, and one scaled to zero', () => {
    const suspended = {
      ...base,
      desire: { run: false, why: 'suspended' } as const,
      process: { state: 'none' } as const,
    };
    expect(summary(suspended)).toMatchObject({
      Ready: ['False', 'Suspended'],
      RuntimeReady: ['False', 'Suspended'],
      Suspended: ['True', 'Suspended'],
    });
    const zero = {
      ...base,
      desire: { run: false, why: 'scaled-to-zero' } as const,
      process: { state: 'none' } as const,
    };
    expect(summary(zero)).toMatchObject({
      Ready: ['False', 'Provisioning'],
      RuntimeReady: ['False', 'ScaledToZero'],
      Suspended: ['False', 'Reconciled'],
    });
  });

  it('a spec that does not render is degraded with its reason', () => {
    const o = { ...base, problem: { reason: 'InvalidSpec' as const, message: 'bad' } };
    expect(summary(o)).toMatchObject({ Ready: ['False', 'InvalidSpec'], Degraded: ['True', 'InvalidSpec'] });
  });
});

describe('nextSupervisedStatus', () => {
  const t0 = new Date('2026-11-22T10:00:00Z');
  const t1 = new Date('2026-11-22T10:05:00Z');

  it('writes phase, observedGeneration and endpoint, and reports no change when nothing changed', () => {
    const first = nextSupervisedStatus(undefined, base, t0);
    expect(first.changed).toBe(true);
    expect(first.status).toMatchObject({ phase: 'Ready', observedGeneration: 3, endpoint: base.endpoint });
    expect(first.status.conditions?.every((c) => c.lastTransitionTime === '2026-11-22T10:00:00Z')).toBe(true);
    expect(nextSupervisedStatus(first.status, base, t1).changed).toBe(false);
  });

  it('moves lastTransitionTime only for conditions that flip', () => {
    const first = nextSupervisedStatus(undefined, base, t0).status;
    const suspended: SupervisorObservation = {
      ...base,
      desire: { run: false, why: 'suspended' },
      process: { state: 'none' },
    };
    const next = nextSupervisedStatus(first, suspended, t1);
    expect(next.changed).toBe(true);
    expect(next.status.phase).toBe('Suspended');
    const times = Object.fromEntries(
      (next.status.conditions ?? []).map((c) => [c.type, c.lastTransitionTime]),
    );
    expect(times).toEqual({
      Ready: '2026-11-22T10:05:00Z',
      NamespaceReady: '2026-11-22T10:00:00Z',
      RuntimeReady: '2026-11-22T10:05:00Z',
      Suspended: '2026-11-22T10:05:00Z',
      Degraded: '2026-11-22T10:00:00Z',
    });
  });

  it('starts from the derived Pending status a new tenant has', () => {
    const current: TenantStatus = {
      phase: 'Pending',
      conditions: [],
    };
    const next = nextSupervisedStatus(current, base, t0);
    expect(next.changed).toBe(true);
    expect(next.status.phase).toBe('Ready');
  });
});
