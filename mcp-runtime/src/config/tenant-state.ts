/**
 * The tenant's live state: its configuration and secrets, re-read from the mounted directories on
 * an interval so that a settings change or a revoked key takes effect within seconds (Kubernetes
 * updates mounted ConfigMaps and Secrets in place, through a symlink swap, without a restart).
 */
import type { RuntimeConfig } from '@lmo/cdk8s/runtime-config';
import { canonicalJson } from '@lmo/cdk8s/runtime-config';
import { readRuntimeConfig } from './runtime-config-file.ts';
import { readRuntimeSecrets, type RuntimeSecrets } from './secrets-directory.ts';

/** One consistent snapshot of configuration and secrets. */
export interface TenantSnapshot {
  readonly config: RuntimeConfig;
  readonly secrets: RuntimeSecrets;
  /** Increases with every change picked up. */
  readonly generation: number;
}

/** Where the files are and how often to look. */
export interface TenantStateOptions {
  readonly configDir: string;
  readonly secretsDir: string;
  /** How often to re-read, in milliseconds. @default 1000 */
  readonly pollIntervalMs?: number;
  /** Told about every change picked up, and about reloads that failed (the last good state stays). */
  readonly onChange?: (snapshot: TenantSnapshot) => void;
  readonly onReloadError?: (error: unknown) => void;
}

/** The tenant state a runtime serves from. */
export interface TenantState {
  /** The current snapshot; cheap, call it per request. */
  current(): TenantSnapshot;
  /** Re-reads now (tests and the interval use it); resolves with the snapshot in force afterwards. */
  reload(): Promise<TenantSnapshot>;
  /** Stops watching. */
  close(): void;
}

function fingerprint(config: RuntimeConfig, secrets: RuntimeSecrets): string {
  const keys = [...secrets.keyHashes].map(([id, hash]) => `${id}:${hash.toString('hex')}`).sort();
  return `${canonicalJson(config)}|${keys.join(',')}|${secrets.providerApiKey ?? ''}`;
}

async function readSnapshot(
  options: TenantStateOptions,
): Promise<{ config: RuntimeConfig; secrets: RuntimeSecrets }> {
  const config = await readRuntimeConfig(options.configDir);
  const secrets = await readRuntimeSecrets(options.secretsDir, config.providerCredentials?.apiKeyFile);
  return { config, secrets };
}

/**
 * Loads the state once (throwing when the configuration is missing or invalid) and then polls.
 * @throws {LmoError} `LMO_VALIDATION_FAILED` when the first read fails.
 */
export async function loadTenantState(options: TenantStateOptions): Promise<TenantState> {
  const first = await readSnapshot(options);
  let snapshot: TenantSnapshot = { ...first, generation: 1 };
  let print = fingerprint(first.config, first.secrets);
  let inFlight: Promise<TenantSnapshot> | undefined;

  const reloadOnce = async (): Promise<TenantSnapshot> => {
    try {
      const next = await readSnapshot(options);
      const nextPrint = fingerprint(next.config, next.secrets);
      if (nextPrint !== print) {
        print = nextPrint;
        snapshot = { ...next, generation: snapshot.generation + 1 };
        options.onChange?.(snapshot);
      }
    } catch (error) {
      options.onReloadError?.(error);
    }
    return snapshot;
  };
  const reload = (): Promise<TenantSnapshot> => {
    inFlight ??= reloadOnce().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  const timer = setInterval(() => void reload(), options.pollIntervalMs ?? 1000);
  timer.unref();
  return {
    current: () => snapshot,
    reload,
    close: () => {
      clearInterval(timer);
    },
  };
}
