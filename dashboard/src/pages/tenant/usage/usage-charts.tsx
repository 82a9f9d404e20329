/** The Usage page's charts: requests, tokens, cache hit rate and latency per bucket, per key or model. */
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCompact, formatDuration, formatPercent } from '../../../format/format.ts';
import {
  bucketLabel,
  bucketStarts,
  fillBuckets,
  groupBuckets,
  OTHER_GROUP,
  rowsOfGroups,
  rowsOfMetrics,
  type ChartRow,
  type Granularity,
  type GroupBy,
  type LatencyMetric,
  type Metric,
  type UsageAnswer,
} from './usage-data.ts';

/** Series colours, distinguishable and readable on white. */
const COLORS = ['#2457d6', '#e07b00', '#137333', '#b42318', '#7b3fc4', '#00838f', '#6b7280'];
const color = (index: number): string => COLORS[index % COLORS.length] ?? '#2457d6';

/** One plotted series. */
interface Series {
  readonly name: string;
  readonly color: string;
}

/** Props shared by both chart kinds. */
interface ChartProps {
  readonly title: string;
  readonly rows: readonly ChartRow[];
  readonly series: readonly Series[];
  readonly format: (value: number) => string;
  readonly label: (bucket: string) => string;
  /** Bars stacked (the default) or side by side. */
  readonly stacked?: boolean;
  readonly domain?: readonly [number, number];
}

const tooltipValue = (format: (value: number) => string) => (value: unknown) =>
  typeof value === 'number' ? format(value) : '—';

const tooltipLabel = (label: (bucket: string) => string) => (value: ReactNode) =>
  typeof value === 'string' ? label(value) : value;

function Frame({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <figure className="chart" aria-label={title}>
      <h3>{title}</h3>
      <ResponsiveContainer width="100%" height={220}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** A bar chart of per-bucket counts. */
export function UsageBarChart({ title, rows, series, format, label, stacked = true }: ChartProps): ReactNode {
  return (
    <Frame title={title}>
      <BarChart data={[...rows]} margin={{ top: 5, right: 10, bottom: 5, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="bucket" tickFormatter={label} minTickGap={16} />
        <YAxis tickFormatter={format} width={64} allowDecimals={false} />
        <Tooltip formatter={tooltipValue(format)} labelFormatter={tooltipLabel(label)} />
        <Legend itemSorter={null} />
        {series.map((s, index) => (
          <Bar
            key={s.name}
            dataKey={`s${index}`}
            name={s.name}
            fill={s.color}
            {...(stacked ? { stackId: 'all' } : {})}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Frame>
  );
}

/** A line chart of per-bucket rates or durations; gaps where a bucket had no requests. */
export function UsageLineChart({ title, rows, series, format, label, domain }: ChartProps): ReactNode {
  return (
    <Frame title={title}>
      <LineChart data={[...rows]} margin={{ top: 5, right: 10, bottom: 5, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="bucket" tickFormatter={label} minTickGap={16} />
        <YAxis tickFormatter={format} width={64} {...(domain === undefined ? {} : { domain: [...domain] })} />
        <Tooltip formatter={tooltipValue(format)} labelFormatter={tooltipLabel(label)} />
        <Legend itemSorter={null} />
        {series.map((s, index) => (
          <Line
            key={s.name}
            type="monotone"
            dataKey={`s${index}`}
            name={s.name}
            stroke={s.color}
            dot={rows.length <= 48}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </Frame>
  );
}

/** Props of {@link UsageCharts}. */
export interface UsageChartsProps {
  readonly usage: UsageAnswer;
  readonly groupBy: GroupBy | null;
  /** Display names of groups (key id → key name); unknown ids show as they are. */
  readonly names: ReadonlyMap<string, string>;
}

const percentAxis = (value: number): string => formatPercent(value);
const durationAxis = (value: number): string => formatDuration(value);

interface Plot {
  readonly rows: (metrics: readonly (Metric | LatencyMetric)[]) => ChartRow[];
  readonly series: (names: readonly string[]) => Series[];
}

function ungroupedPlot(usage: UsageAnswer, buckets: readonly string[]): Plot {
  const filled = fillBuckets(usage.items, buckets);
  return {
    rows: (metrics) => rowsOfMetrics(filled, metrics),
    series: (names) => names.map((name, index) => ({ name, color: color(index) })),
  };
}

/** The four charts of a usage answer, per key or model when grouped. */
export function UsageCharts({ usage, groupBy, names }: UsageChartsProps): ReactNode {
  const buckets = bucketStarts(usage.from, usage.to, usage.granularity);
  const label = labeller(usage.granularity, buckets);
  if (groupBy !== null) return <GroupedCharts usage={usage} buckets={buckets} names={names} label={label} />;
  const plot = ungroupedPlot(usage, buckets);
  return (
    <div className="usage-charts">
      <UsageBarChart
        title="Requests"
        rows={plot.rows(['succeeded', 'errors'])}
        series={[
          { name: 'Succeeded', color: color(0) },
          { name: 'Failed', color: color(3) },
        ]}
        format={formatCompact}
        label={label}
      />
      <UsageBarChart
        title="Tokens"
        rows={plot.rows(['tokensIn', 'tokensOut'])}
        series={plot.series(['Tokens in', 'Tokens out'])}
        format={formatCompact}
        label={label}
      />
      <UsageLineChart
        title="Cache hit rate"
        rows={plot.rows(['hitRate'])}
        series={[{ name: 'Answered from cache', color: color(2) }]}
        format={percentAxis}
        label={label}
        domain={[0, 1]}
      />
      <UsageLineChart
        title="Latency"
        rows={plot.rows(['avgLatencyMs', 'maxLatencyMs'])}
        series={plot.series(['Average', 'Maximum'])}
        format={durationAxis}
        label={label}
      />
    </div>
  );
}

function labeller(granularity: Granularity, buckets: readonly string[]): (bucket: string) => string {
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  const spansDays =
    first !== undefined && last !== undefined && Date.parse(last) - Date.parse(first) >= 86_400_000;
  return (bucket) => bucketLabel(bucket, granularity, spansDays);
}

function GroupedCharts({
  usage,
  buckets,
  names,
  label,
}: {
  usage: UsageAnswer;
  buckets: readonly string[];
  names: ReadonlyMap<string, string>;
  label: (bucket: string) => string;
}): ReactNode {
  const grouped = groupBuckets(usage.items, buckets);
  const series = grouped.groups.map((group, index) => ({
    name: group === OTHER_GROUP ? 'Other' : (names.get(group) ?? group),
    color: color(index),
  }));
  return (
    <div className="usage-charts">
      <UsageBarChart
        title="Requests"
        rows={rowsOfGroups(grouped, 'requests')}
        series={series}
        format={formatCompact}
        label={label}
      />
      <UsageBarChart
        title="Tokens (in + out)"
        rows={rowsOfGroups(grouped, 'tokens')}
        series={series}
        format={formatCompact}
        label={label}
      />
      <UsageLineChart
        title="Cache hit rate"
        rows={rowsOfGroups(grouped, 'hitRate')}
        series={series}
        format={percentAxis}
        label={label}
        domain={[0, 1]}
      />
      <UsageLineChart
        title="Average latency"
        rows={rowsOfGroups(grouped, 'avgLatencyMs')}
        series={series}
        format={durationAxis}
        label={label}
      />
    </div>
  );
}
