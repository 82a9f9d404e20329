/**
 * The LLM tools of a tenant's endpoint: `ask` (a prompt in, an answer out), `chat` (messages in,
 * with inline earlier messages or a server-kept conversation) and `embed`. Input schemas are strict:
 * unknown fields are refused by the SDK as invalid params.
 */
import type { McpServer, ServerContext } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { ChatMessage } from '../providers/llm-provider.ts';
import { runTurn } from '../pipeline/conversation-turns.ts';
import type { CompletionCall, CompletionOutcome } from '../pipeline/llm-call.ts';
import { withCachedJsonSchema } from './cached-json-schema.ts';
import type { ToolDeps } from './tool-deps.ts';
import { textResult, toolFailure } from './tool-results.ts';

const MAX_PROMPT = 100_000;
const message = z.strictObject({
  role: z.enum(['user', 'assistant']).describe('Who said it.'),
  content: z.string().min(1).max(MAX_PROMPT).describe('What was said.'),
});
const tuning = {
  system: z.string().max(20_000).optional().describe("Replaces the tenant's system prompt for this call."),
  temperature: z
    .number()
    .min(0)
    .max(2)
    .optional()
    .describe("Sampling temperature; the tenant's default when absent."),
  maxTokens: z.number().int().min(1).max(200_000).optional().describe('Most tokens to generate.'),
  cache: z.boolean().optional().describe('Use the response cache even when the temperature is above 0.'),
};

const outcomeShape = z.object({
  answer: z.string(),
  model: z.string(),
  cached: z.boolean(),
  usage: z.object({ tokensIn: z.number(), tokensOut: z.number() }),
  requestId: z.string(),
});
const outcomeSchema = withCachedJsonSchema(outcomeShape);

// Every schema is built once per process: a server instance is built per 2026-07-28 request.
const askInput = withCachedJsonSchema(
  z.strictObject({
    prompt: z.string().min(1).max(MAX_PROMPT).describe('The question or instruction.'),
    ...tuning,
  }),
);

function structured(outcome: CompletionOutcome): z.infer<typeof outcomeShape> {
  return {
    answer: outcome.text,
    model: outcome.model,
    cached: outcome.cached,
    usage: { tokensIn: outcome.usage.tokensIn, tokensOut: outcome.usage.tokensOut },
    requestId: outcome.requestId,
  };
}

/** Sends each streamed piece as a progress notification when the client asked for progress. */
export function progressSink(ctx: ServerContext): ((text: string) => void) | undefined {
  const token = ctx.mcpReq._meta?.progressToken;
  if (token === undefined) return undefined;
  let progress = 0;
  return (text) => {
    progress += 1;
    void ctx.mcpReq
      .notify({ method: 'notifications/progress', params: { progressToken: token, progress, message: text } })
      .catch(() => undefined);
  };
}

function tuningOf(args: {
  system?: string | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  cache?: boolean | undefined;
}): Partial<CompletionCall> {
  return {
    ...(args.system === undefined ? {} : { system: args.system }),
    ...(args.temperature === undefined ? {} : { temperature: args.temperature }),
    ...(args.maxTokens === undefined ? {} : { maxTokens: args.maxTokens }),
    ...(args.cache === undefined ? {} : { cache: args.cache }),
  };
}

async function runCompletion(
  deps: ToolDeps,
  ctx: ServerContext,
  call: { readonly tool: string; readonly messages: readonly ChatMessage[] },
  extra: Partial<CompletionCall>,
): Promise<CompletionOutcome> {
  const onDelta = progressSink(ctx);
  return deps.gateway.complete({
    ...deps.callContext(ctx, call.tool),
    messages: call.messages,
    ...extra,
    ...(onDelta === undefined ? {} : { onDelta }),
  });
}

/** Registers `ask`. */
export function registerAsk(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'ask',
    {
      title: 'Ask the model',
      description: "Sends one prompt to the tenant's model and returns its answer.",
      inputSchema: askInput,
      outputSchema: outcomeSchema,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async (args, ctx) => {
      try {
        const outcome = await runCompletion(
          deps,
          ctx,
          { tool: 'ask', messages: [{ role: 'user', content: args.prompt }] },
          tuningOf(args),
        );
        return textResult(outcome.text, structured(outcome));
      } catch (error) {
        return toolFailure(error);
      }
    },
  );
}

const chatInput = withCachedJsonSchema(
  z.strictObject({
    messages: z
      .array(message)
      .min(1)
      .max(200)
      .describe('The new messages, oldest first; the last is usually from the user.'),
    context: z
      .strictObject({ previousMessages: z.array(message).max(500).describe('Earlier turns, oldest first.') })
      .optional()
      .describe('Earlier turns sent inline (instead of a conversation id).'),
    conversation: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/)
      .optional()
      .describe('Keep the history on the server under this id; send only the new messages each time.'),
    ...tuning,
  }),
);
const chatOutput = withCachedJsonSchema(outcomeShape.extend({ conversation: z.string().optional() }));

/** Registers `chat`. */
export function registerChat(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'chat',
    {
      title: 'Chat with the model',
      description:
        'Continues a conversation. Send earlier turns inline in context.previousMessages, or name a conversation id and the runtime keeps the history for you.',
      inputSchema: chatInput,
      outputSchema: chatOutput,
      annotations: { readOnlyHint: false, openWorldHint: true },
    },
    async (args, ctx) => {
      try {
        const call = deps.callContext(ctx, 'chat');
        const onDelta = progressSink(ctx);
        const outcome = await runTurn(
          deps,
          call.principal,
          {
            messages: args.messages,
            previousMessages: args.context?.previousMessages,
            conversation: args.conversation,
          },
          { ...call, ...tuningOf(args), ...(onDelta === undefined ? {} : { onDelta }) },
        );
        const conversation = args.conversation === undefined ? {} : { conversation: args.conversation };
        return textResult(outcome.text, { ...structured(outcome), ...conversation });
      } catch (error) {
        return toolFailure(error);
      }
    },
  );
}

const embedInput = withCachedJsonSchema(
  z.strictObject({
    input: z.array(z.string().min(1).max(MAX_PROMPT)).min(1).max(64).describe('The texts to embed.'),
  }),
);
const embedOutput = withCachedJsonSchema(
  z.object({
    model: z.string(),
    dimensions: z.number(),
    vectors: z.array(z.array(z.number())),
    usage: z.object({ tokensIn: z.number(), tokensOut: z.number() }),
  }),
);

/** Registers `embed`. */
export function registerEmbed(server: McpServer, deps: ToolDeps): void {
  server.registerTool(
    'embed',
    {
      title: 'Embed texts',
      description: "Returns embedding vectors for up to 64 texts from the tenant's embedding model.",
      inputSchema: embedInput,
      outputSchema: embedOutput,
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async (args, ctx) => {
      try {
        const outcome = await deps.gateway.embed({ ...deps.callContext(ctx, 'embed'), input: args.input });
        const dimensions = outcome.vectors[0]?.length ?? 0;
        return textResult(
          `${String(outcome.vectors.length)} vectors of ${String(dimensions)} dimensions (${outcome.model})`,
          {
            model: outcome.model,
            dimensions,
            vectors: outcome.vectors.map((v) => [...v]),
            usage: { ...outcome.usage },
          },
        );
      } catch (error) {
        return toolFailure(error);
      }
    },
  );
}
