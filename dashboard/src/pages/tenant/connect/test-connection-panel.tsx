/**
 * The "Test connection" form: a key created in this tab or a pasted one (held in memory for this
 * form only, never stored), a prompt, and the outcome in a `role="status"` region that says
 * "Connected" with the answer, tokens and latency, or "Connection failed" with the HTTP status.
 */
import { useState, type ReactNode } from 'react';
import { Field } from '../../../components/field.tsx';
import { formatCount, formatDuration } from '../../../format/format.ts';
import type { NewKey } from '../../../session/new-keys.tsx';
import { testConnection, type ConnectionResult } from './test-connection.ts';

const PASTE = 'paste';

function Outcome({ result, running }: { result: ConnectionResult | undefined; running: boolean }): ReactNode {
  if (running) return <p>Testing…</p>;
  if (result === undefined) return <p className="muted">Not tested yet.</p>;
  if (result.ok) {
    return (
      <>
        <p>
          <strong>Connected</strong> in {formatDuration(result.latencyMs)} (measured in this browser).
        </p>
        <p>Answer{result.model === '' ? '' : ` from ${result.model}`}:</p>
        <blockquote className="answer">{result.answer}</blockquote>
        <p>
          Tokens used: {formatCount(result.tokensIn)} in + {formatCount(result.tokensOut)} out ={' '}
          {formatCount(result.tokensIn + result.tokensOut)}
          {result.cached ? ' (answered from the cache)' : ''}.
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <strong>
          Connection failed: {result.status === 0 ? 'no answer (network error)' : `HTTP ${result.status}`}
        </strong>
      </p>
      <p>
        {result.message}
        {result.code === undefined ? null : <span className="code"> ({result.code})</span>}
      </p>
      <p>{result.advice}</p>
    </>
  );
}

function outcomeClass(result: ConnectionResult | undefined, running: boolean): string {
  if (running || result === undefined) return 'test-outcome';
  return `test-outcome notice ${result.ok ? 'notice-ok' : 'notice-error'}`;
}

interface KeyChoiceProps {
  readonly keys: readonly NewKey[];
  readonly choice: string;
  readonly onChoose: (choice: string) => void;
}

function KeyChoice({ keys, choice, onChoose }: KeyChoiceProps): ReactNode {
  if (keys.length === 0) return null;
  return (
    <Field label="Key to test" hint="Keys created in this tab can be used here; others must be pasted.">
      {(control) => (
        <select
          {...control}
          value={choice}
          onChange={(event) => {
            onChoose(event.target.value);
          }}
        >
          {keys.map((key) => (
            <option key={key.keyId} value={key.keyId}>
              {key.name} (created in this tab)
            </option>
          ))}
          <option value={PASTE}>Paste another key</option>
        </select>
      )}
    </Field>
  );
}

/** Props of {@link TestConnectionPanel}. */
export interface TestConnectionPanelProps {
  /** `<origin>/t/<tenant>/v1/query`. */
  readonly url: string;
  /** Keys of this tenant created in this tab. */
  readonly keys: readonly NewKey[];
}

/** The Test connection section of the Connect page. */
export function TestConnectionPanel({ url, keys }: TestConnectionPanelProps): ReactNode {
  const [choice, setChoice] = useState(keys[0]?.keyId ?? PASTE);
  const [pasted, setPasted] = useState('');
  const [prompt, setPrompt] = useState('Say hello');
  const [touched, setTouched] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ConnectionResult | undefined>(undefined);
  const chosen = keys.find((key) => key.keyId === choice);
  const apiKey = chosen?.key ?? pasted.trim();
  const keyError =
    touched && apiKey === '' ? 'Paste an API key, or create one on the API keys page.' : undefined;
  const promptError = touched && prompt.trim() === '' ? 'Enter a prompt to send.' : undefined;
  return (
    <section className="card" aria-labelledby="test-heading">
      <h2 id="test-heading">Test connection</h2>
      <p className="muted">
        Sends one real request from this browser to your endpoint with an API key. It counts toward your usage
        like any other request.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (apiKey === '' || prompt.trim() === '' || running) return;
          setRunning(true);
          void testConnection(
            { url, apiKey, prompt },
            { fetch: (input, init) => window.fetch(input, init), now: () => performance.now() },
          ).then((outcome) => {
            setResult(outcome);
            setRunning(false);
          });
        }}
      >
        <KeyChoice keys={keys} choice={chosen === undefined ? PASTE : choice} onChoose={setChoice} />
        {chosen === undefined ? (
          <Field label="API key" hint="Used for this test only; it is never stored." error={keyError}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={pasted}
                placeholder="lmo_…"
                onChange={(event) => {
                  setPasted(event.target.value);
                }}
              />
            )}
          </Field>
        ) : null}
        <Field label="Prompt" error={promptError}>
          {(control) => (
            <input
              {...control}
              value={prompt}
              onChange={(event) => {
                setPrompt(event.target.value);
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={running}>
          {running ? 'Testing…' : 'Test connection'}
        </button>
      </form>
      <div role="status" aria-live="polite" className={outcomeClass(result, running)}>
        <Outcome result={result} running={running} />
      </div>
    </section>
  );
}
