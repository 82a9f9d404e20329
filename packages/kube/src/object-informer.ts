import {
  ListWatch,
  Watch,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { KubeObject } from './kube-object.ts';
import type { KubeRest } from './kube-rest.ts';
import { collectionPath, type ResourceType } from './resource-paths.ts';

export type InformerEvent = 'add' | 'update' | 'delete';

export interface InformerOptions {
  readonly labelSelector?: string;
  /** Delay before restarting after the watch fails (the apiserver went away). */
  readonly restartDelayMs?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * A cache and event source for one kind, cluster-wide: client-node's
 * ListWatch (list, then watch from that resourceVersion, relist on 410) fed
 * by our plain-JSON client, restarted after a delay whenever the watch
 * fails, so an apiserver restart is survived. Handlers only learn that an
 * object changed; they should enqueue a key, nothing more.
 */
export class ObjectInformer<T extends KubeObject & KubernetesObject = KubeObject & KubernetesObject> {
  readonly #listWatch: ListWatch<T>;
  readonly #options: InformerOptions;
  #stopped = false;
  #synced: Promise<void>;

  constructor(kc: KubeConfig, rest: KubeRest, type: ResourceType, options: InformerOptions = {}) {
    this.#options = options;
    const path = collectionPath(type);
    const list = (): Promise<KubernetesListObject<T>> =>
      rest.get<KubernetesListObject<T>>(path, { query: { labelSelector: options.labelSelector } });
    this.#listWatch = new ListWatch<T>(path, new Watch(kc), list, false, options.labelSelector);
    this.#listWatch.on('error', (error: unknown) => {
      if (this.#stopped) return; // stopping aborts the watch: not a failure
      this.#options.onError?.(error);
      this.#restartLater();
    });
    this.#synced = Promise.resolve();
  }

  /** Starts listing and watching; resolves once the first list is in the cache. */
  start(): Promise<void> {
    this.#stopped = false;
    this.#synced = this.#listWatch.start();
    return this.#synced;
  }

  /** Resolves once the cache holds the first full list. */
  get synced(): Promise<void> {
    return this.#synced;
  }

  on(event: InformerEvent, handler: (object: T) => void): void {
    this.#listWatch.on(event, handler);
  }

  /** The cached object, if any. */
  get(name: string, namespace?: string): T | undefined {
    return this.#listWatch.get(name, namespace);
  }

  /** Every cached object (of one namespace when given). */
  list(namespace?: string): readonly T[] {
    return this.#listWatch.list(namespace);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#listWatch.stop();
  }

  #restartLater(): void {
    if (this.#stopped) return;
    const timer = setTimeout(() => {
      if (this.#stopped) return;
      this.#synced = this.#listWatch.start().catch((error: unknown) => {
        this.#options.onError?.(error);
        this.#restartLater();
      });
    }, this.#options.restartDelayMs ?? 1000);
    timer.unref();
  }
}
