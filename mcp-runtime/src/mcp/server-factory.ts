/**
 * Builds one MCP server instance for the tenant: the same tools, prompts and resources for every
 * transport and protocol revision. Instances are cheap; HTTP builds one per request (2026-07-28) or
 * per session (2025), WebSocket and stdio one per connection.
 */
import { McpServer } from '@modelcontextprotocol/server';
import { registerKnowledgeResources, registerKnowledgeSearch } from './knowledge-surface.ts';
import { registerAsk, registerChat, registerEmbed } from './llm-tools.ts';
import { registerPrompts, registerPromptTools } from './prompt-templates.ts';
import type { ToolDeps } from './tool-deps.ts';

/** The implementation name MCP clients see. */
export const SERVER_NAME = 'lmo-mcp-runtime';

/** Builds a server for the tenant's current configuration. */
export function buildMcpServer(deps: ToolDeps, version: string): McpServer {
  const { config } = deps.snapshot();
  const server = new McpServer(
    { name: SERVER_NAME, title: `${config.tenant.displayName} (LMO)`, version },
    {
      instructions: `Tools of the LMO tenant "${config.tenant.displayName}": ask and chat with its model, embed texts, search its knowledge, and run its prompt templates.`,
    },
  );
  registerAsk(server, deps);
  registerChat(server, deps);
  registerEmbed(server, deps);
  registerKnowledgeSearch(server, deps);
  registerPromptTools(server, config.promptTemplates, deps);
  registerPrompts(server, config.promptTemplates, deps);
  registerKnowledgeResources(server, deps);
  return server;
}
