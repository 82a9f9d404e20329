/**
 * Conversation history scoped to one API key, with a Redis implementation for production and an
 * in-process LRU for `make dev`. Redis down: fail closed (see mcp-runtime/README.md).
 */
export {
  CONVERSATION_ID_PATTERN,
  conversationCaps,
  conversationKey,
  oldestToDrop,
  validateConversationId,
  type ConversationCaps,
  type ConversationScope,
  type ConversationStore,
  type ConversationStoreOptions,
} from './conversation-store.ts';
export {
  createInProcessConversationStore,
  type InProcessConversationStoreOptions,
} from './in-process-conversation-store.ts';
export {
  createRedisConversationStore,
  type RedisConversationStoreOptions,
} from './redis-conversation-store.ts';
