#!/usr/bin/env node
// The harness's one entry point: `infra up|down|status|env`. See --help.
import { parseArgs } from 'node:util';
import { down, readEnv, status, up } from './harness.ts';
import { allServices } from './services/index.ts';

const usage = `Usage: infra <command> [options] [service...]

Runs every real service LMO talks to on loopback, without containers.
What is missing is installed or built into ~/.cache/lmo-infra (LMO_INFRA_CACHE)
on first use; state, logs and pids live in LMO_INFRA_RUN (default /tmp/lmo-infra-<uid>).

Commands:
  up [service...]   install what is missing, start the services (all, or the named ones
                    with their dependencies) and wait until each is ready
  down [service...] stop the named services, or all of them and remove the run directory
  status            show which services are running
  env [--json]      print the connection settings as shell exports (or JSON)

Services: ${allServices.map((s) => s.name).join(', ')}

Examples:
  infra up                  # everything
  infra up postgres redis   # just these two
  eval "$(infra env)"       # DATABASE_URL, REDIS_URL, KAFKA_BROKERS, KUBECONFIG, ...
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } },
  });
  const [command, ...names] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  switch (command) {
    case 'up': {
      const result = await up(names);
      console.error(result.started.length === 0 ? 'infra: everything already running' : 'infra: ready');
      return 0;
    }
    case 'down':
      await down(names);
      return 0;
    case 'status':
      return printStatus();
    case 'env':
      printEnv(await readEnv(), values.json === true);
      return 0;
    default:
      console.error(`infra: unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

async function printStatus(): Promise<number> {
  const rows = await status();
  for (const row of rows) {
    console.log(`${row.running ? 'running' : 'stopped'}  ${row.name.padEnd(24)} ${row.description}`);
  }
  return rows.every((r) => r.running) ? 0 : 3;
}

function printEnv(env: Record<string, string>, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(env, null, 2));
    return;
  }
  for (const [key, value] of Object.entries(env))
    console.log(`export ${key}='${value.replaceAll("'", "'\\''")}'`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
