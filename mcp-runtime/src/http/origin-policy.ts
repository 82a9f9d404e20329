/** The Host and Origin allow-lists of a tenant endpoint, from its configuration and the runtime's options. */
import type { RuntimeConfig } from '@lmo/cdk8s/runtime-config';
import type { OriginPolicy } from './request-guards.ts';

/** Extra names and origins from the runtime's options. */
export interface OriginOptions {
  /** More host names to answer to (a local proxy, a second ingress). */
  readonly extraHosts: readonly string[];
  /** Browser origins allowed to call the endpoint (dashboards, web apps). */
  readonly allowedOrigins: readonly string[];
}

/**
 * The endpoint's public host, the in-cluster Service names, and loopback (port-forwards, probes and
 * `make dev`); origins: the public host over https plus the configured ones.
 */
export function originPolicyFor(config: RuntimeConfig, options: OriginOptions): OriginPolicy {
  const service = 'mcp-runtime';
  const ns = config.tenant.namespace;
  return {
    allowedHosts: [
      config.endpoint.host.toLowerCase(),
      service,
      `${service}.${ns}`,
      `${service}.${ns}.svc`,
      `${service}.${ns}.svc.cluster.local`,
      'localhost',
      '127.0.0.1',
      '::1',
      ...options.extraHosts.map((h) => h.toLowerCase()),
    ],
    allowedOrigins: [`https://${config.endpoint.host}`, ...options.allowedOrigins].map((o) =>
      o.toLowerCase(),
    ),
  };
}

/**
 * {@link originPolicyFor}, rebuilt only when the configuration object changes (a reload makes a new
 * one), so the gate does not rebuild the allow-lists on every request.
 */
export function cachedOriginPolicy(options: OriginOptions): (config: RuntimeConfig) => OriginPolicy {
  let last: { config: RuntimeConfig; policy: OriginPolicy } | undefined;
  return (config) => {
    if (last?.config !== config) last = { config, policy: originPolicyFor(config, options) };
    return last.policy;
  };
}
