import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { access, constants, readFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Appends stdout and stderr here; the tail goes into the error when the command fails. */
  readonly logFile: string;
  /** Runs the command as this system user (through `runuser`), e.g. `postgres`. */
  readonly asUser?: string;
}

/** An external command that failed; its message carries the last lines of its log. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

/**
 * Runs a command to completion, its output appended to `logFile`.
 * @throws CommandError when it exits non-zero or cannot start, with the log's tail.
 */
export async function run(command: string, args: readonly string[], options: RunOptions): Promise<void> {
  const [cmd, argv] = options.asUser
    ? ['runuser', ['-u', options.asUser, '--', command, ...args]]
    : [command, args];
  const out = createWriteStream(options.logFile, { flags: 'a' });
  out.write(`\n$ ${command} ${args.join(' ')}\n`);
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn(cmd, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', (error) => {
      resolve(error.message);
    });
    child.on('close', (status, signal) => {
      resolve(status ?? String(signal));
    });
  });
  await new Promise<void>((resolve) => out.end(resolve));
  if (code !== 0) {
    throw new CommandError(
      `${command} ${args.slice(0, 3).join(' ')} failed (${code})\n${await tail(options.logFile)}`,
    );
  }
}

/** The last `lines` lines of a log file, indented, or a note that there is none. */
export async function tail(file: string, lines = 30): Promise<string> {
  try {
    const text = await readFile(file, 'utf8');
    const last = text.trimEnd().split('\n').slice(-lines);
    return `--- last ${last.length} lines of ${file} ---\n${last.join('\n')}`;
  } catch {
    return `(no log at ${file})`;
  }
}

/** The absolute path of an executable on PATH, or undefined. */
export async function which(name: string, path = process.env['PATH'] ?? ''): Promise<string | undefined> {
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
