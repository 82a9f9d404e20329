/**
 * "Test connection": one real REST query to the tenant's runtime (`POST /t/<tenant>/v1/query`), not
 * the platform API, with an app's API key, timed in the browser. Every outcome becomes words a
 * person can act on. Pure apart from the `fetch` and clock it is given.
 */

/** What to test with. */
export interface ConnectionTestInput {
  /** `<origin>/t/<tenant>/v1/query`. */
  readonly url: string;
  /** The API key (`lmo_<id>_<secret>`); sent only as `Authorization: Bearer`. */
  readonly apiKey: string;
  readonly prompt: string;
}

/** What the test uses from the outside world. */
export interface ConnectionTestDeps {
  readonly fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** Milliseconds from a monotonic clock (`performance.now()`). */
  readonly now: () => number;
}

/** A successful query. */
export interface ConnectionSuccess {
  readonly ok: true;
  readonly answer: string;
  readonly model: string;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly cached: boolean;
  readonly latencyMs: number;
}

/** A failed query: the HTTP status (0 when nothing answered), what happened and what to do. */
export interface ConnectionFailure {
  readonly ok: false;
  readonly status: number;
  /** The LMO error code, when the answer had one. */
  readonly code: string | undefined;
  readonly message: string;
  readonly advice: string;
  readonly latencyMs: number;
}

/** The outcome of {@link testConnection}. */
export type ConnectionResult = ConnectionSuccess | ConnectionFailure;

interface LmoErrorBody {
  readonly code: string | undefined;
  readonly message: string | undefined;
}

function errorOf(body: unknown): LmoErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
  };
}

/** `Retry-After` in words: seconds, or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterText(header: string | null, nowMs: number = Date.now()): string | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = /^\d+$/u.test(header.trim())
    ? Number(header.trim())
    : Math.ceil((Date.parse(header) - nowMs) / 1000);
  if (!Number.isFinite(seconds)) return undefined;
  const wait = Math.max(1, seconds);
  return `${wait} second${wait === 1 ? '' : 's'}`;
}

const KEY_ADVICE =
  'Check that you pasted the whole key (it starts with lmo_). If it was revoked, create a new one on the API keys page.';

const ADVICE_BY_CODE: Readonly<Record<string, string>> = {
  LMO_ORIGIN_FORBIDDEN:
    'The endpoint does not accept requests from this page’s address. Your apps are not affected; a platform admin can allow this origin (the runtime’s --allowed-origins; LMO_CORS_ORIGINS in make dev).',
  LMO_TENANT_SUSPENDED:
    'This tenant is suspended, so every request is refused. A platform admin can resume it.',
  LMO_QUOTA_EXCEEDED:
    "The tenant has used this month's tokens. Upgrade the plan on the Billing page, or wait for the 1st of next month.",
  LMO_TENANT_NOT_READY:
    'The tenant’s runtime is starting or restarting. Wait a few seconds and test again; the Overview page shows its status.',
  LMO_NOT_FOUND: 'No tenant answers at this address. Check the tenant name; it may have been deleted.',
  LMO_VALIDATION_FAILED: 'The runtime refused the request body. Change the prompt and try again.',
  LMO_PAYLOAD_TOO_LARGE: 'The prompt is too long. Shorten it and try again.',
  LMO_DEPENDENCY_UNAVAILABLE: 'A service the runtime needs is unavailable. Try again in a minute.',
};

function adviceFor(status: number, code: string | undefined, retryAfter: string | undefined): string {
  if (status === 401) return `The API key is wrong or has been revoked. ${KEY_ADVICE}`;
  if (status === 429) {
    return `Rate limited: too many requests for this key or tenant. Try again in ${retryAfter ?? 'a moment'}; the Overview page shows the tenant's limit.`;
  }
  const known = code === undefined ? undefined : ADVICE_BY_CODE[code];
  if (known !== undefined) return known;
  if (status === 403) return ADVICE_BY_CODE['LMO_ORIGIN_FORBIDDEN'] ?? '';
  if (status >= 500)
    return 'The tenant’s runtime is not ready or failed. Check its status on the Overview page and try again in a few seconds.';
  return 'Check the key and the prompt, then try again.';
}

async function jsonOf(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function failure(response: Response, body: unknown, latencyMs: number): ConnectionFailure {
  const { code, message } = errorOf(body);
  const retryAfter = retryAfterText(response.headers.get('retry-after'));
  return {
    ok: false,
    status: response.status,
    code,
    message:
      message ??
      `The endpoint answered HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}.`,
    advice: adviceFor(response.status, code, retryAfter),
    latencyMs,
  };
}

function success(body: unknown, latencyMs: number): ConnectionSuccess | undefined {
  const answer = body as
    | {
        answer?: unknown;
        model?: unknown;
        cached?: unknown;
        usage?: { tokensIn?: unknown; tokensOut?: unknown };
      }
    | undefined;
  if (typeof answer?.answer !== 'string') return undefined;
  const count = (value: unknown): number => (typeof value === 'number' ? value : 0);
  return {
    ok: true,
    answer: answer.answer,
    model: typeof answer.model === 'string' ? answer.model : '',
    tokensIn: count(answer.usage?.tokensIn),
    tokensOut: count(answer.usage?.tokensOut),
    cached: answer.cached === true,
    latencyMs,
  };
}

/** Sends one query to the tenant's runtime and describes the outcome; never throws. */
export async function testConnection(
  input: ConnectionTestInput,
  deps: ConnectionTestDeps,
): Promise<ConnectionResult> {
  const started = deps.now();
  let response: Response;
  try {
    response = await deps.fetch(input.url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${input.apiKey.trim()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: input.prompt }),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return {
      ok: false,
      status: 0,
      code: undefined,
      message: 'Nothing answered: the endpoint could not be reached.',
      advice:
        'Check your network. If it is fine, the platform or the tenant’s runtime may be restarting; try again in a few seconds.',
      latencyMs: deps.now() - started,
    };
  }
  const body = await jsonOf(response);
  const latencyMs = deps.now() - started;
  if (!response.ok) return failure(response, body, latencyMs);
  return (
    success(body, latencyMs) ?? {
      ok: false,
      status: response.status,
      code: undefined,
      message: 'The endpoint answered, but not with a query result.',
      advice:
        'This address may not lead to the tenant’s runtime (a proxy or this site answered instead). Check the endpoint on the Overview page.',
      latencyMs,
    }
  );
}
