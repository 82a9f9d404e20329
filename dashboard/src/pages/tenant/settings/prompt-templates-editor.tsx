/** The prompt-template part of the settings form: add, edit and remove templates and their arguments. */
import type { ReactNode } from 'react';
import { Field } from '../../../components/field.tsx';
import {
  emptyArgument,
  emptyTemplate,
  updateArgument,
  updateTemplate,
  type ArgumentValues,
  type SettingsValues,
  type TemplateValues,
} from './settings-values.ts';

/** Props of {@link PromptTemplatesEditor}. */
export interface PromptTemplatesEditorProps {
  readonly values: SettingsValues;
  /** Issues by JSON pointer (`/promptTemplates/0/name`). */
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (values: SettingsValues) => void;
}

interface ArgumentRowProps {
  readonly argument: ArgumentValues;
  readonly at: string;
  readonly label: string;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (argument: ArgumentValues | undefined) => void;
}

function ArgumentRow({ argument, at, label, errors, onChange }: ArgumentRowProps): ReactNode {
  return (
    <fieldset className="settings-argument">
      <legend>{label}</legend>
      {errors[at] === undefined ? null : <p className="field-error">{errors[at]}</p>}
      <Field
        label="Argument name"
        hint="Write {{name}} in the template where its value goes."
        error={errors[`${at}/name`]}
      >
        {(control) => (
          <input
            {...control}
            value={argument.name}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(event) => {
              onChange({ ...argument, name: event.target.value });
            }}
          />
        )}
      </Field>
      <Field label="Argument description (optional)" error={errors[`${at}/description`]}>
        {(control) => (
          <input
            {...control}
            value={argument.description}
            onChange={(event) => {
              onChange({ ...argument, description: event.target.value });
            }}
          />
        )}
      </Field>
      <div className="field checkbox">
        <input
          id={`${argument.key}-required`}
          type="checkbox"
          checked={argument.required}
          onChange={(event) => {
            onChange({ ...argument, required: event.target.checked });
          }}
        />
        <label htmlFor={`${argument.key}-required`}>Apps must supply it</label>
      </div>
      <div>
        <button
          type="button"
          className="button-secondary"
          aria-label={`Remove ${label}`}
          onClick={() => {
            onChange(undefined);
          }}
        >
          Remove argument
        </button>
      </div>
    </fieldset>
  );
}

interface TemplateEditorProps {
  readonly template: TemplateValues;
  readonly index: number;
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (template: TemplateValues | undefined) => void;
}

function TemplateTexts({ template, index, errors, onChange }: TemplateEditorProps): ReactNode {
  const at = `/promptTemplates/${index}`;
  const text = (key: 'name' | 'description' | 'template', value: string): void => {
    onChange({ ...template, [key]: value });
  };
  return (
    <>
      <Field
        label="Name"
        hint="How apps list the prompt: lower-case letters, digits and -."
        error={errors[`${at}/name`]}
      >
        {(control) => (
          <input
            {...control}
            value={template.name}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(event) => {
              text('name', event.target.value);
            }}
          />
        )}
      </Field>
      <Field label="Description (optional)" hint="What the prompt does." error={errors[`${at}/description`]}>
        {(control) => (
          <input
            {...control}
            value={template.description}
            onChange={(event) => {
              text('description', event.target.value);
            }}
          />
        )}
      </Field>
      <Field
        label="Template"
        hint="The prompt's text; {{argument}} is replaced by the argument's value."
        error={errors[`${at}/template`]}
      >
        {(control) => (
          <textarea
            {...control}
            rows={5}
            value={template.template}
            onChange={(event) => {
              text('template', event.target.value);
            }}
          />
        )}
      </Field>
    </>
  );
}

function TemplateEditor(props: TemplateEditorProps): ReactNode {
  const { template, index, errors, onChange } = props;
  const at = `/promptTemplates/${index}`;
  const title = `Prompt template ${index + 1}${template.name === '' ? '' : `: ${template.name}`}`;
  return (
    <fieldset className="settings-template">
      <legend>{title}</legend>
      {errors[at] === undefined ? null : <p className="field-error">{errors[at]}</p>}
      <TemplateTexts {...props} />
      <h3 className="settings-subheading">Arguments</h3>
      {errors[`${at}/arguments`] === undefined ? null : (
        <p className="field-error">{errors[`${at}/arguments`]}</p>
      )}
      {template.arguments.length === 0 ? (
        <p className="muted">No arguments: the prompt is used as written.</p>
      ) : null}
      {template.arguments.map((argument, j) => (
        <ArgumentRow
          key={argument.key}
          argument={argument}
          at={`${at}/arguments/${j}`}
          label={`Argument ${j + 1}${argument.name === '' ? '' : ` (${argument.name})`}`}
          errors={errors}
          onChange={(next) => {
            onChange(updateArgument(template, j, next));
          }}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            onChange({ ...template, arguments: [...template.arguments, emptyArgument()] });
          }}
        >
          Add argument
        </button>
        <button
          type="button"
          className="button-danger"
          aria-label={`Remove ${title}`}
          onClick={() => {
            onChange(undefined);
          }}
        >
          Remove template
        </button>
      </div>
    </fieldset>
  );
}

/** The list of prompt templates, each editable, with add and remove. */
export function PromptTemplatesEditor({ values, errors, onChange }: PromptTemplatesEditorProps): ReactNode {
  return (
    <section aria-labelledby="templates-heading" className="settings-templates">
      <h2 id="templates-heading">Prompt templates</h2>
      <p className="muted">
        Ready-made prompts your apps can list and use over MCP. Changes take effect when you save.
      </p>
      {errors['/promptTemplates'] === undefined ? null : (
        <p className="field-error">{errors['/promptTemplates']}</p>
      )}
      {values.templates.length === 0 ? <div className="empty">No prompt templates yet.</div> : null}
      {values.templates.map((template, index) => (
        <TemplateEditor
          key={template.key}
          template={template}
          index={index}
          errors={errors}
          onChange={(next) => {
            onChange(updateTemplate(values, index, next));
          }}
        />
      ))}
      <div>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            onChange({ ...values, templates: [...values.templates, emptyTemplate()] });
          }}
        >
          Add prompt template
        </button>
      </div>
    </section>
  );
}
