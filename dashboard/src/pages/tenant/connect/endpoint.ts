/** Where a tenant's endpoints are: the URL the platform reports, or the one it will have on this site. Pure. */
import type { TenantStatus } from '../../../api/types.ts';

/** A tenant's MCP endpoint and whether the platform reported it (or it is inferred from this site). */
export interface TenantEndpoint {
  /** `https://…/t/<tenant>/mcp`. */
  readonly mcpUrl: string;
  /** The REST query URL next to it: `https://…/t/<tenant>/v1/query`. */
  readonly queryUrl: string;
  /** False when the platform has not reported an endpoint yet and this is the expected one. */
  readonly reported: boolean;
}

/** The endpoint of `tenant`: `status.endpoint` when set, else `<origin>/t/<tenant>/mcp`. */
export function endpointOf(tenant: string, status: TenantStatus | undefined, origin: string): TenantEndpoint {
  const known = status?.endpoint ?? '';
  const mcpUrl = known === '' ? `${origin}/t/${tenant}/mcp` : known;
  const base = mcpUrl.replace(/\/mcp\/?$/u, '');
  return { mcpUrl, queryUrl: `${base}/v1/query`, reported: known !== '' };
}
