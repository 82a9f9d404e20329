/**
 * The per-request gate every transport passes through after authentication: the request rate
 * limits (per key and per tenant). Implemented over the shared limiter; a refusal is an
 * `LMO_RATE_LIMITED` error whose details carry `retryAfterSeconds` and the RateLimit headers.
 */
import type { Principal } from '../auth/api-key-auth.ts';

/** The outcome of an admitted request: headers to send (`RateLimit-*`). */
export interface Admission {
  readonly headers: Readonly<Record<string, string>>;
}

/** Admits or refuses one request. */
export interface RequestAdmission {
  /** @throws {LmoError} `LMO_RATE_LIMITED` with `details.retryAfterSeconds` and `details.headers`. */
  admit(principal: Principal): Promise<Admission>;
}
