import type { Crud } from './crud.js';
import type { Json, JsonObject } from './patch.js';
import { groupVersion, typeOf, type Kind, type ResourceType } from './resources.js';
import { parseLabelSelector } from './selectors.js';
import { meta, type Change, type EventType, type Store } from './store.js';

/** A change to a stored object, as a test sees it happen. */
export interface StoredChange {
  type: EventType;
  kind: string;
  object: JsonObject;
}

/**
 * What tests arrange in the simulated cluster and read back from it, beside the API: what an operator
 * made beforehand (`add…`, `seed`), what a client does (`create`, `delete`, through admission,
 * validation and deletion's finalizers), what etcd does (`remove`, `edit`, `compact`), and what is
 * stored. Reads return copies; `namespace` is left out for cluster-scoped kinds only.
 */
export class Fixtures {
  constructor(
    private readonly store: Store,
    private readonly crud: Crud,
  ) {}

  /** A namespace; its labels may set Pod Security (`pod-security.kubernetes.io/enforce: baseline`). */
  addNamespace(name: string, labels: Record<string, string> = {}): void {
    const metadata = { name, ...(Object.keys(labels).length ? { labels } : {}) } as unknown as Json;
    this.store.create(typeOf('Namespace'), { metadata, status: { phase: 'Active' } }, false);
  }

  /** Labels an existing namespace, as `kubectl label namespace` does. */
  labelNamespace(name: string, labels: Record<string, string>): void {
    const type = typeOf('Namespace');
    const ns = structuredClone(this.crud.mustGet(type, undefined, name));
    meta(ns).labels = { ...meta(ns).labels, ...labels };
    this.store.update(type, ns);
  }

  /** Installs a RuntimeClass (cluster-scoped), as a cluster with that container runtime has. */
  addRuntimeClass(name: string, handler = name): void {
    this.store.create(typeOf('RuntimeClass'), { metadata: { name }, handler }, false);
  }

  /** An object an operator made beforehand (a StorageClass, an IngressClass, a Secret), stored as is. */
  seed(kind: Kind, object: JsonObject): void {
    const type = typeOf(kind);
    this.store.create(type, { apiVersion: groupVersion(type), kind, ...structuredClone(object) }, false);
  }

  /** Creates a bare pod (no workload) and resolves once the simulated kubelet runs it. */
  async runningPod(name: string, namespace = 'default'): Promise<void> {
    const spec = { containers: [{ name: 'docker', image: 'docker:dind' }] };
    this.create('Pod', { metadata: { name }, spec }, namespace);
    // Running and Ready: the kubelet's last status change, so a watch opened after sees no event.
    const settled = () => {
      const status = this.store.get(typeOf('Pod'), namespace, name)?.status as JsonObject | undefined;
      const conditions = (status?.conditions ?? []) as JsonObject[];
      return status?.phase === 'Running' && conditions.some((c) => c.type === 'Ready' && c.status === 'True');
    };
    while (!settled()) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** A client's create (POST): admitted, validated and stored as the API stores it. */
  create(kind: Kind, object: JsonObject, namespace?: string): void {
    const type = this.scoped(kind, namespace);
    this.crud.create(type, namespace, object, new URLSearchParams());
  }

  /** A client's delete (DELETE, propagationPolicy Background): finalizers and graceful pods apply. */
  delete(kind: Kind, name: string, namespace?: string): void {
    this.crud.delete(this.scoped(kind, namespace), namespace, name, 'Background');
  }

  /** The object gone at once, finalizers or not, as if removed from etcd. */
  remove(kind: Kind, name: string, namespace?: string): void {
    const type = this.scoped(kind, namespace);
    const object = this.store.get(type, namespace, name);
    if (!object) throw new Error(`The double has no ${kind} "${name}" to remove.`);
    this.store.remove(type, object);
  }

  /** Every object of `kind` gone at once, in every namespace. */
  removeAll(kind: Kind): void {
    const type = typeOf(kind);
    for (const object of this.store.list(type)) this.store.remove(type, object);
  }

  /** Changes a stored object in place of its controller or another client, skipping the API's checks. */
  edit(kind: Kind, name: string, namespace: string | undefined, change: (object: JsonObject) => void): void {
    const type = this.scoped(kind, namespace);
    const object = this.store.get(type, namespace, name);
    if (!object) throw new Error(`The double has no ${kind} "${name}" to edit.`);
    const copy = structuredClone(object);
    change(copy);
    this.store.update(type, copy);
  }

  /** The stored object, or undefined. */
  get(kind: Kind, name: string, namespace?: string): JsonObject | undefined {
    const object = this.store.get(this.scoped(kind, namespace), namespace, name);
    return object && structuredClone(object);
  }

  /** The stored objects of `kind`, in `namespace` or in all of them, by namespace and name. */
  objects(kind: Kind, namespace?: string): JsonObject[] {
    return this.store.list(typeOf(kind), namespace).map((o) => structuredClone(o));
  }

  /** Every stored object, across kinds. */
  all(): JsonObject[] {
    return this.store.all().map((e) => structuredClone(e.object));
  }

  /** Every object in a namespace, across kinds, as `Kind/name`: what a test expects not to be there. */
  objectsIn(namespace: string): string[] {
    return this.store
      .all()
      .filter((e) => e.resource.kind !== 'Event' && meta(e.object).namespace === namespace)
      .map((e) => `${e.resource.kind}/${meta(e.object).name}`)
      .sort();
  }

  /** Every object whose labels match, across kinds, as `Kind/name`. */
  objectsMatching(selector: string): string[] {
    const matches = parseLabelSelector(selector);
    return this.store
      .all()
      .filter((e) => matches(meta(e.object).labels ?? {}))
      .map((e) => `${e.resource.kind}/${meta(e.object).name}`)
      .sort();
  }

  /** Forgets the history of changes, as etcd compaction does: older resourceVersions give 410 Gone. */
  compact(): void {
    this.store.compact();
  }

  /** Calls `listener` with every change from now on; the function returned stops it. */
  onChange(listener: (change: StoredChange) => void): () => void {
    const relay = ({ type, resource, object }: Change) => listener({ type, kind: resource.kind, object });
    this.store.listeners.add(relay);
    return () => this.store.listeners.delete(relay);
  }

  private scoped(kind: Kind, namespace: string | undefined): ResourceType {
    const type = typeOf(kind);
    if (type.namespaced && namespace === undefined) {
      throw new Error(`${kind} is namespaced: name the namespace of the object.`);
    }
    if (!type.namespaced && namespace !== undefined) {
      throw new Error(`${kind} is cluster-scoped: it has no namespace.`);
    }
    return type;
  }
}
