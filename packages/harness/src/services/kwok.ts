import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { logFile } from '../daemon.ts';
import { daemonService } from '../daemon-service.ts';
import { run } from '../exec.ts';
import { binDir, ensureBinaries } from '../install/cached-binary.ts';
import { goInstall } from '../install/go.ts';
import type { HarnessContext } from '../service.ts';
import { host, ports, versions } from '../settings.ts';
import { httpOk, waitUntilReady } from '../wait.ts';
import { kubeconfigPath, kubeGet } from './kube-access.ts';
import { kubeBinary } from './kubernetes-build.ts';

/** The one fake node; kwok manages nodes carrying this annotation. */
export const fakeNodeName = 'kwok-node-0';
const manageAnnotation = 'kwok.x-k8s.io/node=fake';

const fakeNode = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: fakeNodeName,
    annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
    labels: { 'kubernetes.io/hostname': fakeNodeName, 'kubernetes.io/os': 'linux', type: 'kwok' },
  },
  // Room for the scale benchmark's thousand tenant pods: kwok runs nothing.
  status: {
    allocatable: { cpu: '1000', memory: '4Ti', pods: '5000' },
    capacity: { cpu: '1000', memory: '4Ti', pods: '5000' },
  },
};

/**
 * kwok simulates a kubelet: pods the scheduler binds to the fake node become
 * Running and Ready without running anything. Never connect to their IPs.
 */
export const kwok = daemonService({
  name: 'kwok',
  description: `kwok ${versions.kwok} with one fake node`,
  dependsOn: ['kube-apiserver'],
  readyWithinSeconds: 60,
  async install(ctx) {
    await ensureBinaries(ctx, { name: 'kwok', version: versions.kwok, outputs: ['kwok'] }, (dir) =>
      goInstall(ctx, {
        pkg: 'sigs.k8s.io/kwok/cmd/kwok',
        version: versions.kwok,
        binDir: dir,
        logFile: logFile(ctx.paths.run, 'kwok-build'),
      }),
    );
  },
  prepare: (ctx, dataDir) =>
    Promise.resolve({
      command: join(binDir(ctx, 'kwok', versions.kwok), 'kwok'),
      cwd: dataDir,
      env: { ...ctx.env, HOME: dataDir },
      args: [
        `--kubeconfig=${kubeconfigPath(ctx, 'admin')}`,
        '--manage-all-nodes=false',
        `--manage-nodes-with-annotation-selector=${manageAnnotation}`,
        '--cidr=10.244.0.0/16',
        `--server-address=${host}:${ports.kwok}`,
        '--node-lease-duration-seconds=40',
      ],
    }),
  probe: () => () => httpOk(`http://${host}:${ports.kwok}/healthz`),
  afterStart: createFakeNode,
  env: () => ({ LMO_FAKE_NODE: fakeNodeName }),
});

async function createFakeNode(ctx: HarnessContext): Promise<void> {
  const file = join(ctx.paths.run, 'kube', 'fake-node.json');
  await writeFile(file, JSON.stringify(fakeNode));
  await run(kubeBinary(ctx, 'kubectl'), ['apply', '-f', file], {
    env: { ...ctx.env, KUBECONFIG: kubeconfigPath(ctx, 'admin') },
    logFile: logFile(ctx.paths.run, 'kwok'),
  });
  await waitUntilReady(`node ${fakeNodeName}`, () => nodeReady(ctx), { deadlineMs: 30_000 });
}

async function nodeReady(ctx: HarnessContext): Promise<boolean> {
  const { status, body } = await kubeGet(ctx, `/api/v1/nodes/${fakeNodeName}`);
  if (status !== 200) return false;
  const node = JSON.parse(body) as { status?: { conditions?: { type: string; status: string }[] } };
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
