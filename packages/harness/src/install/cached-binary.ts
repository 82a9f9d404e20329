import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { HarnessContext } from '../service.ts';

/** The folder of one tool at one version in the cache, e.g. `<cache>/bin/etcd-v3.5.35`. */
export const binDir = (ctx: HarnessContext, tool: string, version: string): string =>
  join(ctx.paths.cache, 'bin', `${tool}-${version}`);

/**
 * Ensures the files `outputs` exist in the tool's versioned cache folder,
 * calling `build(dir)` when any is missing. A half-finished build leaves no
 * folder behind, so the next run starts over instead of trusting it.
 */
export async function ensureBinaries(
  ctx: HarnessContext,
  tool: { name: string; version: string; outputs: readonly string[] },
  build: (dir: string) => Promise<void>,
): Promise<string> {
  const dir = binDir(ctx, tool.name, tool.version);
  if (await allPresent(dir, tool.outputs)) return dir;
  ctx.progress.step(tool.name, `building ${tool.version} into ${dir} (first run only; can take minutes)`);
  await mkdir(dir, { recursive: true });
  try {
    await build(dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  if (!(await allPresent(dir, tool.outputs))) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${tool.name} ${tool.version}: the build finished without ${tool.outputs.join(', ')}`);
  }
  ctx.progress.step(tool.name, `built ${tool.version}`);
  return dir;
}

async function allPresent(dir: string, names: readonly string[]): Promise<boolean> {
  const checks = await Promise.all(
    names.map((name) =>
      access(join(dir, name)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return checks.every(Boolean);
}
