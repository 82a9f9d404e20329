import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { logFile } from '../daemon.ts';
import { daemonService } from '../daemon-service.ts';
import { run } from '../exec.ts';
import { ensureDebianPackage } from '../install/apt.ts';
import type { HarnessContext } from '../service.ts';
import { host, ports } from '../settings.ts';
import { tcpOpen } from '../wait.ts';

const bin = '/usr/lib/postgresql/15/bin';
const credentials = { user: 'lmo', password: 'lmo-test-password', database: 'lmo' } as const;

/** initdb and postgres refuse to run as root; as root we run them as the `postgres` user. */
const asUser = (): string | undefined => (process.getuid?.() === 0 ? 'postgres' : undefined);

export const databaseUrl = `postgres://${credentials.user}:${credentials.password}@${host}:${ports.postgres}/${credentials.database}`;

/** PostgreSQL 15 from Debian, SCRAM passwords over TCP on loopback, durability off for speed. */
export const postgres = daemonService({
  name: 'postgres',
  description: 'PostgreSQL 15 (Debian)',
  readyWithinSeconds: 30,
  async install(ctx) {
    await ensureDebianPackage(ctx, {
      name: 'postgresql-15',
      provides: join(bin, 'postgres'),
      logFile: logFile(ctx.paths.run, 'apt'),
    });
  },
  async prepare(ctx, dataDir) {
    await initCluster(ctx, dataDir);
    const user = asUser();
    return {
      command: join(bin, 'postgres'),
      ...(user ? { asUser: user } : {}),
      args: [
        '-D',
        dataDir,
        '-k',
        dataDir,
        '-p',
        String(ports.postgres),
        '-c',
        `listen_addresses=${host}`,
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
    };
  },
  probe: (ctx) => async () =>
    (await tcpOpen(host, ports.postgres)) &&
    (await psql(ctx, 'postgres', ['-c', 'SELECT 1']).then(() => true)),
  afterStart: (ctx) => ensureDatabase(ctx),
  env: () => ({ DATABASE_URL: databaseUrl }),
});

async function initCluster(ctx: HarnessContext, dataDir: string): Promise<void> {
  try {
    await access(join(dataDir, 'PG_VERSION'));
    return;
  } catch {
    // A new cluster follows.
  }
  const log = logFile(ctx.paths.run, 'postgres');
  const pwfile = join(dataDir, '..', 'postgres.pw');
  await writeFile(pwfile, `${credentials.password}\n`, { mode: 0o644 });
  const user = asUser();
  if (user) await run('chown', ['-R', `${user}:${user}`, dataDir], { logFile: log });
  await run(
    join(bin, 'initdb'),
    [
      '-D',
      dataDir,
      '-U',
      credentials.user,
      `--pwfile=${pwfile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--no-sync',
    ],
    { logFile: log, ...(user ? { asUser: user } : {}) },
  );
}

/** Creates the test database unless it exists (psql's \gexec runs the generated statement). */
async function ensureDatabase(ctx: HarnessContext): Promise<void> {
  const file = join(ctx.paths.run, 'data', 'postgres-create-db.sql');
  const { database } = credentials;
  await writeFile(
    file,
    `SELECT 'CREATE DATABASE ${database}' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${database}')\\gexec\n`,
  );
  await psql(ctx, 'postgres', ['-f', file]);
}

function psql(ctx: HarnessContext, database: string, args: readonly string[]): Promise<void> {
  const connection = ['-h', host, '-p', String(ports.postgres), '-U', credentials.user, '-d', database];
  return run('psql', [...connection, '-v', 'ON_ERROR_STOP=1', ...args], {
    env: { ...ctx.env, PGPASSWORD: credentials.password },
    logFile: logFile(ctx.paths.run, 'postgres-client'),
  });
}
