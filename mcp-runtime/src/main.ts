#!/usr/bin/env node
// The runtime process: parse and check options (listing every problem), then serve HTTP or stdio,
// and stop gracefully on SIGTERM or SIGINT.
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { startRuntime } from './runtime.ts';
import { RUNTIME_FLAGS, parseRuntimeOptions } from './runtime-options.ts';
import { runStdio } from './stdio.ts';
import { startTracing } from '@lmo/telemetry';

const usage = (): string =>
  [
    'Usage: mcp-runtime --config <dir> [--stdio] [--flag value ...]',
    '',
    "Serves one LMO tenant's MCP endpoint (Streamable HTTP, HTTP+SSE, WebSocket, REST) from the",
    'configuration the operator mounts (config.json, key hashes, provider key), or over stdio.',
    '',
    'Flags (each also read from the environment variable shown):',
    ...Object.entries(RUNTIME_FLAGS).map(
      ([flag, f]) => `  --${flag.padEnd(28)} ${f.env.padEnd(32)} ${f.help}`,
    ),
    '  --stdio                      serve one session on standard input/output instead of HTTP',
    '  --help                       print this help',
    '',
  ].join('\n');

async function main(argv: string[]): Promise<number> {
  const flagOptions = Object.fromEntries(
    Object.keys(RUNTIME_FLAGS).map((f) => [f, { type: 'string' as const }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...flagOptions, stdio: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`mcp-runtime: ${(error as Error).message}\n\n${usage()}`);
    return 2;
  }
  if (parsed.values['help'] === true) {
    process.stdout.write(usage());
    return 0;
  }
  const result = parseRuntimeOptions(parsed.values, process.env);
  if (!result.ok) {
    process.stderr.write(
      `mcp-runtime: invalid options:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    return 2;
  }
  const { options } = result;
  const logger = pino(
    {
      level: options.logLevel,
      base: { component: 'mcp-runtime' },
      redact: {
        paths: [
          '*.apiKey',
          '*.authorization',
          '*.headers.authorization',
          '*.token',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    // stdout carries the protocol in stdio mode.
    pino.destination(options.stdio ? 2 : 1),
  );
  const stopTracing = startTracing(process.env, 'lmo-mcp-runtime');
  if (options.stdio) {
    await runStdio(options, logger);
    await stopTracing?.();
    return 0;
  }
  const runtime = await startRuntime(options, logger);
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await runtime.stop();
  await stopTracing?.();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mcp-runtime: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
