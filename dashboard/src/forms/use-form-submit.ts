/** A form's submission: pending state, the API's error, and its field errors by JSON pointer. */
import { useState } from 'react';
import { fieldErrors } from '../api/errors.ts';

/** What {@link useFormSubmit} gives a form. */
export interface FormSubmit {
  readonly pending: boolean;
  readonly error: unknown;
  /** Field errors the API returned (`/email` → message). */
  readonly serverFields: Readonly<Record<string, string>>;
  /** Runs `action` unless already running; records its error. */
  submit: (action: () => Promise<unknown>) => void;
}

/** Tracks one form's submissions. */
export function useFormSubmit(): FormSubmit {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return {
    pending,
    error,
    serverFields: fieldErrors(error),
    submit(action) {
      if (pending) return;
      setPending(true);
      setError(null);
      action()
        .catch((caught: unknown) => {
          setError(caught);
        })
        .finally(() => {
          setPending(false);
        });
    },
  };
}
