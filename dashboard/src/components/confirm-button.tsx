/**
 * A destructive action behind a confirmation: the first click asks "Are you sure?" in place, with
 * the consequence spelled out; only "Yes" acts, and a failure is shown under the button.
 * Keyboard-reachable, no modal focus trap needed.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ErrorNotice } from './error-notice.tsx';

/** Props of {@link ConfirmButton}. */
export interface ConfirmButtonProps {
  /** The button's text ("Revoke"). */
  readonly label: string;
  /** What will happen, shown when asking ("Apps using this key stop working within seconds."). */
  readonly consequence: string;
  /** Runs on "Yes"; the button shows progress while it runs. */
  readonly onConfirm: () => Promise<unknown>;
  /** Accessible name when the label alone is ambiguous ("Revoke key ci"). */
  readonly ariaLabel?: string;
}

/** A button that asks before it acts. */
export function ConfirmButton({ label, consequence, onConfirm, ariaLabel }: ConfirmButtonProps): ReactNode {
  const [state, setState] = useState<'idle' | 'asking' | 'working'>('idle');
  const [error, setError] = useState<unknown>(null);
  // Keyboard focus follows the question: to "Cancel" when asking, back to the button afterwards.
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const consequenceId = useId();
  useEffect(() => {
    if (state === 'idle' && refocus.current) {
      refocus.current = false;
      trigger.current?.focus();
    }
  }, [state]);
  if (state === 'idle') {
    return (
      <>
        <button
          ref={trigger}
          type="button"
          className="button-danger"
          aria-label={ariaLabel ?? label}
          onClick={() => {
            setError(null);
            setState('asking');
          }}
        >
          {label}
        </button>
        {error === null ? null : <ErrorNotice error={error} title={`Could not ${label.toLowerCase()}`} />}
      </>
    );
  }
  return (
    <span
      className="confirm"
      role="group"
      aria-label={`Confirm: ${ariaLabel ?? label}`}
      aria-describedby={consequenceId}
    >
      <span id={consequenceId}>{consequence} Are you sure?</span>
      <button
        type="button"
        className="button-danger"
        disabled={state === 'working'}
        onClick={() => {
          setState('working');
          setError(null);
          onConfirm().then(
            () => {
              setState('idle');
            },
            (caught: unknown) => {
              setError(caught);
              refocus.current = true;
              setState('idle');
            },
          );
        }}
      >
        {state === 'working' ? 'Working…' : `Yes, ${label.toLowerCase()}`}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={state === 'working'}
        autoFocus
        onClick={() => {
          refocus.current = true;
          setState('idle');
        }}
      >
        Cancel
      </button>
    </span>
  );
}
