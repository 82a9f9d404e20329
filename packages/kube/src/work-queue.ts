/**
 * A work queue of keys in the manner of client-go's: a key waits at most
 * once, a key is never handed to two workers at once (a key added while it
 * is processed runs again afterwards), failed keys come back after a capped
 * exponential delay, and successful keys may ask to come back after a while.
 */

/** What a handler tells the queue about a key it processed. */
export interface HandlerResult {
  /** Process the key again after this many milliseconds (periodic checks). */
  readonly requeueAfterMs?: number;
}

export type KeyHandler = (key: string) => Promise<HandlerResult | undefined>;

/** Timers and backoff, passed in so tests control time. */
export interface WorkQueueOptions {
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => { cancel(): void };
  /** Called with the error of a failed key, before it is requeued. */
  readonly onError?: (key: string, error: unknown, retryInMs: number) => void;
}

const defaultTimer = (fn: () => void, ms: number): { cancel(): void } => {
  const t = setTimeout(fn, ms);
  t.unref();
  return {
    cancel: () => {
      clearTimeout(t);
    },
  };
};

/** The delay before retry number `failures` (1-based): base × 2^(failures−1), capped. Pure. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
}

export class WorkQueue {
  readonly #queue: string[] = [];
  readonly #queued = new Set<string>();
  readonly #processing = new Set<string>();
  readonly #dirty = new Set<string>();
  readonly #failures = new Map<string, number>();
  readonly #timers = new Map<string, { cancel(): void }>();
  readonly #waiters: (() => void)[] = [];
  readonly #options: Required<Omit<WorkQueueOptions, 'onError'>>;
  readonly #onError: WorkQueueOptions['onError'];
  #shuttingDown = false;

  constructor(options: WorkQueueOptions = {}) {
    this.#options = {
      baseDelayMs: options.baseDelayMs ?? 200,
      maxDelayMs: options.maxDelayMs ?? 60_000,
      setTimer: options.setTimer ?? defaultTimer,
    };
    this.#onError = options.onError;
  }

  /** Keys waiting (not counting those being processed). */
  get depth(): number {
    return this.#queue.length;
  }

  /** Adds a key now; a no-op when it already waits, deferred when it is being processed. */
  add(key: string): void {
    if (this.#shuttingDown) return;
    if (this.#processing.has(key)) {
      this.#dirty.add(key);
      return;
    }
    if (this.#queued.has(key)) return;
    this.#queued.add(key);
    this.#queue.push(key);
    this.#waiters.shift()?.();
  }

  /** Adds a key after `ms`; an earlier pending delayed add of the same key is replaced. */
  addAfter(key: string, ms: number): void {
    if (this.#shuttingDown) return;
    this.#timers.get(key)?.cancel();
    this.#timers.set(
      key,
      this.#options.setTimer(() => {
        this.#timers.delete(key);
        this.add(key);
      }, ms),
    );
  }

  /** Runs `concurrency` workers until `shutDown()`; resolves when the last one stops. */
  async run(concurrency: number, handler: KeyHandler): Promise<void> {
    await Promise.all(Array.from({ length: concurrency }, () => this.#worker(handler)));
  }

  /** Stops taking keys, cancels delayed adds, and lets workers finish what they hold. */
  shutDown(): void {
    this.#shuttingDown = true;
    for (const timer of this.#timers.values()) timer.cancel();
    this.#timers.clear();
    for (const wake of this.#waiters.splice(0)) wake();
  }

  async #worker(handler: KeyHandler): Promise<void> {
    for (;;) {
      const key = await this.#next();
      if (key === undefined) return;
      await this.#process(key, handler);
    }
  }

  async #next(): Promise<string | undefined> {
    while (this.#queue.length === 0) {
      if (this.#shuttingDown) return undefined;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    if (this.#shuttingDown) return undefined;
    const key = this.#queue.shift() as string;
    this.#queued.delete(key);
    this.#processing.add(key);
    return key;
  }

  async #process(key: string, handler: KeyHandler): Promise<void> {
    try {
      const result = await handler(key);
      this.#failures.delete(key);
      if (result?.requeueAfterMs !== undefined) this.addAfter(key, result.requeueAfterMs);
    } catch (error) {
      const failures = (this.#failures.get(key) ?? 0) + 1;
      this.#failures.set(key, failures);
      const delay = backoffDelay(failures, this.#options.baseDelayMs, this.#options.maxDelayMs);
      this.#onError?.(key, error, delay);
      this.addAfter(key, delay);
    } finally {
      this.#processing.delete(key);
      if (this.#dirty.delete(key)) this.add(key);
    }
  }
}
