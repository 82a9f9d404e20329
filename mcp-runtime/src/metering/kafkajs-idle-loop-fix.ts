/**
 * Stops kafkajs 2.2.4 from spinning a 1 ms timer per broker connection for as long as the
 * connection lives (tulios/kafkajs#1556, #1704; unfixed upstream). `RequestQueue`
 * `.scheduleCheckPendingRequests` arms a timer even when nothing is pending and nothing is
 * throttled; its delay, `throttledUntil - Date.now()`, is then negative (Node makes it 1 ms), and
 * the timer's callback arms the next one. The runtime's producer so woke the event loop a thousand
 * times a second per connection, idle or not: a few percent of a core when idle, and under light
 * load every request paid for running among those wake-ups.
 *
 * The patch arms the timer only when it has something to do, as upstream's proposed fixes do: when
 * requests are pending (at once if not throttled, as before) or while a throttle lasts. A queue with
 * nothing pending needs no timer: `push` schedules a check when it queues a request, and every
 * answer or timeout runs one.
 */
import { createRequire } from 'node:module';

interface RequestQueueLike {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs' own interval between checks of a pending queue (its `CHECK_PENDING_REQUESTS_INTERVAL`). */
const CHECK_PENDING_REQUESTS_INTERVAL = 10;

const PATCHED = Symbol.for('lmo.kafkajs.idleLoopFix');

/** The fixed `scheduleCheckPendingRequests` (exported for its unit test). */
export function scheduleCheckPendingRequests(this: RequestQueueLike): void {
  if (this.throttleCheckTimeoutId !== null) return;
  let delay = this.throttledUntil - Date.now();
  if (this.pending.length > 0) delay = delay > 0 ? delay : CHECK_PENDING_REQUESTS_INTERVAL;
  else if (delay <= 0) return;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delay);
}

/** Patches kafkajs' `RequestQueue` once per process; returns false when its shape is not the expected one. */
export function fixKafkajsIdleLoop(): boolean {
  const require = createRequire(import.meta.url);
  const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as unknown;
  if (typeof RequestQueue !== 'function') return false;
  const prototype = (RequestQueue as { prototype: Partial<RequestQueueLike> & { [PATCHED]?: true } })
    .prototype;
  if (prototype[PATCHED] === true) return true;
  if (typeof prototype.scheduleCheckPendingRequests !== 'function') return false;
  if (typeof prototype.checkPendingRequests !== 'function') return false;
  prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
  prototype[PATCHED] = true;
  return true;
}
