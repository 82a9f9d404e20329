import { describe, expect, it } from '@jest/globals';
import {
  applyTenantDefaults,
  formatIssues,
  LmoError,
  PLAN_DEFAULTS,
  TENANT_PLANS,
  TENANT_SPEC_RULES,
  validateTenantSpec,
  validationError,
  type TenantSpec,
  type ValidationIssue,
} from '@lmo/contracts';

const minimal = { displayName: 'Acme', owner: 'ops@acme.io' };

/** A spec that sets every field, all valid. */
const full = {
  displayName: 'Acme Corp',
  owner: 'ops@acme.io',
  plan: 'pro',
  model: {
    provider: 'openai-compatible',
    model: 'llama3.1:8b',
    baseUrl: 'https://llm.acme.io/v1',
    embeddingModel: 'nomic-embed-text',
    temperature: 0.2,
    maxTokens: 4096,
    systemPrompt: 'You are helpful.',
  },
  limits: { tokensPerMonth: 1_000_000, requestsPerMinute: 120, cpu: '2', memory: '4Gi' },
  runtime: {
    replicas: 3,
    image: 'ghcr.io/lmo/runtime:1.0.0',
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } },
  },
  providerSecretRef: { name: 'acme-llm.credentials', key: 'token' },
  promptTemplates: [
    {
      name: 'summarize',
      description: 'Summarize a text',
      template: 'Summarize {{text}} in {{words}} words.',
      arguments: [
        { name: 'text', description: 'The text', required: true },
        { name: 'words', required: false },
      ],
    },
  ],
  suspended: true,
};

const with_ = (patch: Record<string, unknown>): Record<string, unknown> => ({ ...minimal, ...patch });
const model = (patch: Record<string, unknown>): Record<string, unknown> => with_({ model: patch });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}

function issuesOf(input: unknown): readonly ValidationIssue[] {
  const result = validateTenantSpec(input);
  if (result.ok) throw new Error(`expected issues, got a valid spec: ${JSON.stringify(result.value)}`);
  return result.issues;
}

function valueOf(input: unknown): TenantSpec {
  const result = validateTenantSpec(input);
  if (!result.ok) throw new Error(`expected a valid spec: ${formatIssues(result.issues)}`);
  return result.value;
}

