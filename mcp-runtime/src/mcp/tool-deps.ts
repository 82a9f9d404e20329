/** What the MCP tools, prompts and resources of one server instance need. */
import type { ServerContext } from '@modelcontextprotocol/server';
import type { Principal } from '../auth/api-key-auth.ts';
import type { TenantSnapshot } from '../config/tenant-state.ts';
import type { KnowledgeStore } from '../knowledge/knowledge-store.ts';
import type { CallContext, LlmGateway } from '../pipeline/llm-call.ts';
import type { ChatMessage } from '../providers/llm-provider.ts';
import type { ArgumentHistory } from './argument-history.ts';

/** Server-kept conversations, scoped to the key that created them. */
export interface ConversationHistory {
  load(principal: Principal, conversation: string): Promise<ChatMessage[]>;
  append(principal: Principal, conversation: string, messages: readonly ChatMessage[]): Promise<void>;
}

/** Dependencies of one MCP server instance. */
export interface ToolDeps {
  readonly gateway: LlmGateway;
  readonly conversations: ConversationHistory;
  /** Absent when the runtime has no knowledge database. */
  readonly knowledge: KnowledgeStore | undefined;
  /** The tenant configuration in force. */
  readonly snapshot: () => TenantSnapshot;
  /** The caller, request id, transport and abort signal of a tool call. */
  readonly callContext: (ctx: ServerContext, tool: string) => CallContext;
  /** Values callers passed to prompt arguments, for `completion/complete`. */
  readonly argumentHistory: ArgumentHistory;
}
