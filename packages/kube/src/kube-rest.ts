import { Agent, request, type AgentOptions, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** A failed Kubernetes API call: the HTTP status and the apiserver's own reason and message. */
export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  readonly status: number;
  readonly reason: string;
  constructor(status: number, reason: string, message: string) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

export const isNotFound = (error: unknown): boolean => error instanceof KubeApiError && error.status === 404;
export const isConflict = (error: unknown): boolean => error instanceof KubeApiError && error.status === 409;

export interface RequestOptionsJson {
  readonly body?: unknown;
  readonly contentType?: string;
  readonly query?: Record<string, string | number | boolean | undefined>;
  readonly signal?: AbortSignal;
  /** Extra headers, e.g. `Impersonate-User`. */
  readonly headers?: Record<string, string>;
}

const writeVerbs = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A small JSON client for the Kubernetes REST API. We send and receive plain
 * JSON ourselves because `@kubernetes/client-node`'s typed models rename
 * fields (`from`, `default`, `enum` become `_from`, `_default`, `_enum`) and
 * silently drop the wire names from plain objects — on a NetworkPolicy that
 * would turn "only from the gateway" into "from anywhere". Authentication
 * still comes from client-node's `KubeConfig`.
 */
export class KubeRest {
  readonly #server: string;
  readonly #base: RequestOptions;
  readonly #onWrite: ((method: string, path: string) => void) | undefined;

  private constructor(
    server: string,
    base: RequestOptions,
    onWrite?: (method: string, path: string) => void,
  ) {
    this.#server = server;
    this.#base = base;
    this.#onWrite = onWrite;
  }

  /** Builds a client for the kubeconfig's current cluster and user; `onWrite` observes every write call. */
  static async fromKubeConfig(
    kc: KubeConfig,
    onWrite?: (method: string, path: string) => void,
  ): Promise<KubeRest> {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error('the kubeconfig has no current cluster');
    const base: RequestOptions = {};
    await kc.applyToHTTPSOptions(base);
    base.agent = new Agent({ keepAlive: true, maxSockets: 32, ...pickTls(base) });
    return new KubeRest(cluster.server, base, onWrite);
  }

  get<T>(path: string, options: RequestOptionsJson = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  /**
   * Server-side apply of a whole object under `fieldManager` (forcing
   * ownership of the fields it sets).
   */
  apply<T>(path: string, object: unknown, fieldManager: string): Promise<T> {
    return this.request<T>('PATCH', path, {
      body: object,
      contentType: 'application/apply-patch+yaml',
      query: { fieldManager, force: true },
    });
  }

  /**
   * One JSON request.
   * @throws KubeApiError on a non-2xx answer, Error on a network failure.
   */
  async request<T>(method: string, path: string, options: RequestOptionsJson = {}): Promise<T> {
    const url = withQuery(new URL(path, this.#server), options.query);
    if (writeVerbs.has(method)) this.#onWrite?.(method, url.pathname);
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = {
      ...(this.#base.headers as Record<string, string>),
      accept: 'application/json',
      ...options.headers,
    };
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const init: RequestOptions = { ...this.#base, method, headers };
    if (options.signal) init.signal = options.signal;
    const { status, text } = await send(url, init, body);
    return parseAnswer(method, url, status, text) as T;
  }
}

function pickTls(o: RequestOptions): AgentOptions {
  const tls: AgentOptions = {};
  if (o.ca !== undefined) tls.ca = o.ca;
  if (o.cert !== undefined) tls.cert = o.cert;
  if (o.key !== undefined) tls.key = o.key;
  if (o.rejectUnauthorized !== undefined) tls.rejectUnauthorized = o.rejectUnauthorized;
  return tls;
}

function withQuery(url: URL, query: RequestOptionsJson['query']): URL {
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
}

function parseAnswer(method: string, url: URL, status: number, text: string): unknown {
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (status >= 200 && status < 300) return parsed;
  const s = (parsed ?? {}) as { reason?: string; message?: string };
  throw new KubeApiError(
    status,
    s.reason ?? 'Unknown',
    s.message ?? `${method} ${url.pathname}: HTTP ${status}`,
  );
}

function send(
  url: URL,
  options: RequestOptions,
  body: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...options, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${options.method ?? 'GET'} ${url.pathname} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}
