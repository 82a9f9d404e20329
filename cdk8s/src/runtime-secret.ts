import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import {
  RUNTIME_FILE_KEYS,
  RUNTIME_NAMES,
  runtimeLabels,
  tenantObjectMetadata,
  type TenantObjectProps,
} from './tenant-metadata.ts';

/** Props of {@link RuntimeSecret}. */
export interface RuntimeSecretProps extends TenantObjectProps {
  /**
   * The plaintext provider API key, stored base64-encoded under `provider-api-key`.
   * @default none: the Secret carries no `data` at all
   */
  readonly providerApiKey?: string;
}

/**
 * The runtime Secret `mcp-runtime-secrets` (type Opaque), mounted at `/etc/lmo/secrets`.
 *
 * Two writers share it, each under its own server-side-apply field manager: the operator owns
 * `data.provider-api-key` and nothing else; the platform API adds and removes the API-key hash
 * entries. An apply removes exactly the fields its manager owned before and no longer sends, so the
 * object rendered here carries only the key the operator owns: `data` with `provider-api-key` when
 * there is a provider key, and no `data` (and never `stringData`) otherwise. It must never include,
 * empty or replace the API's keys. Dropping the provider key later removes just that entry.
 */
export class RuntimeSecret extends Construct {
  /** The Secret. */
  readonly secret: k8s.KubeSecret;

  /**
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
   */
  constructor(scope: Construct, id: string, props: RuntimeSecretProps) {
    super(scope, id);
    const key = props.providerApiKey;
    this.secret = new k8s.KubeSecret(this, 'secret', {
      metadata: tenantObjectMetadata(props.tenant, RUNTIME_NAMES.secret, {
        labels: runtimeLabels(props.tenant.name),
      }),
      type: 'Opaque',
      ...(key === undefined
        ? {}
        : { data: { [RUNTIME_FILE_KEYS.providerApiKey]: Buffer.from(key, 'utf8').toString('base64') } }),
    });
  }
}
