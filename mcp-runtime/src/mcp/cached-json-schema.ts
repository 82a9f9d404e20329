/**
 * Tool schemas whose JSON Schema is computed once. The SDK converts a tool's input schema to JSON
 * Schema on every `tools/call` of the 2026-07-28 revision (to look for `x-mcp-header` parameters)
 * and caches the result per `McpServer` instance; the runtime builds one instance per such request,
 * so the conversion (zod's `toJSONSchema`, several percent of a call's CPU) ran for every call.
 * Wrapped here, the schema converts once per process; validation is still zod's own.
 */
import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';

type Io = 'input' | 'output';
type JsonSchemaOptions = Parameters<StandardSchemaWithJSON['~standard']['jsonSchema']['input']>[0];

/** `schema` with the same validation and types, its JSON Schema memoized per direction and target. */
export function withCachedJsonSchema<In, Out>(
  schema: StandardSchemaWithJSON<In, Out>,
): StandardSchemaWithJSON<In, Out> {
  const standard = schema['~standard'];
  const cache = new Map<string, Record<string, unknown>>();
  const converter =
    (io: Io) =>
    (options: JsonSchemaOptions): Record<string, unknown> => {
      const key = `${io} ${JSON.stringify(options)}`;
      let json = cache.get(key);
      if (json === undefined) {
        json = standard.jsonSchema[io](options);
        cache.set(key, json);
      }
      return json;
    };
  return {
    '~standard': {
      version: standard.version,
      vendor: standard.vendor,
      validate: (value) => standard.validate(value),
      ...(standard.types === undefined ? {} : { types: standard.types }),
      jsonSchema: { input: converter('input'), output: converter('output') },
    },
  };
}
