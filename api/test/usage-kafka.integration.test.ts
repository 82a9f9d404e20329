// The usage analytics consumer against the harness Kafka and PostgreSQL: events (with re-sends
// and one invalid message) fold into exact rollups and the request log; replaying the whole topic
// with a fresh consumer group changes nothing; the usage endpoints and keys' last use follow.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UsageEventV1 } from '@lmo/contracts';
import { harnessEnv } from '@lmo/harness';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { pino } from 'pino';
import { KafkaUsageConsumer } from '../src/usage/kafka-usage-consumer.ts';
import { waitFor } from './support/kube.ts';
import { freshPostgres, type TestDatabase } from './support/test-db.ts';
import {
  asBrowser,
  makeTestApp,
  signUp,
  uniqueTenant,
  type Session,
  type TestApp,
} from './support/test-app.ts';
import { expectedHourRollups, rollupsOf, usageEvent } from './support/usage-events.ts';

const brokers = (): string[] => harnessEnv('KAFKA_BROKERS').split(',');

describe('usage consumer (Kafka → PostgreSQL)', () => {
  const topic = `lmo-usage-test-${randomBytes(4).toString('hex')}`;
  const kafka = new Kafka({ clientId: 'lmo-api-test', brokers: brokers(), logLevel: logLevel.NOTHING });
  let admin: Admin;
  let database: TestDatabase;
  let dir: string;
  let t: TestApp;
  let session: Session;
  let tenant: string;
  let keys: string[];
  let events: UsageEventV1[];

  /** Consumes the whole topic with a new group, then leaves. */
  const consumeAll = async (groupId: string): Promise<void> => {
    const consumer = new KafkaUsageConsumer({
      brokers: brokers(),
      topic,
      groupId,
      store: t.services.usage,
      logger: pino({ level: 'silent' }),
    });
    await consumer.start();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      await waitFor(
        `group ${groupId} to commit the end of ${topic}`,
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          return ends.every(
            (end) => committed?.partitions.find((p) => p.partition === end.partition)?.offset === end.high,
          );
        },
        60_000,
      );
    } finally {
      await consumer.stop();
    }
  };

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    database = await freshPostgres();
    dir = await mkdtemp(join(tmpdir(), 'lmo-usage-'));
    t = await makeTestApp({ db: database.db, tenantsDir: dir });
    tenant = uniqueTenant('u');
    session = await signUp(t.app, { tenant });
    keys = [
      (await t.services.apiKeys.create(tenant, 'a', null)).id,
      (await t.services.apiKeys.create(tenant, 'b', null)).id,
    ];
    events = Array.from({ length: 40 }, (_, i) =>
      usageEvent({
        tenant,
        keyId: keys[i % 2] ?? '',
        model: i % 3 === 0 ? 'gpt-4o-mini' : 'echo-1',
        provider: i % 3 === 0 ? 'openai' : 'echo',
        tokensIn: 10 + i,
        tokensOut: 100 + 2 * i,
        cached: i % 5 === 0,
        latencyMs: 50 + i,
        ...(i % 7 === 0 ? { status: 'error' as const, errorCode: 'LMO_PROVIDER_ERROR' as const } : {}),
        time: new Date(Date.parse('2026-11-22T09:30:00Z') + i * 150_000).toISOString(),
      }),
    );
    // Re-sends of five events (a producer retry), and one message that is not an event.
    const resent = events.filter((_, i) => i % 8 === 3);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic,
      messages: [...events, ...resent].map((e) => ({ key: e.requestId, value: JSON.stringify(e) })),
    });
    await producer.send({ topic, messages: [{ key: 'junk', value: '{"version":1,"tenant":"x"}' }] });
    await producer.disconnect();
  }, 120_000);

  afterAll(async () => {
    await t.app.close();
    await database.drop();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('folds every event once, and a replay from the beginning changes nothing', async () => {
    await consumeAll(`lmo-api-usage-${randomBytes(4).toString('hex')}`);
    const first = await rollupsOf(database.db, [tenant]);
    const requests = await database.db('usage_requests').where({ tenant }).count<{ n: string }[]>('* as n');

    expect(first.filter((r) => r.granularity === 'hour')).toEqual(expectedHourRollups(events));
    const days = first.filter((r) => r.granularity === 'day');
    expect(days.reduce((sum, r) => sum + r.requests, 0)).toBe(40);
    expect(days.reduce((sum, r) => sum + r.tokens_out, 0)).toBe(
      events.reduce((sum, e) => sum + e.tokensOut, 0),
    );
    expect(Number(requests[0]?.n)).toBe(40);

    await consumeAll(`lmo-api-usage-replay-${randomBytes(4).toString('hex')}`);

    expect(await rollupsOf(database.db, [tenant])).toEqual(first);
    const again = await database.db('usage_requests').where({ tenant }).count<{ n: string }[]>('* as n');
    expect(Number(again[0]?.n)).toBe(40);
  }, 180_000);

  it('serves the rollups and the request log, and moved the keys’ last use', async () => {
    const headers = asBrowser(session);
    const usage = await t.app.inject({
      method: 'GET',
      url: `/v1/tenants/${tenant}/usage?from=2026-11-22T00:00:00Z&to=2026-11-23T00:00:00Z&granularity=hour&groupBy=model`,
      headers,
    });
    const body = usage.json<{
      items: { bucket: string; model: string; requests: number; tokensIn: number }[];
    }>();
    const log = await t.app.inject({
      method: 'GET',
      url: `/v1/tenants/${tenant}/requests?limit=3&status=error&keyId=${keys[0] ?? ''}`,
      headers,
    });
    const latest = events.filter((e) => e.status === 'error' && e.keyId === keys[0]).reverse();

    expect(usage.statusCode).toBe(200);
    expect(body.items.map((p) => p.bucket)).toEqual(
      expect.arrayContaining(['2026-11-22T09:00:00.000Z', '2026-11-22T10:00:00.000Z']),
    );
    expect(body.items.reduce((sum, p) => sum + p.requests, 0)).toBe(40);
    expect(body.items.filter((p) => p.model === 'gpt-4o-mini').reduce((s, p) => s + p.requests, 0)).toBe(14);
    expect(log.json<{ items: { requestId: string }[] }>().items.map((r) => r.requestId)).toEqual(
      latest.slice(0, 3).map((e) => e.requestId),
    );
    const listed = await t.services.apiKeys.list(tenant);
    const lastOf = (keyId: string): string =>
      events
        .filter((e) => e.keyId === keyId)
        .map((e) => e.time)
        .sort()
        .at(-1) ?? '';
    for (const key of listed) expect(key.lastUsedAt?.toISOString()).toBe(lastOf(key.id));
  }, 30_000);

  it('refuses strangers and bad ranges', async () => {
    const stranger = await signUp(t.app);
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/v1/tenants/${tenant}/usage`,
      headers: asBrowser(stranger),
    });
    const backwards = await t.app.inject({
      method: 'GET',
      url: `/v1/tenants/${tenant}/usage?from=2026-11-23T00:00:00Z&to=2026-11-22T00:00:00Z`,
      headers: asBrowser(session),
    });

    expect(hidden.json()).toMatchObject({ error: { code: 'LMO_NOT_FOUND' } });
    expect(backwards.json()).toMatchObject({ error: { code: 'LMO_VALIDATION_FAILED' } });
  }, 30_000);
});
