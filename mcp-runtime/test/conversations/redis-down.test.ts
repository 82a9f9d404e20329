// Conversation history's Redis-down policy, against a Redis URL where nothing listens.
import { afterAll, describe, expect, it } from '@jest/globals';
import { createRedisConversationStore } from '../../src/conversations/index.ts';
import { createRedisClient } from '../../src/limits/index.ts';
import { lmoErrorOf, turn } from './conversation-store-contract.ts';

describe('conversation history when Redis is down', () => {
  const redis = createRedisClient('redis://127.0.0.1:1', { connectTimeoutMs: 200 });
  const store = createRedisConversationStore({ redis });
  const scope = { tenant: 'acme', keyId: 'k' };

  afterAll(() => {
    redis.disconnect();
  });

  it('fails closed: load and append throw LMO_DEPENDENCY_UNAVAILABLE', async () => {
    const onLoad = await lmoErrorOf(store.load(scope, 'c1'));
    const onAppend = await lmoErrorOf(store.append(scope, 'c1', turn(1)));

    expect(onLoad.code).toBe('LMO_DEPENDENCY_UNAVAILABLE');
    expect(onAppend.code).toBe('LMO_DEPENDENCY_UNAVAILABLE');
    expect(onLoad.httpStatus).toBe(503);
  });

  it('still reports an invalid id as the caller’s mistake', async () => {
    expect((await lmoErrorOf(store.load(scope, 'bad id'))).code).toBe('LMO_VALIDATION_FAILED');
  });
});
