import type { Knex } from 'knex';
import { Gauge, type Registry } from 'prom-client';
import type { UsageReports } from '../usage/usage-reports.ts';

/** Billing's figure of a tenant's hour against the analytics rollup's. */
export interface ReconciliationRow {
  readonly tenant: string;
  /** Tokens billed (Prometheus or the direct scrape): the billing record, 0 without one. */
  readonly meteredTokens: number;
  /** Tokens the usage events add up to (the Kafka-fed hour rollups). */
  readonly analyticsTokens: number;
  /** metered − analytics. */
  readonly difference: number;
  /** The billing record's state, or null without a record. */
  readonly state: string | null;
}

/** The gauge's name on the API's /metrics. */
export const RECONCILIATION_GAUGE = 'lmo_billing_reconciliation_difference_tokens';

/** The reconciliation gauge in `registry` (one per registry, however many jobs ask). */
export function reconciliationGauge(registry: Registry): Gauge<'tenant'> {
  const existing = registry.getSingleMetric(RECONCILIATION_GAUGE);
  if (existing !== undefined) return existing as Gauge<'tenant'>;
  return new Gauge({
    name: RECONCILIATION_GAUGE,
    help: "Tokens billed minus tokens in the usage analytics for a tenant's last billed hour.",
    labelNames: ['tenant'] as const,
    registers: [registry],
  });
}

/**
 * Compares an hour's billing records with the analytics rollups of the same hour, per tenant (every
 * tenant with either figure), sorted by tenant. The two disagree a little by nature: Prometheus
 * extrapolates `increase()` and misses what a runtime counted before its first scrape, and events
 * may arrive late; a large or growing difference points at a lost scrape or lost events.
 */
export async function reconcileHour(db: Knex, usage: UsageReports, hour: Date): Promise<ReconciliationRow[]> {
  const records = await db('billing_records')
    .where({ hour })
    .select<{ tenant: string; tokens: string | number; state: string }[]>('tenant', 'tokens', 'state');
  const analytics = await usage.tokensByTenant(hour);
  const metered = new Map(records.map((r) => [r.tenant, { tokens: Number(r.tokens), state: r.state }]));
  const tenants = [...new Set([...metered.keys(), ...analytics.keys()])].sort();
  return tenants.map((tenant) => {
    const meteredTokens = metered.get(tenant)?.tokens ?? 0;
    const analyticsTokens = analytics.get(tenant) ?? 0;
    return {
      tenant,
      meteredTokens,
      analyticsTokens,
      difference: meteredTokens - analyticsTokens,
      state: metered.get(tenant)?.state ?? null,
    };
  });
}
