import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import { DEFAULT_PLATFORM_SETTINGS as DEFAULTS } from './platform-settings.ts';
import type { ComputeResources } from './runtime-resources.ts';
import {
  CONFIG_HASH_ANNOTATION,
  RUNTIME_MOUNT_PATHS,
  RUNTIME_NAMES,
  RUNTIME_PORT_NAMES,
  runtimeLabels,
  runtimeSelectorLabels,
  tenantObjectMetadata,
  type TenantObjectProps,
} from './tenant-metadata.ts';

/** The user and group the runtime runs as; any non-zero id works, a fixed one keeps file modes simple. */
export const RUNTIME_USER_ID = 10001;

/** Props of {@link RuntimeWorkload}. */
export interface RuntimeWorkloadProps extends TenantObjectProps {
  /** The runtime container image. */
  readonly image: string;
  /** Desired pods: 0 when the tenant is suspended. A PodDisruptionBudget exists only above 1. */
  readonly replicas: number;
  /** Container requests and limits (`runtimeResources(spec)`). */
  readonly resources: ComputeResources;
  /** `runtimeConfigHash` of the mounted configuration; a change rolls the pods. */
  readonly configHash: string;
  /**
   * Container and Service port of the MCP endpoint.
   * @default 8080
   */
  readonly mcpPort?: number;
  /**
   * Container and Service port of `/metrics`.
   * @default 9090
   */
  readonly metricsPort?: number;
  /**
   * Redis and Kafka the runtime shares with the other replicas and the platform, passed as
   * `REDIS_URL` and `KAFKA_BROKERS`.
   * @default neither: in-process limits and a local usage-event file (development only)
   */
  readonly services?: { readonly redisUrl?: string | undefined; readonly kafkaBrokers?: string | undefined };
}

/** The runtime's environment: the shared services, and the usage-event spool on the scratch volume. */
export function runtimeEnv(services: RuntimeWorkloadProps['services']): k8s.EnvVar[] {
  return [
    ...(services?.redisUrl === undefined ? [] : [{ name: 'REDIS_URL', value: services.redisUrl }]),
    ...(services?.kafkaBrokers === undefined
      ? []
      : [{ name: 'KAFKA_BROKERS', value: services.kafkaBrokers }]),
    { name: 'LMO_SPOOL_DIR', value: `${RUNTIME_MOUNT_PATHS.tmp}/usage-spool` },
    { name: 'LMO_EVENTS_FILE', value: `${RUNTIME_MOUNT_PATHS.tmp}/usage-events.jsonl` },
  ];
}

const tcpPort = (name: string, port: number): k8s.ServicePort => ({
  name,
  port,
  protocol: 'TCP',
  targetPort: k8s.IntOrString.fromString(name),
});

const quantities = (pair: ComputeResources['limits']): Record<string, k8s.Quantity> => ({
  cpu: k8s.Quantity.fromString(pair.cpu),
  memory: k8s.Quantity.fromString(pair.memory),
});

/** The pod-level security context: non-root with fixed ids, seccomp RuntimeDefault. */
export function runtimePodSecurityContext(): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: RUNTIME_USER_ID,
    runAsGroup: RUNTIME_USER_ID,
    fsGroup: RUNTIME_USER_ID,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** The container security context: what the `restricted` Pod Security Standard asks, and a read-only root. */
export function runtimeContainerSecurityContext(): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
  };
}

interface Ports {
  readonly mcp: number;
  readonly metrics: number;
}

function runtimeContainer(props: RuntimeWorkloadProps, ports: Ports): k8s.Container {
  const probe = (path: string, periodSeconds: number): k8s.Probe => ({
    httpGet: { path, port: k8s.IntOrString.fromString(RUNTIME_PORT_NAMES.mcp) },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold: 3,
  });
  return {
    name: RUNTIME_NAMES.container,
    image: props.image,
    imagePullPolicy: 'IfNotPresent',
    args: ['--config', RUNTIME_MOUNT_PATHS.config, '--secrets', RUNTIME_MOUNT_PATHS.secrets],
    env: runtimeEnv(props.services),
    ports: [
      { name: RUNTIME_PORT_NAMES.mcp, containerPort: ports.mcp, protocol: 'TCP' },
      { name: RUNTIME_PORT_NAMES.metrics, containerPort: ports.metrics, protocol: 'TCP' },
    ],
    readinessProbe: probe('/readyz', 5),
    livenessProbe: { ...probe('/healthz', 10), initialDelaySeconds: 10 },
    resources: { requests: quantities(props.resources.requests), limits: quantities(props.resources.limits) },
    securityContext: runtimeContainerSecurityContext(),
    volumeMounts: [
      { name: 'config', mountPath: RUNTIME_MOUNT_PATHS.config, readOnly: true },
      { name: 'secrets', mountPath: RUNTIME_MOUNT_PATHS.secrets, readOnly: true },
      { name: 'tmp', mountPath: RUNTIME_MOUNT_PATHS.tmp },
    ],
  };
}

