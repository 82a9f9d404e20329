import { join } from 'node:path';
import { daemonService } from '../daemon-service.ts';
import { host, ports, versions } from '../settings.ts';
import { componentHealthy, kubeconfigPath, pkiDir } from './kube-access.ts';
import { ensureKubernetesBinaries, kubeBinary } from './kubernetes-build.ts';

/**
 * kube-controller-manager: Deployments make ReplicaSets and pods, namespaces
 * finish terminating, owner references are garbage-collected, and every
 * namespace gets its default ServiceAccount.
 */
export const kubeControllerManager = daemonService({
  name: 'kube-controller-manager',
  description: `kube-controller-manager ${versions.kubernetes}`,
  dependsOn: ['kube-apiserver'],
  readyWithinSeconds: 60,
  install: async (ctx) => {
    await ensureKubernetesBinaries(ctx);
  },
  prepare: (ctx, dataDir) => {
    const kubeconfig = kubeconfigPath(ctx, 'kube-controller-manager');
    return Promise.resolve({
      command: kubeBinary(ctx, 'kube-controller-manager'),
      args: [
        `--kubeconfig=${kubeconfig}`,
        `--authentication-kubeconfig=${kubeconfig}`,
        `--authorization-kubeconfig=${kubeconfig}`,
        `--bind-address=${host}`,
        `--secure-port=${ports.kubeControllerManager}`,
        `--cert-dir=${dataDir}`,
        '--leader-elect=false',
        '--use-service-account-credentials=true',
        `--service-account-private-key-file=${join(pkiDir(ctx), 'sa.key')}`,
        `--root-ca-file=${join(pkiDir(ctx), 'ca.crt')}`,
        '--concurrent-gc-syncs=5',
        // The defaults (20 QPS) throttle a thousand tenants' Deployments for minutes.
        '--kube-api-qps=200',
        '--kube-api-burst=400',
        '--concurrent-deployment-syncs=20',
        '--concurrent-replicaset-syncs=20',
        '--concurrent-namespace-syncs=20',
        '--v=1',
      ],
    });
  },
  probe: () => () => componentHealthy(ports.kubeControllerManager),
  env: () => ({}),
});

/** kube-scheduler: binds pods to the kwok node. */
export const kubeScheduler = daemonService({
  name: 'kube-scheduler',
  description: `kube-scheduler ${versions.kubernetes}`,
  dependsOn: ['kube-apiserver'],
  readyWithinSeconds: 60,
  install: async (ctx) => {
    await ensureKubernetesBinaries(ctx);
  },
  prepare: (ctx, dataDir) => {
    const kubeconfig = kubeconfigPath(ctx, 'kube-scheduler');
    return Promise.resolve({
      command: kubeBinary(ctx, 'kube-scheduler'),
      args: [
        `--kubeconfig=${kubeconfig}`,
        `--authentication-kubeconfig=${kubeconfig}`,
        `--authorization-kubeconfig=${kubeconfig}`,
        `--bind-address=${host}`,
        `--secure-port=${ports.kubeScheduler}`,
        `--cert-dir=${dataDir}`,
        '--leader-elect=false',
        // Deprecated but honoured without a --config file; the default 50 QPS slows big tests.
        '--kube-api-qps=200',
        '--kube-api-burst=400',
        '--v=1',
      ],
    });
  },
  probe: () => () => componentHealthy(ports.kubeScheduler),
  env: () => ({}),
});
