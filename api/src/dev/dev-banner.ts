/** What `make dev` prints once everything is up: where, who, and two ready-to-paste calls. Pure. */

/** Everything the banner shows. */
export interface DevBannerInput {
  /** The API's base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly admin: {
    readonly email: string;
    /** Shown only when it was generated just now. */
    readonly password: string | undefined;
    readonly source: 'generated' | 'existing' | 'environment';
  };
  readonly tenant: string;
  /** The demo tenant's phase (`Ready`, `Suspended`, ...). */
  readonly phase: string;
  readonly apiKey: string;
  /** How many earlier dev keys were revoked. */
  readonly revokedKeys: number;
  /** The data directory as the user should read it (relative when under the working directory). */
  readonly dataDir: string;
  /** The `mcp-runtime` processes running. */
  readonly runtimes: number;
  /** Whether the API serves the dashboard at `/` (it is built). */
  readonly dashboard: boolean;
}

/** The `curl` of a REST query to the tenant, one flag per line. */
export function curlCommand(url: string, tenant: string, apiKey: string): string {
  return [
    `curl -sS ${url}/t/${tenant}/v1/query \\`,
    `  -H 'Authorization: Bearer ${apiKey}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"prompt":"Hello from make dev"}'`,
  ].join('\n');
}

/** An MCP client configuration (the `mcpServers` form most clients read): Streamable HTTP with the key. */
export function mcpClientConfig(url: string, tenant: string, apiKey: string): string {
  const config = {
    mcpServers: {
      [`lmo-${tenant}`]: {
        type: 'http',
        url: `${url}/t/${tenant}/mcp`,
        headers: { Authorization: `Bearer ${apiKey}` },
      },
    },
  };
  return JSON.stringify(config, null, 2);
}

function adminLine(admin: DevBannerInput['admin'], dataDir: string): string {
  if (admin.source === 'generated') return `${admin.email}  password: ${admin.password ?? ''}  (shown once)`;
  if (admin.source === 'environment') return `${admin.email}  password: from LMO_BOOTSTRAP_ADMIN_PASSWORD`;
  return `${admin.email}  password: the one printed when ${dataDir} was set up (start afresh: rm -rf ${dataDir})`;
}

const indent = (text: string): string =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

/** The banner text, ending with a newline. */
export function devBanner(input: DevBannerInput): string {
  const keyNote =
    input.revokedKeys > 0
      ? 'new on every start; the previous dev key was revoked'
      : 'new on every start; keys are shown only once';
  return [
    '',
    `LMO is running with embedded defaults: PGlite, in-process limits and cache, a local event log,`,
    `the runtimes' own metrics, billing records without Stripe; ${String(input.runtimes)} tenant runtime(s).`,
    '',
    `  URL           ${input.url}   (API docs: ${input.url}/docs)`,
    `  Dashboard     ${input.dashboard ? `${input.url}/` : 'not built: run `npm run build -w dashboard`, then restart'}`,
    `  Admin login   ${adminLine(input.admin, input.dataDir)}`,
    `  Demo tenant   ${input.tenant}, echo provider (answers with what it is sent; no LLM), ${input.phase}`,
    `  Demo API key  ${input.apiKey}   (${keyNote})`,
    `  Data, logs    ${input.dataDir}/ (API log: ${input.dataDir}/logs/api.log; runtimes: ${input.dataDir}/tenants/<tenant>/logs/)`,
    '',
    'Ask the demo tenant over REST:',
    '',
    indent(curlCommand(input.url, input.tenant, input.apiKey)),
    '',
    'Or connect an MCP client (Streamable HTTP), for example with this configuration:',
    '',
    indent(mcpClientConfig(input.url, input.tenant, input.apiKey)),
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ].join('\n');
}
