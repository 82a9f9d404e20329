/** Conversation history in this process's memory, for `make dev`: a bounded LRU with a TTL. */
import { LRUCache } from 'lru-cache';
import type { ChatMessage } from '../providers/llm-provider.ts';
import {
  conversationCaps,
  conversationKey,
  oldestToDrop,
  type ConversationStore,
  type ConversationStoreOptions,
} from './conversation-store.ts';

/** Options of {@link createInProcessConversationStore}. */
export interface InProcessConversationStoreOptions extends ConversationStoreOptions {
  /** Conversations kept at most; the least recently used go first. @default 10_000 */
  readonly maxConversations?: number;
}

/** Creates the in-process {@link ConversationStore}. */
export function createInProcessConversationStore(
  options: InProcessConversationStoreOptions = {},
): ConversationStore {
  const caps = conversationCaps(options);
  const conversations = new LRUCache<string, readonly ChatMessage[]>({
    max: options.maxConversations ?? 10_000,
    ttl: caps.ttlSeconds * 1000,
  });
  return {
    load: (scope, id) =>
      Promise.resolve().then(() => [...(conversations.get(conversationKey(scope, id)) ?? [])]),
    append: (scope, id, messages) =>
      Promise.resolve().then(() => {
        const key = conversationKey(scope, id);
        const all = [
          ...(conversations.get(key) ?? []),
          ...messages.map((m) => ({ role: m.role, content: m.content })),
        ];
        conversations.set(key, all.slice(oldestToDrop(all, caps)));
      }),
  };
}
