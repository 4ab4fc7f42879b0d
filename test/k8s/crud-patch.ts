import { parse as parseYaml } from 'yaml';
import { conflict, type Crud } from './crud.js';
import {
  isObject,
  jsonPatch,
  mergePatch,
  serverSideApply,
  strategicMergePatch,
  type Json,
  type JsonObject,
} from './patch.js';
import type { ResourceType } from './resources.js';
import { StatusError } from './status.js';
import { meta } from './store.js';
import { decodeJson, now } from './wire.js';

/** What a PATCH names: the object, and whether it patches its status sub-resource. */
export interface PatchTarget {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  statusOnly: boolean;
}

/**
 * A PATCH: server-side apply (which creates what is not there, 201) or one of the three patch types,
 * chosen by the Content-Type; the answer's code and the object.
 */
export function patch(
  crud: Crud,
  target: PatchTarget,
  body: Buffer,
  contentType: string | undefined,
  q: URLSearchParams,
): [number, JsonObject] {
  const isApply = contentType === 'application/apply-patch+yaml';
  if (q.get('force') !== null && !isApply) {
    throw invalidOptions('force', 'Forbidden', 'may not be specified for non-apply patch');
  }
  if (isApply) return apply(crud, target, body, q);
  const { type, namespace, name, statusOnly } = target;
  const live = crud.mustGet(type, namespace, name);
  const patched = patchedWith(live, decodeJson(body), contentType);
  if (!isObject(patched)) throw new StatusError(422, 'Invalid', 'the patch produced a non-object');
  const sentVersion = meta(patched).resourceVersion;
  if (sentVersion && sentVersion !== meta(live).resourceVersion) throw conflict(type, name);
  return [200, crud.commit(type, live, patched, q.get('fieldManager') ?? 'unknown', statusOnly, q)];
}

function patchedWith(live: JsonObject, patch: Json, contentType: string | undefined): Json {
  switch (contentType) {
    case 'application/merge-patch+json':
      return mergePatch(structuredClone(live), patch);
    case 'application/strategic-merge-patch+json':
      return strategicMergePatch(structuredClone(live), patch);
    case 'application/json-patch+json':
      return jsonPatch(live, patch);
    default:
      throw new StatusError(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
      );
  }
}

/** Server-side apply: the field manager's configuration merged in, ownership recorded by the merge. */
function apply(crud: Crud, target: PatchTarget, body: Buffer, q: URLSearchParams): [number, JsonObject] {
  const { type, namespace, name, statusOnly } = target;
  const manager = q.get('fieldManager');
  if (!manager) throw invalidOptions('fieldManager', 'Required', 'is required for apply patch');
  const config = parseYaml(body.toString('utf8')) as Json;
  if (!isObject(config)) throw new StatusError(400, 'BadRequest', 'error decoding YAML: not an object');
  crud.checkKind(type, config);
  const cm = (config.metadata ?? {}) as JsonObject;
  if (cm.name !== undefined && cm.name !== name) {
    throw new StatusError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
  }
  if (type.namespaced && cm.namespace !== undefined && cm.namespace !== namespace) {
    throw new StatusError(
      400,
      'BadRequest',
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  const live = crud.get(type, namespace, name);
  const applied = serverSideApply(
    live ? structuredClone(live) : null,
    config,
    manager,
    q.get('force') === 'true',
    now(),
  );
  if (live) return [200, crud.commit(type, live, applied, manager, statusOnly, q, true)];
  applied.metadata = {
    ...(applied.metadata as JsonObject),
    name,
    ...(type.namespaced ? { namespace } : {}),
  };
  const createQuery = new URLSearchParams(q.get('dryRun') ? { dryRun: q.get('dryRun')! } : {});
  return [201, crud.create(type, namespace, applied, createQuery, { manager, ownershipSet: true })];
}

function invalidOptions(field: string, type: 'Required' | 'Forbidden', message: string): StatusError {
  const text = `${field}: ${type === 'Required' ? 'Required value' : 'Forbidden'}: ${message}`;
  return new StatusError(422, 'Invalid', `PatchOptions.meta.k8s.io "" is invalid: ${text}`, {
    group: 'meta.k8s.io',
    kind: 'PatchOptions',
    causes: [
      {
        reason: `FieldValue${type}`,
        message: `${type === 'Required' ? 'Required value' : 'Forbidden'}: ${message}`,
        field,
      },
    ],
  });
}
