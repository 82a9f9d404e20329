import { describe, expect, it } from '@jest/globals';
import type { V1Deployment, V1PodSpec } from '@kubernetes/client-node';
import { LmoError } from '@lmo/contracts';
import {
  CONDITIONAL_TENANT_OBJECTS,
  CONFIG_HASH_ANNOTATION,
  RUNTIME_NAMES,
  renderRuntimeConfig,
  runtimeConfigHash,
  DEFAULT_PLATFORM_SETTINGS,
} from '../src/index.ts';
import { all, exampleInput, find, minimalSpec, render, TEST_UID } from './manifest-fixtures.ts';
import { restrictedViolations } from './pod-security.ts';

const acme = exampleInput();
const manifests = render(acme);
const NAMESPACE = 'lmo-t-acme';

const deploymentOf = (ms = manifests): V1Deployment => find(ms, 'Deployment', 'mcp-runtime');
const podSpecOf = (ms = manifests): NonNullable<V1Deployment['spec']>['template']['spec'] & object =>
  deploymentOf(ms).spec!.template.spec!;
const containerOf = (ms = manifests): NonNullable<ReturnType<typeof podSpecOf>['containers'][number]> =>
  podSpecOf(ms).containers[0]!;

describe('renderTenantManifests for the example Tenant', () => {
  it('matches the reviewed snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  it('emits every object in apply order, Namespace first, workloads after what they mount', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      `Namespace/${NAMESPACE}`,
      'NetworkPolicy/default-deny',
      'NetworkPolicy/allow-mcp-from-gateway',
      'NetworkPolicy/allow-metrics-from-monitoring',
      'NetworkPolicy/allow-egress',
      'ResourceQuota/tenant-quota',
      'LimitRange/tenant-limits',
      'ServiceAccount/mcp-runtime',
      'Secret/mcp-runtime-secrets',
      'ConfigMap/mcp-runtime-config',
      'Service/mcp-runtime',
      'PodDisruptionBudget/mcp-runtime',
      'Deployment/mcp-runtime',
      'Ingress/mcp-runtime',
    ]);
  });

  it('labels every object with the tenant labels', () => {
    for (const m of manifests) {
      expect(m.metadata.labels).toMatchObject({
        'app.kubernetes.io/part-of': 'lmo',
        'app.kubernetes.io/managed-by': 'lmo-operator',
        'lmo.dev/tenant': 'acme',
      });
    }
  });

  it('gives every object exactly one controller owner reference, to the Tenant', () => {
    for (const m of manifests) {
      expect(m.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'lmo.dev/v1alpha1',
          kind: 'Tenant',
          name: 'acme',
          uid: TEST_UID,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
  });

  it('puts every namespaced object in the tenant namespace, and the Namespace in none', () => {
    const [namespace, ...rest] = manifests;
    expect(namespace!.metadata.namespace).toBeUndefined();
    for (const m of rest) expect(m.metadata.namespace).toBe(NAMESPACE);
  });

  it('enforces, warns about and audits the restricted Pod Security Standard on the namespace', () => {
    const labels = find(manifests, 'Namespace').metadata!.labels!;
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(labels['pod-security.kubernetes.io/enforce-version']).toBe('latest');
    expect(labels['pod-security.kubernetes.io/warn']).toBe('restricted');
    expect(labels['pod-security.kubernetes.io/audit']).toBe('restricted');
  });

  it('names the objects as RUNTIME_NAMES says', () => {
    const names = new Set(manifests.map((m) => m.metadata.name));
    for (const key of [
      'deployment',
      'service',
      'serviceAccount',
      'configMap',
      'secret',
      'ingress',
    ] as const) {
      expect(names.has(RUNTIME_NAMES[key])).toBe(true);
    }
    expect(RUNTIME_NAMES.configMap).toBe('mcp-runtime-config');
    expect(RUNTIME_NAMES.secret).toBe('mcp-runtime-secrets');
  });
});

