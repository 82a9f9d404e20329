import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { logFile } from '../daemon.ts';
import { daemonService } from '../daemon-service.ts';
import { ensureDebianPackage } from '../install/apt.ts';
import type { HarnessContext } from '../service.ts';
import { host, ports } from '../settings.ts';
import { httpOk } from '../wait.ts';

/**
 * Folder of file-based service discovery: a test drops `<name>.json` here
 * (see `registerScrapeTarget`) and Prometheus scrapes it within a second.
 */
export const scrapeTargetsDir = (ctx: HarnessContext): string => join(ctx.paths.run, 'prometheus-targets');

/** Scrape every second so tests see a value quickly; targets come from files. */
export function prometheusConfig(targetsDir: string): string {
  return [
    'global:',
    '  scrape_interval: 1s',
    '  evaluation_interval: 1s',
    'scrape_configs:',
    '  - job_name: lmo',
    '    file_sd_configs:',
    `      - files: ['${join(targetsDir, '*.json')}']`,
    '        refresh_interval: 1s',
    '',
  ].join('\n');
}

/** Prometheus from Debian (2.42), with the lifecycle API for reloads. */
export const prometheus = daemonService({
  name: 'prometheus',
  description: 'Prometheus (Debian)',
  readyWithinSeconds: 30,
  async install(ctx) {
    await ensureDebianPackage(ctx, {
      name: 'prometheus',
      provides: '/usr/bin/prometheus',
      logFile: logFile(ctx.paths.run, 'apt'),
    });
  },
  async prepare(ctx, dataDir) {
    await mkdir(scrapeTargetsDir(ctx), { recursive: true });
    const config = join(dataDir, 'prometheus.yml');
    await writeFile(config, prometheusConfig(scrapeTargetsDir(ctx)));
    return {
      command: '/usr/bin/prometheus',
      args: [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dataDir, 'tsdb')}`,
        `--web.listen-address=${host}:${ports.prometheus}`,
        '--web.enable-lifecycle',
        '--log.level=warn',
      ],
    };
  },
  probe: () => () => httpOk(`http://${host}:${ports.prometheus}/-/ready`),
  env: (ctx) => ({
    PROMETHEUS_URL: `http://${host}:${ports.prometheus}`,
    LMO_PROMETHEUS_TARGETS_DIR: scrapeTargetsDir(ctx),
  }),
});