describe('validateTenantSpec: valid specs', () => {
  it('fills every default into a minimal spec', () => {
    expect(valueOf(minimal)).toEqual({
      displayName: 'Acme',
      owner: 'ops@acme.io',
      plan: 'free',
      model: { provider: 'echo', model: 'echo-1', temperature: 0.7, maxTokens: 1024 },
      limits: {},
      runtime: { replicas: 1 },
      promptTemplates: [],
      suspended: false,
    });
  });

  it('keeps every field of a full spec as given', () => {
    expect(valueOf(full)).toEqual(full);
  });

  it('fills nested defaults: secret key, prompt arguments and their required flag', () => {
    const spec = valueOf(
      with_({
        providerSecretRef: { name: 'creds' },
        promptTemplates: [
          { name: 'a', template: 'x' },
          { name: 'b', template: '{{q}}', arguments: [{ name: 'q' }] },
        ],
      }),
    );
    expect(spec.providerSecretRef).toEqual({ name: 'creds', key: 'apiKey' });
    expect(spec.promptTemplates[0]?.arguments).toEqual([]);
    expect(spec.promptTemplates[1]?.arguments).toEqual([{ name: 'q', required: false }]);
  });

  it.each([
    ['temperature 0', model({ temperature: 0 })],
    ['temperature 2', model({ temperature: 2 })],
    ['maxTokens 1', model({ maxTokens: 1 })],
    ['maxTokens 200000', model({ maxTokens: 200_000 })],
    ['an empty system prompt', model({ systemPrompt: '' })],
    ['anthropic with a model', model({ provider: 'anthropic', model: 'claude-sonnet-4' })],
    ['openai with a model', model({ provider: 'openai', model: 'gpt-4o-mini' })],
    ['echo with another model name', model({ provider: 'echo', model: 'echo-2' })],
    [
      'plain http base URL',
      model({ provider: 'openai-compatible', model: 'm', baseUrl: 'http://10.0.0.1:8000/v1' }),
    ],
    ['tokensPerMonth 0', with_({ limits: { tokensPerMonth: 0 } })],
    ['requestsPerMinute 1', with_({ limits: { requestsPerMinute: 1 } })],
    ['requestsPerMinute 100000', with_({ limits: { requestsPerMinute: 100_000 } })],
    ['replicas 0', with_({ runtime: { replicas: 0 } })],
    [
      'quantities 500m, 1.5Gi, 2e3, .5',
      with_({
        limits: { cpu: '500m', memory: '1.5Gi' },
        runtime: { resources: { requests: { cpu: '2e3', memory: '.5' } } },
      }),
    ],
    [
      'a 63-character prompt name',
      with_({ promptTemplates: [{ name: `p${'x'.repeat(62)}`, template: 't' }] }),
    ],
    [
      '50 prompt templates',
      with_({ promptTemplates: Array.from({ length: 50 }, (_, i) => ({ name: `p${i}`, template: 't' })) }),
    ],
    [
      'the same argument name in two templates',
      with_({
        promptTemplates: [
          { name: 'a', template: 't', arguments: [{ name: 'x' }] },
          { name: 'b', template: 't', arguments: [{ name: 'x' }] },
        ],
      }),
    ],
    ['a one-character display name', with_({ displayName: 'A' })],
    ['a 100-character display name', with_({ displayName: 'A'.repeat(100) })],
  ])('accepts %s', (_name, input) => {
    expect(validateTenantSpec(input).ok).toBe(true);
  });

  it.each(TENANT_PLANS)('accepts plan %s with its maximum replicas', (plan) => {
    const spec = valueOf(with_({ plan, runtime: { replicas: PLAN_DEFAULTS[plan].maxReplicas } }));
    expect(spec.runtime.replicas).toBe(PLAN_DEFAULTS[plan].maxReplicas);
  });
});

