/**
 * The three states every data view has besides its content: loading, failed (with the reason and a
 * retry) and empty (with what to do about it).
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from './error-notice.tsx';

/** Props of {@link QueryView}. */
export interface QueryViewProps<T> {
  readonly query: UseQueryResult<T>;
  /** What is loading, for the spinner's label ("API keys"). */
  readonly what: string;
  /** When the data counts as empty; `empty` is shown instead of `children`. */
  readonly isEmpty?: (data: T) => boolean;
  readonly empty?: ReactNode;
  readonly children: (data: T) => ReactNode;
}

/** Renders a query's loading, error, empty or loaded state. */
export function QueryView<T>({ query, what, isEmpty, empty, children }: QueryViewProps<T>): ReactNode {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) {
    return (
      <ErrorNotice
        error={query.error}
        title={`Could not load ${what}`}
        onRetry={() => {
          void query.refetch();
        }}
      />
    );
  }
  if (isEmpty?.(query.data) === true) return <div className="empty">{empty}</div>;
  return children(query.data);
}

/** A loading indicator that screen readers announce. */
export function Loading({ what }: { what: string }): ReactNode {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}
