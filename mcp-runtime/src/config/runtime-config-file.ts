/**
 * Reads and checks the tenant configuration the operator renders (`config.json` of the runtime
 * ConfigMap; `renderRuntimeConfig` in @lmo/cdk8s writes it). The runtime refuses to start on a file it
 * does not understand and keeps the last good configuration when a reload brings a bad one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RuntimeConfig } from '@lmo/cdk8s/runtime-config';
import { LmoError, MODEL_PROVIDERS, TENANT_PLANS } from '@lmo/contracts';
import { z } from 'zod';

/** The file name inside the config directory. */
export const CONFIG_FILE_NAME = 'config.json';

const promptArgument = z.strictObject({
  name: z.string().min(1).max(63),
  description: z.string().max(1000).optional(),
  required: z.boolean(),
});

const runtimeConfigSchema = z.strictObject({
  schemaVersion: z.literal(1),
  tenant: z.strictObject({
    name: z.string().min(1).max(40),
    namespace: z.string().min(1).max(63),
    displayName: z.string().min(1).max(100),
    plan: z.enum(TENANT_PLANS),
  }),
  endpoint: z.strictObject({ host: z.string().min(1), path: z.string().startsWith('/').endsWith('/') }),
  model: z.strictObject({
    provider: z.enum(MODEL_PROVIDERS),
    model: z.string().min(1).max(200),
    baseUrl: z.url().optional(),
    embeddingModel: z.string().min(1).max(200).optional(),
    temperature: z.number().min(0).max(2),
    maxTokens: z.number().int().min(1),
    systemPrompt: z.string().optional(),
  }),
  providerCredentials: z.strictObject({ apiKeyFile: z.string().min(1) }).optional(),
  promptTemplates: z.array(
    z.strictObject({
      name: z.string().min(1).max(63),
      description: z.string().max(1000).optional(),
      template: z.string().min(1),
      arguments: z.array(promptArgument),
    }),
  ),
  limits: z.strictObject({
    tokensPerMonth: z.number().int().min(0),
    requestsPerMinute: z.number().int().min(1),
    cpu: z.string(),
    memory: z.string(),
  }),
  ports: z.strictObject({
    mcp: z.number().int().min(1).max(65535),
    metrics: z.number().int().min(1).max(65535),
  }),
});

// Whatever the renderer produces, the schema accepts (checked by the compiler); the schema adds
// nothing the renderer lacks (checked by the strict objects and the round-trip test).
type Parsed = z.infer<typeof runtimeConfigSchema>;
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
/** `true` by construction; the compiler refuses it when the renderer's output stops fitting the schema. */
export const RENDERER_OUTPUT_FITS: RuntimeConfig extends DeepReadonly<Parsed> ? true : never = true;

/** Checks a parsed `config.json`. @throws {LmoError} `LMO_VALIDATION_FAILED` naming the bad fields. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const result = runtimeConfigSchema.safeParse(value);
  // zod never adds keys that were absent, so exactOptionalPropertyTypes holds at runtime.
  if (result.success) return result.data as RuntimeConfig;
  const problems = result.error.issues.map((i) => `/${i.path.join('/')}: ${i.message}`);
  throw new LmoError('LMO_VALIDATION_FAILED', `config.json is invalid: ${problems.slice(0, 5).join('; ')}`, {
    details: { issues: problems },
  });
}

/** Reads `<dir>/config.json`. @throws {LmoError} `LMO_VALIDATION_FAILED` when missing, not JSON or invalid. */
export async function readRuntimeConfig(dir: string): Promise<RuntimeConfig> {
  const path = join(dir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new LmoError('LMO_VALIDATION_FAILED', `cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LmoError('LMO_VALIDATION_FAILED', `${path} is not valid JSON`);
  }
  return parseRuntimeConfig(json);
}
