import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import { runtimeConfigJson, type RuntimeConfig } from './runtime-config.ts';
import {
  RUNTIME_FILE_KEYS,
  RUNTIME_NAMES,
  runtimeLabels,
  tenantObjectMetadata,
  type TenantObjectProps,
} from './tenant-metadata.ts';

/** Props of {@link RuntimeConfigMap}. */
export interface RuntimeConfigMapProps extends TenantObjectProps {
  /** The runtime configuration, from `renderRuntimeConfig`. */
  readonly config: RuntimeConfig;
}

/**
 * The runtime ConfigMap `mcp-runtime-config`: `config.json` holds the runtime configuration as
 * canonical JSON (sorted keys, two-space indent), so equal configs give byte-identical objects. The
 * runtime reloads it on change; the Deployment also carries its hash, so a change rolls the pods.
 */
export class RuntimeConfigMap extends Construct {
  /** The ConfigMap. */
  readonly configMap: k8s.KubeConfigMap;

  /**
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
   */
  constructor(scope: Construct, id: string, props: RuntimeConfigMapProps) {
    super(scope, id);
    this.configMap = new k8s.KubeConfigMap(this, 'config-map', {
      metadata: tenantObjectMetadata(props.tenant, RUNTIME_NAMES.configMap, {
        labels: runtimeLabels(props.tenant.name),
      }),
      data: { [RUNTIME_FILE_KEYS.config]: runtimeConfigJson(props.config) },
    });
  }
}
