// The load generator: HTTP requests over an undici Pool of keep-alive connections (one per
// simulated client), either closed-loop (each client sends its next request when the last one
// answered: the most the server does) or open-loop (requests start at a fixed total rate whatever
// the answers do: latency at a given load). Only requests that start after the warm-up and end
// before the deadline count.
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { round, summarize, type LatencySummary } from './stats.ts';

/** One request to send (the pool holds the origin). */
export interface LoadRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Whether an answer counts as a success. */
export type ResponseCheck = (status: number, body: string) => boolean;

/** Makes request number `i` (0, 1, ...). */
export type RequestFactory = (i: number) => LoadRequest;

/** One request's outcome: a failure label (undefined: success), the body, and optionally its own latency. */
export interface Sample {
  readonly outcome: string | undefined;
  readonly body: string;
  /** Overrides the whole request's duration (e.g. time to the first streamed token). */
  readonly ms?: number;
}

/** Sends one request and tells how it went. */
export type Sender = (pool: Pool, request: LoadRequest) => Promise<Sample>;

/** What every run takes. */
export interface RunWindow {
  readonly durationMs: number;
  readonly warmupMs: number;
  /** Default: {@link checkedSender} with status 200. */
  readonly sender?: Sender;
}

/** Figures of one run (the measured window only), with the raw latencies for merging. */
export interface LoadResult {
  readonly latency: LatencySummary;
  readonly ok: number;
  readonly failed: number;
  /** Failed requests by status (or `error`), with one body as a sample. */
  readonly failures: Readonly<Record<string, number>>;
  readonly failureSample?: string;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Every request that got an HTTP answer, success or not, warm-up included (each is one usage event). */
  readonly respondedInAll: number;
  readonly latencies: readonly number[];
}

/** A pool of `connections` keep-alive connections to `origin`, no pipelining. */
export function createPool(origin: string, connections: number): Pool {
  return new Pool(origin, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 60_000,
  });
}

/** A sender that POSTs, reads the whole body and applies `check`. */
export function checkedSender(check: ResponseCheck): Sender {
  return async (pool, request) => {
    try {
      const response = await pool.request({
        method: 'POST',
        path: request.path,
        headers: request.headers,
        body: request.body,
      });
      const body = await response.body.text();
      return { outcome: check(response.statusCode, body) ? undefined : String(response.statusCode), body };
    } catch (error) {
      return { outcome: 'error', body: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** Collects outcomes inside the window. */
class Recorder {
  readonly latencies: number[] = [];
  readonly failures: Record<string, number> = {};
  failureSample: string | undefined;
  responded = 0;
  failed = 0;
  readonly #from: number;
  readonly #to: number;

  constructor(from: number, to: number) {
    this.#from = from;
    this.#to = to;
  }

  record(started: number, ended: number, sample: Sample): void {
    if (sample.outcome !== 'error') this.responded += 1;
    if (started < this.#from || ended > this.#to) return;
    if (sample.outcome === undefined) {
      this.latencies.push(sample.ms ?? ended - started);
      return;
    }
    this.failed += 1;
    this.failures[sample.outcome] = (this.failures[sample.outcome] ?? 0) + 1;
    this.failureSample ??= sample.body.slice(0, 300);
  }

  result(): LoadResult {
    const { failed, failures, failureSample, responded } = this;
    return toResult(this.latencies, {
      failed,
      failures,
      failureSample,
      responded,
      seconds: (this.#to - this.#from) / 1000,
    });
  }
}

function toResult(
  latencies: readonly number[],
  counts: {
    failed: number;
    failures: Record<string, number>;
    failureSample: string | undefined;
    seconds: number;
    responded: number;
  },
): LoadResult {
  return {
    latency: summarize(latencies),
    ok: latencies.length,
    failed: counts.failed,
    failures: counts.failures,
    ...(counts.failureSample === undefined ? {} : { failureSample: counts.failureSample }),
    seconds: round(counts.seconds, 1),
    requestsPerSecond: Math.round(latencies.length / counts.seconds),
    respondedInAll: counts.responded,
    latencies,
  };
}

/** Several runs of the same thing (rounds) as one: latencies pooled, counts and seconds added. Pure. */
export function mergeResults(results: readonly LoadResult[]): LoadResult {
  const failures: Record<string, number> = {};
  for (const r of results)
    for (const [k, n] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + n;
  return toResult(
    results.flatMap((r) => r.latencies),
    {
      failed: results.reduce((sum, r) => sum + r.failed, 0),
      failures,
      failureSample: results.find((r) => r.failureSample !== undefined)?.failureSample,
      seconds: results.reduce((sum, r) => sum + r.seconds, 0),
      responded: results.reduce((sum, r) => sum + r.respondedInAll, 0),
    },
  );
}

/** Closed loop: `concurrency` clients, each sending back to back for the duration. */
export async function closedLoop(
  pool: Pool,
  make: RequestFactory,
  options: RunWindow & { readonly concurrency: number },
): Promise<LoadResult> {
  const start = performance.now();
  const end = start + options.warmupMs + options.durationMs;
  const recorder = new Recorder(start + options.warmupMs, end);
  const send = options.sender ?? checkedSender((status) => status === 200);
  let next = 0;
  const client = async (): Promise<void> => {
    while (performance.now() < end) {
      const request = make(next++);
      const started = performance.now();
      const sample = await send(pool, request);
      recorder.record(started, performance.now(), sample);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return recorder.result();
}

/**
 * Open loop: requests start at `rate` per second in total, spread over the pool's connections
 * (a request waits for a free connection when all are busy; that wait counts in its latency).
 */
export async function openLoop(
  pool: Pool,
  make: RequestFactory,
  options: RunWindow & { readonly rate: number },
): Promise<LoadResult> {
  const start = performance.now();
  const end = start + options.warmupMs + options.durationMs;
  const recorder = new Recorder(start + options.warmupMs, end);
  const send = options.sender ?? checkedSender((status) => status === 200);
  const pending = new Set<Promise<void>>();
  let sent = 0;
  const fire = (i: number): void => {
    const started = performance.now();
    const request = send(pool, make(i)).then((sample) => {
      recorder.record(started, performance.now(), sample);
      pending.delete(request);
    });
    pending.add(request);
  };
  for (let now = start; now < end; now = performance.now()) {
    const due = Math.floor(((now - start) * options.rate) / 1000);
    while (sent < due) fire(sent++);
    await sleep(1);
  }
  await Promise.all(pending);
  return recorder.result();
}
