/**
 * A stand-in for the platform API in component tests (the end-to-end tests use the real one): a
 * fetch that answers `METHOD /path` from a table and records every request.
 */

/** A recorded request. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly search: string;
  readonly headers: Headers;
  readonly body: unknown;
}

/** An answer: a status and JSON body, or a function of the request. */
export type FakeAnswer =
  | { readonly status: number; readonly body?: unknown }
  | ((request: RecordedRequest) => { readonly status: number; readonly body?: unknown });

/** The fake and what it saw. */
export interface FakeApi {
  readonly fetch: typeof globalThis.fetch;
  readonly requests: RecordedRequest[];
  /** Sets or replaces the answer to `METHOD /path` (path without query). */
  on(route: string, answer: FakeAnswer): void;
}

/** An LMO error body. */
export const lmoError = (code: string, message: string, details?: unknown): unknown => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

async function bodyOf(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A fake API answering from `routes` (`'GET /v1/me'` → answer); unknown routes get 404. */
export function fakeApi(routes: Record<string, FakeAnswer> = {}): FakeApi {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), 'http://lmo.test'), init);
    const url = new URL(request.url);
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      search: url.search,
      headers: request.headers,
      body: await bodyOf(request),
    };
    requests.push(recorded);
    const answer = table.get(`${request.method} ${url.pathname}`);
    const result =
      answer === undefined
        ? {
            status: 404,
            body: lmoError('LMO_METHOD_NOT_FOUND', `No route ${request.method} ${url.pathname}`),
          }
        : typeof answer === 'function'
          ? answer(recorded)
          : answer;
    return new Response(result.body === undefined ? null : JSON.stringify(result.body), {
      status: result.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return {
    fetch,
    requests,
    on(route, answer) {
      table.set(route, answer);
    },
  };
}
