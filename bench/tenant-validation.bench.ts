// How fast the API can validate Tenant specs: a minimal spec (defaults fill
// the rest), a full spec with prompt templates, and an invalid one.
import { validateTenantSpec } from '@lmo/contracts';
import type { Bench } from 'tinybench';

const minimal = { displayName: 'Acme', owner: 'ops@acme.example' };

const full = {
  displayName: 'Acme Corp',
  owner: 'ops@acme.example',
  plan: 'pro',
  model: {
    provider: 'openai',
    model: 'gpt-4o-mini',
    temperature: 0.2,
    maxTokens: 4096,
    systemPrompt: 'Be brief.',
  },
  limits: { tokensPerMonth: 5_000_000, requestsPerMinute: 600, cpu: '2', memory: '4Gi' },
  runtime: { replicas: 2 },
  providerSecretRef: { name: 'acme-openai' },
  promptTemplates: Array.from({ length: 10 }, (_, i) => ({
    name: `template-${i}`,
    template: 'Summarise {{text}} in {{words}} words.',
    arguments: [{ name: 'text', required: true }, { name: 'words' }],
  })),
};

const invalid = { ...full, plan: 'platinum', model: { ...full.model, temperature: 5 } };

export default function suite(bench: Bench): void {
  bench
    .add('validateTenantSpec: minimal spec', () => {
      if (!validateTenantSpec(minimal).ok) throw new Error('minimal spec rejected');
    })
    .add('validateTenantSpec: full spec, 10 prompt templates', () => {
      if (!validateTenantSpec(full).ok) throw new Error('full spec rejected');
    })
    .add('validateTenantSpec: invalid spec', () => {
      if (validateTenantSpec(invalid).ok) throw new Error('invalid spec accepted');
    });
}
