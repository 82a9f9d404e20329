/** The time source, passed in so that tests can move it (session expiry, invitation expiry). */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };
