import type { Controllers } from './controllers.js';
import { deepEqual, isObject, recordUpdate, type Json, type JsonObject } from './patch.js';
import { groupVersion, typeOfKind, type ResourceType } from './resources.js';
import { StatusError, details, notFound, qualified } from './status.js';
import { meta, type Store } from './store.js';
import { validate, validateUpdate } from './validation.js';
import { now } from './wire.js';

/**
 * The REST verbs on one object, as the API server's generic registry does them: create (admission,
 * validation, AlreadyExists), update (identity kept, optimistic concurrency, generation), delete
 * (propagation policies and finalizers), and dryRun=All for each.
 */
export class Crud {
  constructor(
    private readonly store: Store,
    private readonly controllers: Controllers,
  ) {}

  get(type: ResourceType, namespace: string | undefined, name: string): JsonObject | undefined {
    return this.store.get(type, namespace, name);
  }

  mustGet(type: ResourceType, namespace: string | undefined, name: string): JsonObject {
    const object = this.store.get(type, namespace, name);
    if (!object) throw notFound(type, name);
    return object;
  }

  create(
    type: ResourceType,
    namespace: string | undefined,
    input: Json,
    q: URLSearchParams,
    options: { manager?: string; ownershipSet?: boolean } = {},
  ): JsonObject {
    if (!isObject(input))
      throw new StatusError(400, 'BadRequest', 'the body of the request was in an unknown format');
    const object = structuredClone(input);
    object.metadata = (isObject(object.metadata) ? object.metadata : {}) as Json;
    const m = meta(object);
    this.checkKind(type, object);
    if (type.namespaced) {
      if (m.namespace !== undefined && m.namespace !== namespace) {
        throw new StatusError(
          400,
          'BadRequest',
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      m.namespace = namespace;
      this.requireNamespace(namespace!);
    }
    if (!m.name && m.generateName) m.name = `${m.generateName}${Math.random().toString(36).slice(2, 7)}`;
    delete (m as Partial<typeof m>).resourceVersion;
    if (type.hasStatus && type.kind !== 'Pod' && type.kind !== 'Namespace') delete object.status;
    validate(type, object);
    if (this.store.get(type, namespace, m.name)) {
      throw new StatusError(
        409,
        'AlreadyExists',
        `${qualified(type)} "${m.name}" already exists`,
        details(type, m.name),
      );
    }
    mergeStringData(type, object);
    this.controllers.admit(type, object);
    if (q.get('dryRun') === 'All') return object;
    if (!options.ownershipSet)
      recordUpdate(
        null,
        object,
        options.manager ?? q.get('fieldManager') ?? 'unknown',
        groupVersion(type),
        now(),
      );
    return this.store.create(type, object, type.hasStatus);
  }

  replace(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    input: Json,
    q: URLSearchParams,
    statusOnly: boolean,
  ): JsonObject {
    if (!isObject(input))
      throw new StatusError(400, 'BadRequest', 'the body of the request was in an unknown format');
    const live = this.mustGet(type, namespace, name);
    const sent = meta(input as JsonObject);
    if (sent?.name !== undefined && sent.name !== name) {
      throw new StatusError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
    }
    if (sent?.resourceVersion && sent.resourceVersion !== meta(live).resourceVersion)
      throw conflict(type, name);
    return this.commit(type, live, structuredClone(input), q.get('fieldManager') ?? 'unknown', statusOnly, q);
  }

  /**
   * Writes an update: identity fields kept, status or spec kept per sub-resource, generation bumped on
   * spec change.
   */
  commit(
    type: ResourceType,
    live: JsonObject,
    next: JsonObject,
    manager: string,
    statusOnly: boolean,
    q: URLSearchParams,
    ownershipSet = false,
  ): JsonObject {
    this.checkKind(type, next);
    const lm = meta(live);
    next.metadata = { ...(isObject(next.metadata) ? next.metadata : {}) };
    const nm = meta(next);
    Object.assign(nm, {
      name: lm.name,
      namespace: lm.namespace,
      uid: lm.uid,
      creationTimestamp: lm.creationTimestamp,
      resourceVersion: lm.resourceVersion,
      generation: lm.generation,
      ...(lm.deletionTimestamp ? { deletionTimestamp: lm.deletionTimestamp } : {}),
    });
    if (nm.namespace === undefined) delete nm.namespace;
    if (nm.generation === undefined) delete nm.generation;
    mergeStringData(type, next);
    if (statusOnly) {
      const { status } = next;
      next = { ...structuredClone(live), status: status ?? null };
    } else if (type.hasStatus && type.kind !== 'Namespace') {
      if (live.status !== undefined) next.status = structuredClone(live.status);
      else delete next.status;
    }
    validate(type, next);
    validateUpdate(type, live, next);
    if (!ownershipSet) recordUpdate(live, next, manager, groupVersion(type), now());
    const specChanged = !deepEqual(withoutMetaAndStatus(live), withoutMetaAndStatus(next));
    if (specChanged && lm.generation !== undefined) meta(next).generation = lm.generation + 1;
    if (deepEqual(live, next)) return live;
    // dryRun=All: the request is validated and admitted as it would be, and the answer is what would be stored.
    if (q.get('dryRun') === 'All') return next;
    // Removing the last finalizer of an object being deleted completes its deletion.
    if (nm.deletionTimestamp && (nm.finalizers ?? []).length === 0) {
      this.store.remove(type, live);
      return next;
    }
    return this.store.update(type, next);
  }

  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    propagationPolicy: string,
    gracePeriodSeconds?: number,
  ): [number, JsonObject] {
    if (!['Foreground', 'Background', 'Orphan'].includes(propagationPolicy)) {
      throw new StatusError(
        422,
        'Invalid',
        `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`,
      );
    }
    const live = this.mustGet(type, namespace, name);
    const remaining = this.controllers.requestDeletion(type, live, propagationPolicy, gracePeriodSeconds);
    if (!remaining) {
      return [
        200,
        {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { ...details(type, name), uid: meta(live).uid },
        },
      ];
    }
    // Deletion waits for finalizers (202 Accepted); a pod's graceful deletion returns the pod (200).
    return [type.kind === 'Pod' ? 200 : 202, remaining];
  }

  private requireNamespace(namespace: string): void {
    const ns = this.store.get(typeOfKind('v1', 'Namespace')!, undefined, namespace);
    if (!ns)
      throw new StatusError(404, 'NotFound', `namespaces "${namespace}" not found`, {
        name: namespace,
        kind: 'namespaces',
      });
    if (meta(ns).deletionTimestamp) {
      throw new StatusError(
        403,
        'Forbidden',
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  /** The object's apiVersion and kind, when it has them, must be the resource's; it gets them when not. */
  checkKind(type: ResourceType, object: JsonObject): void {
    const apiVersion = object.apiVersion ?? groupVersion(type);
    const kind = object.kind ?? type.kind;
    if (apiVersion !== groupVersion(type) || kind !== type.kind) {
      throw new StatusError(
        400,
        'BadRequest',
        `the API version in the data (${String(apiVersion)}) does not match the expected API version (${groupVersion(type)}) or kind ${String(kind)} is not ${type.kind}`,
      );
    }
    object.apiVersion = groupVersion(type);
    object.kind = type.kind;
  }
}

/** A Secret's stringData is write-only: the API server merges it into data, base64-encoded, and drops it. */
function mergeStringData(type: ResourceType, object: JsonObject): void {
  if (type.kind !== 'Secret' || !isObject(object.stringData)) return;
  const data = isObject(object.data) ? { ...object.data } : {};
  for (const [key, value] of Object.entries(object.stringData)) {
    data[key] = Buffer.from(String(value)).toString('base64');
  }
  object.data = data;
  delete object.stringData;
}

function withoutMetaAndStatus(object: JsonObject): JsonObject {
  const { metadata: _m, status: _s, ...rest } = object;
  return rest;
}

export function conflict(type: ResourceType, name: string): StatusError {
  return new StatusError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details(type, name),
  );
}
