import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Gauge } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { UsageReports } from '../usage/usage-reports.ts';
import { hourOf } from '../usage/usage-fold.ts';
import type { MeterReporter } from './meter-reporter.ts';
import { reconcileHour } from './reconciliation.ts';
import { billingIdentifier, type TokenSource, type TokenWindow } from './token-source.ts';

const HOUR_MS = 3_600_000;

/** What the job is built from. */
export interface BillingJobDeps {
  readonly db: Knex;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly tokens: TokenSource;
  /** Stripe's meter; absent, records are kept as `local` and nothing is reported. */
  readonly reporter?: MeterReporter | undefined;
  readonly usage: UsageReports;
  /** `lmo_billing_reconciliation_difference_tokens{tenant}`, set for each billed hour. */
  readonly gauge?: Gauge<'tenant'> | undefined;
  /** Wait this long after an hour ends before billing it (Prometheus' last scrapes). */
  readonly graceSeconds: number;
  /** Closed hours further back than this are not caught up. */
  readonly lookbackHours: number;
}

/** A tenant's billing record of an hour. */
export interface BillingRecord {
  readonly tenant: string;
  readonly hour: Date;
  readonly tokens: number;
  readonly state: 'pending' | 'reported' | 'local';
  readonly identifier: string;
  readonly attempts: number;
}

/** What running one hour did. */
export interface HourResult {
  readonly hour: Date;
  readonly records: readonly BillingRecord[];
  /** Tenants whose report failed; the hour is retried on the next tick. */
  readonly failed: readonly string[];
}

/** A `billing_records` row. */
export interface RecordRow {
  tenant: string;
  hour: Date;
  tokens: string | number;
  state: BillingRecord['state'];
  identifier: string;
  attempts: number;
}

/** A billing record from its row. */
export const toRecord = (row: RecordRow): BillingRecord => ({
  tenant: row.tenant,
  hour: new Date(row.hour),
  tokens: Number(row.tokens),
  state: row.state,
  identifier: row.identifier,
  attempts: row.attempts,
});

/**
 * The hourly billing job. For each closed hour (ended more than the grace period ago, within the
 * lookback) not yet finished, it reads every tenant's tokens from the {@link TokenSource}, writes a
 * billing record per tenant and hour (unique), reports it to the {@link MeterReporter}, and compares
 * it with the analytics rollup of the same hour.
 *
 * Never billing twice rests on the record's state machine: a record is written `pending` before
 * anything is sent (its figure and identifier are fixed then; a re-run keeps them), becomes
 * `reported` only after Stripe accepted it, and a re-run sends only `pending` records, with the same
 * identifier and idempotency key. A crash between Stripe's answer and the update re-sends the same
 * event, which Stripe counts once; a crash before sending sends it for the first time.
 */
export class BillingJob {
  readonly #deps: BillingJobDeps;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(deps: BillingJobDeps) {
    this.#deps = deps;
  }

  /** Ticks now and every `intervalMs` until {@link stop}. */
  start(intervalMs: number): void {
    this.#stopped = false;
    const loop = (delay: number): void => {
      this.#timer = setTimeout(() => {
        this.#running = this.tick()
          .then(() => undefined)
          .catch((error: unknown) => {
            this.#deps.logger.warn({ err: error }, 'Billing tick failed; retrying at the next one');
          })
          .finally(() => {
            if (!this.#stopped) loop(intervalMs);
          });
      }, delay);
    };
    loop(0);
  }

  /** Stops ticking; resolves when a tick in progress has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    await this.#running;
  }

  /** Samples the source if it samples, then bills every closed, unfinished hour, oldest first. */
  async tick(): Promise<HourResult[]> {
    const { db, clock, tokens, graceSeconds, lookbackHours } = this.#deps;
    const now = clock.now();
    await tokens.sample?.(now);
    const last = hourOf(new Date(now.getTime() - graceSeconds * 1000 - HOUR_MS));
    const first = new Date(last.getTime() - (lookbackHours - 1) * HOUR_MS);
    const done = new Set(
      (await db('billing_hours').where('hour', '>=', first).select<{ hour: Date }[]>('hour')).map((r) =>
        new Date(r.hour).getTime(),
      ),
    );
    const results: HourResult[] = [];
    for (let at = first.getTime(); at <= last.getTime(); at += HOUR_MS) {
      if (!done.has(at)) results.push(await this.runHour(new Date(at)));
    }
    return results;
  }

  /**
   * Bills one hour: its tokens measured over `window` (the hour itself unless given: a window must
   * lie inside the hour, e.g. to bill only the minutes a tenant existed). Marks the hour finished
   * when every tenant's record is reported (or kept locally).
   */
  async runHour(hour: Date, window?: TokenWindow): Promise<HourResult> {
    const { db, clock, logger, tokens } = this.#deps;
    const start = hourOf(hour);
    const measured = window ?? { from: start, to: new Date(start.getTime() + HOUR_MS) };
    const figures = await tokens.tokensByTenant(measured);
    const records: BillingRecord[] = [];
    const failed: string[] = [];
    for (const [tenant, value] of [...figures].sort(([a], [b]) => a.localeCompare(b))) {
      const count = Math.round(value);
      if (count <= 0) continue;
      try {
        records.push(await this.#bill(tenant, start, count));
      } catch (error) {
        failed.push(tenant);
        logger.warn({ tenant, hour: start.toISOString(), err: error }, 'Reporting billed tokens failed');
      }
    }
    await this.#reconcile(start);
    if (failed.length === 0) {
      await db('billing_hours')
        .insert({ hour: start, tenants: records.length, completed_at: clock.now() })
        .onConflict('hour')
        .ignore();
      logger.info({ hour: start.toISOString(), tenants: records.length, source: tokens.kind }, 'Billed hour');
    }
    return { hour: start, records, failed };
  }

  async #bill(tenant: string, hour: Date, tokens: number): Promise<BillingRecord> {
    const { db, clock, reporter } = this.#deps;
    const now = clock.now();
    await db('billing_records')
      .insert({
        id: randomUUID(),
        tenant,
        hour,
        tokens,
        source: this.#deps.tokens.kind,
        state: reporter === undefined ? 'local' : 'pending',
        identifier: billingIdentifier(tenant, hour),
        attempts: 0,
        created_at: now,
        updated_at: now,
      })
      .onConflict(['tenant', 'hour'])
      .ignore();
    const row = (await db('billing_records').where({ tenant, hour }).first()) as RecordRow;
    if (row.state !== 'pending' || reporter === undefined) return toRecord(row);
    // The figure and identifier of a pending record are what was (or may have been) sent before.
    await db('billing_records').where({ tenant, hour }).increment('attempts', 1);
    await reporter.report({ tenant, hour, tokens: Number(row.tokens), identifier: row.identifier });
    const reported = await db('billing_records')
      .where({ tenant, hour, state: 'pending' })
      .update({ state: 'reported', reported_at: clock.now(), updated_at: clock.now() })
      .returning<RecordRow[]>('*');
    return toRecord(
      reported[0] ?? ((await db('billing_records').where({ tenant, hour }).first()) as RecordRow),
    );
  }

  async #reconcile(hour: Date): Promise<void> {
    const { gauge } = this.#deps;
    if (gauge === undefined) return;
    for (const row of await reconcileHour(this.#deps.db, this.#deps.usage, hour)) {
      gauge.set({ tenant: row.tenant }, row.difference);
    }
  }
}
