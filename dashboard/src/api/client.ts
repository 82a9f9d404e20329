/**
 * The typed API client: openapi-fetch over the types generated from the API's OpenAPI document, so
 * every path, parameter, body and answer is checked against the API's own route schemas.
 * Same-origin cookies carry the session; the session's CSRF token (memory only, never storage) goes
 * in `x-csrf-token` on every write, as the API requires.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.generated.ts';
import { ApiError, networkError } from './errors.ts';

/** The API's paths, for typing query keys and helpers. */
export type ApiPaths = paths;

/** The generated client plus the session's CSRF token. */
export interface ApiClient extends Client<paths> {
  /** Sets (or clears) the CSRF token sent on writes; the session code calls it. */
  setCsrfToken: (token: string | undefined) => void;
}

/** Options of {@link createApiClient}. */
export interface ApiClientOptions {
  /** Where the API is; the dashboard's own origin when empty. */
  readonly baseUrl?: string;
  /** The fetch to use (tests pass their own). */
  readonly fetch?: typeof globalThis.fetch;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A client for the API at `baseUrl` (default: this origin). */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  let csrfToken: string | undefined;
  const fetchImpl = options.fetch ?? ((input: Request) => globalThis.fetch(input));
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    fetch: fetchImpl,
  });
  client.use({
    onRequest({ request }) {
      if (csrfToken !== undefined && WRITES.has(request.method))
        request.headers.set('x-csrf-token', csrfToken);
      return request;
    },
  });
  return Object.assign(client, {
    setCsrfToken(token: string | undefined) {
      csrfToken = token;
    },
  });
}

/** What every openapi-fetch call resolves to. */
interface FetchOutcome<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * The answer of a call, or an {@link ApiError} carrying the API's code, message and details.
 * A request that never got an answer (offline, API down) becomes `LMO_NETWORK`.
 */
export async function call<T>(request: Promise<FetchOutcome<T>>): Promise<T> {
  let outcome: FetchOutcome<T>;
  try {
    outcome = await request;
  } catch (error) {
    throw networkError(error);
  }
  if (outcome.response.ok) return outcome.data as T;
  throw ApiError.fromBody(outcome.response.status, outcome.error);
}
