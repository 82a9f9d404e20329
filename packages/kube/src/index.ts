/** @lmo/kube — the Kubernetes toolkit of LMO's controllers. */
export * from './event-recorder.ts';
export * from './finalizers.ts';
export * from './kube-object.ts';
export * from './kube-rest.ts';
export * from './leader-election.ts';
export * from './object-informer.ts';
export * from './object-subset.ts';
export * from './resource-paths.ts';
export * from './work-queue.ts';
