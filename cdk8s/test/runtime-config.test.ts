import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { TenantSpec } from '@lmo/contracts';
import {
  canonicalJson,
  DEFAULT_PLATFORM_SETTINGS,
  renderRuntimeConfig,
  runtimeConfigHash,
  runtimeConfigJson,
  type RuntimeConfig,
} from '../src/index.ts';
import { exampleDocument, exampleInput, minimalSpec, specOf } from './manifest-fixtures.ts';

const acme = exampleInput();
const configOf = (spec: TenantSpec): RuntimeConfig =>
  renderRuntimeConfig({ name: 'acme', spec }, DEFAULT_PLATFORM_SETTINGS);
const hashOf = (patch: Record<string, unknown>): string =>
  runtimeConfigHash(configOf(specOf({ ...exampleDocument().spec, ...patch })));
const baseHash = hashOf({});
const exampleModel = exampleDocument().spec.model as Record<string, unknown>;

describe('renderRuntimeConfig', () => {
  it('carries the tenant, endpoint, model, prompts, resolved limits and ports of the example', () => {
    expect(renderRuntimeConfig(acme, DEFAULT_PLATFORM_SETTINGS)).toEqual({
      schemaVersion: 1,
      tenant: { name: 'acme', namespace: 'lmo-t-acme', displayName: 'Acme Corp', plan: 'pro' },
      endpoint: { host: 'mcp.lmo.local', path: '/t/acme/' },
      model: {
        provider: 'openai',
        model: 'gpt-4o-mini',
        embeddingModel: 'text-embedding-3-small',
        temperature: 0.3,
        maxTokens: 2048,
        systemPrompt: "You are Acme's support assistant. Answer briefly and cite the knowledge base.",
      },
      providerCredentials: { apiKeyFile: 'provider-api-key' },
      promptTemplates: acme.spec.promptTemplates,
      limits: { tokensPerMonth: 2_000_000, requestsPerMinute: 300, cpu: '3', memory: '6Gi' },
      ports: { mcp: 8080, metrics: 9090 },
    });
  });

  it('fills limits from the plan and has no providerCredentials without a providerSecretRef', () => {
    const config = configOf(minimalSpec());
    expect(config.limits).toEqual({
      tokensPerMonth: 100_000,
      requestsPerMinute: 60,
      cpu: '500m',
      memory: '512Mi',
    });
    expect(config.model).toEqual({ provider: 'echo', model: 'echo-1', temperature: 0.7, maxTokens: 1024 });
    expect(Object.keys(config)).not.toContain('providerCredentials');
  });

  it('leaves the owner e-mail out (the runtime does not need it)', () => {
    const text = JSON.stringify(renderRuntimeConfig(acme, DEFAULT_PLATFORM_SETTINGS));
    expect(acme.spec.owner).toBe('platform@acme.example');
    expect(text).not.toContain('platform@acme.example');
  });
});

describe('runtimeConfigHash', () => {
  it('is the SHA-256 hex of the compact canonical JSON', () => {
    const config = configOf(acme.spec);
    const expected = createHash('sha256').update(canonicalJson(config)).digest('hex');
    expect(runtimeConfigHash(config)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/u);
  });

  it.each([
    ['the model', { model: { ...exampleModel, model: 'gpt-4o' } }],
    ['the temperature', { model: { ...exampleModel, temperature: 0.9 } }],
    ['the system prompt', { model: { ...exampleModel, systemPrompt: 'Be terse.' } }],
    ['the prompt templates', { promptTemplates: [] }],
    ['a limit', { limits: { requestsPerMinute: 30 } }],
    ['the display name', { displayName: 'Acme Inc' }],
    ['whether there is a provider credential', { providerSecretRef: undefined }],
  ])('changes when %s changes', (_what, patch) => {
    expect(hashOf(patch)).not.toBe(baseHash);
  });

  it.each([
    ['replicas', { runtime: { replicas: 1 } }],
    ['suspension', { suspended: true }],
    ['the image', { runtime: { replicas: 2, image: 'registry.example/runtime:2' } }],
    ['the resources', { runtime: { replicas: 2, resources: { limits: { cpu: '1' } } } }],
    ['the owner', { owner: 'someone-else@acme.example' }],
    ['the provider secret key name', { providerSecretRef: { name: 'other', key: 'token' } }],
  ])('stays the same when only %s changes', (_what, patch) => {
    expect(hashOf(patch)).toBe(baseHash);
  });

  it('does not depend on key order', () => {
    const config = configOf(acme.spec);
    const reversed = Object.fromEntries(Object.entries(config).reverse()) as unknown as RuntimeConfig;
    expect(runtimeConfigHash(reversed)).toBe(runtimeConfigHash(config));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: undefined } })).toBe('{"a":{"d":[3,1]},"b":1}');
  });

  it('indents the ConfigMap text by two and ends it with a newline', () => {
    expect(runtimeConfigJson(configOf(minimalSpec())).startsWith('{\n  "endpoint": {\n    "host"')).toBe(
      true,
    );
    expect(runtimeConfigJson(configOf(minimalSpec())).endsWith('}\n')).toBe(true);
  });
});
