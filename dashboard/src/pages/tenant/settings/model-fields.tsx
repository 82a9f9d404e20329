/** The model part of the settings form: provider, model, base URL, embeddings, sampling, system prompt. */
import { MODEL_PROVIDERS, type ModelProvider } from '@lmo/contracts';
import type { ReactNode } from 'react';
import { Field } from '../../../components/field.tsx';
import type { SettingsValues } from './settings-values.ts';

const PROVIDER_LABELS: Readonly<Record<ModelProvider, string>> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'OpenAI-compatible server (vLLM, Ollama, llama.cpp…)',
  echo: 'Echo (built in, for testing: answers with its input)',
};

const EMBEDDING_HINTS: Readonly<Record<ModelProvider, string>> = {
  openai: 'Indexes knowledge documents for search. Empty: text-embedding-3-small.',
  anthropic: 'Anthropic has no embeddings, so knowledge search needs another provider.',
  'openai-compatible': 'Indexes knowledge documents for search; your server has no default, so name one.',
  echo: 'The echo provider embeds by itself; leave empty.',
};

/** Props of {@link ModelFields}. */
export interface ModelFieldsProps {
  readonly values: SettingsValues;
  /** Issues by JSON pointer (`/model/temperature`). */
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (change: Partial<SettingsValues>) => void;
}

function TextField(
  props: ModelFieldsProps & { field: 'model' | 'baseUrl' | 'embeddingModel'; label: string; hint: string },
): ReactNode {
  const { values, errors, onChange, field, label, hint } = props;
  return (
    <Field label={label} hint={hint} error={errors[`/model/${field}`]}>
      {(control) => (
        <input
          {...control}
          value={values[field]}
          autoCapitalize="none"
          spellCheck={false}
          {...(field === 'baseUrl' ? { type: 'url', placeholder: 'https://llm.example.com/v1' } : {})}
          onChange={(event) => {
            onChange({ [field]: event.target.value });
          }}
        />
      )}
    </Field>
  );
}

function NumberFields({ values, errors, onChange }: ModelFieldsProps): ReactNode {
  return (
    <div className="settings-row">
      <Field
        label="Temperature"
        hint="0 to 2: lower is more predictable, higher more varied."
        error={errors['/model/temperature']}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="decimal"
            step="0.1"
            min={0}
            max={2}
            value={values.temperature}
            onChange={(event) => {
              onChange({ temperature: event.target.value });
            }}
          />
        )}
      </Field>
      <Field
        label="Max tokens"
        hint="Most tokens the model may write per answer, 1 to 200,000."
        error={errors['/model/maxTokens']}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            step="1"
            min={1}
            max={200_000}
            value={values.maxTokens}
            onChange={(event) => {
              onChange({ maxTokens: event.target.value });
            }}
          />
        )}
      </Field>
    </div>
  );
}

/** Provider, model and sampling settings. */
export function ModelFields(props: ModelFieldsProps): ReactNode {
  const { values, errors, onChange } = props;
  const showBaseUrl = values.provider === 'openai-compatible' || values.baseUrl !== '';
  return (
    <>
      <Field label="Provider" error={errors['/model/provider']}>
        {(control) => (
          <select
            {...control}
            value={values.provider}
            onChange={(event) => {
              onChange({ provider: event.target.value as ModelProvider });
            }}
          >
            {MODEL_PROVIDERS.map((provider) => (
              <option key={provider} value={provider}>
                {PROVIDER_LABELS[provider]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        {...props}
        field="model"
        label="Model"
        hint="The model's name at the provider, like gpt-4o-mini."
      />
      {showBaseUrl ? (
        <TextField
          {...props}
          field="baseUrl"
          label="Base URL"
          hint="Where your server's OpenAI-compatible API is, usually ending in /v1."
        />
      ) : null}
      <TextField
        {...props}
        field="embeddingModel"
        label="Embedding model (optional)"
        hint={EMBEDDING_HINTS[values.provider]}
      />
      <NumberFields {...props} />
      <Field
        label="System prompt (optional)"
        hint="Put before every conversation, to set tone and rules. At most 20,000 characters."
        error={errors['/model/systemPrompt']}
      >
        {(control) => (
          <textarea
            {...control}
            rows={6}
            value={values.systemPrompt}
            onChange={(event) => {
              onChange({ systemPrompt: event.target.value });
            }}
          />
        )}
      </Field>
    </>
  );
}
