/** @lmo/operator — the Tenant operator, for embedding (tests, `make dev`) and for its entry point `main.ts`. */
export { parseOperatorConfig, OPERATOR_FLAGS, type OperatorConfig } from './operator-config.ts';
export { startOperator, type RunningOperator, type OperatorDeps } from './operator.ts';
export { CLEANUP_FINALIZER, FIELD_MANAGER } from './tenant-reconciler.ts';
export { PROVIDER_SECRET_LABEL } from './provider-credentials.ts';
