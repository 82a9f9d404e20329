import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** Pinned versions of everything the harness installs. Bump here, nowhere else. */
export const versions = {
  kubernetes: 'v1.34.4',
  etcd: 'v3.5.35',
  kwok: 'v0.7.0',
  stripeMock: 'v0.203.0',
  kafka: '3.9.1',
  slf4j: '1.7.36',
  reload4j: '1.2.26',
} as const;

/**
 * Loopback ports of our own, away from every service's default, so the harness
 * never collides with a PostgreSQL or Redis the machine may already run.
 */
export const ports = {
  etcd: 34379,
  etcdPeer: 34380,
  kubeApiserver: 34443,
  kubeControllerManager: 34257,
  kubeScheduler: 34259,
  kwok: 34247,
  postgres: 34432,
  redis: 34637,
  kafka: 34092,
  kafkaController: 34093,
  prometheus: 34090,
  stripeMock: 34111,
} as const;

export const host = '127.0.0.1';

/** Where the harness keeps what it builds (long-lived) and what it runs (short-lived). */
export interface HarnessPaths {
  /** Built binaries and downloaded jars, keyed by version; survives `down`. */
  readonly cache: string;
  /** Data directories, logs, pid files and certificates of running services; emptied by `down`. */
  readonly run: string;
}

/**
 * Resolves the harness directories from the environment: `LMO_INFRA_CACHE`
 * (default `~/.cache/lmo-infra`) and `LMO_INFRA_RUN` (default
 * `<tmp>/lmo-infra-<uid>`; in the temp dir because PostgreSQL runs as its own
 * user when we are root and cannot enter root's home).
 */
export function resolvePaths(env: NodeJS.ProcessEnv = process.env): HarnessPaths {
  const uid = process.getuid?.() ?? 0;
  return {
    cache: env['LMO_INFRA_CACHE'] ?? join(homedir(), '.cache', 'lmo-infra'),
    run: env['LMO_INFRA_RUN'] ?? join(tmpdir(), `lmo-infra-${uid}`),
  };
}
