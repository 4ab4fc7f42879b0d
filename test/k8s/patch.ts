/**
 * The double's write semantics: JSON merge patch (RFC 7386), strategic merge patch (Kubernetes' list
 * merge keys for the built-in kinds it serves), JSON patch (RFC 6902), and server-side apply with field
 * ownership. Simplification, said once here: server-side apply treats lists as atomic (the real server
 * merges associative lists such as `containers` by key), so a manager owns a whole list.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export class PatchError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly reason: string,
    readonly details: JsonObject = {},
  ) {
    super(message);
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isObject(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical(value[k])]),
    );
  return value;
}

/** RFC 7386. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key] ?? null, value);
  }
  return result;
}

/** The patchMergeKey of the list fields of the built-in kinds the double serves. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  tolerations: 'key',
};

/** Strategic merge patch: maps merge, keyed lists merge by key, `$patch: delete|replace` directives. */
export function strategicMergePatch(target: Json, patch: Json, field = ''): Json {
  if (!isObject(patch)) {
    if (Array.isArray(patch) && Array.isArray(target) && MERGE_KEYS[field]) {
      return mergeKeyedList(target, patch, MERGE_KEYS[field]!);
    }
    return structuredClone(patch);
  }
  if (patch.$patch === 'replace') {
    const { $patch: _, ...rest } = patch;
    return structuredClone(rest);
  }
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) delete result[key];
    else result[key] = strategicMergePatch(result[key] ?? null, value, key);
  }
  return result;
}

function mergeKeyedList(target: Json[], patch: Json[], key: string): Json[] {
  const result = [...target];
  for (const item of patch) {
    if (!isObject(item)) {
      result.push(item);
      continue;
    }
    const index = result.findIndex((t) => isObject(t) && t[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) result[index] = strategicMergePatch(result[index]!, item);
    else result.push(item);
  }
  return result;
}

/** RFC 6902: add, remove, replace, test (what clients use). */
export function jsonPatch(target: Json, operations: Json): Json {
  if (!Array.isArray(operations))
    throw new PatchError('json patch must be an array of operations', 400, 'BadRequest');
  let doc = structuredClone(target);
  for (const op of operations) {
    if (!isObject(op) || typeof op.path !== 'string' || typeof op.op !== 'string') {
      throw new PatchError('invalid json patch operation', 400, 'BadRequest');
    }
    const path = op.path
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = path.pop();
    if (last === undefined) {
      doc = structuredClone(op.value ?? null);
      continue;
    }
    let parent: Json = doc;
    for (const segment of path) {
      parent = Array.isArray(parent) ? parent[Number(segment)]! : isObject(parent) ? parent[segment]! : null;
      if (parent === undefined || parent === null) {
        throw new PatchError(
          `jsonpatch ${op.op} operation does not apply: doc is missing path: ${op.path}`,
          422,
          'Invalid',
        );
      }
    }
    const container = parent as JsonObject | Json[];
    const exists = Array.isArray(container) ? Number(last) < container.length : last in container;
    switch (op.op) {
      case 'add':
        if (Array.isArray(container))
          container.splice(last === '-' ? container.length : Number(last), 0, op.value!);
        else container[last] = op.value!;
        break;
      case 'replace':
      case 'remove':
        if (!exists) {
          throw new PatchError(
            `jsonpatch ${op.op} operation does not apply: doc is missing key: ${op.path}`,
            422,
            'Invalid',
          );
        }
        if (op.op === 'replace') (container as JsonObject)[last] = op.value!;
        else if (Array.isArray(container)) container.splice(Number(last), 1);
        else delete container[last];
        break;
      case 'test':
        if (!deepEqual((container as JsonObject)[last], op.value)) {
          throw new PatchError(`testing value ${op.path} failed`, 422, 'Invalid');
        }
        break;
      default:
        throw new PatchError(`Unexpected kind: ${op.op}`, 400, 'BadRequest');
    }
  }
  return doc;
}

// ── Server-side apply ──────────────────────────────────────────────────────────────────────────────

/** Fields that identify an object rather than being owned by a manager. */
const UNOWNED = new Set([
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.managedFields',
  'metadata.resourceVersion',
  'metadata.uid',
  'metadata.generation',
  'metadata.creationTimestamp',
]);

/** Leaf paths of an object: maps recurse, everything else (lists included) is a leaf. */
export function leafPaths(value: Json, prefix = ''): string[] {
  if (!isObject(value) || Object.keys(value).length === 0) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return UNOWNED.has(path) || path === 'status' ? [] : leafPaths(child, path);
  });
}

