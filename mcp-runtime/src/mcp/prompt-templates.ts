/**
 * The tenant's prompt templates, served twice: as MCP prompts (`prompts/get` renders the messages,
 * `completion/complete` suggests argument values) and as prompt tools (`prompt_<name>` renders the
 * template and asks the model), so that clients without prompt support can use them too.
 */
import type { PromptTemplate } from '@lmo/contracts';
import { LmoError } from '@lmo/contracts';
import { completable, type McpServer, type StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { ArgumentHistory } from './argument-history.ts';
import { withCachedJsonSchema } from './cached-json-schema.ts';
import type { ToolDeps } from './tool-deps.ts';
import { progressSink } from './llm-tools.ts';
import { textResult, toolFailure } from './tool-results.ts';

/** Replaces `{{name}}` placeholders; unknown placeholders stay as they are. */
export function renderTemplate(template: string, args: Readonly<Record<string, string | undefined>>): string {
  return template.replace(
    /\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}/g,
    (whole, name: string) => args[name] ?? whole,
  );
}

/** The name of the tool that runs a template. */
export function promptToolName(template: Pick<PromptTemplate, 'name'>): string {
  return `prompt_${template.name}`;
}

function argumentShape(
  template: PromptTemplate,
  history: ArgumentHistory | undefined,
): Record<string, z.ZodType<string | undefined>> {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const arg of template.arguments) {
    const base = z
      .string()
      .max(20_000)
      .describe(arg.description ?? arg.name);
    const value = arg.required ? base.min(1) : base.optional();
    shape[arg.name] =
      history === undefined
        ? value
        : completable(value, (prefix) => history.suggest(template.name, arg.name, prefix ?? ''));
  }
  return shape;
}

/** The schemas of one template: its prompt's arguments (with completions) and its tool's input. */
interface TemplateSchemas {
  readonly promptArgs: z.ZodObject<Record<string, z.ZodType<string | undefined>>>;
  readonly toolInput: StandardSchemaWithJSON<Record<string, unknown>, Record<string, string | undefined>>;
}

/**
 * Built once per template object (a configuration generation keeps its templates) and history: a
 * server instance, with every template's prompt and tool, is built per 2026-07-28 request.
 */
const schemaCache = new WeakMap<ArgumentHistory, WeakMap<PromptTemplate, TemplateSchemas>>();

function schemasOf(template: PromptTemplate, history: ArgumentHistory): TemplateSchemas {
  let byTemplate = schemaCache.get(history);
  if (byTemplate === undefined) {
    byTemplate = new WeakMap();
    schemaCache.set(history, byTemplate);
  }
  const cached = byTemplate.get(template);
  if (cached !== undefined) return cached;
  const schemas: TemplateSchemas = {
    promptArgs: z.strictObject(argumentShape(template, history)),
    toolInput: withCachedJsonSchema(z.strictObject(argumentShape(template, undefined))),
  };
  byTemplate.set(template, schemas);
  return schemas;
}

/** Registers every template as a prompt. */
export function registerPrompts(
  server: McpServer,
  templates: readonly PromptTemplate[],
  deps: ToolDeps,
): void {
  for (const template of templates) {
    server.registerPrompt(
      template.name,
      {
        ...(template.description === undefined ? {} : { description: template.description }),
        argsSchema: schemasOf(template, deps.argumentHistory).promptArgs,
      },
      (args: Record<string, string | undefined>) => {
        deps.argumentHistory.remember(template.name, args);
        return {
          ...(template.description === undefined ? {} : { description: template.description }),
          messages: [
            { role: 'user', content: { type: 'text', text: renderTemplate(template.template, args) } },
          ],
        };
      },
    );
  }
}

/** Registers `prompt_<name>` tools that render a template and ask the model. */
export function registerPromptTools(
  server: McpServer,
  templates: readonly PromptTemplate[],
  deps: ToolDeps,
): void {
  for (const template of templates) {
    const tool = promptToolName(template);
    server.registerTool(
      tool,
      {
        description:
          template.description ?? `Runs the "${template.name}" prompt template and returns the answer.`,
        inputSchema: schemasOf(template, deps.argumentHistory).toolInput,
        annotations: { readOnlyHint: true, openWorldHint: true },
      },
      async (args: Record<string, string | undefined>, ctx) => {
        try {
          const prompt = renderTemplate(template.template, args);
          if (prompt.trim() === '')
            throw new LmoError('LMO_TOOL_INPUT_INVALID', 'The rendered prompt is empty.');
          deps.argumentHistory.remember(template.name, args);
          const onDelta = progressSink(ctx);
          const outcome = await deps.gateway.complete({
            ...deps.callContext(ctx, tool),
            messages: [{ role: 'user', content: prompt }],
            ...(onDelta === undefined ? {} : { onDelta }),
          });
          return textResult(outcome.text, {
            answer: outcome.text,
            model: outcome.model,
            cached: outcome.cached,
            usage: { ...outcome.usage },
            requestId: outcome.requestId,
          });
        } catch (error) {
          return toolFailure(error);
        }
      },
    );
  }
}
