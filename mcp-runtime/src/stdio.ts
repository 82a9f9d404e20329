/**
 * `mcp-runtime --stdio --config <dir>`: serves one tenant on standard input and output, for local
 * tools and the `lmo connect` bridge. Whoever can start the process can read the tenant's
 * configuration, so there is no API key: calls are attributed to the key id `stdio`. The token
 * quota, cache and metering apply as over HTTP; logs go to standard error.
 */
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Logger } from 'pino';
import { createRuntimeCore } from './runtime.ts';
import type { RuntimeOptions } from './runtime-options.ts';

/** The key id stdio calls are recorded under. */
export const STDIO_KEY_ID = 'stdio';

/** Serves until standard input closes or a signal arrives. */
export async function runStdio(options: RuntimeOptions, logger: Logger): Promise<void> {
  const core = await createRuntimeCore(options, logger);
  const tenant = core.state.current().config.tenant.name;
  const handle = serveStdio(() => core.createServer({ tenant, keyId: STDIO_KEY_ID }, 'stdio'), {
    onerror: (error) => {
      logger.warn({ err: error }, 'stdio transport error');
    },
  });
  await new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await handle.close();
  await core.close();
}
