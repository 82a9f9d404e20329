/**
 * The gate in front of every endpoint route (MCP, legacy SSE, WebSocket, REST): Host and Origin,
 * then the API key, then the rate limits. A refusal becomes an HTTP error with the right headers:
 * `WWW-Authenticate` on 401, `Retry-After` and `RateLimit-*` on 429.
 */
import { isLmoError, LmoError } from '@lmo/contracts';
import { authenticate, bearerChallenge, type Principal } from '../auth/api-key-auth.ts';
import type { TenantSnapshot } from '../config/tenant-state.ts';
import type { RequestAdmission } from '../pipeline/admission.ts';
import { checkOriginAndHost, type OriginPolicy } from './request-guards.ts';

/** What the gate needs. */
export interface GateDeps {
  readonly snapshot: () => TenantSnapshot;
  readonly admission: RequestAdmission;
  readonly originPolicy: () => OriginPolicy;
  /** The RFC 9728 metadata URL for the challenge, given the request's Host. */
  readonly resourceMetadataUrl: (host: string | undefined) => string;
}

/** Request headers the gate reads. */
export interface GateHeaders {
  readonly host?: string | undefined;
  readonly origin?: string | undefined;
  readonly authorization?: string | undefined;
}

/** A refusal with the headers its HTTP answer carries. */
export interface GateRefusal {
  readonly error: LmoError;
  readonly headers: Readonly<Record<string, string>>;
}

/** An admitted request. */
export interface GatePass {
  readonly principal: Principal;
  readonly headers: Readonly<Record<string, string>>;
}

function refusalHeaders(error: LmoError, deps: GateDeps, host: string | undefined): Record<string, string> {
  if (error.code === 'LMO_UNAUTHENTICATED') {
    return { 'www-authenticate': bearerChallenge(deps.resourceMetadataUrl(host), 'invalid_token') };
  }
  const extra = error.details?.['headers'];
  return typeof extra === 'object' && extra !== null ? { ...(extra as Record<string, string>) } : {};
}

/** Runs the gate; never throws. */
export async function passGate(headers: GateHeaders, deps: GateDeps): Promise<GatePass | GateRefusal> {
  try {
    checkOriginAndHost(headers, deps.originPolicy());
    const snapshot = deps.snapshot();
    const principal = authenticate(
      headers.authorization,
      snapshot.config.tenant.name,
      snapshot.secrets.keyHashes,
    );
    const admission = await deps.admission.admit(principal);
    return { principal, headers: admission.headers };
  } catch (caught) {
    const error = isLmoError(caught) ? caught : new LmoError('LMO_INTERNAL', undefined, { cause: caught });
    return { error, headers: refusalHeaders(error, deps, headers.host) };
  }
}

/** True when the gate refused. */
export function isRefusal(outcome: GatePass | GateRefusal): outcome is GateRefusal {
  return 'error' in outcome;
}
