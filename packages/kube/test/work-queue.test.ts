import { describe, expect, it } from '@jest/globals';
import { backoffDelay, WorkQueue } from '../src/work-queue.ts';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Timers the test fires by hand. */
function manualTimers(): {
  setTimer: (fn: () => void, ms: number) => { cancel(): void };
  pending: { fn: () => void; ms: number; cancelled: boolean }[];
} {
  const pending: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    pending,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cancelled: false };
      pending.push(t);
      return {
        cancel: () => {
          t.cancelled = true;
        },
      };
    },
  };
}

describe('backoffDelay', () => {
  it.each([
    [1, 200],
    [2, 400],
    [3, 800],
    [10, 60_000],
    [1000, 60_000],
  ])('failure %i waits %i ms', (failures, expected) => {
    expect(backoffDelay(failures, 200, 60_000)).toBe(expected);
  });
});

describe('WorkQueue', () => {
  it('processes a key added many times while waiting only once', async () => {
    const queue = new WorkQueue();
    const seen: string[] = [];
    queue.add('a');
    queue.add('a');
    queue.add('b');
    queue.add('a');
    const running = queue.run(2, (key) => {
      seen.push(key);
      return Promise.resolve(undefined);
    });
    await tick();
    queue.shutDown();
    await running;

    expect(seen.sort()).toEqual(['a', 'b']);
  });

  it('never hands one key to two workers, and reruns a key added while it ran', async () => {
    const queue = new WorkQueue();
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const running = queue.run(4, async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      active -= 1;
      return undefined;
    });
    queue.add('tenant');
    await tick();
    queue.add('tenant');
    queue.add('tenant');
    await tick();
    expect(queue.depth).toBe(0);
    release();
    await tick();
    await tick();
    queue.shutDown();
    await running;

    expect(maxActive).toBe(1);
    expect(runs).toBe(2);
  });

  it('retries a failing key with growing delays and reports each error', async () => {
    const timers = manualTimers();
    const errors: number[] = [];
    const queue = new WorkQueue({
      setTimer: timers.setTimer,
      baseDelayMs: 100,
      maxDelayMs: 250,
      onError: (_key, _error, delay) => errors.push(delay),
    });
    let calls = 0;
    const running = queue.run(1, () => {
      calls += 1;
      return calls < 4 ? Promise.reject(new Error('apiserver down')) : Promise.resolve(undefined);
    });
    queue.add('acme');
    for (let i = 0; i < 3; i += 1) {
      await tick();
      timers.pending.at(-1)?.fn();
    }
    await tick();
    queue.shutDown();
    await running;

    expect(errors).toEqual([100, 200, 250]);
    expect(calls).toBe(4);
  });

  it('requeues a key after the delay its handler asks for', async () => {
    const timers = manualTimers();
    const queue = new WorkQueue({ setTimer: timers.setTimer });
    const running = queue.run(1, () => Promise.resolve({ requeueAfterMs: 30_000 }));
    queue.add('acme');
    await tick();
    queue.shutDown();
    await running;

    expect(timers.pending.map((t) => t.ms)).toEqual([30_000]);
    expect(timers.pending[0]?.cancelled).toBe(true);
  });

  it('ignores adds after shutdown', async () => {
    const queue = new WorkQueue();
    queue.shutDown();
    queue.add('late');
    expect(queue.depth).toBe(0);
    await queue.run(1, () => Promise.reject(new Error('must not run')));
  });
});