describe('the runtime Deployment', () => {
  it('selects its pods on the app name and tenant only, and the Service and PDB select the same pods', () => {
    const deployment = deploymentOf();
    const selector = deployment.spec!.selector.matchLabels!;
    expect(selector).toEqual({ 'app.kubernetes.io/name': 'mcp-runtime', 'lmo.dev/tenant': 'acme' });
    expect(deployment.spec!.template.metadata!.labels).toMatchObject(selector);
    expect(find(manifests, 'Service').spec!.selector).toEqual(selector);
    expect(find(manifests, 'PodDisruptionBudget').spec!.selector!.matchLabels).toEqual(selector);
  });

  it('sets the pod securityContext field by field', () => {
    const context = podSpecOf().securityContext!;
    expect(context.runAsNonRoot).toBe(true);
    expect(context.runAsUser).toBe(10001);
    expect(context.runAsGroup).toBe(10001);
    expect(context.fsGroup).toBe(10001);
    expect(context.seccompProfile).toEqual({ type: 'RuntimeDefault' });
  });

  it('sets the container securityContext field by field', () => {
    const context = containerOf().securityContext!;
    expect(context.allowPrivilegeEscalation).toBe(false);
    expect(context.readOnlyRootFilesystem).toBe(true);
    expect(context.runAsNonRoot).toBe(true);
    expect(context.capabilities).toEqual({ drop: ['ALL'] });
    expect(context.privileged).toBeUndefined();
  });

  it('passes the restricted Pod Security Standard (and the oracle does catch a violation)', () => {
    const pod = podSpecOf();
    expect(restrictedViolations(pod)).toEqual([]);
    const leaky = JSON.parse(JSON.stringify(pod)) as V1PodSpec;
    leaky.containers[0]!.securityContext = { runAsNonRoot: true };
    expect(restrictedViolations(leaky)).toEqual([
      'container mcp-runtime allows privilege escalation',
      'container mcp-runtime does not drop ALL capabilities',
    ]);
  });

  it('mounts no ServiceAccount token and runs as the mcp-runtime ServiceAccount', () => {
    expect(podSpecOf().automountServiceAccountToken).toBe(false);
    expect(podSpecOf().serviceAccountName).toBe('mcp-runtime');
    const account = find(manifests, 'ServiceAccount');
    expect(account.automountServiceAccountToken).toBe(false);
  });

  it('mounts config and secrets read-only, the Secret optional, and a writable /tmp', () => {
    const pod = podSpecOf();
    expect(pod.volumes).toEqual([
      { name: 'config', configMap: { name: 'mcp-runtime-config' } },
      { name: 'secrets', secret: { secretName: 'mcp-runtime-secrets', optional: true, defaultMode: 0o440 } },
      { name: 'tmp', emptyDir: { sizeLimit: '128Mi' } },
    ]);
    expect(containerOf().volumeMounts).toEqual([
      { name: 'config', mountPath: '/etc/lmo/config', readOnly: true },
      { name: 'secrets', mountPath: '/etc/lmo/secrets', readOnly: true },
      { name: 'tmp', mountPath: '/tmp' },
    ]);
    expect(containerOf().args).toEqual(['--config', '/etc/lmo/config', '--secrets', '/etc/lmo/secrets']);
  });

  it('exposes the mcp and metrics ports and probes /readyz and /healthz on the mcp port', () => {
    const container = containerOf();
    expect(container.ports).toEqual([
      { name: 'mcp', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ]);
    expect(container.readinessProbe!.httpGet).toEqual({ path: '/readyz', port: 'mcp' });
    expect(container.livenessProbe!.httpGet).toEqual({ path: '/healthz', port: 'mcp' });
  });

  it('annotates the pod template with the config hash and the Prometheus scrape settings', () => {
    const annotations = deploymentOf().spec!.template.metadata!.annotations!;
    const hash = runtimeConfigHash(renderRuntimeConfig(acme, DEFAULT_PLATFORM_SETTINGS));
    expect(annotations[CONFIG_HASH_ANNOTATION]).toBe(hash);
    expect(annotations[CONFIG_HASH_ANNOTATION]).toMatch(/^[0-9a-f]{64}$/u);
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(annotations['prometheus.io/port']).toBe('9090');
    expect(annotations['prometheus.io/path']).toBe('/metrics');
  });

  it("uses the spec's resources, image and replicas", () => {
    expect(containerOf().resources).toEqual({
      requests: { cpu: '250m', memory: '512Mi' },
      limits: { cpu: '500m', memory: '768Mi' },
    });
    expect(containerOf().image).toBe('ghcr.io/lmo-dev/mcp-runtime:0.1.0');
    expect(deploymentOf().spec!.replicas).toBe(2);
  });

  it('falls back to the platform image, and takes a spec image over it', () => {
    const base = { name: 'beta', uid: TEST_UID };
    const fallback = render({ ...base, spec: minimalSpec() }, { runtimeImage: 'registry.example/runtime:7' });
    expect(containerOf(fallback).image).toBe('registry.example/runtime:7');
    const own = render({ ...base, spec: minimalSpec({ runtime: { image: 'registry.example/own:1' } }) });
    expect(containerOf(own).image).toBe('registry.example/own:1');
  });
});

describe('replicas, suspension and the PodDisruptionBudget', () => {
  const withRuntime = (runtime: Record<string, unknown>, suspended = false): ReturnType<typeof render> =>
    render({ name: 'beta', uid: TEST_UID, spec: minimalSpec({ plan: 'pro', runtime, suspended }) });

  it('scales to zero and drops the PDB while suspended', () => {
    const suspended = withRuntime({ replicas: 3 }, true);
    expect(deploymentOf(suspended).spec!.replicas).toBe(0);
    expect(all(suspended, 'PodDisruptionBudget')).toEqual([]);
  });

  it('has no PDB with one replica, and a PDB with minAvailable 1 from two', () => {
    expect(all(withRuntime({ replicas: 1 }), 'PodDisruptionBudget')).toEqual([]);
    const two = withRuntime({ replicas: 2 });
    expect(deploymentOf(two).spec!.replicas).toBe(2);
    expect(find(two, 'PodDisruptionBudget').spec!.minAvailable).toBe(1);
  });

  it('keeps the pod template unchanged across suspend and resume, so resuming does not roll a new revision', () => {
    expect(deploymentOf(withRuntime({ replicas: 2 }, true)).spec!.template).toEqual(
      deploymentOf(withRuntime({ replicas: 2 })).spec!.template,
    );
  });

  it('lists the PDB among the conditional objects the operator prunes', () => {
    expect(CONDITIONAL_TENANT_OBJECTS).toContainEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      name: 'mcp-runtime',
    });
  });
});

