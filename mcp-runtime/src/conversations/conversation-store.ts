/**
 * Server-kept conversation history: an app names a `conversation` and the runtime remembers its
 * turns, so the app sends only the new message. History belongs to one API key of one tenant (the
 * scope is part of the storage key): another key, even of the same tenant, never sees it.
 */
import { LmoError } from '@lmo/contracts';
import type { ChatMessage, ChatRole } from '../providers/llm-provider.ts';

/** Whose history it is: the authenticated key. */
export interface ConversationScope {
  readonly tenant: string;
  /** The API key's id (never the key). */
  readonly keyId: string;
}

/** Conversation history, by scope and conversation id. */
export interface ConversationStore {
  /**
   * The conversation's messages, oldest first; empty when unknown or expired.
   * @throws {LmoError} `LMO_VALIDATION_FAILED` for an invalid id; `LMO_DEPENDENCY_UNAVAILABLE` when
   *   the store fails (fail closed: answering without the context would be wrong).
   */
  load(scope: ConversationScope, id: string): Promise<ChatMessage[]>;
  /**
   * Adds messages at the end, refreshes the expiry and trims the oldest turns beyond the caps.
   * @throws {LmoError} as {@link ConversationStore.load}.
   */
  append(scope: ConversationScope, id: string, messages: readonly ChatMessage[]): Promise<void>;
}

/** Caps and expiry, shared by both implementations. */
export interface ConversationStoreOptions {
  /** Messages kept per conversation at most. @default 50 */
  readonly maxMessages?: number;
  /** Characters of message content kept per conversation at most. @default 100_000 */
  readonly maxChars?: number;
  /** Seconds a conversation lives after its last append. @default 86_400 (one day) */
  readonly ttlSeconds?: number;
}

/** The caps in force, defaults applied. */
export interface ConversationCaps {
  readonly maxMessages: number;
  readonly maxChars: number;
  readonly ttlSeconds: number;
}

/** Applies the defaults of {@link ConversationStoreOptions}. */
export function conversationCaps(options: ConversationStoreOptions = {}): ConversationCaps {
  return {
    maxMessages: options.maxMessages ?? 50,
    maxChars: options.maxChars ?? 100_000,
    ttlSeconds: options.ttlSeconds ?? 86_400,
  };
}

/** What a conversation id may be: 1 to 128 of `A-Z a-z 0-9 . _ : -`, starting with a letter or digit. */
export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Checks a conversation id from a request.
 * @throws {LmoError} `LMO_VALIDATION_FAILED` with `details.issues` when it does not match
 *   {@link CONVERSATION_ID_PATTERN}.
 */
export function validateConversationId(id: string): string {
  if (CONVERSATION_ID_PATTERN.test(id)) return id;
  throw new LmoError('LMO_VALIDATION_FAILED', 'The conversation id is invalid', {
    details: {
      issues: [
        {
          path: '/conversation',
          message:
            'must be 1 to 128 characters of A-Z, a-z, 0-9, ".", "_", ":" or "-", starting with a letter or digit',
        },
      ],
    },
  });
}

/** The storage key of a conversation: `lmo:conv:{<tenant>}:<keyId>:<id>` (the id validated). */
export function conversationKey(scope: ConversationScope, id: string): string {
  return `lmo:conv:{${scope.tenant}}:${scope.keyId}:${validateConversationId(id)}`;
}

/**
 * How many of the oldest messages to drop so that at most `maxMessages` messages with at most
 * `maxChars` characters remain, and the history does not open with an answer whose question is gone.
 */
export function oldestToDrop(messages: readonly ChatMessage[], caps: ConversationCaps): number {
  let chars = messages.reduce((sum, m) => sum + m.content.length, 0);
  let drop = 0;
  const over = (): boolean => messages.length - drop > caps.maxMessages || chars > caps.maxChars;
  while (drop < messages.length && (over() || messages[drop]?.role === 'assistant')) {
    chars -= messages[drop]?.content.length ?? 0;
    drop += 1;
  }
  return drop;
}

const ROLES: readonly ChatRole[] = ['system', 'user', 'assistant'];

/** Reads one stored message; `undefined` when it is not one. */
export function parseStoredMessage(json: string): ChatMessage | undefined {
  try {
    const value = JSON.parse(json) as { role?: unknown; content?: unknown };
    const { role, content } = value;
    return ROLES.includes(role as ChatRole) && typeof content === 'string'
      ? { role: role as ChatRole, content }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The stored form of one message: `{"role","content"}` JSON. */
export function storedMessage(message: ChatMessage): string {
  return JSON.stringify({ role: message.role, content: message.content });
}
