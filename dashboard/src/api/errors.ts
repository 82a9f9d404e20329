/**
 * API errors as the dashboard shows them: the API's stable code and message, and in words what the
 * person can do next. Pages never parse messages; they branch on the code.
 */

/** An error answer of the API (`{ error: { code, message, details? } }`), or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(status: number, code: string, message: string, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Reads the API's error body; anything else becomes a generic error with the HTTP status. */
  static fromBody(status: number, body: unknown): ApiError {
    const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)
      ?.error;
    if (typeof error?.code === 'string' && typeof error.message === 'string') {
      const details =
        typeof error.details === 'object' && error.details !== null
          ? (error.details as Record<string, unknown>)
          : undefined;
      return new ApiError(status, error.code, error.message, details);
    }
    return new ApiError(
      status,
      status >= 500 ? 'LMO_INTERNAL' : 'LMO_BAD_REQUEST',
      `The API answered ${status}`,
    );
  }
}

/** A request that got no answer at all. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, 'LMO_NETWORK', 'The API could not be reached');
  error.cause = cause;
  return error;
}

const NEXT_STEPS: Readonly<Record<string, string>> = {
  LMO_NETWORK: 'Check your connection; if it is fine, the platform may be restarting. Try again in a moment.',
  LMO_UNAUTHENTICATED: 'Your session has ended. Log in again.',
  LMO_CSRF_FAILED: 'Reload the page to refresh your session, then try again.',
  LMO_FORBIDDEN: 'Ask an owner of this tenant (or a platform admin) to do this, or to give you that role.',
  LMO_NOT_FOUND:
    'It may have been deleted, or you are not a member of this tenant. Check the name or pick another tenant.',
  LMO_VALIDATION_FAILED: 'Correct the highlighted fields and submit again.',
  LMO_CONFLICT: 'Something with that name already exists or changed meanwhile. Pick another name or reload.',
  LMO_RATE_LIMITED: 'Too many attempts. Wait a little before trying again.',
  LMO_PAYLOAD_TOO_LARGE: 'The file or text is too large. Split it into smaller parts.',
  LMO_UNSUPPORTED_MEDIA_TYPE: 'That file type is not supported: upload text, Markdown or PDF.',
  LMO_QUOTA_EXCEEDED:
    "The tenant has used its plan's tokens for this month. Upgrade the plan on the Billing page.",
  LMO_TENANT_SUSPENDED: 'This tenant is suspended. A platform admin can resume it.',
  LMO_TENANT_NOT_READY: 'The tenant is still starting. Wait a few seconds and try again.',
  LMO_DEPENDENCY_UNAVAILABLE:
    'A service the platform needs is unavailable. Try again later; nothing was changed.',
  LMO_SESSION_NOT_FOUND: 'The session is gone; log in again.',
  LMO_INTERNAL:
    'Something went wrong on our side. Try again; if it keeps failing, contact support with the time it happened.',
};

/** What to do next after an error with this code, in words. */
export function nextStep(error: unknown): string {
  if (error instanceof ApiError) {
    return (
      NEXT_STEPS[error.code] ??
      (error.status >= 500 ? (NEXT_STEPS['LMO_INTERNAL'] ?? '') : 'Check the input and try again.')
    );
  }
  return NEXT_STEPS['LMO_INTERNAL'] ?? '';
}

/** The message to show for an error. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

/**
 * Field errors of an `LMO_VALIDATION_FAILED` answer, by JSON pointer (`/email` → message), so a
 * form can show each one under its field.
 */
export function fieldErrors(error: unknown): Readonly<Record<string, string>> {
  if (!(error instanceof ApiError) || error.code !== 'LMO_VALIDATION_FAILED') return {};
  const issues = error.details?.['issues'];
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path === 'string' && typeof issue.message === 'string')
      out[issue.path] ??= issue.message;
  }
  return out;
}
