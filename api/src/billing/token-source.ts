/**
 * Where the billing job gets each tenant's token count for an hour: Prometheus (`increase()` of
 * the runtimes' `lmo_tokens_total`, production) or the runtimes' own /metrics read directly
 * (`make dev`, see scrape-token-source.ts). Also the deterministic meter-event identifier that makes
 * reporting an hour idempotent.
 */
import { LmoError, RUNTIME_METRICS } from '@lmo/contracts';

/** A measurement window, `(from, to]` as Prometheus' range selectors take it. */
export interface TokenWindow {
  readonly from: Date;
  readonly to: Date;
}

/** Token counts per tenant over a window. */
export interface TokenSource {
  /** For records and logs. */
  readonly kind: 'prometheus' | 'scrape';
  /**
   * Tokens (in + out, every model) each tenant used in the window; tenants without a figure are
   * absent. @throws {LmoError} `LMO_DEPENDENCY_UNAVAILABLE` when the source cannot answer.
   */
  tokensByTenant(window: TokenWindow): Promise<Map<string, number>>;
  /** Runs on every tick of the job before hours are billed (the direct scraper samples here). */
  sample?(now: Date): Promise<void>;
}

/** The hour's compact UTC form, `YYYYMMDDHH`. */
export const hourStamp = (hour: Date): string => hour.toISOString().slice(0, 13).replace(/[-T]/g, '');

/**
 * The meter event identifier (and Stripe idempotency key) of a tenant's hour, `lmo-<tenant>-<YYYYMMDDHH>`:
 * the same on every run, so Stripe counts a re-sent hour once.
 */
export const billingIdentifier = (tenant: string, hour: Date): string => `lmo-${tenant}-${hourStamp(hour)}`;

/** The PromQL of the tokens each tenant used over a window of `seconds`. */
export const tokensQuery = (seconds: number): string =>
  `sum by (tenant) (increase(${RUNTIME_METRICS.tokens.name}[${String(seconds)}s]))`;

interface PrometheusAnswer {
  status?: string;
  error?: string;
  data?: { resultType?: string; result?: { metric?: Record<string, string>; value?: [number, string] }[] };
}

/** Prometheus' instant query API. */
export class PrometheusTokenSource implements TokenSource {
  readonly kind = 'prometheus';
  readonly #url: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(url: string, options: { fetch?: typeof fetch; timeoutMs?: number } = {}) {
    this.#url = url.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  async tokensByTenant(window: TokenWindow): Promise<Map<string, number>> {
    const seconds = Math.round((window.to.getTime() - window.from.getTime()) / 1000);
    const params = new URLSearchParams({
      query: tokensQuery(seconds),
      time: (window.to.getTime() / 1000).toFixed(3),
    });
    let answer: PrometheusAnswer;
    try {
      const response = await this.#fetch(`${this.#url}/api/v1/query?${params.toString()}`, {
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      answer = (await response.json()) as PrometheusAnswer;
    } catch (error) {
      throw new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'Prometheus is unavailable', { cause: error });
    }
    if (answer.status !== 'success' || answer.data?.resultType !== 'vector') {
      throw new LmoError(
        'LMO_DEPENDENCY_UNAVAILABLE',
        `Prometheus refused the query: ${answer.error ?? 'unknown'}`,
      );
    }
    const tokens = new Map<string, number>();
    for (const series of answer.data.result ?? []) {
      const tenant = series.metric?.['tenant'];
      const value = Number(series.value?.[1]);
      if (tenant !== undefined && Number.isFinite(value)) tokens.set(tenant, value);
    }
    return tokens;
  }
}