describe('validateTenantSpec: schema rules', () => {
  it.each([
    ['displayName missing', { owner: 'ops@acme.io' }, '/displayName', 'is required'],
    ['owner missing', { displayName: 'Acme' }, '/owner', 'is required'],
    ['displayName empty', with_({ displayName: '' }), '/displayName', 'must be at least 1 character'],
    [
      'displayName too long',
      with_({ displayName: 'A'.repeat(101) }),
      '/displayName',
      'must be at most 100 characters',
    ],
    ['displayName not a string', with_({ displayName: 42 }), '/displayName', 'must be a string'],
    ['owner without @', with_({ owner: 'ops.acme.io' }), '/owner', /^must match the pattern/],
    ['owner with a space', with_({ owner: 'ops team@acme.io' }), '/owner', /^must match the pattern/],
    ['owner without a domain dot', with_({ owner: 'ops@localhost' }), '/owner', /^must match the pattern/],
    ['plan unknown', with_({ plan: 'gold' }), '/plan', 'must be one of: "free", "pro", "enterprise"'],
    [
      'provider unknown',
      model({ provider: 'azure' }),
      '/model/provider',
      'must be one of: "openai", "anthropic", "openai-compatible", "echo"',
    ],
    ['model empty', model({ model: '' }), '/model/model', 'must be at least 1 character'],
    ['model too long', model({ model: 'm'.repeat(201) }), '/model/model', 'must be at most 200 characters'],
    [
      'baseUrl not http',
      model({ provider: 'openai-compatible', model: 'm', baseUrl: 'ftp://llm.acme.io' }),
      '/model/baseUrl',
      /^must match the pattern/,
    ],
    [
      'baseUrl not a URL',
      model({ provider: 'openai-compatible', model: 'm', baseUrl: 'http://exa mple' }),
      '/model/baseUrl',
      'must be a valid uri',
    ],
    [
      'embeddingModel empty',
      model({ embeddingModel: '' }),
      '/model/embeddingModel',
      'must be at least 1 character',
    ],
    ['temperature below 0', model({ temperature: -0.1 }), '/model/temperature', 'must be >= 0'],
    ['temperature above 2', model({ temperature: 2.01 }), '/model/temperature', 'must be <= 2'],
    ['temperature a string', model({ temperature: '1' }), '/model/temperature', 'must be a number'],
    ['maxTokens 0', model({ maxTokens: 0 }), '/model/maxTokens', 'must be >= 1'],
    ['maxTokens above 200000', model({ maxTokens: 200_001 }), '/model/maxTokens', 'must be <= 200000'],
    ['maxTokens fractional', model({ maxTokens: 1.5 }), '/model/maxTokens', 'must be an integer'],
    [
      'systemPrompt too long',
      model({ systemPrompt: 's'.repeat(20_001) }),
      '/model/systemPrompt',
      'must be at most 20000 characters',
    ],
    [
      'tokensPerMonth negative',
      with_({ limits: { tokensPerMonth: -1 } }),
      '/limits/tokensPerMonth',
      'must be >= 0',
    ],
    [
      'tokensPerMonth fractional',
      with_({ limits: { tokensPerMonth: 0.5 } }),
      '/limits/tokensPerMonth',
      'must be an integer',
    ],
    [
      'requestsPerMinute 0',
      with_({ limits: { requestsPerMinute: 0 } }),
      '/limits/requestsPerMinute',
      'must be >= 1',
    ],
    [
      'requestsPerMinute too high',
      with_({ limits: { requestsPerMinute: 100_001 } }),
      '/limits/requestsPerMinute',
      'must be <= 100000',
    ],
    ['limits.cpu negative', with_({ limits: { cpu: '-1' } }), '/limits/cpu', /^must match the pattern/],
    [
      'limits.memory in GB',
      with_({ limits: { memory: '1GB' } }),
      '/limits/memory',
      /^must match the pattern/,
    ],
    ['limits.cpu a number', with_({ limits: { cpu: 1 } }), '/limits/cpu', 'must be a string'],
    ['replicas negative', with_({ runtime: { replicas: -1 } }), '/runtime/replicas', 'must be >= 0'],
    [
      'replicas above 20',
      with_({ plan: 'enterprise', runtime: { replicas: 21 } }),
      '/runtime/replicas',
      'must be <= 20',
    ],
    ['image empty', with_({ runtime: { image: '' } }), '/runtime/image', 'must be at least 1 character'],
    [
      'requests.cpu invalid',
      with_({ runtime: { resources: { requests: { cpu: 'lots' } } } }),
      '/runtime/resources/requests/cpu',
      /^must match the pattern/,
    ],
    [
      'limits.memory invalid',
      with_({ runtime: { resources: { limits: { memory: '1 Gi' } } } }),
      '/runtime/resources/limits/memory',
      /^must match the pattern/,
    ],
    [
      'secret name missing',
      with_({ providerSecretRef: { key: 'k' } }),
      '/providerSecretRef/name',
      'is required',
    ],
    [
      'secret name not DNS-1123',
      with_({ providerSecretRef: { name: 'Acme_Creds' } }),
      '/providerSecretRef/name',
      /^must match the pattern/,
    ],
    [
      'secret key with a space',
      with_({ providerSecretRef: { name: 'c', key: 'api key' } }),
      '/providerSecretRef/key',
      /^must match the pattern/,
    ],
    [
      'prompt name upper case',
      with_({ promptTemplates: [{ name: 'Sum', template: 't' }] }),
      '/promptTemplates/0/name',
      /^must match the pattern/,
    ],
    [
      'prompt name starts with a digit',
      with_({ promptTemplates: [{ name: '1sum', template: 't' }] }),
      '/promptTemplates/0/name',
      /^must match the pattern/,
    ],
    [
      'prompt name too long',
      with_({ promptTemplates: [{ name: `p${'x'.repeat(63)}`, template: 't' }] }),
      '/promptTemplates/0/name',
      'must be at most 63 characters',
    ],
    [
      'prompt template missing',
      with_({ promptTemplates: [{ name: 'a' }] }),
      '/promptTemplates/0/template',
      'is required',
    ],
    [
      'prompt template empty',
      with_({ promptTemplates: [{ name: 'a', template: '' }] }),
      '/promptTemplates/0/template',
      'must be at least 1 character',
    ],
    [
      'prompt template too long',
      with_({ promptTemplates: [{ name: 'a', template: 't'.repeat(20_001) }] }),
      '/promptTemplates/0/template',
      'must be at most 20000 characters',
    ],
    [
      'more than 50 prompts',
      with_({ promptTemplates: Array.from({ length: 51 }, (_, i) => ({ name: `p${i}`, template: 't' })) }),
      '/promptTemplates',
      'must have at most 50 items',
    ],
    [
      'argument name invalid',
      with_({ promptTemplates: [{ name: 'a', template: 't', arguments: [{ name: 'Text' }] }] }),
      '/promptTemplates/0/arguments/0/name',
      /^must match the pattern/,
    ],
    [
      'argument required not boolean',
      with_({ promptTemplates: [{ name: 'a', template: 't', arguments: [{ name: 'x', required: 'yes' }] }] }),
      '/promptTemplates/0/arguments/0/required',
      'must be a boolean',
    ],
    [
      'more than 20 arguments',
      with_({
        promptTemplates: [
          { name: 'a', template: 't', arguments: Array.from({ length: 21 }, (_, i) => ({ name: `a${i}` })) },
        ],
      }),
      '/promptTemplates/0/arguments',
      'must have at most 20 items',
    ],
    ['suspended not boolean', with_({ suspended: 'yes' }), '/suspended', 'must be a boolean'],
    ['an unknown top-level field', with_({ replicas: 2 }), '/replicas', 'is not a known field'],
    ['an unknown nested field (typo)', model({ temprature: 1 }), '/model/temprature', 'is not a known field'],
  ])('rejects %s', (_name, input, path, message) => {
    expect(issuesOf(input)).toContainEqual({
      path,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    });
  });

  it.each([null, [], 'spec', 42])('rejects a spec that is not an object: %p', (input) => {
    expect(issuesOf(input)).toContainEqual({ path: '', message: 'must be an object' });
  });

  it('reports problems in several fields at once', () => {
    const paths = issuesOf({ displayName: '', plan: 'gold', model: { temperature: 3 } }).map(
      (issue) => issue.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['/displayName', '/owner', '/plan', '/model/temperature']));
  });

  it('reads as path: message', () => {
    expect(formatIssues(issuesOf(model({ temperature: 3 })))).toBe('/model/temperature: must be <= 2');
  });
});