export function getPath(value: Json, path: string): Json | undefined {
  let current: Json | undefined = value;
  for (const key of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function deletePath(value: JsonObject, path: string): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parents: JsonObject[] = [value];
  let current: Json | undefined = value;
  for (const key of keys) {
    current = isObject(current) ? current[key] : undefined;
    if (!isObject(current)) return;
    parents.push(current);
  }
  delete parents[parents.length - 1]![last];
  // Drop maps the deletion left empty, as the real server does for fields nobody owns any more.
  for (let i = keys.length - 1; i >= 0; i--) {
    const parent = parents[i]!;
    const child = parent[keys[i]!];
    if (isObject(child) && Object.keys(child).length === 0) delete parent[keys[i]!];
    else break;
  }
}

/** Deep merge where lists and scalars from `config` replace what `live` has. */
function overlay(live: Json, config: Json): Json {
  if (!isObject(live) || !isObject(config)) return structuredClone(config);
  const result: JsonObject = { ...live };
  for (const [key, value] of Object.entries(config)) result[key] = overlay(result[key] ?? null, value);
  return result;
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
}

function toFieldsV1(paths: string[]): JsonObject {
  const root: JsonObject = {};
  for (const path of paths) {
    let node = root;
    for (const key of path.split('.')) node = (node[`f:${key}`] ??= {}) as JsonObject;
  }
  return root;
}

function fromFieldsV1(fields: JsonObject, prefix = ''): string[] {
  const keys = Object.keys(fields).filter((k) => k.startsWith('f:'));
  if (keys.length === 0) return prefix ? [prefix] : [];
  return keys.flatMap((k) =>
    fromFieldsV1(fields[k] as JsonObject, prefix ? `${prefix}.${k.slice(2)}` : k.slice(2)),
  );
}

export function ownership(object: JsonObject): Map<string, { operation: string; paths: Set<string> }> {
  const entries = ((object.metadata as JsonObject | undefined)?.managedFields ??
    []) as unknown as ManagedFieldsEntry[];
  return new Map(
    entries.map((e) => [
      `${e.manager}\u0000${e.operation}`,
      { operation: e.operation, paths: new Set(fromFieldsV1(e.fieldsV1)) },
    ]),
  );
}

export function setOwnership(
  object: JsonObject,
  owners: Map<string, { operation: string; paths: Set<string> }>,
  apiVersion: string,
  now: string,
): void {
  const entries: ManagedFieldsEntry[] = [];
  for (const [key, { operation, paths }] of owners) {
    if (paths.size === 0) continue;
    entries.push({
      manager: key.split('\u0000')[0]!,
      operation: operation as 'Apply' | 'Update',
      apiVersion,
      time: now,
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1([...paths].sort()),
    });
  }
  (object.metadata as JsonObject).managedFields = entries as unknown as Json;
}

/** Records that `manager` (an Update) set every leaf that differs between `before` and `after`. */
export function recordUpdate(
  before: JsonObject | null,
  after: JsonObject,
  manager: string,
  apiVersion: string,
  now: string,
): void {
  const owners = ownership(before ?? after);
  const changed = leafPaths(after).filter(
    (p) => !before || !deepEqual(getPath(before, p), getPath(after, p)),
  );
  if (changed.length === 0 && before) return setOwnership(after, owners, apiVersion, now);
  for (const [key, entry] of owners)
    if (!key.startsWith(`${manager}\u0000`)) for (const p of changed) entry.paths.delete(p);
  const mine = owners.get(`${manager}\u0000Update`) ?? { operation: 'Update', paths: new Set<string>() };
  for (const p of changed) mine.paths.add(p);
  owners.set(`${manager}\u0000Update`, mine);
  setOwnership(after, owners, apiVersion, now);
}

/**
 * Server-side apply of `config` by `manager` onto `live` (null when the object does not exist yet).
 * Fields the manager applied before and leaves out now are removed unless another manager owns them;
 * a field another manager owns with a different value is a conflict unless `force`.
 */
export function serverSideApply(
  live: JsonObject | null,
  config: JsonObject,
  manager: string,
  force: boolean,
  now: string,
): JsonObject {
  const apiVersion = String(config.apiVersion);
  const configPaths = leafPaths(config);
  if (!live) {
    const created = structuredClone(config);
    const owners = new Map([[`${manager}\u0000Apply`, { operation: 'Apply', paths: new Set(configPaths) }]]);
    setOwnership(created, owners, apiVersion, now);
    return created;
  }
  const owners = ownership(live);
  const conflicts: { manager: string; path: string }[] = [];
  for (const path of configPaths) {
    if (deepEqual(getPath(live, path), getPath(config, path))) continue;
    for (const [key, entry] of owners) {
      const other = key.split('\u0000')[0]!;
      if (
        other !== manager &&
        [...entry.paths].some((p) => p === path || p.startsWith(`${path}.`) || path.startsWith(`${p}.`))
      ) {
        conflicts.push({ manager: other, path });
      }
    }
  }
  if (conflicts.length && !force) {
    const error = new PatchError(
      `Apply failed with ${conflicts.length} conflict${conflicts.length > 1 ? 's' : ''}: ${conflicts.map((c) => `conflict with "${c.manager}": .${c.path}`).join(', ')}`,
      409,
      'Conflict',
      // As recorded (../shared/real-cluster/api/ssa-conflict.json): causes only, no name or kind.
      {
        causes: conflicts.map((c) => ({
          reason: 'FieldManagerConflict',
          message: `conflict with "${c.manager}"`,
          field: `.${c.path}`,
        })),
      },
    );
    throw error;
  }
  if (force) {
    for (const [key, entry] of owners) {
      if (key.startsWith(`${manager}\u0000`)) continue;
      for (const path of configPaths)
        for (const p of [...entry.paths]) if (p === path || p.startsWith(`${path}.`)) entry.paths.delete(p);
    }
  }
  const previous = owners.get(`${manager}\u0000Apply`)?.paths ?? new Set<string>();
  const result = structuredClone(live);
  const ownedByOthers = (path: string) =>
    [...owners].some(([key, e]) => !key.startsWith(`${manager}\u0000`) && e.paths.has(path));
  for (const path of previous)
    if (!configPaths.includes(path) && !ownedByOthers(path)) deletePath(result, path);
  const merged = overlay(result, config) as JsonObject;
  owners.set(`${manager}\u0000Apply`, { operation: 'Apply', paths: new Set(configPaths) });
  setOwnership(merged, owners, apiVersion, now);
  return merged;
}
