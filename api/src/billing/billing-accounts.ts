import { LmoError, type TenantPlan } from '@lmo/contracts';
import type { Knex } from 'knex';
import type Stripe from 'stripe';
import type { Clock } from '../clock.ts';
import { planOf } from './billing-plans.ts';

/** A tenant's billing state. */
export interface BillingAccount {
  readonly tenant: string;
  readonly stripeCustomerId: string | null;
  /** The plan its subscription is for, as Stripe last said; null before any subscription. */
  readonly plan: TenantPlan | null;
  readonly subscriptionId: string | null;
  /** Stripe's subscription status (`active`, `past_due`, `canceled`, ...). */
  readonly subscriptionStatus: string | null;
  readonly currentPeriodEnd: Date | null;
}

/** An invoice as listed. */
export interface InvoiceSummary {
  readonly id: string;
  readonly number: string | null;
  readonly status: string | null;
  readonly currency: string;
  readonly amountDue: number;
  readonly amountPaid: number;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly created: Date;
  readonly hostedInvoiceUrl: string | null;
  readonly invoicePdf: string | null;
}

/** A subscription change to apply: what a `customer.subscription.*` webhook event says. */
export interface SubscriptionChange {
  readonly eventId: string;
  readonly eventType: string;
  /** When Stripe made the event; older changes than the last applied one are ignored. */
  readonly at: Date;
  readonly subscription: Stripe.Subscription;
  readonly deleted: boolean;
}

interface AccountRow {
  tenant: string;
  stripe_customer_id: string | null;
  plan: string | null;
  subscription_id: string | null;
  subscription_status: string | null;
  current_period_end: Date | null;
  subscription_changed_at: Date | null;
}

const toAccount = (row: AccountRow): BillingAccount => ({
  tenant: row.tenant,
  stripeCustomerId: row.stripe_customer_id,
  plan: planOf(row.plan) ?? null,
  subscriptionId: row.subscription_id,
  subscriptionStatus: row.subscription_status,
  currentPeriodEnd: row.current_period_end === null ? null : new Date(row.current_period_end),
});

const customerIdOf = (customer: string | { id: string }): string =>
  typeof customer === 'string' ? customer : customer.id;

function noStripe(): LmoError {
  return new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'Billing with Stripe is not configured', {
    details: { dependency: 'stripe' },
  });
}

/**
 * Tenants' Stripe side: one customer per tenant (created on first need, with an idempotency key
 * so that two replicas racing create one), invoices read from Stripe, and the subscription state
 * the webhook reports. Without Stripe configured, reads answer what the database knows and Stripe
 * calls answer `LMO_DEPENDENCY_UNAVAILABLE`.
 */
export class BillingAccounts {
  readonly #db: Knex;
  readonly #clock: Clock;
  readonly #stripe: Stripe | undefined;

  constructor(db: Knex, clock: Clock, stripe?: Stripe) {
    this.#db = db;
    this.#clock = clock;
    this.#stripe = stripe;
  }

  /** Whether Stripe is configured. */
  get stripeEnabled(): boolean {
    return this.#stripe !== undefined;
  }

  /** The tenant's account, if it has one. */
  async get(tenant: string): Promise<BillingAccount | undefined> {
    const row = (await this.#db('billing_accounts').where({ tenant }).first()) as AccountRow | undefined;
    return row === undefined ? undefined : toAccount(row);
  }

  /** The tenant's Stripe customer id, creating the customer on first need. */
  async ensureCustomer(tenant: string): Promise<string> {
    const stripe = this.#stripe;
    if (stripe === undefined) throw noStripe();
    const known = await this.get(tenant);
    if (known?.stripeCustomerId != null) return known.stripeCustomerId;
    const customer = await stripe.customers.create(
      { name: tenant, metadata: { lmo_tenant: tenant } },
      { idempotencyKey: `lmo-customer-${tenant}` },
    );
    const now = this.#clock.now();
    await this.#db('billing_accounts')
      .insert({ tenant, stripe_customer_id: customer.id, created_at: now, updated_at: now })
      .onConflict('tenant')
      .merge({
        stripe_customer_id: this.#db.raw(
          'coalesce(billing_accounts.stripe_customer_id, excluded.stripe_customer_id)',
        ),
        updated_at: now,
      });
    return (await this.get(tenant))?.stripeCustomerId ?? customer.id;
  }

  /** The tenant's invoices, newest first, from Stripe. */
  async invoices(tenant: string, limit: number): Promise<InvoiceSummary[]> {
    const stripe = this.#stripe;
    if (stripe === undefined) throw noStripe();
    const customer = await this.ensureCustomer(tenant);
    const page = await stripe.invoices.list({ customer, limit });
    return page.data.map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      currency: invoice.currency,
      amountDue: invoice.amount_due,
      amountPaid: invoice.amount_paid,
      periodStart: new Date(invoice.period_start * 1000),
      periodEnd: new Date(invoice.period_end * 1000),
      created: new Date(invoice.created * 1000),
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
      invoicePdf: invoice.invoice_pdf ?? null,
    }));
  }

  /**
   * Applies a subscription change once: the event id is recorded in the same transaction (a
   * re-delivered event changes nothing) and a change older than the last applied one is ignored
   * (Stripe does not promise order). The tenant is the subscription's `metadata.lmo_tenant`, else
   * the owner of its customer. Answers the account after the change, or undefined when the event
   * was already applied, stale, or names no tenant this API knows.
   */
  async applySubscription(change: SubscriptionChange): Promise<BillingAccount | undefined> {
    const { subscription } = change;
    const customer = customerIdOf(subscription.customer);
    const tenant = subscription.metadata['lmo_tenant'] ?? (await this.#tenantOfCustomer(customer));
    if (tenant === undefined) return undefined;
    const item = subscription.items.data[0];
    const plan = change.deleted
      ? 'free'
      : (planOf(subscription.metadata['lmo_plan']) ?? planOf(item?.price.lookup_key));
    const now = this.#clock.now();
    return this.#db.transaction(async (trx) => {
      const fresh = await trx('stripe_events')
        .insert({ id: change.eventId, type: change.eventType, received_at: now })
        .onConflict('id')
        .ignore()
        .returning('id');
      if (fresh.length === 0) return undefined;
      await trx('billing_accounts')
        .insert({ tenant, stripe_customer_id: customer, created_at: now, updated_at: now })
        .onConflict('tenant')
        .ignore();
      const updated = await trx('billing_accounts')
        .where({ tenant })
        .andWhere((q) => {
          void q.whereNull('subscription_changed_at').orWhere('subscription_changed_at', '<=', change.at);
        })
        .update({
          stripe_customer_id: customer,
          subscription_id: subscription.id,
          subscription_status: change.deleted ? 'canceled' : subscription.status,
          ...(plan === undefined ? {} : { plan }),
          current_period_end: item === undefined ? null : new Date(item.current_period_end * 1000),
          subscription_changed_at: change.at,
          updated_at: now,
        })
        .returning<AccountRow[]>('*');
      const row = updated[0];
      return row === undefined ? undefined : toAccount(row);
    });
  }

  async #tenantOfCustomer(customer: string): Promise<string | undefined> {
    const rows = await this.#db('billing_accounts')
      .where({ stripe_customer_id: customer })
      .select<{ tenant: string }[]>('tenant');
    return rows.length === 1 ? rows[0]?.tenant : undefined;
  }
}
