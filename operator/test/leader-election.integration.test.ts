// Two operator processes on one Lease: only the leader writes; when it stops,
// the other takes over and carries on.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeRest } from '@lmo/kube';
import type { RunningOperator } from '../src/operator.ts';
import {
  adminRest,
  condition,
  createTenant,
  getOrUndefined,
  installPlatform,
  operatorKubeConfig,
  PLATFORM_NAMESPACE,
  startTestOperator,
  tenantPath,
  uniqueName,
  waitFor,
  type TestTenant,
} from './support/test-cluster.ts';

const shard = uniqueName('lead');
let rest: KubeRest;
const operators: RunningOperator[] = [];

/** Writes an operator made, leaving out its Lease campaign (a standby may try to create the Lease). */
const writes = async (o: RunningOperator): Promise<number> =>
  (await o.metrics.apiWrites.get()).values
    .filter((v) => v.labels['resource'] !== 'leases')
    .reduce((sum, v) => sum + v.value, 0);
const ready = async (name: string): Promise<boolean> =>
  condition(await getOrUndefined<TestTenant>(rest, tenantPath(name)), 'Ready')?.status === 'True';

beforeAll(async () => {
  rest = await adminRest();
  await installPlatform(rest);
  const kc = await operatorKubeConfig(rest);
  for (const identity of ['replica-a', 'replica-b']) {
    operators.push(await startTestOperator(kc, shard, { 'leader-elect': 'true', identity }));
  }
  await waitFor('a leader', () => Promise.resolve(operators.some((o) => o.isLeader())));
}, 60_000);

afterAll(async () => {
  await Promise.all(operators.map((o) => o.stop()));
});

describe('leader election', () => {
  it('lets only the leader act', async () => {
    const leader = operators.find((o) => o.isLeader());
    const standby = operators.find((o) => !o.isLeader());
    const name = uniqueName('led');
    await createTenant(rest, name, shard, {});

    await waitFor(`${name} Ready`, () => ready(name), 90_000);

    expect(leader).toBeDefined();
    expect(standby).toBeDefined();
    expect(await writes(leader!)).toBeGreaterThan(10);
    // The standby writes nothing but, at most, its attempt to create the Lease.
    expect(await writes(standby!)).toBe(0);
    const lease = await rest.get<{ spec: { holderIdentity: string } }>(
      `/apis/coordination.k8s.io/v1/namespaces/${PLATFORM_NAMESPACE}/leases/lmo-operator-${shard}`,
    );
    expect(['replica-a', 'replica-b'][operators.indexOf(leader!)]).toBe(lease.spec.holderIdentity);
  }, 120_000);

  it('hands over to the standby when the leader stops', async () => {
    const leader = operators.find((o) => o.isLeader())!;
    const standby = operators.find((o) => !o.isLeader())!;
    await leader.stop();
    operators.splice(operators.indexOf(leader), 1);

    await waitFor('the standby to lead', () => Promise.resolve(standby.isLeader()), 30_000);
    const name = uniqueName('led');
    await createTenant(rest, name, shard, {});
    await waitFor(`${name} Ready under the new leader`, () => ready(name), 90_000);

    expect(await writes(standby)).toBeGreaterThan(10);
  }, 150_000);
});
