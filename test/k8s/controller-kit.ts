import { createHash } from 'node:crypto';
import type { Behaviour } from './behaviour.js';
import { deepEqual, type JsonObject } from './patch.js';
import { groupVersion, typeOfKind, type ResourceType } from './resources.js';
import { StatusError } from './status.js';
import { meta, type Meta, type Store } from './store.js';

export type Obj = JsonObject;

/** The resource types the controllers act on. */
export const T = {
  pod: typeOfKind('v1', 'Pod')!,
  namespace: typeOfKind('v1', 'Namespace')!,
  pvc: typeOfKind('v1', 'PersistentVolumeClaim')!,
  event: typeOfKind('v1', 'Event')!,
  sts: typeOfKind('apps/v1', 'StatefulSet')!,
  deploy: typeOfKind('apps/v1', 'Deployment')!,
  rs: typeOfKind('apps/v1', 'ReplicaSet')!,
  service: typeOfKind('v1', 'Service')!,
  runtimeClass: typeOfKind('node.k8s.io/v1', 'RuntimeClass')!,
  priorityClass: typeOfKind('scheduling.k8s.io/v1', 'PriorityClass')!,
};

/** What every simulated controller works with: the store they all write through, and each other. */
export interface Cluster {
  readonly store: Store;
  readonly behaviour: Behaviour;
  /** Admission, as for a create through the API (admission.ts). */
  admit(type: ResourceType, object: Obj): void;
  /** DELETE's semantics (controllers.ts). */
  requestDeletion(type: ResourceType, live: Obj, propagationPolicy: string): Obj | undefined;
  /** Records an Event about `object`, or counts it again (events.ts). */
  event(type: ResourceType, object: Obj, kind: 'Normal' | 'Warning', reason: string, message: string): void;
}

/** The objects of `type` that `owner` owns (by its uid in their ownerReferences). */
export function owned(cluster: Cluster, type: ResourceType, owner: Obj): Obj[] {
  const uid = meta(owner).uid;
  return cluster.store
    .list(type, meta(owner).namespace)
    .filter((o) => (meta(o).ownerReferences ?? []).some((r) => r.uid === uid));
}

/**
 * Creates an object on behalf of a controller, recording SuccessfulCreate or FailedCreate on the owner
 * in the words of that controller (`events`; without it, only failures are recorded).
 */
export function createOwned(
  cluster: Cluster,
  type: ResourceType,
  object: Obj,
  owner: { object: Obj; type: ResourceType },
  events?: { created: string; failed: (message: string) => string; reason?: string },
): Obj | undefined {
  try {
    cluster.admit(type, object);
    const created = cluster.store.create(type, object, type.hasStatus);
    if (events) {
      cluster.event(owner.type, owner.object, 'Normal', events.reason ?? 'SuccessfulCreate', events.created);
    }
    return created;
  } catch (error) {
    if (!(error instanceof StatusError)) throw error;
    const failed = events?.failed ?? ((message: string) => `create ${type.kind} failed error: ${message}`);
    cluster.event(owner.type, owner.object, 'Warning', 'FailedCreate', failed(error.message));
    return undefined;
  }
}

/** Writes `status` when it differs, as a controller's status update does. */
export function setStatus(cluster: Cluster, type: ResourceType, object: Obj, status: Obj): void {
  if (deepEqual(object.status, status)) return;
  const copy = structuredClone(object);
  copy.status = status;
  cluster.store.update(type, copy);
}

export function ownerRef(
  type: ResourceType,
  owner: Obj,
): Meta['ownerReferences'] extends (infer R)[] | undefined ? R : never {
  return {
    apiVersion: groupVersion(type),
    kind: type.kind,
    name: meta(owner).name,
    uid: meta(owner).uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function matchLabels(spec: Obj): Record<string, string> {
  return ((spec.selector as Obj | undefined)?.matchLabels ?? {}) as Record<string, string>;
}

/** The PersistentVolumeClaims a pod's volumes name. */
export function claimsOf(pod: Obj): string[] {
  return (((pod.spec as Obj | undefined)?.volumes ?? []) as Obj[])
    .map((v) => (v.persistentVolumeClaim as Obj | undefined)?.claimName as string | undefined)
    .filter((c): c is string => Boolean(c));
}

export function isReady(pod: Obj): boolean {
  const conditions = ((pod.status as Obj | undefined)?.conditions ?? []) as Obj[];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 10);
}

export function timestamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}