describe('validateTenantSpec: cross-field rules', () => {
  it.each([
    [
      'openai-compatible without baseUrl',
      model({ provider: 'openai-compatible', model: 'llama3' }),
      '/model/baseUrl',
    ],
    ['openai with the echo model', model({ provider: 'openai' }), '/model/model'],
    ['anthropic with the echo model', model({ provider: 'anthropic', model: 'echo-1' }), '/model/model'],
    ['free with 2 replicas', with_({ runtime: { replicas: 2 } }), '/runtime/replicas'],
    ['pro with 4 replicas', with_({ plan: 'pro', runtime: { replicas: 4 } }), '/runtime/replicas'],
  ])('rejects %s', (_name, input, path) => {
    const rule = TENANT_SPEC_RULES.find((candidate) => candidate.path === path);
    expect(issuesOf(input)).toEqual([{ path, message: rule?.message }]);
  });

  it('reports every broken rule, after the schema passes', () => {
    const issues = issuesOf(with_({ model: { provider: 'openai-compatible' }, runtime: { replicas: 2 } }));
    expect(issues.map((issue) => issue.path)).toEqual([
      '/model/baseUrl',
      '/model/model',
      '/runtime/replicas',
    ]);
  });

  it('checks rules on the defaulted spec, as the apiserver does', () => {
    // No plan given: the default (free) caps replicas at 1.
    expect(issuesOf(with_({ runtime: { replicas: 3 } }))).toEqual([
      { path: '/runtime/replicas', message: expect.stringContaining('free 1') },
    ]);
  });
});

