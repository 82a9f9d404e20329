import Type, { type Static, type TInteger } from 'typebox';
import { Value } from 'typebox/value';
import { ERROR_CODES } from './error-catalogue.ts';
import { MODEL_PROVIDERS } from './model-providers.ts';
import { DNS1123_LABEL_PATTERN, KEY_ID_PATTERN, REQUEST_ID_PATTERN } from './schema-patterns.ts';
import { TENANT_NAME_MAX_LENGTH } from './tenant-names.ts';
import {
  issuesFromSchemaErrors,
  toJsonValue,
  type ValidationIssue,
  type ValidationResult,
} from './validation-issues.ts';

/*
 * Usage events: one JSON message per LLM request on Kafka, for analytics (billing reads Prometheus).
 * The version is in the topic name and in every event; an incompatible change means a new topic
 * (`lmo.usage.v2`) and a new schema, while v1 may only gain optional fields. Readers are tolerant:
 * fields they do not know are dropped, not rejected.
 */

/** The Kafka topic of version 1 usage events. */
export const USAGE_EVENT_TOPIC = 'lmo.usage.v1';

/** How a request ended. Also the `status` label of `lmo_requests_total`. */
export const USAGE_STATUSES = [
  'ok',
  'error',
  'rate_limited',
  'quota_exceeded',
  'invalid_request',
  'cancelled',
  'timeout',
] as const;
/** One of {@link USAGE_STATUSES}. */
export type UsageStatus = (typeof USAGE_STATUSES)[number];

/** The ways an app reaches a tenant. Also the `transport` label of the request metrics. */
export const TRANSPORTS = ['streamable-http', 'sse', 'websocket', 'stdio', 'rest'] as const;
/** One of {@link TRANSPORTS}. */
export type Transport = (typeof TRANSPORTS)[number];

const count = (description: string): TInteger => Type.Integer({ minimum: 0, description });

/** Version 1 of the usage event. */
export const UsageEventV1Schema = Type.Object({
  version: Type.Literal(1, { description: 'Schema version; always 1 on this topic.' }),
  eventId: Type.Optional(Type.String({ format: 'uuid', description: 'Unique id of this event (UUID).' })),
  requestId: Type.String({
    pattern: REQUEST_ID_PATTERN,
    description: 'Id of the request; the idempotency key, so a re-sent event is counted once.',
  }),
  tenant: Type.String({
    maxLength: TENANT_NAME_MAX_LENGTH,
    pattern: DNS1123_LABEL_PATTERN,
    description: 'Tenant name.',
  }),
  keyId: Type.String({ pattern: KEY_ID_PATTERN, description: 'Id of the API key used (never the key).' }),
  model: Type.String({ minLength: 1, maxLength: 200, description: 'Model name as the provider knows it.' }),
  provider: Type.Enum([...MODEL_PROVIDERS], { type: 'string', description: 'LLM provider.' }),
  tokensIn: count('Prompt tokens.'),
  tokensOut: count('Completion tokens.'),
  cached: Type.Boolean({ description: 'Whether the answer came from the response cache.' }),
  latencyMs: Type.Number({ minimum: 0, description: 'Time to the last byte, in milliseconds.' }),
  status: Type.Enum([...USAGE_STATUSES], { type: 'string', description: 'How the request ended.' }),
  errorCode: Type.Optional(
    Type.Enum([...ERROR_CODES], { type: 'string', description: 'LMO error code of a failure.' }),
  ),
  transport: Type.Enum([...TRANSPORTS], { type: 'string', description: 'How the app reached the tenant.' }),
  tool: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'MCP tool called, if any.' })),
  time: Type.String({ format: 'date-time', description: 'When the request finished (RFC 3339).' }),
});

/** A version 1 usage event. */
export type UsageEventV1 = Static<typeof UsageEventV1Schema>;

function crossFieldIssues(event: UsageEventV1): ValidationIssue[] {
  return event.status === 'ok' && event.errorCode !== undefined
    ? [{ path: '/errorCode', message: "must be absent when status is 'ok'" }]
    : [];
}

function parseJson(json: unknown): ValidationResult<unknown> {
  if (typeof json !== 'string') return toJsonValue(json);
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, issues: [{ path: '', message: 'must be valid JSON' }] };
  }
}

/**
 * Parses a usage event: either the message text (a string, as read from Kafka) or an already
 * parsed value, which travels through JSON first and so is never mutated. Unknown fields are
 * dropped (events may gain optional fields within v1). Never throws.
 *
 * @returns `{ ok: true, value }` or `{ ok: false, issues }` like `/tokensIn: must be >= 0`.
 */
export function parseUsageEvent(json: unknown): ValidationResult<UsageEventV1> {
  const parsed = parseJson(json);
  if (!parsed.ok) return parsed;
  const value = Value.Clean(UsageEventV1Schema, parsed.value);
  if (!Value.Check(UsageEventV1Schema, value)) {
    return { ok: false, issues: issuesFromSchemaErrors(Value.Errors(UsageEventV1Schema, value)) };
  }
  const issues = crossFieldIssues(value);
  return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

/**
 * The Kafka message key of an event: its request id, the idempotency key consumers dedupe by. Order
 * across requests is not kept (events of a tenant may spread over partitions); consumers fold
 * events into rollups that do not depend on order.
 */
export function usageEventKey(event: Pick<UsageEventV1, 'requestId'>): string {
  return event.requestId;
}
