/** The shape every Kubernetes object shares, as plain JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    generation?: number;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    deletionTimestamp?: string;
    ownerReferences?: {
      apiVersion: string;
      kind: string;
      name: string;
      uid: string;
      controller?: boolean;
      blockOwnerDeletion?: boolean;
    }[];
  };
  [field: string]: unknown;
}

/** `namespace/name`, or `name` for a cluster-scoped object: the key of caches and work queues. */
export const objectKey = (o: { metadata?: { name?: string; namespace?: string } }): string =>
  o.metadata?.namespace ? `${o.metadata.namespace}/${o.metadata.name ?? ''}` : (o.metadata?.name ?? '');

/** `Kind namespace/name`, for logs and events. */
export const describeObject = (o: KubeObject): string => `${o.kind} ${objectKey(o)}`;
