/**
 * LMO's own token count: a word/punctuation tokenizer. The `echo` provider reports its usage with
 * it, and the OpenAI provider falls back to it when an OpenAI-compatible server reports no usage,
 * so that metering never sees zero tokens for work that was done.
 *
 * A token is a run of letters and digits (any script) or a single other non-space character:
 * `"Hello, world!"` is 4 tokens (`Hello` `,` `world` `!`). Real model tokenizers split words into
 * pieces, so real counts are higher (roughly 1.3 tokens per English word); this count is a stable,
 * documented estimate, not a model's tokenizer.
 */
import type { ChatMessage, TokenUsage } from './llm-provider.ts';

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

/** The tokens of `text`, each with the offset just after it. */
export function tokenEnds(text: string): number[] {
  return Array.from(text.matchAll(TOKEN), (match) => match.index + match[0].length);
}

/** The number of tokens of `text`. */
export function countTokens(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}

/** Tokens of a conversation (the contents of all its messages) and of an answer. */
export function estimateUsage(messages: readonly ChatMessage[], answer: string): TokenUsage {
  const tokensIn = messages.reduce((sum, message) => sum + countTokens(message.content), 0);
  return { tokensIn, tokensOut: countTokens(answer) };
}
