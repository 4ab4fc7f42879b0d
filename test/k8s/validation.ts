import { StatusError } from './status.js';
import { deepEqual, isObject, type JsonObject } from './patch.js';
import type { ResourceType } from './resources.js';
import { meta } from './store.js';

/**
 * The subset of the API server's validation that a template can trip over: names, labels, workload
 * selectors and containers, and the fields a StatefulSet or Deployment may not change. Failures are
 * 422 Invalid with causes, as the real server reports them.
 */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

interface Cause {
  field: string;
  reason: string;
  message: string;
}

// apimachinery's wording; the subdomain one as recorded (../shared/real-cluster/api/create-invalid.json).
const SUBDOMAIN_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_RULE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

export function validate(type: ResourceType, object: JsonObject): void {
  const causes: Cause[] = [];
  const m = meta(object);
  if (!m.name)
    causes.push({
      field: 'metadata.name',
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
    });
  else if (
    ['Service', 'Namespace'].includes(type.kind)
      ? !DNS_LABEL.test(m.name) || m.name.length > 63
      : !DNS_SUBDOMAIN.test(m.name) || m.name.length > 253
  ) {
    causes.push({
      field: 'metadata.name',
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${m.name}": ${['Service', 'Namespace'].includes(type.kind) ? LABEL_RULE : SUBDOMAIN_RULE}`,
    });
  }
  checkLabels(m.labels, 'metadata.labels', causes);
  if (type.kind === 'StatefulSet' || type.kind === 'Deployment' || type.kind === 'ReplicaSet') {
    const spec = (object.spec ?? {}) as JsonObject;
    const selector = (spec.selector as JsonObject | undefined)?.matchLabels as
      Record<string, string> | undefined;
    const template = (spec.template ?? {}) as JsonObject;
    const templateLabels = ((template.metadata as JsonObject | undefined)?.labels ?? {}) as Record<
      string,
      string
    >;
    if (!selector || Object.keys(selector).length === 0) {
      causes.push({ field: 'spec.selector', reason: 'FieldValueRequired', message: 'Required value' });
    } else if (!Object.entries(selector).every(([k, v]) => templateLabels[k] === v)) {
      causes.push({
        field: 'spec.template.metadata.labels',
        reason: 'FieldValueInvalid',
        message: 'Invalid value: `selector` does not match template `labels`',
      });
    }
    checkLabels(templateLabels, 'spec.template.metadata.labels', causes);
    const containers = (template.spec as JsonObject | undefined)?.containers;
    if (!Array.isArray(containers) || containers.length === 0) {
      causes.push({
        field: 'spec.template.spec.containers',
        reason: 'FieldValueRequired',
        message: 'Required value',
      });
    } else {
      containers.forEach((c, i) => {
        if (!isObject(c) || !c.name)
          causes.push({
            field: `spec.template.spec.containers[${i}].name`,
            reason: 'FieldValueRequired',
            message: 'Required value',
          });
        if (!isObject(c) || !c.image)
          causes.push({
            field: `spec.template.spec.containers[${i}].image`,
            reason: 'FieldValueRequired',
            message: 'Required value',
          });
      });
    }
  }
  if (causes.length) throw invalid(type, m.name, causes);
}

const STATEFULSET_MUTABLE = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

export function validateUpdate(type: ResourceType, live: JsonObject, next: JsonObject): void {
  const before = (live.spec ?? {}) as JsonObject;
  const after = (next.spec ?? {}) as JsonObject;
  const causes: Cause[] = [];
  if (type.kind === 'StatefulSet') {
    const frozen = (spec: JsonObject) =>
      Object.fromEntries(Object.entries(spec).filter(([k]) => !STATEFULSET_MUTABLE.includes(k)));
    if (!deepEqual(frozen(before), frozen(after))) {
      causes.push({
        field: 'spec',
        reason: 'FieldValueForbidden',
        message:
          "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      });
    }
  }
  if (
    (type.kind === 'Deployment' || type.kind === 'ReplicaSet') &&
    !deepEqual(before.selector, after.selector)
  ) {
    causes.push({
      field: 'spec.selector',
      reason: 'FieldValueInvalid',
      message: 'Invalid value: field is immutable',
    });
  }
  if (causes.length) throw invalid(type, meta(live).name, causes);
}

function checkLabels(labels: Record<string, string> | undefined, field: string, causes: Cause[]): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const [prefix, name] = key.includes('/') ? key.split('/', 2) : [undefined, key];
    if (
      (prefix !== undefined && (!DNS_SUBDOMAIN.test(prefix) || prefix.length > 253)) ||
      !name ||
      name.length > 63 ||
      !LABEL_NAME.test(name)
    ) {
      causes.push({
        field,
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.'`,
      });
    }
    if (typeof value !== 'string' || value.length > 63 || (value !== '' && !LABEL_NAME.test(value))) {
      causes.push({
        field: `${field}`,
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${String(value)}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
      });
    }
  }
}

function invalid(type: ResourceType, name: string, causes: Cause[]): StatusError {
  const kind = type.group ? `${type.kind}.${type.group}` : type.kind;
  return new StatusError(
    422,
    'Invalid',
    `${kind} "${name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(', ')}`,
    {
      name,
      ...(type.group ? { group: type.group } : {}),
      kind: type.kind,
      causes: causes as unknown as JsonObject[],
    },
  );
}
