// The `make dev` usage source: the runtimes' local usage-events.jsonl files, tailed into the same
// rollups as Kafka's events, on embedded PGlite. Lines count once across polls, restarts, partial
// writes and a replaced file; invalid lines are skipped.
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { UsageEventV1 } from '@lmo/contracts';
import { pino } from 'pino';
import { systemClock } from '../src/clock.ts';
import { UsageFileTailer, USAGE_EVENTS_FILE } from '../src/usage/usage-file-tailer.ts';
import { UsageStore } from '../src/usage/usage-store.ts';
import { freshPglite, type TestDatabase } from './support/test-db.ts';
import { expectedHourRollups, rollupsOf, usageEvent } from './support/usage-events.ts';

jest.setTimeout(60_000);

const line = (event: UsageEventV1): string => `${JSON.stringify(event)}\n`;

describe('usage event files (make dev)', () => {
  let database: TestDatabase;
  let dir: string;
  const used: [string, Date][] = [];

  beforeAll(async () => {
    database = await freshPglite();
    dir = await mkdtemp(join(tmpdir(), 'lmo-usage-files-'));
  }, 60_000);

  afterAll(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }, 30_000);

  const tailer = (): UsageFileTailer =>
    new UsageFileTailer({
      dir,
      db: database.db,
      store: new UsageStore(database.db, systemClock, (keyId, at) => {
        used.push([keyId, at]);
        return Promise.resolve();
      }),
      clock: systemClock,
      logger: pino({ level: 'silent' }),
    });

  it('folds appended lines once across polls, partial lines, restarts and a replaced file', async () => {
    const tenants = ['alpha', 'beta'];
    await Promise.all(tenants.map((tenant) => mkdir(join(dir, tenant), { recursive: true })));
    const file = (tenant: string): string => join(dir, tenant, USAGE_EVENTS_FILE);
    const alpha = [1, 2, 3].map((i) => usageEvent({ tenant: 'alpha', tokensIn: i }));
    const beta = [usageEvent({ tenant: 'beta', model: 'gpt-4o-mini', provider: 'openai', cached: true })];
    await writeFile(file('alpha'), alpha.slice(0, 2).map(line).join('') + 'not json\n');
    await writeFile(file('beta'), line(beta[0] ?? usageEvent()));

    const first = tailer();
    expect(await first.pollOnce()).toBe(3);
    expect(await first.pollOnce()).toBe(0);

    // Half a line is left for the next poll; the runtime writes the rest later.
    const third = line(alpha[2] ?? usageEvent());
    await appendFile(file('alpha'), third.slice(0, 20));
    expect(await first.pollOnce()).toBe(0);
    await appendFile(file('alpha'), third.slice(20));

    // A new tailer (an API restart) continues from the stored offset.
    expect(await tailer().pollOnce()).toBe(1);

    // The runtime replaced its file with a shorter one holding an old line and a new one.
    const late = usageEvent({ tenant: 'alpha', tokensIn: 100 });
    await writeFile(file('alpha'), line(alpha[0] ?? usageEvent()) + line(late));
    expect(await tailer().pollOnce()).toBe(1);

    expect(
      await rollupsOf(database.db, tenants).then((rows) => rows.filter((r) => r.granularity === 'hour')),
    ).toEqual(expectedHourRollups([...alpha, late, ...beta]));
    expect(used.map(([keyId]) => keyId)).toContain('abcdefabcdef');
  });

  it('polls by itself once started, and stops cleanly', async () => {
    await mkdir(join(dir, 'gamma'), { recursive: true });
    const running = tailer();
    running.start();
    await writeFile(join(dir, 'gamma', USAGE_EVENTS_FILE), line(usageEvent({ tenant: 'gamma' })));
    const deadline = Date.now() + 20_000;
    while ((await rollupsOf(database.db, ['gamma'])).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await running.stop();

    expect((await rollupsOf(database.db, ['gamma'])).map((r) => r.requests)).toEqual([1, 1]);
  });
});
