import { join } from 'node:path';
import { logFile } from '../daemon.ts';
import { daemonService } from '../daemon-service.ts';
import { ensureBinaries, binDir } from '../install/cached-binary.ts';
import { goBuildViaModule } from '../install/go.ts';
import { host, ports, versions } from '../settings.ts';
import { httpOk } from '../wait.ts';

/**
 * etcd 3.5, built from the Go module proxy through a module of our own
 * (`go install` refuses the server module because of its replace lines).
 */
export const etcd = daemonService({
  name: 'etcd',
  description: `etcd ${versions.etcd} (Kubernetes storage)`,
  readyWithinSeconds: 30,
  async install(ctx) {
    await ensureBinaries(ctx, { name: 'etcd', version: versions.etcd, outputs: ['etcd'] }, (dir) =>
      goBuildViaModule(ctx, {
        name: `etcd-${versions.etcd}`,
        goMod: `module lmo.dev/infra/etcd\n\ngo 1.23\n\nrequire go.etcd.io/etcd/server/v3 ${versions.etcd}\n`,
        packages: [{ pkg: 'go.etcd.io/etcd/server/v3', out: join(dir, 'etcd') }],
        logFile: logFile(ctx.paths.run, 'etcd-build'),
      }),
    );
  },
  prepare: (ctx, dataDir) =>
    Promise.resolve({
      command: join(binDir(ctx, 'etcd', versions.etcd), 'etcd'),
      args: [
        '--name=lmo-test',
        `--data-dir=${dataDir}`,
        `--listen-client-urls=http://${host}:${ports.etcd}`,
        `--advertise-client-urls=http://${host}:${ports.etcd}`,
        `--listen-peer-urls=http://${host}:${ports.etcdPeer}`,
        `--initial-advertise-peer-urls=http://${host}:${ports.etcdPeer}`,
        `--initial-cluster=lmo-test=http://${host}:${ports.etcdPeer}`,
        '--unsafe-no-fsync',
        '--log-level=warn',
      ],
    }),
  probe: () => () => httpOk(`http://${host}:${ports.etcd}/health`),
  env: () => ({}),
});
