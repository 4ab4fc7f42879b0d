import { randomUUID } from 'node:crypto';
import { groupVersion, type ResourceType } from './resources.js';
import type { JsonObject } from './patch.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  resourceVersion: number;
  type: EventType;
  resource: ResourceType;
  object: JsonObject;
  /** The object before the change, so a watch can tell when it stops matching a selector. */
  previous: JsonObject | undefined;
}

export function meta(object: JsonObject): Meta {
  return object.metadata as unknown as Meta;
}

export interface Meta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: {
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
    blockOwnerDeletion?: boolean;
  }[];
  generateName?: string;
}

/**
 * Objects by resource, namespace and name, with one resourceVersion counter for all of them (as etcd's
 * revision) and a bounded history of changes that watches replay from.
 */
export class Store {
  private revision = 1000;
  private readonly objects = new Map<string, { resource: ResourceType; object: JsonObject }>();
  private history: Change[] = [];
  /**
   * Watches from a resourceVersion at or below this get 410 Gone. A real server's history is compacted,
   * so a watch from resourceVersion 1 is always too old (../shared/real-cluster/api/watch-expired.json):
   * the history starts compacted up to the first revision.
   */
  compactedThrough = this.revision;
  readonly listeners = new Set<(change: Change) => void>();

  get resourceVersion(): number {
    return this.revision;
  }

  get(resource: ResourceType, namespace: string | undefined, name: string): JsonObject | undefined {
    return this.objects.get(key(resource, namespace, name))?.object;
  }

  list(resource: ResourceType, namespace?: string): JsonObject[] {
    return [...this.objects.values()]
      .filter(
        (e) => e.resource === resource && (namespace === undefined || meta(e.object).namespace === namespace),
      )
      .map((e) => e.object)
      .sort((a, b) =>
        `${meta(a).namespace}/${meta(a).name}`.localeCompare(`${meta(b).namespace}/${meta(b).name}`),
      );
  }

  all(): { resource: ResourceType; object: JsonObject }[] {
    return [...this.objects.values()];
  }

  findByUid(uid: string): { resource: ResourceType; object: JsonObject } | undefined {
    return [...this.objects.values()].find((e) => meta(e.object).uid === uid);
  }

  /** Stores a new object, filling in what the API server sets on create. */
  create(resource: ResourceType, object: JsonObject, hasGeneration: boolean): JsonObject {
    const m = meta(object);
    object.apiVersion = groupVersion(resource);
    object.kind = resource.kind;
    m.uid = randomUUID();
    m.creationTimestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    if (hasGeneration) m.generation = 1;
    return this.write(resource, object, 'ADDED', undefined);
  }

  update(resource: ResourceType, object: JsonObject): JsonObject {
    const previous = this.get(resource, meta(object).namespace, meta(object).name);
    return this.write(resource, object, 'MODIFIED', previous);
  }

  remove(resource: ResourceType, object: JsonObject): void {
    const k = key(resource, meta(object).namespace, meta(object).name);
    if (!this.objects.has(k)) return;
    this.objects.delete(k);
    const gone = structuredClone(object);
    meta(gone).resourceVersion = String(++this.revision);
    this.emit({ resourceVersion: this.revision, type: 'DELETED', resource, object: gone, previous: object });
  }

  changesSince(resourceVersion: number): Change[] {
    return this.history.filter((c) => c.resourceVersion > resourceVersion);
  }

  /** Forgets history, as etcd compaction does: older resourceVersions can no longer be watched from. */
  compact(): void {
    this.compactedThrough = this.revision;
    this.history = [];
  }

  private write(
    resource: ResourceType,
    object: JsonObject,
    type: EventType,
    previous: JsonObject | undefined,
  ): JsonObject {
    meta(object).resourceVersion = String(++this.revision);
    this.objects.set(key(resource, meta(object).namespace, meta(object).name), { resource, object });
    this.emit({ resourceVersion: this.revision, type, resource, object: structuredClone(object), previous });
    return object;
  }

  private emit(change: Change): void {
    this.history.push(change);
    if (this.history.length > 5000) {
      const dropped = this.history.splice(0, 1000);
      this.compactedThrough = dropped[dropped.length - 1]!.resourceVersion;
    }
    for (const listener of this.listeners) listener(change);
  }
}

function key(resource: ResourceType, namespace: string | undefined, name: string): string {
  return `${resource.group}/${resource.name}/${namespace ?? ''}/${name}`;
}