describe('validateTenantSpec: unique list keys', () => {
  it('rejects two prompt templates with the same name', () => {
    const input = with_({
      promptTemplates: [
        { name: 'a', template: 'x' },
        { name: 'b', template: 'y' },
        { name: 'a', template: 'z' },
      ],
    });
    expect(issuesOf(input)).toEqual([
      {
        path: '/promptTemplates/2/name',
        message: 'must be unique: "a" is already used by /promptTemplates/0',
      },
    ]);
  });

  it('rejects two arguments with the same name in one template', () => {
    const input = with_({
      promptTemplates: [{ name: 'a', template: 't', arguments: [{ name: 'q' }, { name: 'q' }] }],
    });
    expect(issuesOf(input)).toEqual([
      {
        path: '/promptTemplates/0/arguments/1/name',
        message: 'must be unique: "q" is already used by /promptTemplates/0/arguments/0',
      },
    ]);
  });
});

describe('validateTenantSpec: input handling', () => {
  it('does not mutate its input', () => {
    const input = structuredClone(with_({ model: {}, promptTemplates: [{ name: 'a', template: 't' }] }));
    const before = structuredClone(input);
    expect(validateTenantSpec(deepFreeze(input)).ok).toBe(true);
    expect(input).toEqual(before);
  });

  it('returns a value that shares nothing with the input', () => {
    const input = with_({ limits: { cpu: '1' } });
    const spec = valueOf(input);
    expect(spec.limits).not.toBe(input['limits']);
  });

  it('drops undefined members, as JSON would on the wire', () => {
    const spec = valueOf(with_({ providerSecretRef: undefined }));
    expect('providerSecretRef' in spec).toBe(false);
  });

  it('rejects input that JSON cannot carry', () => {
    expect(issuesOf(with_({ limits: { tokensPerMonth: 10n } }))).toEqual([
      { path: '', message: 'must be representable as JSON' },
    ]);
  });

  it('turns issues into an LMO_VALIDATION_FAILED error carrying them', () => {
    const issues = issuesOf(model({ temperature: 3 }));
    const error = validationError('Tenant spec', issues);
    expect(error).toBeInstanceOf(LmoError);
    expect(error.code).toBe('LMO_VALIDATION_FAILED');
    expect(error.message).toBe('Tenant spec is invalid: /model/temperature: must be <= 2');
    expect(error.toHttp()).toEqual({
      status: 422,
      body: { error: { code: 'LMO_VALIDATION_FAILED', message: error.message, details: { issues } } },
    });
  });
});

describe('applyTenantDefaults', () => {
  it('fills defaults without mutating the input', () => {
    const input = Object.freeze({
      ...minimal,
      model: Object.freeze({ provider: 'openai', model: 'gpt-4o' }),
    });
    expect(applyTenantDefaults(input)).toMatchObject({
      plan: 'free',
      model: { provider: 'openai', model: 'gpt-4o', temperature: 0.7, maxTokens: 1024 },
      runtime: { replicas: 1 },
    });
    expect(input.model).toEqual({ provider: 'openai', model: 'gpt-4o' });
  });

  it('leaves invalid values alone: it defaults, it does not validate', () => {
    expect(applyTenantDefaults({ plan: 'gold' })).toMatchObject({ plan: 'gold', suspended: false });
  });
});
