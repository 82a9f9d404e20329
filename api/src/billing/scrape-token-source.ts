/**
 * The billing job's token source without Prometheus (`make dev`): it reads the runtimes' /metrics
 * itself on every tick, keeps every `lmo_tokens_total` series as samples in
 * `token_counter_samples` (`target` is the URL and the series' other labels), and answers a
 * window's tokens per tenant as the sum of its series' increases over the samples in the window,
 * starting from the last sample before it. A drop in a series means its runtime restarted: the new
 * value is all increase, as Prometheus' `increase()` treats a reset.
 */
import { RUNTIME_METRICS } from '@lmo/contracts';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { TokenSource, TokenWindow } from './token-source.ts';

const LINE = new RegExp(`^${RUNTIME_METRICS.tokens.name}\\{([^}]*)\\}\\s+(\\S+)`);

/** One `lmo_tokens_total` series of an exposition: its tenant, its other labels, its value. */
export interface TokenSeries {
  readonly tenant: string;
  /** The series' labels other than `tenant`, as written (`model="m",direction="in"`). */
  readonly labels: string;
  readonly value: number;
}

/**
 * The `lmo_tokens_total` series of a Prometheus text exposition (several runtimes' expositions
 * concatenated are fine); series without a tenant label are skipped.
 */
export function parseTokenSeries(exposition: string): TokenSeries[] {
  const series: TokenSeries[] = [];
  for (const line of exposition.split('\n')) {
    const match = LINE.exec(line.trim());
    const labels = match?.[1] ?? '';
    const tenant = /(?:^|,)\s*tenant="([^"\\]*)"/.exec(labels)?.[1];
    const value = Number(match?.[2]);
    if (tenant === undefined || !Number.isFinite(value)) continue;
    const others = labels
      .split(',')
      .filter((pair) => pair.trim() !== '' && !/^\s*tenant=/.test(pair))
      .join(',');
    series.push({ tenant, labels: others, value });
  }
  return series;
}

/** A counter's increase over consecutive samples, resets counted like Prometheus does. */
export function counterIncrease(values: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < values.length; i += 1) {
    const previous = values[i - 1] ?? 0;
    const value = values[i] ?? 0;
    total += value >= previous ? value - previous : value;
  }
  return total;
}

/** Options of {@link ScrapeTokenSource}. */
export interface ScrapeTokenSourceOptions {
  readonly db: Knex;
  /** The runtimes' /metrics URLs. */
  readonly urls: readonly string[];
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Samples older than this are dropped (default 72 hours). */
  readonly retentionMs?: number;
}

/** Reads the runtimes' /metrics directly (see the module comment). */
export class ScrapeTokenSource implements TokenSource {
  readonly kind = 'scrape';
  readonly #options: ScrapeTokenSourceOptions;

  constructor(options: ScrapeTokenSourceOptions) {
    this.#options = options;
  }

  /** Scrapes every runtime once and stores its counters at `now`; a runtime that fails is skipped. */
  async sample(now: Date): Promise<void> {
    const { db, urls, logger } = this.#options;
    for (const url of urls) {
      let series: TokenSeries[];
      try {
        const response = await (this.#options.fetch ?? fetch)(url, {
          signal: AbortSignal.timeout(this.#options.timeoutMs ?? 10_000),
        });
        if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
        series = parseTokenSeries(await response.text());
      } catch (error) {
        logger.warn({ target: url, err: error }, 'Could not read runtime metrics');
        continue;
      }
      const rows = series.map(({ tenant, labels, value }) => ({
        target: `${url} {${labels}}`,
        tenant,
        at: now,
        value,
      }));
      if (rows.length > 0)
        await db('token_counter_samples').insert(rows).onConflict(['target', 'tenant', 'at']).ignore();
    }
    const horizon = new Date(now.getTime() - (this.#options.retentionMs ?? 72 * 3_600_000));
    await db('token_counter_samples').where('at', '<', horizon).delete();
  }

  async tokensByTenant(window: TokenWindow): Promise<Map<string, number>> {
    const { db } = this.#options;
    // Per series: the samples in (from, to] plus the last one at or before `from` as the baseline.
    const rows = await db('token_counter_samples as s')
      .where('s.at', '<=', window.to)
      .where((q) => {
        void q
          .where('s.at', '>', window.from)
          .orWhere(
            's.at',
            '=',
            db('token_counter_samples as b')
              .max('b.at')
              .where('b.at', '<=', window.from)
              .whereRaw('b.target = s.target and b.tenant = s.tenant'),
          );
      })
      .orderBy(['s.target', 's.tenant', 's.at'])
      .select<{ target: string; tenant: string; value: number }[]>('s.target', 's.tenant', 's.value');
    const series = new Map<string, { tenant: string; values: number[] }>();
    for (const row of rows) {
      const key = `${row.target}\u0000${row.tenant}`;
      const entry = series.get(key) ?? { tenant: row.tenant, values: [] };
      entry.values.push(row.value);
      series.set(key, entry);
    }
    const tokens = new Map<string, number>();
    for (const { tenant, values } of series.values()) {
      tokens.set(tenant, (tokens.get(tenant) ?? 0) + counterIncrease(values));
    }
    return tokens;
  }
}
