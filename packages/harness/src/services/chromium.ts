import { logFile } from '../daemon.ts';
import { ensureDebianPackage } from '../install/apt.ts';
import type { Service } from '../service.ts';
import { isExecutable } from '../exec.ts';

const executable = '/usr/bin/chromium';

/**
 * Chromium from Debian for browser tests. Nothing runs in the background:
 * each test launches it through playwright-core with `CHROMIUM_PATH`.
 */
export const chromium: Service = {
  name: 'chromium',
  description: 'Chromium (Debian), launched by tests',
  dependsOn: [],
  async install(ctx) {
    await ensureDebianPackage(ctx, {
      name: 'chromium',
      provides: executable,
      logFile: logFile(ctx.paths.run, 'apt'),
    });
  },
  running: () => isExecutable(executable),
  start: () => Promise.resolve(),
  stop: () => Promise.resolve(),
  env: () => ({ CHROMIUM_PATH: executable }),
};
