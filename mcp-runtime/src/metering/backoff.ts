/** Exponential backoff with jitter, pure. */

/** Bounds of a backoff. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

/**
 * The wait before retry `attempt` (1 for the first retry): doubling from `initialMs` up to `maxMs`,
 * of which a random half is taken away (`random` in [0, 1)) so that replicas do not retry in step.
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: number = Math.random(),
): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
