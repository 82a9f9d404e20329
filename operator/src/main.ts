#!/usr/bin/env node
// The operator process: parse and validate configuration (listing every
// problem), connect, start, and stop gracefully on SIGTERM or SIGINT.
import { parseArgs } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import { pino } from 'pino';
import { OPERATOR_FLAGS, parseOperatorConfig } from './operator-config.ts';
import { startOperator } from './operator.ts';

const usage = (): string =>
  [
    'Usage: lmo-operator [--flag value ...]',
    '',
    'Watches Tenant resources (lmo.dev/v1alpha1) and keeps each tenant provisioned:',
    'namespace, quota, secrets, config, runtime, network policies, ingress, status.',
    '',
    'Flags (each also read from the environment variable shown):',
    ...Object.entries(OPERATOR_FLAGS).map(
      ([flag, f]) => `  --${flag.padEnd(22)} ${f.env.padEnd(26)} ${f.help}`,
    ),
    '  --help                 print this help',
    '',
  ].join('\n');

async function main(argv: string[]): Promise<number> {
  const options = Object.fromEntries(
    Object.keys(OPERATOR_FLAGS).map((f) => [f, { type: 'string' as const }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true });
  } catch (error) {
    process.stderr.write(`lmo-operator: ${(error as Error).message}\n\n${usage()}`);
    return 2;
  }
  if (parsed.values['help']) {
    process.stdout.write(usage());
    return 0;
  }
  const result = parseOperatorConfig(parsed.values, process.env);
  if (!result.ok) {
    process.stderr.write(
      `lmo-operator: invalid configuration:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 2;
  }
  const { config } = result;
  const logger = pino({
    level: config.logLevel,
    base: { component: 'lmo-operator' },
    redact: {
      paths: ['*.apiKey', '*.token', '*.password', '*.authorization', 'err.config'],
      censor: '[redacted]',
    },
  });
  const kc = new KubeConfig();
  if (config.kubeconfig) kc.loadFromFile(config.kubeconfig);
  else kc.loadFromDefault();
  const operator = await startOperator({ kc, config, logger });
  logger.info({ port: operator.httpPort }, 'Serving /healthz, /readyz and /metrics');
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      logger.info({ signal }, 'Shutting down');
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await operator.stop();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lmo-operator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
