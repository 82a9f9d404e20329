// Conversation history against the harness's Redis.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { harnessEnv } from '@lmo/harness';
import { conversationKey, createRedisConversationStore } from '../../src/conversations/index.ts';
import { createRedisClient, redisReady } from '../../src/limits/index.ts';
import { describeConversationStoreContract, turn, uniqueTenant } from './conversation-store-contract.ts';

const redis = createRedisClient(harnessEnv('REDIS_URL'));

beforeAll(async () => {
  expect(await redisReady(redis, 5_000)).toBe(true);
});

afterAll(() => {
  redis.disconnect();
});

describeConversationStoreContract('redis', (options) => createRedisConversationStore({ ...options, redis }));

describe('redis conversation store', () => {
  it('keeps a list of JSON messages and refreshes its TTL on every append', async () => {
    const store = createRedisConversationStore({ redis, ttlSeconds: 600 });
    const scope = { tenant: uniqueTenant(), keyId: 'key_1' };
    const key = conversationKey(scope, 'c1');
    await store.append(scope, 'c1', turn(1));
    await redis.expire(key, 5);

    await store.append(scope, 'c1', turn(2));

    expect(await redis.lrange(key, 0, -1)).toEqual([
      '{"role":"user","content":"q1"}',
      '{"role":"assistant","content":"a1"}',
      '{"role":"user","content":"q2"}',
      '{"role":"assistant","content":"a2"}',
    ]);
    expect(await redis.ttl(key)).toBeGreaterThan(590);
  });

  it('trims the stored list itself, not only what load returns', async () => {
    const store = createRedisConversationStore({ redis, maxMessages: 10, maxChars: 45 });
    const scope = { tenant: uniqueTenant(), keyId: 'k' };

    for (const n of [1, 2, 3, 4]) await store.append(scope, 'c', turn(n, 10));

    expect(await redis.llen(conversationKey(scope, 'c'))).toBe(4);
  });

  it('skips a damaged item instead of failing the conversation', async () => {
    const store = createRedisConversationStore({ redis });
    const scope = { tenant: uniqueTenant(), keyId: 'k' };
    const key = conversationKey(scope, 'c');
    await redis.rpush(key, '{"role":"user","content":"q0"}', 'not json', '{"role":"robot","content":"x"}');

    expect(await store.load(scope, 'c')).toEqual([{ role: 'user', content: 'q0' }]);
    await redis.del(key);
  });
});
