/** What the runtime's infrastructure modules (Redis, Kafka) log through, and how they describe errors. */
import type { Logger } from 'pino';

/** pino's `warn`: the only level these modules use (each failure is logged once per outage). */
export type WarnLogger = Pick<Logger, 'warn'>;

/**
 * The name and message of an error, for logs: never the whole object, whose fields may carry a
 * client's options (URLs with passwords, SASL settings).
 */
export function errorSummary(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
