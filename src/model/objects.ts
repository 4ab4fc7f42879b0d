/** A Kubernetes object as the template renders it: plain data, no client-library classes. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

/** The pod that runs the environment's Docker server, and the container to exec into. */
export interface DockerHostPod {
  name: string;
  container: string;
}

/** What identifies an object in a namespace. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
}

/** What names an object of a namespace: a whole object, or a patch of one. */
export interface NamedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}

/** An object as a JSON merge patch (RFC 7386) sends it: a null annotation removes that annotation. */
export interface ObjectPatch extends NamedObject {
  metadata: { name: string; namespace?: string; annotations?: Record<string, string | null> };
  [field: string]: unknown;
}

export function refOf(object: NamedObject): ObjectRef {
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name };
}

/** `StatefulSet/web-pr-1`, the way kubectl names an object. */
export function describeRef(ref: ObjectRef): string {
  return `${ref.kind}/${ref.name}`;
}

/** A kind as teardown remembers it: `apps/v1/StatefulSet`, `v1/ConfigMap`. */
export function kindKey(ref: { apiVersion: string; kind: string }): string {
  return `${ref.apiVersion}/${ref.kind}`;
}

export function parseKindKey(key: string): { apiVersion: string; kind: string } {
  const at = key.lastIndexOf('/');
  return { apiVersion: key.slice(0, at), kind: key.slice(at + 1) };
}

/** Labels that identify what kube-pod-preview created, and for which environment. */
export const LABELS = {
  managedBy: 'app.kubernetes.io/managed-by',
  envId: 'kube-pod-preview/env-id',
  id: 'kube-pod-preview/id',
  component: 'app.kubernetes.io/component',
} as const;

export const MANAGER = 'kube-pod-preview';

/** Names of the Leases that let one run at a time change an environment: kube-pod-preview's own. */
export const LEASE_PREFIX = `${MANAGER}-`;

/** The name of the environment's Lease. */
export function leaseName(id: string): string {
  return `${LEASE_PREFIX}${id}`;
}
/** The kinds that may run the Docker server, as kind keys: teardown, cleanup and access checks list both. */
export const WORKLOAD_KIND_KEYS = ['apps/v1/StatefulSet', 'apps/v1/Deployment'];
export const DOCKER_HOST_COMPONENT = 'docker-host';
/** The component label of the objects that expose the published ports (Services, Ingresses, …). */
export const EXPOSE_COMPONENT = 'preview-exposure';

export const ANNOTATIONS = {
  repository: 'kube-pod-preview/repository',
  prUrl: 'kube-pod-preview/pr-url',
  sha: 'kube-pod-preview/sha',
  templateHash: 'kube-pod-preview/template-hash',
  deployedAt: 'kube-pod-preview/deployed-at',
  /** On the docker-host workload: every kind the environment's template used, for teardown. */
  kinds: 'kube-pod-preview/kinds',
  /** On the docker-host workload: the kinds the exposure template used, recorded before it applies them. */
  exposureKinds: 'kube-pod-preview/exposure-kinds',
  /** When `cleanup` may remove the environment: the last deploy plus input ttl (or `/preview extend`). */
  expiresAt: 'kube-pod-preview/expires-at',
  /** On the docker-host workload: since when `cleanup` has it scaled to zero (input sleep-after). */
  sleepingSince: 'kube-pod-preview/sleeping-since',
  /** On the docker-host workload: the last deploy's URLs (JSON), for the comment of a sleeping one. */
  urls: 'kube-pod-preview/urls',
} as const;

/** A time an annotation of the object records (deployed-at, expires-at, …); undefined without one. */
export function annotatedTime(object: KubeObject, annotation: string): Date | undefined {
  const at = Date.parse(object.metadata.annotations?.[annotation] ?? '');
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** The labels that identify one environment's objects. Stable across deploys, so fit for selectors. */
export function identityLabels(ids: { envId: string; id: string }): Record<string, string> {
  return { [LABELS.managedBy]: MANAGER, [LABELS.envId]: ids.envId, [LABELS.id]: ids.id };
}

/** The label selector that finds every object of one environment. */
export function environmentSelector(id: string): string {
  return `${LABELS.managedBy}=${MANAGER},${LABELS.id}=${id}`;
}
