/**
 * Conversation history in Redis: one list per conversation, `lmo:conv:{<tenant>}:<keyId>:<id>`, of
 * `{"role","content"}` JSON items. An append is one MULTI (RPUSH, LTRIM to `maxMessages`, EXPIRE,
 * LRANGE); when the returned history is over `maxChars` (or opens with an answer), a second LTRIM
 * drops the oldest items. Two appends racing on the same conversation may so trim one turn more than
 * needed, never less; `load` applies the caps too.
 *
 * When Redis is down history FAILS CLOSED: `load` and `append` throw `LMO_DEPENDENCY_UNAVAILABLE`,
 * because answering a named conversation without its context would silently give a wrong answer.
 * Requests that name no conversation do not touch the store.
 */
import { LmoError } from '@lmo/contracts';
import type { Redis } from 'ioredis';
import type { ChatMessage } from '../providers/llm-provider.ts';
import {
  conversationCaps,
  conversationKey,
  oldestToDrop,
  parseStoredMessage,
  storedMessage,
  type ConversationCaps,
  type ConversationStore,
  type ConversationStoreOptions,
} from './conversation-store.ts';

/** Options of {@link createRedisConversationStore}. */
export interface RedisConversationStoreOptions extends ConversationStoreOptions {
  /** A client made with `createRedisClient` (fail-fast options). */
  readonly redis: Redis;
}

function unavailable(error: unknown): LmoError {
  return new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'Conversation history is unavailable right now', {
    cause: error,
  });
}

function parseAll(items: readonly string[]): ChatMessage[] {
  return items.flatMap((item) => parseStoredMessage(item) ?? []);
}

async function appendAndRead(
  redis: Redis,
  key: string,
  items: readonly string[],
  caps: ConversationCaps,
): Promise<string[]> {
  const replies = await redis
    .multi()
    .rpush(key, ...items)
    .ltrim(key, -caps.maxMessages, -1)
    .expire(key, caps.ttlSeconds)
    .lrange(key, 0, -1)
    .exec();
  if (replies === null) throw new Error('MULTI aborted');
  const failed = replies.find(([error]) => error !== null)?.[0];
  if (failed) throw failed;
  return replies[3]?.[1] as string[];
}

/** Creates the Redis {@link ConversationStore}; see the module comment for its Redis-down policy. */
export function createRedisConversationStore(options: RedisConversationStoreOptions): ConversationStore {
  const { redis } = options;
  const caps = conversationCaps(options);

  return {
    async load(scope, id) {
      const key = conversationKey(scope, id);
      let items: string[];
      try {
        items = await redis.lrange(key, 0, -1);
      } catch (error) {
        throw unavailable(error);
      }
      const messages = parseAll(items);
      return messages.slice(oldestToDrop(messages, caps));
    },

    async append(scope, id, messages) {
      const key = conversationKey(scope, id);
      if (messages.length === 0) return;
      try {
        const history = await appendAndRead(redis, key, messages.map(storedMessage), caps);
        const drop = oldestToDrop(
          history.map((item) => parseStoredMessage(item) ?? { role: 'assistant', content: '' }),
          caps,
        );
        if (drop > 0) await redis.ltrim(key, drop, -1);
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
}
