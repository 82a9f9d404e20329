import { join } from 'node:path';
import { ensureBinaries } from '../install/cached-binary.ts';
import { goBuildViaModule, goModuleFile } from '../install/go.ts';
import { logFile } from '../daemon.ts';
import type { HarnessContext } from '../service.ts';
import { versions } from '../settings.ts';

const commands = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl'] as const;

/**
 * The go.mod of our build module for Kubernetes. `k8s.io/kubernetes` requires
 * its staging modules at v0.0.0 and maps them with replace lines that do not
 * apply to a module depending on it, so we read those requirements from its
 * own go.mod and pin each to the matching v0.x release.
 */
export function kubernetesBuildGoMod(kubernetesGoMod: string, version: string): string {
  const staging = [...kubernetesGoMod.matchAll(/^\s*(k8s\.io\/[\w-]+) v0\.0\.0$/gm)].map((m) => m[1] ?? '');
  const minor = version.replace(/^v1\./, 'v0.');
  const goLine = /^go (\S+)$/m.exec(kubernetesGoMod)?.[1] ?? '1.24.0';
  const godebug = /^godebug (.+)$/m.exec(kubernetesGoMod)?.[1];
  return [
    'module lmo.dev/infra/kubernetes',
    '',
    `go ${goLine}`,
    ...(godebug ? ['', `godebug ${godebug}`] : []),
    '',
    `require k8s.io/kubernetes ${version}`,
    '',
    ...staging.map((m) => `replace ${m} => ${m} ${minor}`),
    '',
  ].join('\n');
}

/** Builds kube-apiserver, kube-controller-manager, kube-scheduler and kubectl once per version. */
export async function ensureKubernetesBinaries(ctx: HarnessContext): Promise<string> {
  const version = versions.kubernetes;
  return ensureBinaries(ctx, { name: 'kubernetes', version, outputs: commands }, async (dir) => {
    const log = logFile(ctx.paths.run, 'kubernetes-build');
    const goMod = kubernetesBuildGoMod(await goModuleFile(ctx, `k8s.io/kubernetes@${version}`), version);
    const [major, minor] = version.slice(1).split('.');
    const v = 'k8s.io/component-base/version';
    await goBuildViaModule(ctx, {
      name: `kubernetes-${version}`,
      goMod,
      packages: commands.map((c) => ({ pkg: `k8s.io/kubernetes/cmd/${c}`, out: join(dir, c) })),
      ldflags: `-s -w -X ${v}.gitVersion=${version} -X ${v}.gitMajor=${major ?? ''} -X ${v}.gitMinor=${minor ?? ''}`,
      logFile: log,
    });
  });
}

/** Path of one Kubernetes executable in the cache (after `ensureKubernetesBinaries`). */
export const kubeBinary = (ctx: HarnessContext, command: (typeof commands)[number]): string =>
  join(ctx.paths.cache, 'bin', `kubernetes-${versions.kubernetes}`, command);
