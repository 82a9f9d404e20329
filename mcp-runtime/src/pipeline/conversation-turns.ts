/**
 * One chat turn with optional history, shared by the MCP `chat` tool and the REST API: earlier
 * messages come inline (`context.previousMessages`) or from a server-kept conversation, never both.
 */
import { LmoError } from '@lmo/contracts';
import type { Principal } from '../auth/api-key-auth.ts';
import type { ConversationHistory } from '../mcp/tool-deps.ts';
import type { ChatMessage } from '../providers/llm-provider.ts';
import type { CompletionCall, CompletionOutcome, LlmGateway } from './llm-call.ts';

/** A turn's input. */
export interface TurnInput {
  readonly messages: readonly ChatMessage[];
  readonly previousMessages?: readonly ChatMessage[] | undefined;
  readonly conversation?: string | undefined;
}

/** Runs a turn: loads history, completes, stores the new messages and the answer. */
export async function runTurn(
  deps: { readonly gateway: LlmGateway; readonly conversations: ConversationHistory },
  principal: Principal,
  turn: TurnInput,
  call: Omit<CompletionCall, 'messages'>,
): Promise<CompletionOutcome> {
  if (turn.conversation !== undefined && turn.previousMessages !== undefined) {
    throw new LmoError(
      'LMO_TOOL_INPUT_INVALID',
      'Send either context.previousMessages or a conversation id, not both.',
    );
  }
  const history =
    turn.conversation === undefined
      ? (turn.previousMessages ?? [])
      : await deps.conversations.load(principal, turn.conversation);
  const outcome = await deps.gateway.complete({ ...call, messages: [...history, ...turn.messages] });
  if (turn.conversation !== undefined) {
    await deps.conversations.append(principal, turn.conversation, [
      ...turn.messages,
      { role: 'assistant', content: outcome.text },
    ]);
  }
  return outcome;
}
