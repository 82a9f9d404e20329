import { LmoError } from '@lmo/contracts';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import type { Clock } from '../clock.ts';
import type { TenantRegistry } from '../tenants/tenant-registry.ts';
import type { UsageReports } from '../usage/usage-reports.ts';
import { BillingAccounts, type BillingAccount } from './billing-accounts.ts';
import { toRecord, type BillingRecord, type RecordRow } from './billing-job.ts';
import { reconcileHour, type ReconciliationRow } from './reconciliation.ts';

/** What {@link BillingService} is built from. */
export interface BillingServiceDeps {
  readonly db: Knex;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly usage: UsageReports;
  readonly registry: TenantRegistry;
  readonly stripe?: Stripe | undefined;
  /** The webhook endpoint's signing secret (`whsec_…`); without it the webhook is refused. */
  readonly webhookSecret?: string | undefined;
}

/** What a webhook delivery did. */
export interface WebhookOutcome {
  readonly type: string;
  /** The account after a subscription change, when one was applied. */
  readonly account?: BillingAccount;
}

const SUBSCRIPTION_EVENTS = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
]);

/**
 * Billing as the routes see it: accounts and invoices (Stripe), billing records, the hour's
 * reconciliation, and the Stripe webhook that keeps subscription state and the tenant's plan.
 */
export class BillingService {
  readonly accounts: BillingAccounts;
  readonly #deps: BillingServiceDeps;

  constructor(deps: BillingServiceDeps) {
    this.#deps = deps;
    this.accounts = new BillingAccounts(deps.db, deps.clock, deps.stripe);
  }

  /** The tenant's billing records, newest hour first. */
  async records(tenant: string, limit: number): Promise<BillingRecord[]> {
    const rows = (await this.#deps
      .db('billing_records')
      .where({ tenant })
      .orderBy('hour', 'desc')
      .limit(limit)) as RecordRow[];
    return rows.map(toRecord);
  }

  /** Billing against analytics for the hour starting at `hour`. */
  reconciliation(hour: Date): Promise<ReconciliationRow[]> {
    return reconcileHour(this.#deps.db, this.#deps.usage, hour);
  }

  /**
   * Verifies and applies a Stripe webhook delivery: `customer.subscription.created`, `.updated`
   * and `.deleted` set the tenant's subscription status and plan (deleted: `free`), and the plan is
   * carried into the tenant's settings; other events are acknowledged and ignored.
   *
   * @throws {LmoError} `LMO_DEPENDENCY_UNAVAILABLE` when Stripe or the signing secret is not
   *   configured; `LMO_BAD_REQUEST` when the signature does not verify (forged, stale or altered).
   */
  async handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
    const { stripe, webhookSecret } = this.#deps;
    if (stripe === undefined || webhookSecret === undefined) {
      throw new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'The Stripe webhook is not configured', {
        details: { dependency: 'stripe' },
      });
    }
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(rawBody, signature ?? '', webhookSecret);
    } catch (error) {
      throw new LmoError('LMO_BAD_REQUEST', 'The Stripe signature does not verify', { cause: error });
    }
    if (!SUBSCRIPTION_EVENTS.has(event.type)) return { type: event.type };
    const account = await this.accounts.applySubscription({
      eventId: event.id,
      eventType: event.type,
      at: new Date(event.created * 1000),
      subscription: event.data.object as Stripe.Subscription,
      deleted: event.type === 'customer.subscription.deleted',
    });
    if (account?.plan != null) await this.#syncPlan(account.tenant, account.plan);
    return account === undefined ? { type: event.type } : { type: event.type, account };
  }

  /** Carries the subscribed plan into the tenant's settings (limits follow the plan). */
  async #syncPlan(tenant: string, plan: NonNullable<BillingAccount['plan']>): Promise<void> {
    const { registry, logger } = this.#deps;
    try {
      if ((await registry.get(tenant)) === undefined) return;
      await registry.update(tenant, (spec) => (spec.plan === plan ? spec : { ...spec, plan }));
      logger.info({ tenant, plan }, 'Applied the subscribed plan');
    } catch (error) {
      logger.warn({ tenant, plan, err: error }, 'Could not carry the subscribed plan into the tenant');
    }
  }
}
