import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The connection settings the harness exports to tests (see `infra env`). */
export type HarnessVariable =
  | 'DATABASE_URL'
  | 'REDIS_URL'
  | 'KAFKA_BROKERS'
  | 'KUBECONFIG'
  | 'LMO_KUBECONFIG_ADMIN'
  | 'LMO_KUBECONFIG_DEVELOPER'
  | 'LMO_KUBECTL'
  | 'LMO_FAKE_NODE'
  | 'PROMETHEUS_URL'
  | 'LMO_PROMETHEUS_TARGETS_DIR'
  | 'STRIPE_API_BASE'
  | 'STRIPE_SECRET_KEY'
  | 'CHROMIUM_PATH';

/**
 * Reads one harness setting in a test.
 * @throws Error saying how to bring the harness up when it is missing.
 */
export function harnessEnv(name: HarnessVariable): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(
      `${name} is not set: run integration tests through jest's integration project or \`make infra-up\``,
    );
  }
  return value;
}

/**
 * Asks the harness's Prometheus to scrape `target` (host:port, loopback only)
 * until the returned function is called. Prometheus notices within a second.
 */
export async function registerScrapeTarget(
  name: string,
  target: string,
  labels: Record<string, string> = {},
): Promise<() => Promise<void>> {
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+$/.test(target)) {
    throw new Error(`scrape target ${target} is not a loopback host:port`);
  }
  const dir = harnessEnv('LMO_PROMETHEUS_TARGETS_DIR');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify([{ targets: [target], labels: { test: name, ...labels } }]));
  return () => rm(file, { force: true });
}
