import { expect } from '@jest/globals';
import { LmoError } from '@lmo/contracts';

/** The LmoError `promise` rejects with (fails the test when it resolves or rejects otherwise). */
export async function lmoFailure(promise: Promise<unknown>): Promise<LmoError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LmoError);
  return error as LmoError;
}

/** Everything of an LmoError a caller or a log could see, as one string. */
export function everythingVisible(error: LmoError): string {
  const causes: string[] = [];
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    causes.push(`${cause.name} ${cause.message} ${cause.stack ?? ''}`);
    cause = cause.cause;
  }
  return [
    error.message,
    JSON.stringify(error.details),
    JSON.stringify(error.toHttp()),
    JSON.stringify(error.toJsonRpc()),
    JSON.stringify(error.toToolResult()),
    ...causes,
  ].join('\n');
}

/** Sets environment variables for the duration of `body` (SDKs read them when a client is built). */
export function withEnv<T>(vars: Record<string, string>, body: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return body();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        Reflect.deleteProperty(process.env, name);
      } else {
        process.env[name] = value;
      }
    }
  }
}
