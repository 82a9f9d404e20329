/** Copies a text to the clipboard and says so. */
import { useState, type ReactNode } from 'react';

/** A button that copies `text`; `label` names what is copied for screen readers. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }): ReactNode {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => {
        setState('copied');
      },
      () => {
        setState('failed');
      },
    );
  };
  const said =
    state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select and copy by hand' : '';
  // The button keeps its name; the outcome is announced through a live region of its own.
  return (
    <>
      <button type="button" className="button-secondary" onClick={copy} aria-label={label}>
        {said === '' ? 'Copy' : said}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {said}
      </span>
    </>
  );
}

/** A block of code with a copy button. */
export function CodeBlock({ code, label }: { code: string; label: string }): ReactNode {
  return (
    <div className="code-block">
      <pre tabIndex={0} aria-label={label}>
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label={`Copy ${label}`} />
    </div>
  );
}
