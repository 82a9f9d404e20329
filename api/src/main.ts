#!/usr/bin/env node
// The API process: parse and validate configuration (listing every problem), open the database
// and migrate it, connect the tenant registry and key-hash sink, listen, stop on SIGTERM/SIGINT.
import { parseArgs } from 'node:util';
import { API_ENV_HELP, parseApiConfig, type ApiConfig } from './config/api-config.ts';
import { migrateLatest } from './db/migrations.ts';
import { createLogger } from './logger.ts';

const usage = (): string =>
  [
    'Usage: lmo-api [--migrate-only] [--check-config] [--help]',
    '',
    'The LMO platform API: accounts, tenants, API keys, knowledge, usage and billing (see api/README.md).',
    '',
    '  --migrate-only   apply database migrations and exit',
    '  --check-config   validate the configuration, print it (without secrets) and exit',
    '  --help           print this help',
    '',
    'Configuration comes from the environment:',
    ...Object.entries(API_ENV_HELP).map(([name, help]) => `  ${name.padEnd(36)} ${help}`),
    '',
  ].join('\n');

const printable = (config: ApiConfig): unknown => ({
  ...config,
  database: config.database.kind === 'postgres' ? { kind: 'postgres', url: '[redacted]' } : config.database,
  bootstrapAdmin: config.bootstrapAdmin === undefined ? undefined : { email: config.bootstrapAdmin.email },
  stripe:
    config.stripe === undefined
      ? undefined
      : {
          ...config.stripe,
          secretKey: '[redacted]',
          webhookSecret: config.stripe.webhookSecret === undefined ? undefined : '[redacted]',
        },
});

async function main(argv: string[]): Promise<number> {
  let values: { help?: boolean; 'migrate-only'?: boolean; 'check-config'?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        help: { type: 'boolean' },
        'migrate-only': { type: 'boolean' },
        'check-config': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`lmo-api: ${(error as Error).message}\n\n${usage()}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(usage());
    return 0;
  }
  const result = parseApiConfig(process.env);
  if (!result.ok) {
    process.stderr.write(
      `lmo-api: invalid configuration:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 2;
  }
  const { config } = result;
  if (values['check-config'] === true) {
    process.stdout.write(`${JSON.stringify(printable(config), null, 2)}\n`);
    return 0;
  }
  const logger = createLogger(config.logLevel);
  if (values['migrate-only'] === true) {
    const { openDatabase } = await import('./db/database.ts');
    const db = await openDatabase(config.database);
    try {
      logger.info({ applied: await migrateLatest(db) }, 'Migrated the database');
    } finally {
      await db.destroy();
    }
    return 0;
  }
  // Loaded only to run: --help and --check-config stay quick without the whole app's modules.
  const { startTracing } = await import('@lmo/telemetry');
  const stopTracing = startTracing(process.env, 'lmo-api');
  const { startApi } = await import('./start.ts');
  const api = await startApi(config, logger);
  logger.info({ url: api.url, registry: config.tenantRegistry }, 'Platform API listening');
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      logger.info({ signal }, 'Shutting down');
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await api.stop();
  await stopTracing?.();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lmo-api: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
