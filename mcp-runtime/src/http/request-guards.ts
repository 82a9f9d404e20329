/**
 * Checks every endpoint request passes before anything else runs (pure functions; the HTTP layer
 * turns a refusal into its status). `Origin` and `Host` validation keep browsers on other sites and
 * DNS-rebinding pages out (the 2025-11-25 specification requires 403 for a bad Origin).
 * `MCP-Protocol-Version` is checked by the SDK itself, on both the modern and the session leg.
 */
import { LmoError } from '@lmo/contracts';

/** Where requests may come from. */
export interface OriginPolicy {
  /** Host names (without port) the endpoint answers to; the `Host` header must name one. */
  readonly allowedHosts: readonly string[];
  /** Exact origins (`https://app.example.com`) browsers may call from; requests without Origin pass. */
  readonly allowedOrigins: readonly string[];
}

function hostName(hostHeader: string): string {
  // `[::1]:8080` → `::1`; `example.com:443` → `example.com`
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hostHeader);
  if (bracketed?.[1] !== undefined) return bracketed[1].toLowerCase();
  return hostHeader.replace(/:\d+$/, '').toLowerCase();
}

/** @throws {LmoError} `LMO_ORIGIN_FORBIDDEN` when the Host or Origin is not allowed. */
export function checkOriginAndHost(
  headers: { readonly host?: string | undefined; readonly origin?: string | undefined },
  policy: OriginPolicy,
): void {
  const host = headers.host === undefined ? undefined : hostName(headers.host);
  if (host === undefined || !policy.allowedHosts.includes(host)) {
    throw new LmoError('LMO_ORIGIN_FORBIDDEN', 'The Host header does not name this endpoint.');
  }
  const origin = headers.origin;
  if (origin !== undefined && origin !== 'null' && !policy.allowedOrigins.includes(origin.toLowerCase())) {
    throw new LmoError(
      'LMO_ORIGIN_FORBIDDEN',
      `Requests from origin ${origin.slice(0, 200)} are not allowed.`,
    );
  }
  if (origin === 'null')
    throw new LmoError('LMO_ORIGIN_FORBIDDEN', 'Requests from an opaque origin are not allowed.');
}