function runtimeVolumes(): k8s.Volume[] {
  return [
    { name: 'config', configMap: { name: RUNTIME_NAMES.configMap } },
    // Optional: the Secret may not exist yet on a first apply; the runtime reloads it when it appears.
    { name: 'secrets', secret: { secretName: RUNTIME_NAMES.secret, optional: true, defaultMode: 0o440 } },
    // Scratch and the usage-event spool (64 MiB at most by default, kept across container restarts).
    { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('128Mi') } },
  ];
}

function runtimePodSpec(props: RuntimeWorkloadProps, ports: Ports): k8s.PodSpec {
  return {
    serviceAccountName: RUNTIME_NAMES.serviceAccount,
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    securityContext: runtimePodSecurityContext(),
    containers: [runtimeContainer(props, ports)],
    volumes: runtimeVolumes(),
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: runtimeSelectorLabels(props.tenant.name) },
      },
    ],
  };
}

/**
 * The tenant's MCP runtime: the Deployment `mcp-runtime`, its ClusterIP Service `mcp-runtime`
 * (ports `mcp` and `metrics`), and, when more than one replica runs, the PodDisruptionBudget
 * `mcp-runtime` keeping one pod up through node drains.
 *
 * The pods pass the `restricted` Pod Security Standard: non-root as uid/gid 10001, no privilege
 * escalation, every capability dropped, seccomp RuntimeDefault, a read-only root filesystem (a
 * size-limited emptyDir at `/tmp` for scratch), and no ServiceAccount token. The selector holds only
 * the app name and the tenant, labels that never change, because it is immutable. Rolling updates
 * surge by one pod and never go below the desired count; the quota leaves room for it.
 */
export class RuntimeWorkload extends Construct {
  /** The Service. */
  readonly service: k8s.KubeService;
  /** The PodDisruptionBudget, when replicas > 1. */
  readonly podDisruptionBudget: k8s.KubePodDisruptionBudget | undefined;
  /** The Deployment. */
  readonly deployment: k8s.KubeDeployment;

  /**
   * @throws {LmoError} `LMO_VALIDATION_FAILED` when the tenant name is invalid.
   */
  constructor(scope: Construct, id: string, props: RuntimeWorkloadProps) {
    super(scope, id);
    const { tenant } = props;
    const ports = {
      mcp: props.mcpPort ?? DEFAULTS.mcpPort,
      metrics: props.metricsPort ?? DEFAULTS.metricsPort,
    };
    const labels = runtimeLabels(tenant.name);
    const selector = { matchLabels: runtimeSelectorLabels(tenant.name) };
    this.service = new k8s.KubeService(this, 'service', {
      metadata: tenantObjectMetadata(tenant, RUNTIME_NAMES.service, { labels }),
      spec: {
        type: 'ClusterIP',
        selector: runtimeSelectorLabels(tenant.name),
        ports: [
          tcpPort(RUNTIME_PORT_NAMES.mcp, ports.mcp),
          tcpPort(RUNTIME_PORT_NAMES.metrics, ports.metrics),
        ],
      },
    });
    this.podDisruptionBudget =
      props.replicas > 1
        ? new k8s.KubePodDisruptionBudget(this, 'pod-disruption-budget', {
            metadata: tenantObjectMetadata(tenant, RUNTIME_NAMES.podDisruptionBudget, { labels }),
            spec: { minAvailable: k8s.IntOrString.fromNumber(1), selector },
          })
        : undefined;
    this.deployment = new k8s.KubeDeployment(this, 'deployment', {
      metadata: tenantObjectMetadata(tenant, RUNTIME_NAMES.deployment, { labels }),
      spec: {
        replicas: props.replicas,
        revisionHistoryLimit: 3,
        selector,
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: {
            maxSurge: k8s.IntOrString.fromNumber(1),
            maxUnavailable: k8s.IntOrString.fromNumber(0),
          },
        },
        template: {
          metadata: {
            labels,
            annotations: {
              [CONFIG_HASH_ANNOTATION]: props.configHash,
              'prometheus.io/scrape': 'true',
              'prometheus.io/port': String(ports.metrics),
              'prometheus.io/path': '/metrics',
            },
          },
          spec: runtimePodSpec(props, ports),
        },
      },
    });
  }
}
