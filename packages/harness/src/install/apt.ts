import { isExecutable, run } from '../exec.ts';
import type { HarnessContext } from '../service.ts';

// apt-get update runs at most once per harness process.
let updated = false;

/**
 * Ensures a Debian package is installed, judged by one executable it ships (an absolute path).
 * Installs with apt-get (running `apt-get update` once per process) when we
 * are root; otherwise fails with the command a person should run.
 */
export async function ensureDebianPackage(
  ctx: HarnessContext,
  pkg: { name: string; provides: string; logFile: string },
): Promise<string> {
  if (await isExecutable(pkg.provides)) return pkg.provides;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${pkg.provides} is missing: run \`sudo apt-get install -y --no-install-recommends ${pkg.name}\``,
    );
  }
  ctx.progress.step(pkg.name, 'installing the Debian package');
  const env = { ...ctx.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!updated) {
    await run('apt-get', ['update', '-q'], { env, logFile: pkg.logFile });
    updated = true;
  }
  await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', pkg.name], {
    env,
    logFile: pkg.logFile,
  });
  if (!(await isExecutable(pkg.provides))) {
    throw new Error(`${pkg.name} installed, but ${pkg.provides} is still missing`);
  }
  return pkg.provides;
}
