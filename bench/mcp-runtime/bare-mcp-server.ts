// Child entry: the peer of the MCP throughput measurement. A bare MCP SDK server exposing the
// runtime's `ask` tool (same input and output schemas) that calls the same fake provider with
// fetch: no auth, limits, cache, metrics or usage events. Served by `createMcpHandler` +
// `toNodeHandler` on node:http, the SDK's own way. Prints `{"port": N}` once listening.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { toNodeHandler, type NodeIncomingMessageLike } from '@modelcontextprotocol/node';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';

const { values } = parseArgs({
  options: { 'provider-url': { type: 'string' }, model: { type: 'string', default: 'bench-model' } },
});
const providerUrl = values['provider-url'];
if (providerUrl === undefined) throw new Error('--provider-url is required');
const model = values.model;

interface ChatAnswer {
  readonly choices: readonly { readonly message: { readonly content: string | null } }[];
  readonly usage?: { readonly prompt_tokens: number; readonly completion_tokens: number };
}

async function complete(prompt: string, temperature: number): Promise<ChatAnswer> {
  const response = await fetch(`${providerUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model,
      messages: [{ role: 'user', content: prompt }],
      temperature,
      max_tokens: 1024,
    }),
  });
  if (!response.ok) throw new Error(`provider answered ${String(response.status)}`);
  return (await response.json()) as ChatAnswer;
}

// Built once: a competent SDK user does not rebuild schemas per request (the factory runs per request).
const inputSchema = z.strictObject({
  prompt: z.string().min(1).max(100_000),
  system: z.string().max(20_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(1).max(200_000).optional(),
  cache: z.boolean().optional(),
});

const outputSchema = z.object({
  answer: z.string(),
  model: z.string(),
  cached: z.boolean(),
  usage: z.object({ tokensIn: z.number(), tokensOut: z.number() }),
  requestId: z.string(),
});

function buildServer(): McpServer {
  const server = new McpServer({ name: 'bare-bench-server', version: '1.0.0' });
  server.registerTool(
    'ask',
    {
      title: 'Ask the model',
      description: 'Sends one prompt to the model and returns its answer.',
      inputSchema,
      outputSchema,
    },
    async (args) => {
      const answer = await complete(args.prompt, args.temperature ?? 0.7);
      const text = answer.choices[0]?.message.content ?? '';
      const usage = {
        tokensIn: answer.usage?.prompt_tokens ?? 0,
        tokensOut: answer.usage?.completion_tokens ?? 0,
      };
      return {
        content: [{ type: 'text', text }],
        structuredContent: { answer: text, model, cached: false, usage, requestId: crypto.randomUUID() },
      };
    },
  );
  return server;
}

const handler = toNodeHandler(createMcpHandler(() => buildServer()));
const http = createServer((request, response) => {
  // IncomingMessage declares `method?: string | undefined`; the handler's type omits `| undefined`.
  void handler(request as NodeIncomingMessageLike, response);
});
http.keepAliveTimeout = 65_000;
http.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port })}\n`);
});
process.once('SIGTERM', () => {
  http.closeAllConnections();
  http.close(() => process.exit(0));
});
