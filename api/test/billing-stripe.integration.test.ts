// The billing job's state machine against PostgreSQL and stripe-mock: an hour billed twice is
// reported once; a crash after Stripe accepted a meter event and before the record was updated is
// healed by a re-run that sends the same identifier again (Stripe counts it once); without Stripe
// records are kept locally. Plus invoices from Stripe and the signed subscription webhook.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { BillingJob } from '../src/billing/billing-job.ts';
import { StripeMeterReporter, type MeterReporter } from '../src/billing/meter-reporter.ts';
import type { TokenSource } from '../src/billing/token-source.ts';
import { recordingStripe, stripeMockConfig, type StripeRequest } from './support/billing.ts';
import { freshPostgres, type TestDatabase } from './support/test-db.ts';
import {
  asBrowser,
  makeTestApp,
  signUp,
  TestClock,
  uniqueTenant,
  type Session,
  type TestApp,
} from './support/test-app.ts';

const HOUR = new Date('2026-11-22T09:00:00Z');
const silent = pino({ level: 'silent' });

/** A token source answering fixed figures (what Prometheus says is not under test here). */
const fixed = (figures: Map<string, number>, calls: { n: number } = { n: 0 }): TokenSource => ({
  kind: 'prometheus',
  tokensByTenant: () => {
    calls.n += 1;
    return Promise.resolve(new Map(figures));
  },
});

