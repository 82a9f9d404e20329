/**
 * The closed set of LMO error codes. Every error that leaves an LMO process (HTTP body, JSON-RPC
 * error, MCP tool result, usage event) carries one of these codes; clients branch on the code,
 * never on the message. Codes are stable: add new ones, never rename or reuse one.
 *
 * Each entry documents itself: `description` is what it means and what to do next (it feeds the
 * table in this package's README, which a unit test keeps in step).
 */

/** The standard JSON-RPC 2.0 error codes that MCP uses. */
export const JSONRPC_ERROR_CODES = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
} as const;

/**
 * LMO's own JSON-RPC error codes live in this slice of the JSON-RPC "server error" range. It stays
 * clear of the codes the MCP SDK and specification already use there (-32000 connection closed,
 * -32001 request timeout, -32002 resource not found, -32042 URL elicitation required).
 */
export const LMO_JSONRPC_CODE_RANGE = { min: -32099, max: -32050 } as const;

/**
 * How an error surfaces over MCP: a JSON-RPC error code, or `'tool-error'` when the error belongs
 * in a tool result with `isError: true`, so the model can read it and recover.
 */
export type McpErrorMapping = number | 'tool-error';

/** One documented entry of the error catalogue. */
export interface ErrorCatalogueEntry {
  /** The HTTP status for REST and for MCP requests refused at the HTTP gate (400-599). */
  readonly httpStatus: number;
  /** The MCP mapping: a JSON-RPC code or `'tool-error'`. */
  readonly mcp: McpErrorMapping;
  /** Whether the same request may succeed if retried unchanged after a backoff. */
  readonly retryable: boolean;
  /** The default message, safe to show to any caller. */
  readonly message: string;
  /** For humans: what happened and what to do next. */
  readonly description: string;
}

const J = JSONRPC_ERROR_CODES;

