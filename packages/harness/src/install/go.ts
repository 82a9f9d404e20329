import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { run } from '../exec.ts';
import type { HarnessContext } from '../service.ts';

const execFileAsync = promisify(execFile);

/** Environment for reproducible, static Go builds of the harness's tools. */
export function goEnv(ctx: HarnessContext, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...ctx.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod', ...extra };
}

/** `go install module/cmd@version` into `binDir` (for modules without replace directives). */
export async function goInstall(
  ctx: HarnessContext,
  target: { pkg: string; version: string; binDir: string; logFile: string },
): Promise<void> {
  await run('go', ['install', '-trimpath', `${target.pkg}@${target.version}`], {
    env: goEnv(ctx, { GOBIN: target.binDir }),
    logFile: target.logFile,
  });
}

/**
 * Builds packages through a small module of our own that requires `require`,
 * for modules whose replace directives make `go install pkg@v` refuse them.
 */
export async function goBuildViaModule(
  ctx: HarnessContext,
  build: {
    name: string;
    goMod: string;
    packages: readonly { pkg: string; out: string }[];
    ldflags?: string;
    logFile: string;
  },
): Promise<void> {
  const dir = join(ctx.paths.cache, 'src', build.name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'go.mod'), build.goMod);
  const imports = build.packages.map((p) => `\t_ "${p.pkg}"`).join('\n');
  await writeFile(join(dir, 'tools.go'), `//go:build tools\n\npackage tools\n\nimport (\n${imports}\n)\n`);
  const opts = { cwd: dir, env: goEnv(ctx), logFile: build.logFile };
  await run('go', ['mod', 'tidy', '-e'], opts);
  for (const { pkg, out } of build.packages) {
    const flags = build.ldflags ? ['-ldflags', build.ldflags] : [];
    await run('go', ['build', '-trimpath', ...flags, '-o', out, pkg], opts);
  }
}

/** The go.mod text of a published module version, read through `go mod download -json`. */
export async function goModuleFile(ctx: HarnessContext, module: string): Promise<string> {
  const { stdout } = await execFileAsync('go', ['mod', 'download', '-json', module], {
    env: goEnv(ctx),
    maxBuffer: 1 << 20,
  });
  const info = JSON.parse(stdout) as { GoMod?: string; Error?: string };
  if (!info.GoMod) throw new Error(`go mod download ${module}: ${info.Error ?? 'no go.mod'}`);
  return readFile(info.GoMod, 'utf8');
}
