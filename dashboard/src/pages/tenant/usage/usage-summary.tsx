/** The Usage page's summary cards: the range's totals. */
import type { ReactNode } from 'react';
import { formatCount, formatDuration, formatPercent } from '../../../format/format.ts';
import { hitRate, type Totals } from './usage-data.ts';

function Stat({
  label,
  value,
  detail,
}: {
  label: string;
  value: string;
  detail?: string | undefined;
}): ReactNode {
  return (
    <section className="card" aria-label={label}>
      <h3 className="muted stat-label">{label}</h3>
      <div className="stat">{value}</div>
      {detail === undefined ? null : <small className="muted">{detail}</small>}
    </section>
  );
}

/** Totals of the range: requests and failures, tokens in and out, cache hits, latency. */
export function UsageSummary({ totals }: { totals: Totals }): ReactNode {
  const rate = hitRate(totals);
  const failed = totals.errors === 0 ? 'none failed' : `${formatCount(totals.errors)} failed`;
  return (
    <div className="cards usage-summary">
      <Stat label="Requests" value={formatCount(totals.requests)} detail={failed} />
      <Stat label="Tokens in" value={formatCount(totals.tokensIn)} detail="prompts sent to the model" />
      <Stat label="Tokens out" value={formatCount(totals.tokensOut)} detail="answers from the model" />
      <Stat
        label="Cache hit rate"
        value={rate === null ? '—' : formatPercent(rate)}
        detail={`${formatCount(totals.cached)} answered from the cache`}
      />
      <Stat
        label="Average latency"
        value={totals.requests === 0 ? '—' : formatDuration(totals.avgLatencyMs)}
        detail={totals.requests === 0 ? undefined : `slowest ${formatDuration(totals.maxLatencyMs)}`}
      />
    </div>
  );
}
