import type Stripe from 'stripe';
import type { BillingAccounts } from './billing-accounts.ts';

/** One tenant's tokens of one hour, to report. */
export interface MeterEvent {
  readonly tenant: string;
  /** Start of the hour (UTC). */
  readonly hour: Date;
  readonly tokens: number;
  /** `lmo-<tenant>-<YYYYMMDDHH>`: the same on every attempt. */
  readonly identifier: string;
}

/** Where billed hours go: Stripe's meter, or nowhere (`make dev`: records only). */
export interface MeterReporter {
  readonly kind: 'stripe';
  /**
   * Reports an hour. Must be idempotent on `identifier`: the job sends an hour again when it does
   * not know whether an earlier attempt arrived (a crash after sending).
   */
  report(event: MeterEvent): Promise<void>;
}

/**
 * Stripe billing meter events: one per tenant and hour, `identifier` and idempotency key both the
 * event's identifier, so that a re-sent hour is counted once by Stripe; the value is the tokens and
 * the customer the tenant's Stripe customer. The event's timestamp is the hour's start.
 */
export class StripeMeterReporter implements MeterReporter {
  readonly kind = 'stripe';
  readonly #stripe: Stripe;
  readonly #accounts: BillingAccounts;
  readonly #eventName: string;

  constructor(stripe: Stripe, accounts: BillingAccounts, eventName: string) {
    this.#stripe = stripe;
    this.#accounts = accounts;
    this.#eventName = eventName;
  }

  async report(event: MeterEvent): Promise<void> {
    const customer = await this.#accounts.ensureCustomer(event.tenant);
    await this.#stripe.billing.meterEvents.create(
      {
        event_name: this.#eventName,
        identifier: event.identifier,
        timestamp: Math.floor(event.hour.getTime() / 1000),
        payload: { stripe_customer_id: customer, value: String(event.tokens) },
      },
      { idempotencyKey: event.identifier },
    );
  }
}
