import { randomBytes } from 'node:crypto';
import type { KubeObject } from './kube-object.ts';
import type { KubeRest } from './kube-rest.ts';

export type EventType = 'Normal' | 'Warning';

/** Records Kubernetes Events (events.k8s.io/v1) about an object, for `kubectl describe`. */
export interface EventRecorder {
  record(regarding: KubeObject, type: EventType, reason: string, note: string): Promise<void>;
}

/**
 * Writes one Event per call. Events of cluster-scoped objects go to the
 * `default` namespace, as the kubelet and controllers do. A failure to record
 * is reported to `onError` and never fails the caller's work.
 */
export function kubeEventRecorder(
  rest: KubeRest,
  options: { controller: string; instance: string; onError?: (error: unknown) => void; now?: () => Date },
): EventRecorder {
  const now = options.now ?? ((): Date => new Date());
  return {
    async record(regarding, type, reason, note) {
      const namespace = regarding.metadata.namespace ?? 'default';
      const time = now().toISOString().replace(/Z$/, '000Z');
      const body = {
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        // client-go's naming: <object>.<unique hex>; events.k8s.io refuses a generateName ending in '.'.
        metadata: { name: `${regarding.metadata.name}.${uniqueSuffix()}`, namespace },
        eventTime: time,
        type,
        reason,
        note: note.slice(0, 1024),
        action: reason,
        reportingController: options.controller,
        reportingInstance: options.instance,
        regarding: {
          apiVersion: regarding.apiVersion,
          kind: regarding.kind,
          name: regarding.metadata.name,
          namespace: regarding.metadata.namespace,
          uid: regarding.metadata.uid,
          resourceVersion: regarding.metadata.resourceVersion,
        },
      };
      try {
        await rest.request('POST', `/apis/events.k8s.io/v1/namespaces/${namespace}/events`, { body });
      } catch (error) {
        options.onError?.(error);
      }
    },
  };
}

const uniqueSuffix = (): string => `${Date.now().toString(16)}${randomBytes(3).toString('hex')}`;
