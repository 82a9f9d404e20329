import Stripe from 'stripe';
import type { StripeConfig } from '../config/api-config.ts';

/** Options of {@link createStripe}. */
export interface StripeClientOptions {
  /** Stripe's HTTP client (tests record requests with `Stripe.createFetchHttpClient`). */
  readonly httpClient?: ReturnType<typeof Stripe.createFetchHttpClient>;
  readonly maxNetworkRetries?: number;
}

/**
 * The official Stripe client for the configured key, aimed at `apiBase` when set (stripe-mock in
 * tests) through the SDK's host, port and protocol options. Network failures and 409/429/5xx are
 * retried by the SDK; every write LMO makes carries an idempotency key.
 */
export function createStripe(config: StripeConfig, options: StripeClientOptions = {}): Stripe {
  const base = config.apiBase === undefined ? undefined : new URL(config.apiBase);
  const protocol = base?.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(config.secretKey, {
    ...(base === undefined
      ? {}
      : { host: base.hostname, port: Number(base.port || (protocol === 'http' ? 80 : 443)), protocol }),
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: 20_000,
    appInfo: { name: 'lmo-api' },
    ...(options.httpClient === undefined ? {} : { httpClient: options.httpClient }),
  });
}
