/**
 * The model-settings form as data: its values from a tenant's spec, the merge patch they make, and
 * that patch checked with the API's own rules (`validateTenantSpec` from @lmo/contracts on the
 * spec the patch would produce). Pure, apart from fresh list keys.
 */
import { validateTenantSpec, type ModelProvider } from '@lmo/contracts';
import type { Body, TenantSpec } from '../../../api/types.ts';
import { issueText } from './issue-text.ts';

/** The body of `PATCH /v1/tenants/{tenant}`. */
export type SettingsPatch = Body<'/v1/tenants/{tenant}', 'patch'>;

/** One argument of a prompt template, as edited. `key` only identifies the row on screen. */
export interface ArgumentValues {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
}

/** One prompt template, as edited. */
export interface TemplateValues {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly template: string;
  readonly arguments: readonly ArgumentValues[];
}

/** The form's values; numbers stay text while people type them. */
export interface SettingsValues {
  readonly provider: ModelProvider;
  readonly model: string;
  readonly baseUrl: string;
  readonly embeddingModel: string;
  readonly temperature: string;
  readonly maxTokens: string;
  readonly systemPrompt: string;
  readonly templates: readonly TemplateValues[];
}

let lastKey = 0;
/** A key for a new row of the form. */
export const newKey = (): string => `row-${String(++lastKey)}`;

/** An empty prompt template. */
export const emptyTemplate = (): TemplateValues => ({
  key: newKey(),
  name: '',
  description: '',
  template: '',
  arguments: [],
});

/** An empty argument. */
export const emptyArgument = (): ArgumentValues => ({
  key: newKey(),
  name: '',
  description: '',
  required: false,
});

/** The form's values for a spec. */
export function valuesOf(spec: TenantSpec): SettingsValues {
  const { model } = spec;
  return {
    provider: model.provider,
    model: model.model,
    baseUrl: model.baseUrl ?? '',
    embeddingModel: model.embeddingModel ?? '',
    temperature: String(model.temperature),
    maxTokens: String(model.maxTokens),
    systemPrompt: model.systemPrompt ?? '',
    templates: spec.promptTemplates.map((t) => ({
      key: newKey(),
      name: t.name,
      description: t.description ?? '',
      template: t.template,
      arguments: t.arguments.map((a) => ({
        key: newKey(),
        name: a.name,
        description: a.description ?? '',
        required: a.required,
      })),
    })),
  };
}

/** A number typed in a field, or the text itself when it is none (the schema then says so). */
function numberOf(text: string): number | string {
  const value = Number(text);
  return text.trim() === '' || !Number.isFinite(value) ? text : value;
}

const withText = (key: string, text: string): Record<string, string> => (text === '' ? {} : { [key]: text });

/** The templates as the API takes them (and as the spec holds them). */
function templatesOf(values: SettingsValues): TenantSpec['promptTemplates'] {
  return values.templates.map((t) => ({
    name: t.name.trim(),
    ...withText('description', t.description),
    template: t.template,
    arguments: t.arguments.map((a) => ({
      name: a.name.trim(),
      ...withText('description', a.description),
      required: a.required,
    })),
  }));
}

function changedModel(model: TenantSpec['model'], values: SettingsValues): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const set = (key: string, before: unknown, after: unknown): void => {
    if (before !== after) patch[key] = after;
  };
  set('provider', model.provider, values.provider);
  set('model', model.model, values.model.trim());
  set('temperature', model.temperature, numberOf(values.temperature));
  set('maxTokens', model.maxTokens, numberOf(values.maxTokens));
  const texts = [
    ['baseUrl', model.baseUrl, values.baseUrl.trim()],
    ['embeddingModel', model.embeddingModel, values.embeddingModel.trim()],
    ['systemPrompt', model.systemPrompt, values.systemPrompt],
  ] as const;
  // An optional text: unchanged (absent), emptied (`null` clears it) or set.
  for (const [key, before, after] of texts)
    if (after !== (before ?? '')) patch[key] = after === '' ? null : after;
  return patch;
}

/**
 * The merge patch from `base` (the spec the form started from) to the form's values: only what
 * changed, so a change someone else made meanwhile to another field survives. Prompt templates go
 * whole, as the API replaces the list. Numbers that are not numbers stay text, for the check to
 * report; send the patch only after {@link settingsIssues} found nothing.
 */
export function settingsPatch(base: TenantSpec, values: SettingsValues): SettingsPatch {
  const patch: Record<string, unknown> = {};
  const model = changedModel(base.model, values);
  if (Object.keys(model).length > 0) patch['model'] = model;
  const templates = templatesOf(values);
  if (JSON.stringify(templates) !== JSON.stringify(templatesOf(valuesOf(base)))) {
    patch['promptTemplates'] = templates;
  }
  return patch;
}

/** The spec a patch makes of `spec`: model settings merged (`null` clears), templates replaced. */
export function patchedSpec(spec: TenantSpec, patch: SettingsPatch): unknown {
  const merged = Object.entries({ ...spec.model, ...patch.model });
  const model = Object.fromEntries(merged.filter(([, value]) => value !== null));
  return { ...spec, model, promptTemplates: patch.promptTemplates ?? spec.promptTemplates };
}

/**
 * What the API would refuse in this patch, by JSON pointer (`/model/temperature` → "Must be at
 * most 2."): the Tenant spec's schema and cross-field rules from @lmo/contracts, run on the spec
 * the patch would produce, exactly as the API checks it.
 */
export function settingsIssues(spec: TenantSpec, patch: SettingsPatch): Readonly<Record<string, string>> {
  const result = validateTenantSpec(patchedSpec(spec, patch));
  if (result.ok) return {};
  const out: Record<string, string> = {};
  for (const issue of result.issues) out[issue.path] ??= issueText(issue.path, issue.message);
  return out;
}

const PLACED = [
  /^\/model\/(provider|model|baseUrl|embeddingModel|temperature|maxTokens|systemPrompt)$/,
  /^\/promptTemplates(\/\d+(\/(name|description|template|arguments))?)?$/,
  /^\/promptTemplates\/\d+\/arguments\/\d+(\/(name|description|required))?$/,
];

/** Whether the form shows an issue at `path` under a field; others are listed on their own. */
export const isPlaced = (path: string): boolean => PLACED.some((pattern) => pattern.test(path));

/** Replaces template `index` with `change` (`undefined` removes it). */
export function updateTemplate(
  values: SettingsValues,
  index: number,
  change: TemplateValues | undefined,
): SettingsValues {
  const templates = values.templates.flatMap((t, i) =>
    i !== index ? [t] : change === undefined ? [] : [change],
  );
  return { ...values, templates };
}

/** Replaces argument `index` of a template with `change` (`undefined` removes it). */
export function updateArgument(
  template: TemplateValues,
  index: number,
  change: ArgumentValues | undefined,
): TemplateValues {
  const args = template.arguments.flatMap((a, i) =>
    i !== index ? [a] : change === undefined ? [] : [change],
  );
  return { ...template, arguments: args };
}
