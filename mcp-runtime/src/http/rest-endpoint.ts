/**
 * The REST API for apps that do not speak MCP, under the same gate, limits and metering:
 * `POST <path>/v1/query` answers with JSON; `POST <path>/v1/stream` answers with SSE — `delta`
 * events carrying text, then one `usage` event, or an `error` event.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_PATTERN, toLmoError } from '@lmo/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/api-key-auth.ts';
import type { ConversationHistory } from '../mcp/tool-deps.ts';
import { runTurn } from '../pipeline/conversation-turns.ts';
import type { CompletionCall, CompletionOutcome } from '../pipeline/llm-call.ts';
import type { ChatMessage } from '../providers/llm-provider.ts';
import { hijackKeepingHeaders, type EndpointContext } from './endpoint-context.ts';

const message = {
  type: 'object',
  additionalProperties: false,
  required: ['role', 'content'],
  properties: {
    role: { enum: ['user', 'assistant'] },
    content: { type: 'string', minLength: 1, maxLength: 100_000 },
  },
} as const;

/** The JSON schema of a query body: a `prompt` or `messages`, plus optional tuning. */
export const QUERY_BODY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  oneOf: [{ required: ['prompt'] }, { required: ['messages'] }],
  properties: {
    prompt: { type: 'string', minLength: 1, maxLength: 100_000 },
    messages: { type: 'array', minItems: 1, maxItems: 200, items: message },
    context: {
      type: 'object',
      additionalProperties: false,
      required: ['previousMessages'],
      properties: { previousMessages: { type: 'array', maxItems: 500, items: message } },
    },
    conversation: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' },
    system: { type: 'string', maxLength: 20_000 },
    temperature: { type: 'number', minimum: 0, maximum: 2 },
    maxTokens: { type: 'integer', minimum: 1, maximum: 200_000 },
    cache: { type: 'boolean' },
  },
} as const;

interface QueryBody {
  prompt?: string;
  messages?: ChatMessage[];
  context?: { previousMessages: ChatMessage[] };
  conversation?: string;
  system?: string;
  temperature?: number;
  maxTokens?: number;
  cache?: boolean;
}

/** The request id of a call: the caller's `X-Request-Id` when well-formed, else a new UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && new RegExp(REQUEST_ID_PATTERN).test(header) ? header : randomUUID();
}

/** An AbortSignal that fires when the client goes away before the response is complete. */
export function disconnectSignal(request: IncomingMessage, response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort(new Error('client disconnected'));
  });
  request.on('aborted', () => {
    controller.abort(new Error('client disconnected'));
  });
  return controller.signal;
}

function usageBody(outcome: CompletionOutcome): Record<string, unknown> {
  return {
    model: outcome.model,
    usage: { tokensIn: outcome.usage.tokensIn, tokensOut: outcome.usage.tokensOut },
    cached: outcome.cached,
    finishReason: outcome.finishReason,
    requestId: outcome.requestId,
  };
}

/** Registers `/v1/query` and `/v1/stream`. */
export function registerRestEndpoint(
  app: FastifyInstance,
  context: EndpointContext & { readonly conversations: ConversationHistory },
  gatePrincipal: (raw: IncomingMessage) => Principal,
): void {
  const turn = (
    request: FastifyRequest<{ Body: QueryBody }>,
    signal: AbortSignal,
    onDelta?: (t: string) => void,
  ): Promise<CompletionOutcome> => {
    const body = request.body;
    const principal = gatePrincipal(request.raw);
    const call: Omit<CompletionCall, 'messages'> = {
      principal,
      requestId: requestIdOf(request.headers['x-request-id']),
      transport: 'rest',
      signal,
      ...(body.system === undefined ? {} : { system: body.system }),
      ...(body.temperature === undefined ? {} : { temperature: body.temperature }),
      ...(body.maxTokens === undefined ? {} : { maxTokens: body.maxTokens }),
      ...(body.cache === undefined ? {} : { cache: body.cache }),
      ...(onDelta === undefined ? {} : { onDelta }),
    };
    const messages = body.messages ?? [{ role: 'user' as const, content: body.prompt ?? '' }];
    return runTurn(
      context,
      principal,
      { messages, previousMessages: body.context?.previousMessages, conversation: body.conversation },
      call,
    );
  };

  app.post<{ Body: QueryBody }>(
    '/v1/query',
    { schema: { body: QUERY_BODY_SCHEMA } },
    async (request, reply) => {
      const outcome = await turn(request, disconnectSignal(request.raw, reply.raw));
      return { answer: outcome.text, ...usageBody(outcome) };
    },
  );

  app.post<{ Body: QueryBody }>(
    '/v1/stream',
    { schema: { body: QUERY_BODY_SCHEMA } },
    async (request, reply) => {
      const response = hijackKeepingHeaders(reply);
      const signal = disconnectSignal(request.raw, response);
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache, no-transform',
      });
      const send = (event: string, data: unknown): void => {
        if (!response.destroyed) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      try {
        const outcome = await turn(request, signal, (text) => {
          send('delta', { text });
        });
        send('usage', usageBody(outcome));
      } catch (error) {
        send('error', toLmoError(error).toHttp().body);
      }
      response.end();
    },
  );
}
