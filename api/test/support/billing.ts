// Billing test helpers: a Stripe client (pointed at stripe-mock) that records every request it
// sends; a tiny runtime-like /metrics server exposing lmo_tokens_total with prom-client; and
// Prometheus queries to see what the harness's Prometheus has scraped.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RUNTIME_METRICS } from '@lmo/contracts';
import { harnessEnv } from '@lmo/harness';
import { Counter, Registry } from 'prom-client';
import Stripe from 'stripe';
import { createStripe } from '../../src/billing/stripe-client.ts';
import type { StripeConfig } from '../../src/config/api-config.ts';

/** One request the Stripe client sent. */
export interface StripeRequest {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | null;
  /** The form-encoded body, decoded. */
  readonly form: URLSearchParams;
}

/** The Stripe settings of the harness's stripe-mock. */
export const stripeMockConfig = (webhookSecret = 'whsec_lmotestsecret'): StripeConfig => ({
  secretKey: harnessEnv('STRIPE_SECRET_KEY'),
  apiBase: harnessEnv('STRIPE_API_BASE'),
  webhookSecret,
  meterEventName: 'lmo_tokens',
});

/** A Stripe client for stripe-mock that records its requests into `requests`. */
export function recordingStripe(config: StripeConfig = stripeMockConfig()): {
  stripe: Stripe;
  requests: StripeRequest[];
} {
  const requests: StripeRequest[] = [];
  const record: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    requests.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      idempotencyKey: headers.get('idempotency-key'),
      form: new URLSearchParams(typeof init?.body === 'string' ? init.body : url.search),
    });
    return fetch(input, init);
  };
  return {
    stripe: createStripe(config, { httpClient: Stripe.createFetchHttpClient(record), maxNetworkRetries: 0 }),
    requests,
  };
}

/** A runtime-like metrics endpoint with `lmo_tokens_total`. */
export interface TokenMetricsServer {
  readonly target: string;
  readonly url: string;
  readonly tokens: Counter<'tenant' | 'model' | 'direction'>;
  readonly registry: Registry;
  close(): Promise<void>;
}

/** Serves a fresh registry's `lmo_tokens_total` at `http://127.0.0.1:<port>/metrics`. */
export async function startTokenMetrics(): Promise<TokenMetricsServer> {
  const registry = new Registry();
  const d = RUNTIME_METRICS.tokens;
  const tokens = new Counter({
    name: d.name,
    help: d.help,
    labelNames: [...d.labelNames],
    registers: [registry],
  });
  const server: Server = createServer((_request, response) => {
    void registry.metrics().then((text) => {
      response.setHeader('content-type', registry.contentType);
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    target: `127.0.0.1:${String(port)}`,
    url: `http://127.0.0.1:${String(port)}/metrics`,
    tokens,
    registry,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
}

/** The raw samples Prometheus holds for `selector` over the last `range` (a PromQL duration). */
export async function promSamples(selector: string, range = '5m'): Promise<[number, string][][]> {
  const url = `${harnessEnv('PROMETHEUS_URL')}/api/v1/query?query=${encodeURIComponent(`${selector}[${range}]`)}`;
  const answer = (await (await fetch(url)).json()) as { data: { result: { values: [number, string][] }[] } };
  return answer.data.result.map((series) => series.values);
}

/**
 * Waits until the next hour has begun when less than `marginMs` of this one remains, so that a
 * test's scrapes and its billed window fall into one hour.
 */
export async function awayFromHourEnd(marginMs = 150_000): Promise<void> {
  const now = Date.now();
  const untilNextHour = 3_600_000 - (now % 3_600_000);
  if (untilNextHour < marginMs) await new Promise((resolve) => setTimeout(resolve, untilNextHour + 2000));
}
