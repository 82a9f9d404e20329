/**
 * The `restricted` Pod Security Standard as a test oracle, written from
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/ (baseline and restricted
 * controls that a pod spec can violate). Returns one message per violation.
 */
import type { V1Container, V1PodSpec } from '@kubernetes/client-node';

const RESTRICTED_VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

function volumeViolations(pod: V1PodSpec): string[] {
  return (pod.volumes ?? []).flatMap((volume) =>
    Object.keys(volume)
      .filter((key) => key !== 'name' && !RESTRICTED_VOLUME_TYPES.has(key))
      .map((key) => `volume ${volume.name} uses ${key}`),
  );
}

function identityViolations(pod: V1PodSpec, container: V1Container): [boolean, string][] {
  const own = container.securityContext ?? {};
  const podContext = pod.securityContext ?? {};
  const seccomp = own.seccompProfile?.type ?? podContext.seccompProfile?.type;
  return [
    [(own.runAsNonRoot ?? podContext.runAsNonRoot) !== true, 'may run as root'],
    [(own.runAsUser ?? podContext.runAsUser) === 0, 'runs as uid 0'],
    [seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost', 'has no seccomp profile'],
  ];
}

function privilegeViolations(container: V1Container): [boolean, string][] {
  const own = container.securityContext ?? {};
  return [
    [own.privileged === true, 'is privileged'],
    [own.allowPrivilegeEscalation !== false, 'allows privilege escalation'],
    [!(own.capabilities?.drop ?? []).includes('ALL'), 'does not drop ALL capabilities'],
    [(own.capabilities?.add ?? []).some((cap) => cap !== 'NET_BIND_SERVICE'), 'adds capabilities'],
    [(container.ports ?? []).some((port) => port.hostPort !== undefined), 'uses a host port'],
  ];
}

function containerViolations(pod: V1PodSpec, container: V1Container): string[] {
  return [...privilegeViolations(container), ...identityViolations(pod, container)]
    .filter(([violated]) => violated)
    .map(([, message]) => `container ${container.name} ${message}`);
}

/** Every way `pod` breaks the restricted Pod Security Standard; empty when it passes. */
export function restrictedViolations(pod: V1PodSpec): string[] {
  const host = pod.hostNetwork === true || pod.hostPID === true || pod.hostIPC === true;
  return [
    ...(host ? ['shares a host namespace'] : []),
    ...volumeViolations(pod),
    ...[...pod.containers, ...(pod.initContainers ?? [])].flatMap((c) => containerViolations(pod, c)),
  ];
}
