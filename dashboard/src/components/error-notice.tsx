/** An error in words: what happened (the API's message and code) and what to do next. */
import type { ReactNode } from 'react';
import { ApiError, messageOf, nextStep } from '../api/errors.ts';

/** Shows `error` as an alert; `onRetry` adds a "Try again" button. */
export function ErrorNotice({
  error,
  title = 'That did not work',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}): ReactNode {
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <div role="alert" className="notice notice-error">
      <strong>{title}</strong>
      <p>
        {messageOf(error)}
        {code === undefined ? null : <span className="code"> ({code})</span>}
      </p>
      <p>{nextStep(error)}</p>
      {onRetry === undefined ? null : (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
