/** The snippets in tabs (WAI-ARIA tabs: arrow keys, Home and End move between them). */
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CodeBlock } from '../../../components/copy-button.tsx';
import type { Snippet } from './snippets.ts';

function nextIndex(key: string, current: number, count: number): number | undefined {
  if (key === 'ArrowRight') return (current + 1) % count;
  if (key === 'ArrowLeft') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

function SnippetPanel({ snippet }: { snippet: Snippet }): ReactNode {
  return (
    <>
      <p>{snippet.intro}</p>
      {snippet.install === undefined ? null : (
        <CodeBlock code={snippet.install} label={`${snippet.label} install command`} />
      )}
      <CodeBlock code={snippet.code} label={`${snippet.label} snippet`} />
    </>
  );
}

/** Tabs of snippets; the first is selected at first. */
export function SnippetTabs({ snippets }: { snippets: readonly Snippet[] }): ReactNode {
  const id = useId();
  const [selected, setSelected] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = snippets[selected] ?? snippets[0];
  const onKeyDown = (event: KeyboardEvent): void => {
    const next = nextIndex(event.key, selected, snippets.length);
    if (next === undefined) return;
    event.preventDefault();
    setSelected(next);
    tabs.current[next]?.focus();
  };
  return (
    <div>
      <div className="tabs" role="tablist" aria-label="Snippets" onKeyDown={onKeyDown}>
        {snippets.map((snippet, index) => (
          <button
            key={snippet.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${snippet.id}`}
            aria-selected={index === selected}
            aria-controls={`${id}-panel`}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => {
              setSelected(index);
            }}
          >
            {snippet.label}
          </button>
        ))}
      </div>
      {current === undefined ? null : (
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.id}`}>
          <SnippetPanel snippet={current} />
        </div>
      )}
    </div>
  );
}
