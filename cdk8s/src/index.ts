/**
 * @lmo/cdk8s — cdk8s constructs for everything one LMO tenant gets, and
 * {@link renderTenantManifests}, the pure function the operator calls in process to get them as
 * plain JSON objects for server-side apply.
 */
export * from './dashboard-workload.ts';
export * from './platform-settings.ts';
export * from './runtime-config-map.ts';
export * from './runtime-config.ts';
export * from './runtime-identity.ts';
export * from './runtime-resources.ts';
export * from './runtime-secret.ts';
export * from './runtime-service-monitor.ts';
export * from './runtime-workload.ts';
export * from './tenant-chart.ts';
export * from './tenant-file.ts';
export * from './tenant-ingress.ts';
export * from './tenant-metadata.ts';
export * from './tenant-namespace.ts';
export * from './tenant-network-policies.ts';
export * from './tenant-quota.ts';
