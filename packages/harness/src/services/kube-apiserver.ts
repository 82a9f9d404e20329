import { join } from 'node:path';
import { logFile } from '../daemon.ts';
import { daemonService } from '../daemon-service.ts';
import { ensurePki } from '../pki.ts';
import { host, ports, versions } from '../settings.ts';
import { apiserverUrl, kubeconfigPath, kubeGet, pkiDir, writeKubeconfigs } from './kube-access.ts';
import { ensureKubernetesBinaries, kubeBinary } from './kubernetes-build.ts';

/**
 * kube-apiserver with real RBAC and admission (Pod Security included), client
 * certificates for the admin and a non-admin identity, and service-account
 * tokens signed by a throw-away key.
 */
export const kubeApiserver = daemonService({
  name: 'kube-apiserver',
  description: `kube-apiserver ${versions.kubernetes}`,
  dependsOn: ['etcd'],
  readyWithinSeconds: 90,
  async install(ctx) {
    await ensureKubernetesBinaries(ctx);
  },
  async prepare(ctx, dataDir) {
    const pki = pkiDir(ctx);
    await ensurePki(pki, logFile(ctx.paths.run, 'pki'));
    await writeKubeconfigs(ctx);
    return {
      command: kubeBinary(ctx, 'kube-apiserver'),
      args: [
        `--etcd-servers=http://${host}:${ports.etcd}`,
        `--bind-address=${host}`,
        `--advertise-address=${host}`,
        `--secure-port=${ports.kubeApiserver}`,
        `--cert-dir=${dataDir}`,
        `--tls-cert-file=${join(pki, 'apiserver.crt')}`,
        `--tls-private-key-file=${join(pki, 'apiserver.key')}`,
        `--client-ca-file=${join(pki, 'ca.crt')}`,
        `--service-account-issuer=${apiserverUrl}`,
        `--service-account-key-file=${join(pki, 'sa.pub')}`,
        `--service-account-signing-key-file=${join(pki, 'sa.key')}`,
        // Room for thousands of tenant Services (the scale benchmark makes 1,000).
        '--service-cluster-ip-range=10.0.0.0/16',
        '--authorization-mode=Node,RBAC',
        '--allow-privileged=false',
        // /debug/pprof for the admin only: where the apiserver's CPU goes under the scale benchmark.
        '--profiling=true',
        '--v=1',
      ],
    };
  },
  probe: (ctx) => async () => (await kubeGet(ctx, '/readyz')).status === 200,
  env: (ctx) => ({
    KUBECONFIG: kubeconfigPath(ctx, 'admin'),
    LMO_KUBECONFIG_ADMIN: kubeconfigPath(ctx, 'admin'),
    LMO_KUBECONFIG_DEVELOPER: kubeconfigPath(ctx, 'developer'),
    LMO_KUBECTL: kubeBinary(ctx, 'kubectl'),
  }),
});
