// Pure arithmetic of the MCP runtime benchmark: latency percentiles and the slope of a series.

/** Latency figures of one measured run, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** The `p`-th percentile (0–100) of ascending `sorted`, nearest rank; NaN when empty. Pure. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

/** Rounds to `digits` decimals (3 by default: microseconds of a millisecond figure). Pure. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Percentiles, maximum and mean of `latencies` (ms). Pure. */
export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(mean),
  };
}

/** `through − direct` at the median and p99 (ms), the figures the targets are about. Pure. */
export function addedLatency(
  through: LatencySummary,
  direct: LatencySummary,
): { readonly p50: number; readonly p99: number } {
  return { p50: round(through.p50 - direct.p50), p99: round(through.p99 - direct.p99) };
}

/** Least-squares slope of `y` over `x` (units of y per unit of x); 0 with fewer than two points. Pure. */
export function slope(points: readonly { readonly x: number; readonly y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - meanX) * (p.y - meanY);
    den += (p.x - meanX) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Bytes as MiB with one decimal. Pure. */
export const mib = (bytes: number): number => round(bytes / 2 ** 20, 1);

/** Bytes as KiB with one decimal. Pure. */
export const kib = (bytes: number): number => round(bytes / 1024, 1);
