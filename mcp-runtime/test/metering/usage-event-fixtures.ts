// Valid usage events for the metering tests.
import type { UsageEventV1 } from '@lmo/contracts';

/** A request id unique to this process and `n`, as the runtime would make it. */
export const requestId = (run: string, n: number): string => `req-${run}-${String(n).padStart(6, '0')}`;

/** A valid event; `n` varies the request id and the token counts. */
export function usageEvent(run: string, n: number, overrides: Partial<UsageEventV1> = {}): UsageEventV1 {
  return {
    version: 1,
    requestId: requestId(run, n),
    tenant: 'acme',
    keyId: 'key_1',
    model: 'echo-1',
    provider: 'echo',
    tokensIn: 10 + n,
    tokensOut: 5,
    cached: false,
    latencyMs: 12.5,
    status: 'ok',
    transport: 'streamable-http',
    time: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}

/** A run id unique to this process and moment (letters and digits only). */
export const runId = (): string => `${process.pid}x${Date.now().toString(36)}`;
