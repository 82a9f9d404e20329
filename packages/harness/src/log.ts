/** Progress output of the harness: one line per step, on stderr so `env` output stays clean. */
export interface Progress {
  step(service: string, message: string): void;
  warn(service: string, message: string): void;
}

export function stderrProgress(): Progress {
  const started = Date.now();
  const stamp = (): string => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
  return {
    step: (service, message) => process.stderr.write(`[infra ${stamp()}] ${service.padEnd(22)} ${message}\n`),
    warn: (service, message) =>
      process.stderr.write(`[infra ${stamp()}] ${service.padEnd(22)} WARNING ${message}\n`),
  };
}

export const silentProgress: Progress = { step: () => undefined, warn: () => undefined };
