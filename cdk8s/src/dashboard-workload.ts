/**
 * The dashboard in a cluster: its own Deployment of the static build (`dashboard/Dockerfile`, nginx
 * unprivileged), a Service, a PodDisruptionBudget above one replica, and an Ingress that puts the
 * dashboard at `/` and the platform API at `/v1/` on ONE host, so the browser sees one origin: the
 * API's session cookie, CSRF rule and the tenants' `/t/<tenant>/` endpoints work unchanged, and no
 * CORS is needed.
 */
import { k8s } from 'cdk8s-plus-34';
import { Construct } from 'constructs';

/** The dashboard's labels; the selector uses the first two. */
export const DASHBOARD_LABELS = {
  'app.kubernetes.io/name': 'lmo-dashboard',
  'app.kubernetes.io/component': 'dashboard',
  'app.kubernetes.io/part-of': 'lmo',
  'app.kubernetes.io/managed-by': 'lmo',
} as const;

/** The user nginx-unprivileged runs as. */
export const DASHBOARD_USER_ID = 101;

/** Props of {@link DashboardWorkload}. */
export interface DashboardWorkloadProps {
  /** The platform namespace (where the API runs). */
  readonly namespace: string;
  /** The dashboard image (`docker build -f dashboard/Dockerfile .`). */
  readonly image: string;
  /** The public host of the dashboard and the API, e.g. `lmo.example.com`. */
  readonly host: string;
  /**
   * The API's Service name and port, routed at `/v1/` on the same host.
   * @default { name: 'lmo-api', port: 8080 }
   */
  readonly apiService?: { readonly name: string; readonly port: number };
  /**
   * Pods serving the static files.
   * @default 2
   */
  readonly replicas?: number;
  /**
   * The Ingress class.
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * A TLS Secret for the host; without it the Ingress has no TLS section.
   * @default none
   */
  readonly tlsSecretName?: string;
}

const PORT = 8080;
const selector = {
  'app.kubernetes.io/name': DASHBOARD_LABELS['app.kubernetes.io/name'],
  'app.kubernetes.io/component': DASHBOARD_LABELS['app.kubernetes.io/component'],
};

function dashboardContainer(image: string): k8s.Container {
  return {
    name: 'dashboard',
    image,
    ports: [{ name: 'http', containerPort: PORT, protocol: 'TCP' }],
    readinessProbe: {
      httpGet: { path: '/healthz', port: k8s.IntOrString.fromString('http') },
      periodSeconds: 5,
    },
    livenessProbe: {
      httpGet: { path: '/healthz', port: k8s.IntOrString.fromString('http') },
      periodSeconds: 20,
    },
    resources: {
      requests: { cpu: k8s.Quantity.fromString('10m'), memory: k8s.Quantity.fromString('16Mi') },
      limits: { cpu: k8s.Quantity.fromString('200m'), memory: k8s.Quantity.fromString('64Mi') },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    },
    // nginx writes its pid and temporary files here; the root filesystem stays read-only.
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
  };
}

/** The dashboard's Deployment, Service, optional PodDisruptionBudget and Ingress. */
export class DashboardWorkload extends Construct {
  readonly deployment: k8s.KubeDeployment;
  readonly service: k8s.KubeService;
  readonly podDisruptionBudget: k8s.KubePodDisruptionBudget | undefined;
  readonly ingress: k8s.KubeIngress;

  constructor(scope: Construct, id: string, props: DashboardWorkloadProps) {
    super(scope, id);
    const replicas = props.replicas ?? 2;
    const metadata = { name: 'lmo-dashboard', namespace: props.namespace, labels: { ...DASHBOARD_LABELS } };
    this.deployment = new k8s.KubeDeployment(this, 'deployment', {
      metadata,
      spec: {
        replicas,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...DASHBOARD_LABELS } },
          spec: {
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: DASHBOARD_USER_ID,
              runAsGroup: DASHBOARD_USER_ID,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            containers: [dashboardContainer(props.image)],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('16Mi') } }],
          },
        },
      },
    });
    this.service = new k8s.KubeService(this, 'service', {
      metadata,
      spec: {
        selector,
        ports: [
          { name: 'http', port: PORT, targetPort: k8s.IntOrString.fromString('http'), protocol: 'TCP' },
        ],
      },
    });
    this.podDisruptionBudget =
      replicas > 1
        ? new k8s.KubePodDisruptionBudget(this, 'pdb', {
            metadata,
            spec: { minAvailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: selector } },
          })
        : undefined;
    this.ingress = new k8s.KubeIngress(this, 'ingress', {
      metadata,
      spec: dashboardIngressSpec(props),
    });
  }
}

/** `/` to the dashboard and `/v1/` to the API, on one host. */
function dashboardIngressSpec(props: DashboardWorkloadProps): k8s.IngressSpec {
  const api = props.apiService ?? { name: 'lmo-api', port: 8080 };
  const backend = (name: string, port: number): k8s.IngressBackend => ({
    service: { name, port: { number: port } },
  });
  return {
    ingressClassName: props.ingressClassName ?? 'nginx',
    ...(props.tlsSecretName === undefined
      ? {}
      : { tls: [{ hosts: [props.host], secretName: props.tlsSecretName }] }),
    rules: [
      {
        host: props.host,
        http: {
          paths: [
            { path: '/v1/', pathType: 'Prefix', backend: backend(api.name, api.port) },
            { path: '/', pathType: 'Prefix', backend: backend('lmo-dashboard', PORT) },
          ],
        },
      },
    ],
  };
}
