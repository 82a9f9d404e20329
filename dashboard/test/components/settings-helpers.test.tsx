import { describe, expect, it } from '@jest/globals';
import { applyState } from '../../src/pages/tenant/settings/apply-state.ts';
import { issueText } from '../../src/pages/tenant/settings/issue-text.ts';
import {
  emptyArgument,
  emptyTemplate,
  isPlaced,
  patchedSpec,
  settingsIssues,
  settingsPatch,
  updateArgument,
  updateTemplate,
  valuesOf,
} from '../../src/pages/tenant/settings/settings-values.ts';
import { tenantView } from './tenant-view-fixture.ts';

const spec = tenantView().spec;

describe('settingsPatch', () => {
  it('is empty when nothing changed', () => {
    expect(settingsPatch(spec, valuesOf(spec))).toEqual({});
  });

  it('holds only the changed model settings; numbers as numbers, emptied texts as null', () => {
    const base = { ...spec, model: { ...spec.model, baseUrl: 'https://a.example/v1', systemPrompt: 'Hi' } };
    const values = {
      ...valuesOf(base),
      provider: 'openai-compatible' as const,
      model: ' llama3 ',
      temperature: '1.5',
      baseUrl: '',
      embeddingModel: 'nomic-embed',
    };
    expect(settingsPatch(base, values)).toEqual({
      model: {
        provider: 'openai-compatible',
        model: 'llama3',
        temperature: 1.5,
        baseUrl: null,
        embeddingModel: 'nomic-embed',
      },
    });
  });

  it('keeps what is not a number as text, for the check to report', () => {
    expect(settingsPatch(spec, { ...valuesOf(spec), maxTokens: '', temperature: 'abc' })).toEqual({
      model: { maxTokens: '', temperature: 'abc' },
    });
  });

  it('sends the prompt templates whole when one changed, without empty descriptions', () => {
    let values = valuesOf(spec);
    values = updateTemplate(values, 0, { ...values.templates[0]!, description: '' });
    const added = { ...emptyTemplate(), name: 'greet', template: 'Hello {{who}}' };
    values = { ...values, templates: [...values.templates, { ...added, arguments: [emptyArgument()] }] };
    values = updateTemplate(
      values,
      1,
      updateArgument(values.templates[1]!, 0, { ...emptyArgument(), name: 'who' }),
    );
    expect(settingsPatch(spec, values)).toEqual({
      promptTemplates: [
        { name: 'summarize', template: 'Summarize: {{text}}', arguments: [{ name: 'text', required: true }] },
        { name: 'greet', template: 'Hello {{who}}', arguments: [{ name: 'who', required: false }] },
      ],
    });
  });

  it('removes templates and arguments', () => {
    const values = valuesOf(spec);
    expect(updateArgument(values.templates[0]!, 0, undefined).arguments).toEqual([]);
    expect(settingsPatch(spec, updateTemplate(values, 0, undefined))).toEqual({ promptTemplates: [] });
  });
});

describe('settingsIssues', () => {
  it('merges the patch into the spec as the API does: null clears, templates are replaced', () => {
    const base = { ...spec, model: { ...spec.model, systemPrompt: 'Hi' } };
    expect(patchedSpec(base, { model: { systemPrompt: null, temperature: 1 } })).toEqual({
      ...base,
      model: { provider: 'echo', model: 'echo-1', temperature: 1, maxTokens: 1024 },
    });
  });

  it('applies the schema and the cross-field rules of the contracts, in words, by JSON pointer', () => {
    expect(settingsIssues(spec, {})).toEqual({});
    expect(settingsIssues(spec, { model: { temperature: 2.5, maxTokens: 0 } })).toEqual({
      '/model/temperature': 'Must be at most 2.',
      '/model/maxTokens': 'Must be at least 1.',
    });
    expect(settingsIssues(spec, { model: { provider: 'openai-compatible', baseUrl: 'ftp://x' } })).toEqual({
      '/model/baseUrl': 'Enter a URL that starts with http:// or https://.',
    });
    expect(settingsIssues(spec, { model: { provider: 'openai-compatible', baseUrl: 'not a url' } })).toEqual({
      '/model/baseUrl': 'Enter a full URL, like https://llm.example.com/v1.',
    });
    expect(Object.keys(settingsIssues(spec, { model: { provider: 'openai-compatible' } }))).toEqual([
      '/model/baseUrl',
      '/model/model',
    ]);
    const twice = { name: 'a', template: 'x', arguments: [] };
    expect(settingsIssues(spec, { promptTemplates: [twice, twice] })).toEqual({
      '/promptTemplates/1/name': 'Another prompt template already has this name.',
    });
  });

  it('knows which issues have a field on the form', () => {
    expect(isPlaced('/model/temperature')).toBe(true);
    expect(isPlaced('/promptTemplates')).toBe(true);
    expect(isPlaced('/promptTemplates/3/arguments/2/name')).toBe(true);
    expect(isPlaced('/runtime/replicas')).toBe(false);
    expect(isPlaced('/model/unknown')).toBe(false);
  });
});

describe('issueText', () => {
  it('reads like a sentence', () => {
    expect(issueText('/model/temperature', 'must be <= 2')).toBe('Must be at most 2.');
    expect(issueText('/promptTemplates/0/template', 'is required')).toBe('This is required.');
    expect(issueText('/promptTemplates/0/arguments/1/name', 'must match the pattern ^[a-z]$')).toMatch(
      /^Use lower-case letters/,
    );
    expect(issueText('/promptTemplates/0/arguments/1/name', 'must be unique: "a" is already used')).toBe(
      'Another argument of this template already has this name.',
    );
  });
});

describe('applyState', () => {
  const view = tenantView();
  const ready = view.status.conditions![0]!;
  it('is pending until the runtime has observed the generation', () => {
    expect(applyState(view, 4)).toEqual({ kind: 'pending' });
    expect(applyState(view, 3)).toEqual({ kind: 'applied' });
  });

  it('is pending while the runtime is not ready yet, with its reason', () => {
    const rolling = { ...ready, status: 'False' as const, reason: 'Provisioning', message: 'Rolling out' };
    expect(applyState({ ...view, status: { observedGeneration: 3, conditions: [rolling] } }, 3)).toEqual({
      kind: 'pending',
      detail: 'Rolling out',
    });
  });

  it('reports a degraded runtime, a suspended tenant and a runtime scaled to zero', () => {
    const degraded = { ...ready, type: 'Degraded', reason: 'ProviderSecretMissing', message: 'No key' };
    expect(
      applyState({ ...view, status: { observedGeneration: 3, conditions: [ready, degraded] } }, 3),
    ).toEqual({ kind: 'failing', detail: 'No key' });
    expect(applyState({ ...view, spec: { ...view.spec, suspended: true } }, 3).kind).toBe('stopped');
    const zero = { ...ready, status: 'False' as const, reason: 'ScaledToZero' };
    expect(applyState({ ...view, status: { observedGeneration: 3, conditions: [zero] } }, 3).kind).toBe(
      'stopped',
    );
  });
});
