/**
 * The LLM providers a tenant can use. `echo` is LMO's built-in deterministic provider: it needs no
 * credentials and answers with its input, so that `make dev` and tests run without a model.
 */
export const MODEL_PROVIDERS = ['openai', 'anthropic', 'openai-compatible', 'echo'] as const;

/** One of {@link MODEL_PROVIDERS}. */
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

/** The provider a new tenant starts with. */
export const DEFAULT_MODEL_PROVIDER = 'echo' satisfies ModelProvider;

/** The model a new tenant starts with; only the `echo` provider serves it. */
export const ECHO_MODEL = 'echo-1';
