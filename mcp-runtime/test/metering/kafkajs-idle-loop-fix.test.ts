// The patch that stops kafkajs' request queues from re-arming a 1 ms timer forever.
import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import {
  fixKafkajsIdleLoop,
  scheduleCheckPendingRequests,
} from '../../src/metering/kafkajs-idle-loop-fix.ts';

interface Queue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checks: number;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

function queue(pending: unknown[], throttledUntil = -1): Queue {
  return {
    pending,
    throttledUntil,
    throttleCheckTimeoutId: null,
    checks: 0,
    checkPendingRequests() {
      this.checks += 1;
      this.scheduleCheckPendingRequests();
    },
    scheduleCheckPendingRequests,
  };
}

describe('kafkajs idle loop fix', () => {
  it('arms no timer for a queue with nothing pending and no throttle', () => {
    const idle = queue([]);
    idle.scheduleCheckPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still checks a pending queue, and a throttled one once the throttle ends', async () => {
    const pending = queue([{}]);
    const throttled = queue([], Date.now() + 20);
    pending.scheduleCheckPendingRequests();
    throttled.scheduleCheckPendingRequests();
    pending.pending.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 80));

    expect(pending.checks).toBe(1);
    // (Timers may fire a millisecond before the throttle's end: then once more.)
    expect(throttled.checks).toBeGreaterThanOrEqual(1);
    // Nothing left to do: the loop stopped.
    expect(pending.throttleCheckTimeoutId).toBeNull();
    expect(throttled.throttleCheckTimeoutId).toBeNull();
  });

  it("patches kafkajs' RequestQueue", () => {
    const RequestQueue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as {
      prototype: { scheduleCheckPendingRequests: unknown };
    };
    expect(fixKafkajsIdleLoop()).toBe(true);
    expect(RequestQueue.prototype.scheduleCheckPendingRequests).toBe(scheduleCheckPendingRequests);
  });
});