describe('billing with Stripe (stripe-mock)', () => {
  let database: TestDatabase;
  let t: TestApp;
  let recorder: ReturnType<typeof recordingStripe>;

  beforeAll(async () => {
    database = await freshPostgres();
    recorder = recordingStripe();
    const config = stripeMockConfig();
    t = await makeTestApp({
      db: database.db,
      env: {
        STRIPE_SECRET_KEY: config.secretKey,
        STRIPE_API_BASE: config.apiBase ?? '',
        STRIPE_WEBHOOK_SECRET: config.webhookSecret ?? '',
      },
      deps: { stripe: recorder.stripe, metricsRegistry: new Registry() },
    });
  }, 60_000);

  afterAll(async () => {
    await t.app.close();
    await database.drop();
  }, 30_000);

  const job = (tokens: TokenSource, reporter: MeterReporter | undefined, clock = t.clock): BillingJob =>
    new BillingJob({
      db: database.db,
      clock,
      logger: silent,
      tokens,
      reporter,
      usage: t.services.usageReports,
      graceSeconds: 120,
      lookbackHours: 3,
    });
  const stripeReporter = (): StripeMeterReporter =>
    new StripeMeterReporter(recorder.stripe, t.services.billing.accounts, 'lmo_tokens');
  const meterEvents = (identifier: string): StripeRequest[] =>
    recorder.requests.filter(
      (r) => r.path === '/v1/billing/meter_events' && r.form.get('identifier') === identifier,
    );
  const recordsOf = (tenant: string): Promise<Record<string, unknown>[]> =>
    database.db('billing_records').where({ tenant }).select<Record<string, unknown>[]>('*');

  it('bills an hour run twice once: one record, one meter event', async () => {
    const tenant = uniqueTenant('b');
    const billing = job(fixed(new Map([[tenant, 499.6]])), stripeReporter());

    const first = await billing.runHour(HOUR);
    const second = await billing.runHour(new Date('2026-11-22T09:42:00Z'));

    const identifier = `lmo-${tenant}-2026112209`;
    expect(first.records).toEqual([
      { tenant, hour: HOUR, tokens: 500, state: 'reported', identifier, attempts: 1 },
    ]);
    expect(second.records).toEqual(first.records);
    expect(await recordsOf(tenant)).toHaveLength(1);
    const sent = meterEvents(identifier);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.idempotencyKey).toBe(identifier);
    expect(Object.fromEntries(sent[0]?.form ?? [])).toMatchObject({
      event_name: 'lmo_tokens',
      identifier,
      'payload[value]': '500',
      'payload[stripe_customer_id]': expect.stringMatching(/^cus_/) as unknown,
      timestamp: String(HOUR.getTime() / 1000),
    });
    const customers = recorder.requests.filter(
      (r) => r.path === '/v1/customers' && r.form.get('name') === tenant,
    );
    expect(customers.map((r) => r.idempotencyKey)).toEqual([`lmo-customer-${tenant}`]);
  }, 30_000);

  it('re-sends the same identifier after a crash between Stripe’s answer and the record update', async () => {
    const tenant = uniqueTenant('c');
    const real = stripeReporter();
    let crash = true;
    const crashing: MeterReporter = {
      kind: 'stripe',
      report: async (event) => {
        await real.report(event);
        if (crash) {
          crash = false;
          throw new Error('process killed after Stripe answered');
        }
      },
    };
    const figures = new Map([[tenant, 600]]);
    const billing = job(fixed(figures), crashing);

    const hour = new Date('2026-11-22T08:00:00Z');
    const crashed = await billing.runHour(hour);
    const [pending] = await recordsOf(tenant);
    const unfinished = await database.db('billing_hours').where({ hour }).first<object | undefined>();
    figures.set(tenant, 700); // Prometheus answers a little differently on the re-run
    const healed = await billing.runHour(hour);

    expect(crashed.failed).toEqual([tenant]);
    expect(pending).toMatchObject({ state: 'pending', attempts: 1, tokens: '600' });
    expect(unfinished).toBeUndefined();
    expect(healed.failed).toEqual([]);
    const records = await recordsOf(tenant);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ state: 'reported', attempts: 2, tokens: '600' });
    const sent = meterEvents(`lmo-${tenant}-2026112208`);
    expect(sent).toHaveLength(2);
    expect(
      sent.map((r) => [r.idempotencyKey, r.form.get('identifier'), r.form.get('payload[value]')]),
    ).toEqual([
      [`lmo-${tenant}-2026112208`, `lmo-${tenant}-2026112208`, '600'],
      [`lmo-${tenant}-2026112208`, `lmo-${tenant}-2026112208`, '600'],
    ]);
    expect(await database.db('billing_hours').where({ hour }).first()).toBeDefined();
  }, 30_000);

  it('ticks through closed hours once each, after the grace period', async () => {
    const tenant = uniqueTenant('k');
    const clock = new TestClock(Date.parse('2026-11-23T05:01:00Z'));
    const calls = { n: 0 };
    const billing = job(fixed(new Map([[tenant, 10]]), calls), undefined, clock);

    const early = await billing.tick(); // the last three closed hours; 04:00–05:00 is within its grace
    clock.advance(120_000);
    const later = await billing.tick();
    const again = await billing.tick();

    expect(early.map((r) => r.hour.toISOString())).toEqual([
      '2026-11-23T01:00:00.000Z',
      '2026-11-23T02:00:00.000Z',
      '2026-11-23T03:00:00.000Z',
    ]);
    expect(later.map((r) => r.hour.toISOString())).toEqual(['2026-11-23T04:00:00.000Z']);
    expect(again).toEqual([]);
    expect(calls.n).toBe(4);
    expect((await recordsOf(tenant)).map((r) => r['state'])).toEqual(Array(4).fill('local'));
    expect(meterEvents(`lmo-${tenant}-2026112304`)).toEqual([]);
  }, 30_000);

  it('serves the plans without credentials', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/v1/billing/plans' });
    const plans = response.json<{
      items: { name: string; monthlyPriceCents: number; meteredCentsPerMillionTokens: number }[];
    }>();

    expect(response.statusCode).toBe(200);
    expect(plans.items.map((p) => [p.name, p.monthlyPriceCents, p.meteredCentsPerMillionTokens])).toEqual([
      ['free', 0, 0],
      ['pro', 4_900, 200],
      ['enterprise', 99_900, 120],
    ]);
  });

  describe('invoices and the webhook', () => {
    let session: Session;
    let tenant: string;
    const secret = stripeMockConfig().webhookSecret ?? '';

    beforeAll(async () => {
      tenant = uniqueTenant('w');
      session = await signUp(t.app, { tenant });
    }, 30_000);

    const deliver = async (
      event: object,
      signature?: string,
    ): Promise<{ status: number; body: Record<string, unknown> }> => {
      const payload = JSON.stringify(event);
      const header = signature ?? recorder.stripe.webhooks.generateTestHeaderString({ payload, secret });
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/stripe/webhook',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
        payload,
      });
      return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
    };
    type Change = { id: string; type: string; created: number; status: string; lookupKey: string };
    const subscriptionEvent = ({ id, type, created, status, lookupKey }: Change): object => ({
      id,
      object: 'event',
      type,
      created,
      data: {
        object: {
          id: 'sub_lmo1',
          object: 'subscription',
          customer: 'cus_lmo1',
          status,
          metadata: { lmo_tenant: tenant },
          items: {
            object: 'list',
            data: [{ id: 'si_1', current_period_end: 1_798_000_000, price: { lookup_key: lookupKey } }],
          },
        },
      },
    });
    const billingOf = async (): Promise<Record<string, unknown>> =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/v1/tenants/${tenant}/billing`,
          headers: asBrowser(session),
        })
      ).json<Record<string, unknown>>();

    it('lists the tenant’s invoices from Stripe (owners)', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/v1/tenants/${tenant}/invoices?limit=5`,
        headers: asBrowser(session),
      });
      const listed = recorder.requests.filter((r) => r.path === '/v1/invoices').at(-1);

      expect(response.statusCode).toBe(200);
      const items = response.json<{ items: { id: string; currency: string; periodEnd: string }[] }>().items;
      expect(items.length).toBeGreaterThan(0);
      expect(items[0]).toMatchObject({
        id: expect.stringMatching(/^in_/) as unknown,
        currency: expect.any(String) as unknown,
      });
      expect(listed?.form.get('customer')).toMatch(/^cus_/);
      expect(listed?.form.get('limit')).toBe('5');
    }, 30_000);

    it('applies subscription changes once, in order, and carries the plan into the tenant', async () => {
      const now = Math.floor(Date.now() / 1000);
      const created = await deliver(
        subscriptionEvent({
          id: 'evt_1',
          type: 'customer.subscription.created',
          created: now,
          status: 'active',
          lookupKey: 'lmo_pro',
        }),
      );
      const tenantView = await t.app.inject({
        method: 'GET',
        url: `/v1/tenants/${tenant}`,
        headers: asBrowser(session),
      });

      expect(created).toEqual({
        status: 200,
        body: { received: true, type: 'customer.subscription.created' },
      });
      expect(await billingOf()).toMatchObject({
        plan: 'pro',
        subscriptionStatus: 'active',
        stripeCustomerId: 'cus_lmo1',
      });
      expect(tenantView.json()).toMatchObject({ spec: { plan: 'pro' } });

      // An older update arriving late, and a re-delivery of an applied event, change nothing.
      await deliver(
        subscriptionEvent({
          id: 'evt_0',
          type: 'customer.subscription.updated',
          created: now - 60,
          status: 'past_due',
          lookupKey: 'lmo_pro',
        }),
      );
      await deliver(
        subscriptionEvent({
          id: 'evt_1',
          type: 'customer.subscription.created',
          created: now,
          status: 'incomplete',
          lookupKey: 'lmo_pro',
        }),
      );
      expect(await billingOf()).toMatchObject({ subscriptionStatus: 'active' });

      await deliver(
        subscriptionEvent({
          id: 'evt_2',
          type: 'customer.subscription.deleted',
          created: now + 60,
          status: 'canceled',
          lookupKey: 'lmo_pro',
        }),
      );
      expect(await billingOf()).toMatchObject({ plan: 'free', subscriptionStatus: 'canceled' });
      expect(
        await database.db('stripe_events').whereIn('id', ['evt_0', 'evt_1', 'evt_2']).count('* as n'),
      ).toEqual([{ n: '3' }]);
    }, 30_000);

    it('refuses deliveries whose signature does not verify', async () => {
      const forged = await deliver(
        subscriptionEvent({
          id: 'evt_9',
          type: 'customer.subscription.updated',
          created: 1,
          status: 'active',
          lookupKey: 'lmo_enterprise',
        }),
        't=1,v1=00',
      );
      const wrongSecret = recorder.stripe.webhooks.generateTestHeaderString({
        payload: '{}',
        secret: 'whsec_other',
      });
      const altered = await deliver({ id: 'evt_8' }, wrongSecret);

      expect(forged).toMatchObject({ status: 400, body: { error: { code: 'LMO_BAD_REQUEST' } } });
      expect(altered).toMatchObject({ status: 400, body: { error: { code: 'LMO_BAD_REQUEST' } } });
      expect(await database.db('stripe_events').where({ id: 'evt_9' }).first()).toBeUndefined();
    }, 30_000);
  });
});
