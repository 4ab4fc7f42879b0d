import { UserError } from '../util/errors.js';
import type { Ids } from './ids.js';
import { describeRef, refOf, type KubeObject } from './objects.js';

/**
 * What a rendered object may reach in the namespace it shares with other environments and with the
 * action's own identity: only what belongs to its environment. A pod that runs as the action's
 * ServiceAccount, mounts another environment's Secret or claim, or a Role the template binds, would
 * hand the pull request's code a credential its name check alone does not see; an Ingress or route for
 * another host would take that host's traffic. `ownHosts`: the hosts url-template gives the environment.
 */
export function ownReferences(
  object: KubeObject,
  ids: Ids,
  what: string,
  ownHosts: readonly string[] = [],
): void {
  const at = (field: string, name: unknown): void => {
    if (typeof name === 'string' && !name.includes(ids.id))
      throw new UserError(explainForeignReference(object, field, name, ids, what));
  };
  allowedKind(object, what);
  const spec = podSpecOf(object);
  if (spec) podReferences(spec, at);
  if (object.kind === 'Service') serviceReach(object, what);
  const host = (field: string, name: unknown): void => {
    if (typeof name === 'string' && (ownHosts.includes(name) || name.includes(ids.id))) return;
    throw new UserError(explainForeignHost(object, field, name, ids, what));
  };
  if (object.kind === 'Ingress') ingressHosts(object, host);
  if (isRoute(object)) routeHosts(object, host);
  if (object.kind === 'RoleBinding') roleBindingReferences(object, at);
  if (object.kind === 'Role') roleRules(object, what);
  if (object.kind === 'Secret' && object.type === 'kubernetes.io/service-account-token')
    throw new UserError(explainTokenSecret(object, what));
}

/**
 * The kinds a pull request's template may create, by API group: those preview templates use (Preevy's
 * own among them), whose references the checks here understand. Anything else (an EndpointSlice that
 * points a Service anywhere, an ingress controller's own route kinds) is refused, not filtered.
 */
const PULL_REQUEST_KINDS: Record<string, readonly string[]> = {
  '': ['Pod', 'Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim'],
  apps: ['Deployment', 'StatefulSet', 'ReplicaSet'],
  batch: ['Job', 'CronJob'],
  'rbac.authorization.k8s.io': ['Role', 'RoleBinding'],
  'networking.k8s.io': ['Ingress', 'NetworkPolicy'],
  'gateway.networking.k8s.io': ['HTTPRoute', 'GRPCRoute'],
  policy: ['PodDisruptionBudget'],
  autoscaling: ['HorizontalPodAutoscaler'],
};

function allowedKind(object: KubeObject, what: string): void {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0]! : '';
  if (PULL_REQUEST_KINDS[group]?.includes(object.kind)) return;
  throw new UserError(
    `The ${what} creates ${describeRef(refOf(object))} (${object.apiVersion}), a kind a template from the pull request may not create: only ${Object.values(PULL_REQUEST_KINDS).flat().join(', ')}. To use it, name a template of the workflow's (input template or expose-template, outside the checkout).`,
  );
}

/**
 * A Service reaches what its pods serve: an external name would have the ingress controller or cluster
 * DNS send the preview's traffic anywhere, and external IPs take traffic meant for those addresses from
 * every pod of the cluster (CVE-2020-8554).
 */
function serviceReach(object: KubeObject, what: string): void {
  const spec = dig(object, 'spec');
  const reach = [
    spec?.type === 'ExternalName' || spec?.externalName !== undefined ? 'spec.externalName' : undefined,
    Array.isArray(spec?.externalIPs) && spec.externalIPs.length > 0 ? 'spec.externalIPs' : undefined,
  ].filter(Boolean);
  if (reach.length > 0)
    throw new UserError(
      `The ${what} creates ${describeRef(refOf(object))} with ${reach.join(' and ')}: a Service from the pull request serves its own pods only, or it would take traffic meant for other addresses. Remove the field.`,
    );
}

type Reference = (field: string, name: unknown) => void;
type Spec = Record<string, unknown>;

/** The pod spec of a Pod, a workload's template, or a CronJob's job template. */
function podSpecOf(object: KubeObject): Spec | undefined {
  const spec = object.spec as Spec | undefined;
  if (object.kind === 'Pod') return spec;
  if (object.kind === 'CronJob') return dig(spec, 'jobTemplate', 'spec', 'template', 'spec');
  return dig(spec, 'template', 'spec');
}

function podReferences(spec: Spec, at: Reference): void {
  for (const field of ['serviceAccountName', 'serviceAccount'] as const)
    if (spec[field] !== 'default') at(`spec.${field}`, spec[field]);
  for (const volume of list(spec.volumes)) {
    at('volumes[].secret.secretName', dig(volume, 'secret')?.secretName);
    at('volumes[].persistentVolumeClaim.claimName', dig(volume, 'persistentVolumeClaim')?.claimName);
    for (const source of list(dig(volume, 'projected')?.sources))
      at('volumes[].projected.sources[].secret.name', dig(source, 'secret')?.name);
  }
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const container of list(spec[key])) {
      for (const variable of list(container.env))
        at(`${key}[].env[].valueFrom.secretKeyRef.name`, dig(variable, 'valueFrom', 'secretKeyRef')?.name);
      for (const source of list(container.envFrom))
        at(`${key}[].envFrom[].secretRef.name`, dig(source, 'secretRef')?.name);
    }
  }
}

