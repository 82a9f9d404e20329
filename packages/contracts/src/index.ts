/**
 * @lmo/contracts — what every LMO part agrees on: the Tenant resource (schema, types, validation,
 * CRD), conditions, usage events, metric names and the error catalogue. Browser-safe: no Node.js
 * APIs, so the dashboard can import it too.
 */
export * from './api-keys.ts';
export * from './crd-structural-schema.ts';
export * from './echo-embedding.ts';
export * from './error-catalogue.ts';
export * from './lmo-error.ts';
export * from './metric-descriptors.ts';
export * from './model-providers.ts';
export * from './schema-patterns.ts';
export * from './tenant-conditions.ts';
export * from './tenant-crd.ts';
export * from './tenant-names.ts';
export * from './tenant-plans.ts';
export * from './tenant-spec-rules.ts';
export * from './tenant-spec.ts';
export * from './tenant-status.ts';
export * from './tenant-validation.ts';
export * from './usage-event-schema.ts';
export * from './validation-issues.ts';
