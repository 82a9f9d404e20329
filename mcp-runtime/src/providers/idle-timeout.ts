/**
 * A countdown that aborts a streamed provider call once the stream stays silent for too long. The
 * SDKs' own `timeout` only covers the wait for the response headers; a stream that stalls after
 * them would otherwise hang until the caller gives up.
 */

/** Aborts {@link IdleTimeout.signal} when {@link IdleTimeout.touch} is not called for `idleMs`. */
export class IdleTimeout {
  /** The caller's signal combined with this countdown: pass it to the SDK. */
  readonly signal: AbortSignal;
  readonly #controller = new AbortController();
  readonly #idleMs: number;
  #timer: NodeJS.Timeout | undefined;
  #fired = false;

  /**
   * @param idleMs silence allowed between two signs of life.
   * @param callerSignal the caller's abort signal, if any.
   */
  constructor(idleMs: number, callerSignal?: AbortSignal) {
    this.#idleMs = idleMs;
    this.signal =
      callerSignal === undefined
        ? this.#controller.signal
        : AbortSignal.any([callerSignal, this.#controller.signal]);
  }

  /** True once the countdown ran out and aborted the call. */
  get fired(): boolean {
    return this.#fired;
  }

  /** Starts the countdown, or starts it over: the stream just showed a sign of life. */
  touch(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#fired = true;
      this.#controller.abort(new Error(`no data from the provider for ${this.#idleMs} ms`));
    }, this.#idleMs);
  }

  /** Stops the countdown for good. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