/** The catalogue: every LMO error code with its HTTP status, MCP mapping, retryability and documentation. */
export const ERROR_CATALOGUE = {
  LMO_BAD_REQUEST: {
    httpStatus: 400,
    mcp: J.invalidRequest,
    retryable: false,
    message: 'The request is malformed',
    description:
      'The request could not be parsed: the body is not valid JSON, or a required header is missing or malformed. Fix the request; sending it again unchanged fails again.',
  },
  LMO_VALIDATION_FAILED: {
    httpStatus: 422,
    mcp: J.invalidParams,
    retryable: false,
    message: 'The request is invalid',
    description:
      'The request parsed, but its content breaks the schema (for example a Tenant spec value out of range). `details.issues` lists every problem as `{ path, message }`; fix those fields.',
  },
  LMO_TOOL_INPUT_INVALID: {
    httpStatus: 422,
    mcp: 'tool-error',
    retryable: false,
    message: 'The tool arguments are invalid',
    description:
      "The arguments of an MCP tool call do not match the tool's input schema. Returned as a tool result with `isError: true` so that the model can correct its call.",
  },
  LMO_UNAUTHENTICATED: {
    httpStatus: 401,
    mcp: -32050,
    retryable: false,
    message: 'Authentication required',
    description:
      'No valid credentials: the API key or session is missing, malformed, expired or revoked. Send `Authorization: Bearer <api key>` with an active key. The response never says which of these it was.',
  },
  LMO_FORBIDDEN: {
    httpStatus: 403,
    mcp: -32051,
    retryable: false,
    message: 'Not allowed',
    description:
      "The caller is authenticated but may not do this (a key used on another tenant's endpoint, a member calling an admin route). Use credentials with the right scope.",
  },
  LMO_CSRF_FAILED: {
    httpStatus: 403,
    mcp: -32052,
    retryable: false,
    message: 'The CSRF token is missing or invalid',
    description:
      'A state-changing browser request lacked a valid CSRF token. Reload the dashboard to get a fresh token, then try again.',
  },
  LMO_ORIGIN_FORBIDDEN: {
    httpStatus: 403,
    mcp: -32053,
    retryable: false,
    message: 'This origin is not allowed',
    description:
      'The `Origin` header is not allowed for this endpoint (protection against DNS rebinding). Call from an allowed origin, or from a server that sends no `Origin` header.',
  },
  LMO_TENANT_SUSPENDED: {
    httpStatus: 403,
    mcp: -32054,
    retryable: false,
    message: 'The tenant is suspended',
    description:
      'The tenant is suspended (`spec.suspended: true`, for example an unpaid invoice). Every request is refused until a platform operator resumes it.',
  },
  LMO_NOT_FOUND: {
    httpStatus: 404,
    mcp: J.invalidParams,
    retryable: false,
    message: 'Not found',
    description:
      'The addressed object does not exist or is not visible to the caller (tenant, API key, prompt, tool, document). Over MCP this is invalid params, as the specification answers unknown tool and prompt names.',
  },
  LMO_METHOD_NOT_FOUND: {
    httpStatus: 404,
    mcp: J.methodNotFound,
    retryable: false,
    message: 'Unknown method',
    description:
      'The JSON-RPC method or REST route does not exist. Check the path and the MCP protocol version the client speaks.',
  },
  LMO_METHOD_NOT_ALLOWED: {
    httpStatus: 405,
    mcp: J.invalidRequest,
    retryable: false,
    message: 'Method not allowed',
    description:
      'The HTTP method is not supported on this path (for example GET on a stateless MCP endpoint). Use the method the endpoint documents.',
  },
  LMO_NOT_ACCEPTABLE: {
    httpStatus: 406,
    mcp: J.invalidRequest,
    retryable: false,
    message: 'No acceptable response type',
    description:
      'The `Accept` header allows none of the types the endpoint produces. Streamable HTTP clients must accept both `application/json` and `text/event-stream`.',
  },
  LMO_SESSION_NOT_FOUND: {
    httpStatus: 404,
    mcp: -32055,
    retryable: false,
    message: 'Unknown or expired session',
    description:
      'The `Mcp-Session-Id` is unknown or expired (stateful 2025 protocol revisions). Start a new session: the HTTP 404 tells compliant clients to initialize again.',
  },
  LMO_CONFLICT: {
    httpStatus: 409,
    mcp: -32056,
    retryable: false,
    message: 'The change conflicts with the current state',
    description:
      'The object already exists, or it changed since it was read. Read it again, reapply the change and send it again.',
  },
  LMO_PAYLOAD_TOO_LARGE: {
    httpStatus: 413,
    mcp: J.invalidRequest,
    retryable: false,
    message: 'The request is too large',
    description:
      'The request body or a message exceeds the size limit. Send less: split documents, shorten prompts.',
  },
  LMO_UNSUPPORTED_MEDIA_TYPE: {
    httpStatus: 415,
    mcp: J.invalidRequest,
    retryable: false,
    message: 'Unsupported content type',
    description: 'The `Content-Type` is not supported. MCP and the REST API take `application/json`.',
  },
  LMO_UNSUPPORTED_PROTOCOL_VERSION: {
    httpStatus: 400,
    mcp: J.invalidParams,
    retryable: false,
    message: 'Unsupported MCP protocol version',
    description:
      'The MCP protocol version (the `MCP-Protocol-Version` header or the `initialize` request) is not one LMO serves. `details.supported` lists the versions that are.',
  },
  LMO_QUOTA_EXCEEDED: {
    httpStatus: 402,
    mcp: -32057,
    retryable: false,
    message: 'The monthly token quota is used up',
    description:
      'The tenant has used its monthly token quota. Requests resume in the next billing period or after a plan upgrade; retrying sooner does not help.',
  },
  LMO_RATE_LIMITED: {
    httpStatus: 429,
    mcp: -32058,
    retryable: true,
    message: 'Too many requests',
    description:
      "The tenant's requests-per-minute limit is reached. Wait the `Retry-After` seconds (also `details.retryAfterSeconds`), then retry.",
  },
  LMO_TENANT_NOT_READY: {
    httpStatus: 503,
    mcp: -32059,
    retryable: true,
    message: 'The tenant is not ready yet',
    description:
      'The tenant exists but its runtime is not serving yet (provisioning, scaling up from zero, restarting). Retry with backoff; `kubectl get tenant` shows the phase.',
  },
  LMO_PROVIDER_ERROR: {
    httpStatus: 502,
    mcp: 'tool-error',
    retryable: true,
    message: 'The model provider failed',
    description:
      'The LLM provider failed (5xx answer, reset connection, malformed response). Retry with backoff; lasting failures usually show on the provider status page.',
  },
  LMO_PROVIDER_TIMEOUT: {
    httpStatus: 504,
    mcp: 'tool-error',
    retryable: true,
    message: 'The model provider timed out',
    description: 'The LLM provider did not answer in time. Retry, or ask for fewer output tokens.',
  },
  LMO_PROVIDER_RATE_LIMITED: {
    httpStatus: 429,
    mcp: 'tool-error',
    retryable: true,
    message: 'The model provider is throttling requests',
    description:
      "The LLM provider throttled the tenant's credentials. Retry after a pause; a tenant admin can raise the limit with the provider.",
  },
  LMO_PROVIDER_REJECTED: {
    httpStatus: 422,
    mcp: 'tool-error',
    retryable: false,
    message: 'The model provider rejected the request',
    description:
      "The provider refused the request as invalid (unknown model, context too long, content policy). Change the request or the tenant's model settings.",
  },
  LMO_PROVIDER_CREDENTIALS_INVALID: {
    httpStatus: 502,
    mcp: -32060,
    retryable: false,
    message: 'The model provider credentials are not usable',
    description:
      "The tenant's provider credentials are missing or the provider rejected them. A tenant admin must fix the Secret that `spec.providerSecretRef` names.",
  },
  LMO_PROVIDER_URL_FORBIDDEN: {
    httpStatus: 422,
    mcp: -32061,
    retryable: false,
    message: 'The provider URL is not allowed',
    description:
      'The provider base URL resolves to a private, loopback or link-local address, which LMO refuses unless a platform operator allows it. Use a public endpoint.',
  },
  LMO_DEPENDENCY_UNAVAILABLE: {
    httpStatus: 503,
    mcp: -32062,
    retryable: true,
    message: 'A backing service is unavailable',
    description:
      "A backing service (PostgreSQL, Redis, Kafka, the Kubernetes API) is unavailable. Retry with backoff; operators should check the platform's alerts.",
  },
  LMO_DEADLINE_EXCEEDED: {
    httpStatus: 504,
    mcp: -32063,
    retryable: true,
    message: 'The request took too long',
    description:
      'LMO did not finish the request within its deadline. Retry; if it keeps happening, do less work per request.',
  },
  LMO_INTERNAL: {
    httpStatus: 500,
    mcp: J.internalError,
    retryable: false,
    message: 'Internal error',
    description:
      'An unexpected error inside LMO. The response carries no detail by design; quote the request id when contacting support.',
  },
} as const satisfies Record<string, ErrorCatalogueEntry>;

/** One of the catalogue's stable error codes. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Every error code, in catalogue order. */
export const ERROR_CODES: readonly ErrorCode[] = Object.freeze(Object.keys(ERROR_CATALOGUE) as ErrorCode[]);

/** True when `value` is one of the catalogue's codes (for example a code read back from a usage event). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}

/** The catalogue entry of `code`. */
export function errorEntry(code: ErrorCode): ErrorCatalogueEntry {
  return ERROR_CATALOGUE[code];
}