/**
 * An Ingress serves only hosts of its environment: a rule without a host, or a default backend, would
 * answer for every host the controller has no rule for, and another host name would take over a route
 * that is not the preview's.
 */
function ingressHosts(object: KubeObject, host: Reference): void {
  const spec = dig(object, 'spec');
  if (spec?.defaultBackend !== undefined) host('spec.defaultBackend', undefined);
  for (const rule of list(spec?.rules)) host('spec.rules[].host', rule.host);
  for (const tls of list(spec?.tls)) for (const name of strings(tls.hosts)) host('spec.tls[].hosts[]', name);
}

/** A Gateway API route (HTTPRoute, GRPCRoute, TLSRoute, …): without hostnames it takes every listener's. */
function isRoute(object: KubeObject): boolean {
  return object.apiVersion.startsWith('gateway.networking.k8s.io/') && object.kind.endsWith('Route');
}

function routeHosts(object: KubeObject, host: Reference): void {
  const names = strings(dig(object, 'spec')?.hostnames);
  if (names.length === 0) host('spec.hostnames', undefined);
  for (const name of names) host('spec.hostnames[]', name);
}

/** A template's RoleBinding binds its own Role to its own ServiceAccounts, never a ClusterRole. */
function roleBindingReferences(object: KubeObject, at: Reference): void {
  const record = object as unknown as Spec;
  const roleRef = dig(record, 'roleRef');
  if (roleRef?.kind !== 'Role')
    at('roleRef (a ClusterRole)', `${String(roleRef?.kind)}/${String(roleRef?.name)}`);
  at('roleRef.name', roleRef?.name);
  for (const subject of list(record.subjects)) {
    if (subject.kind !== 'ServiceAccount')
      at('subjects[] (not a ServiceAccount)', `${String(subject.kind)}/${String(subject.name)}`);
    at('subjects[].name', subject.name);
  }
}

const READ_VERBS = ['get', 'list', 'watch'];

/** A template's Role may read what the namespace holds, but not its Secrets, and change nothing. */
function roleRules(object: KubeObject, what: string): void {
  for (const rule of list((object as unknown as Spec).rules)) {
    const verbs = strings(rule.verbs);
    const resources = strings(rule.resources);
    const changes = verbs.filter((v) => !READ_VERBS.includes(v));
    const secret = resources.filter((r) => r === '*' || r === 'secrets' || r.startsWith('serviceaccounts'));
    if (changes.length || secret.length)
      throw new UserError(explainWritableRole(object, [...changes, ...secret], what));
  }
}

function explainTokenSecret(object: KubeObject, what: string): string {
  return `The ${what} creates ${describeRef(refOf(object))}, a ServiceAccount token Secret: it would mint a token for whichever ServiceAccount it names. Remove it.`;
}

function explainWritableRole(object: KubeObject, granted: string[], what: string): string {
  return `The ${what} creates ${describeRef(refOf(object))}, which grants ${granted.map((v) => `"${v}"`).join(', ')}: a template's Role may only read (get, list, watch), and never Secrets or ServiceAccounts, or the pull request's code would gain what the action's identity holds. Narrow its rules.`;
}

function explainForeignHost(
  object: KubeObject,
  field: string,
  name: unknown,
  ids: Ids,
  what: string,
): string {
  const served =
    typeof name === 'string' && name !== ''
      ? `is "${name}", which is not this environment's host: the preview would take over that host's route`
      : 'names no host: the preview would answer for every host without a route of its own';
  return `The ${what} creates ${describeRef(refOf(object))}, whose ${field} ${served}. Serve only the hosts url-template gives this environment (the entries' host) or host names that contain ${ids.id}.`;
}

function explainForeignReference(
  object: KubeObject,
  field: string,
  name: string,
  ids: Ids,
  what: string,
): string {
  return `The ${what} creates ${describeRef(refOf(object))}, whose ${field} is "${name}", which is not this environment's (its name does not contain ${ids.id}): the preview's code would run with, or read, what belongs to the namespace, another environment or the action itself. Refer only to objects the template creates ({{ id }}-…), or leave the field out.`;
}

function dig(value: unknown, ...path: string[]): Spec | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Spec)[key];
  }
  return current !== null && typeof current === 'object' ? (current as Spec) : undefined;
}

function list(value: unknown): Spec[] {
  return Array.isArray(value)
    ? (value as unknown[]).filter((v): v is Spec => v !== null && typeof v === 'object')
    : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? (value as unknown[]).map(String) : [];
}
