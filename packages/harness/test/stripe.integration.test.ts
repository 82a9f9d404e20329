// Smoke: the `stripe` client against stripe-mock, which validates each request
// against Stripe's OpenAPI spec (it keeps no state, so we assert the answers'
// shape, not totals).
import { describe, expect, it } from '@jest/globals';
import Stripe from 'stripe';
import { harnessEnv } from '../src/test-env.ts';

describe('Stripe (stripe client, stripe-mock)', () => {
  const base = new URL(harnessEnv('STRIPE_API_BASE'));
  const stripe = new Stripe(harnessEnv('STRIPE_SECRET_KEY'), {
    host: base.hostname,
    port: Number(base.port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });

  it('creates a customer and reports a billing meter event', async () => {
    const customer = await stripe.customers.create({
      email: 'billing@acme.example',
      metadata: { tenant: 'acme' },
    });
    const event = await stripe.billing.meterEvents.create(
      {
        event_name: 'lmo_tokens',
        identifier: 'acme-2026-11-22T10',
        payload: { stripe_customer_id: customer.id, value: '1234' },
      },
      { idempotencyKey: 'acme-2026-11-22T10' },
    );

    expect(customer.id).toMatch(/^cus_/);
    expect(customer.object).toBe('customer');
    expect(event.object).toBe('billing.meter_event');
  });

  it('rejects a request that breaks the API schema', async () => {
    const call = stripe.billing.meterEvents.create({
      event_name: 'lmo_tokens',
    } as Stripe.Billing.MeterEventCreateParams);

    await expect(call).rejects.toMatchObject({ type: 'StripeInvalidRequestError' });
  });
});
