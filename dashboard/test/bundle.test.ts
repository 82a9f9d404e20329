// The dashboard runs in browsers: its bundle may hold only browser-safe code. Build it (in a child
// process, as `npm run build` does) and read every module that went in from the source maps.
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
/** Workspace packages that are server-side; only @lmo/contracts is browser-safe. */
const SERVER_PACKAGES =
  /\/(api|mcp-runtime|operator|cdk8s|crds|packages\/(harness|kube|knowledge|telemetry))\/src\//;
const SERVER_DEPENDENCIES =
  /node_modules\/(fastify|@fastify|pg|knex|kafkajs|ioredis|pino|@kubernetes|stripe|openai|@anthropic-ai|typebox\/build\/[^/]+\/system)\//;
/** What Vite puts in place of a Node built-in that browser code imported. */
const NODE_STUB = /__vite-browser-external|^node:/;

async function bundledModules(outDir: string): Promise<string[]> {
  const assets = join(outDir, 'assets');
  const maps = (await readdir(assets)).filter((name) => name.endsWith('.js.map'));
  const sources: string[] = [];
  for (const map of maps) {
    const parsed = JSON.parse(await readFile(join(assets, map), 'utf8')) as { sources: string[] };
    sources.push(...parsed.sources);
  }
  return sources;
}

describe("the dashboard's bundle", () => {
  it('holds only browser-safe modules: no Node built-in, no server package', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'lmo-dashboard-bundle-'));
    try {
      await promisify(execFile)(
        process.execPath,
        [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
        {
          cwd: root,
        },
      );
      const modules = await bundledModules(outDir);
      expect(modules.some((source) => source.endsWith('src/main.tsx'))).toBe(true);
      expect(modules.some((source) => source.includes('packages/contracts/src/'))).toBe(true);
      expect(modules.filter((source) => NODE_STUB.test(source))).toEqual([]);
      expect(
        modules.filter((source) => SERVER_PACKAGES.test(source) || SERVER_DEPENDENCIES.test(source)),
      ).toEqual([]);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
