// The apiserver goes away mid-reconcile and comes back: the operator's watches
// reconnect and it converges, including on changes made after the restart.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { down, up } from '@lmo/harness';
import type { KubeRest } from '@lmo/kube';
import type { RunningOperator } from '../src/operator.ts';
import {
  adminRest,
  condition,
  createTenant,
  getOrUndefined,
  installPlatform,
  operatorKubeConfig,
  patchTenantSpec,
  startTestOperator,
  tenantPath,
  uniqueName,
  waitFor,
  type TestTenant,
} from './support/test-cluster.ts';

const shard = uniqueName('rst');
let rest: KubeRest;
let operator: RunningOperator;

beforeAll(async () => {
  rest = await adminRest();
  await installPlatform(rest);
  operator = await startTestOperator(await operatorKubeConfig(rest), shard);
}, 60_000);

afterAll(async () => {
  await operator.stop();
});

describe('an apiserver restart', () => {
  it('is survived: the operator reconnects and converges', async () => {
    const name = uniqueName('rst');
    await createTenant(rest, name, shard, { runtime: { replicas: 1 } });
    // Mid-reconcile: the operator is applying this tenant's objects right now.
    await down(['kube-apiserver']);
    await up(['kube-apiserver']);
    rest = await adminRest();
    const updated = await patchTenantSpec(rest, name, { model: { maxTokens: 2048 } });

    await waitFor(
      'convergence after the restart',
      async () => {
        const t = await getOrUndefined<TestTenant>(rest, tenantPath(name));
        return (
          condition(t, 'Ready')?.status === 'True' &&
          t?.status?.observedGeneration === updated.metadata.generation
        );
      },
      120_000,
    );
    const config = await rest.get<{ data: Record<string, string> }>(
      `/api/v1/namespaces/lmo-t-${name}/configmaps/mcp-runtime-config`,
    );
    expect(config.data['config.json']).toContain('2048');
  }, 180_000);
});