describe('the runtime Secret', () => {
  const base = { name: 'beta', uid: TEST_UID, spec: minimalSpec() };

  it('has no data field at all without a provider key, so the API-written hashes are never touched', () => {
    const secret = find(render(base), 'Secret');
    expect(secret.type).toBe('Opaque');
    expect(Object.keys(secret)).not.toContain('data');
    expect(Object.keys(secret)).not.toContain('stringData');
  });

  it('carries only provider-api-key, base64-encoded, with a provider key', () => {
    const secret = find(render({ ...base, providerApiKey: 'sk-test-ünïcode' }), 'Secret');
    expect(Object.keys(secret.data!)).toEqual(['provider-api-key']);
    expect(Buffer.from(secret.data!['provider-api-key']!, 'base64').toString('utf8')).toBe('sk-test-ünïcode');
    expect(Object.keys(secret)).not.toContain('stringData');
  });

  it('never puts the provider key anywhere but the Secret', () => {
    const rendered = render({ ...base, providerApiKey: 'sk-secret-value' });
    const elsewhere = rendered.filter((m) => m.kind !== 'Secret');
    expect(JSON.stringify(elsewhere)).not.toContain('sk-secret-value');
  });
});

describe('the runtime ConfigMap', () => {
  it('holds config.json: the rendered runtime config, as canonical indented JSON', () => {
    const configMap = find(manifests, 'ConfigMap');
    const text = configMap.data!['config.json']!;
    expect(JSON.parse(text)).toEqual(renderRuntimeConfig(acme, DEFAULT_PLATFORM_SETTINGS));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "endpoint": {');
  });
});

describe('the Service and Ingress', () => {
  it('is a ClusterIP Service with the mcp and metrics ports targeting the named container ports', () => {
    const service = find(manifests, 'Service');
    expect(service.spec!.type).toBe('ClusterIP');
    expect(service.spec!.ports).toEqual([
      { name: 'mcp', port: 8080, protocol: 'TCP', targetPort: 'mcp' },
      { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 'metrics' },
    ]);
  });

  it('routes /t/<tenant>/ on the platform host to the mcp port, without TLS unless configured', () => {
    const ingress = find(manifests, 'Ingress');
    expect(ingress.spec!.ingressClassName).toBe('nginx');
    expect(ingress.spec!.tls).toBeUndefined();
    expect(ingress.spec!.rules).toEqual([
      {
        host: 'mcp.lmo.local',
        http: {
          paths: [
            {
              path: '/t/acme/',
              pathType: 'Prefix',
              backend: { service: { name: 'mcp-runtime', port: { name: 'mcp' } } },
            },
          ],
        },
      },
    ]);
  });

  it('follows the ingress settings and lists the TLS Secret when there is one', () => {
    const settings = {
      ingressHost: 'mcp.example.com',
      ingressClassName: 'traefik',
      ingressTlsSecretName: 'mcp-tls',
    };
    const ingress = find(render(acme, settings), 'Ingress');
    expect(ingress.spec!.ingressClassName).toBe('traefik');
    expect(ingress.spec!.rules![0]!.host).toBe('mcp.example.com');
    expect(ingress.spec!.tls).toEqual([{ hosts: ['mcp.example.com'], secretName: 'mcp-tls' }]);
  });
});

describe('platform settings', () => {
  it('moves both ports everywhere they appear when the platform changes them', () => {
    const moved = render(acme, { mcpPort: 3000, metricsPort: 3001 });
    expect(containerOf(moved).ports!.map((p) => p.containerPort)).toEqual([3000, 3001]);
    expect(find(moved, 'Service').spec!.ports!.map((p) => p.port)).toEqual([3000, 3001]);
    expect(deploymentOf(moved).spec!.template.metadata!.annotations!['prometheus.io/port']).toBe('3001');
    expect(JSON.stringify(moved)).not.toMatch(/\b(8080|9090)\b/u);
  });

  it('adds a ServiceMonitor only when the platform enables it', () => {
    expect(all(manifests, 'ServiceMonitor')).toEqual([]);
    const monitored = render(acme, { serviceMonitor: true });
    expect(monitored.at(-1)).toMatchObject({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'mcp-runtime', namespace: NAMESPACE },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': 'mcp-runtime', 'lmo.dev/tenant': 'acme' } },
        namespaceSelector: { matchNames: [NAMESPACE] },
        endpoints: [{ port: 'metrics', path: '/metrics' }],
      },
    });
  });
});

describe('purity', () => {
  it('renders deep-equal, byte-identical output for the same input', () => {
    const again = render(exampleInput());
    expect(again).toEqual(manifests);
    expect(JSON.stringify(again)).toBe(JSON.stringify(manifests));
  });

  it('refuses an invalid tenant name with LMO_VALIDATION_FAILED', () => {
    const thrown = ((): unknown => {
      try {
        return render({ ...acme, name: 'Not_Valid' });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(LmoError);
    expect((thrown as LmoError).code).toBe('LMO_VALIDATION_FAILED');
  });
});
