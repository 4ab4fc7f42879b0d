import type { Ids } from './ids.js';
import {
  ANNOTATIONS,
  DOCKER_HOST_COMPONENT,
  EXPOSE_COMPONENT,
  LABELS,
  LEASE_PREFIX,
  describeRef,
  identityLabels,
  kindKey,
  refOf,
  type KubeObject,
  type ObjectRef,
} from './objects.js';
import { UserError } from '../util/errors.js';
import {
  explainClusterScoped,
  explainDockerHostCount,
  explainNameWithoutId,
  explainNoContainers,
  explainOpenDockerServer,
  explainOtherNamespace,
  explainOwnLeaseName,
} from './plan-messages.js';
import { isWorkload, type Workload } from './kinds.js';
import { ownReferences } from './references.js';
import type { Allowance } from './reach.js';

/** Validated, labelled objects of one environment, ready to apply. */
export interface ObjectSet {
  namespace: string;
  ids: Ids;
  objects: KubeObject[];
  /** Every kind the objects use, as `apiVersion/Kind`. */
  kinds: string[];
}

/** The environment's objects as the pod template renders them. */
export interface Plan extends ObjectSet {
  /** The StatefulSet or Deployment that runs the Docker server. */
  dockerHost: ObjectRef;
  /** What the template does that works but should not: said in the log, not an error. */
  warnings: string[];
  /** The pod template's file and who controls it: `doctor` says when the pull request does. */
  template?: { path: string; from: string; fromPullRequest: boolean };
}

/** Where a deploy comes from: recorded as annotations so an operator can trace an object to its PR. */
export interface Provenance {
  repository: string;
  prUrl?: string | undefined;
  sha?: string | undefined;
  deployedAt: Date;
  /** When `cleanup` may remove the environment (input ttl). */
  expiresAt?: Date | undefined;
}

/** What every object of one deploy records, its exposure's included: one value, computed once per run. */
export interface DeployStamp {
  namespace: string;
  ids: Ids;
  /** Extra labels and annotations from the inputs, added to every object. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** One value for every object of a deploy, its exposure's included. */
  provenance: Provenance;
}

/** A template's objects, with the hash of the template that made them (recorded on each). */
export interface RenderedTemplate {
  objects: KubeObject[];
  templateHash: string;
  /** The pull request controls the template: its objects may refer only to their environment's. */
  fromPullRequest?: boolean;
}

/**
 * Kinds that are not namespaced. A template may not create them: the environment must stay inside its
 * namespace, and its teardown only looks there. Kinds not listed here are checked against the cluster's
 * discovery when applying.
 */
export const CLUSTER_SCOPED_KINDS = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'FlowSchema',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

/** The docker-host workload among the plan's objects, as the template rendered it. */
export function dockerHostObject(plan: Pick<Plan, 'objects' | 'dockerHost'>): KubeObject {
  const { kind, name } = plan.dockerHost;
  return plan.objects.find((o) => o.kind === kind && o.metadata.name === name)!;
}

/**
 * Validates the rendered objects against the kube-pod contract and adds the labels and annotations that
 * let kube-pod-preview find, own and remove them. Pure: the same input gives the same plan. `allowance`:
 * where the workflow's inputs put the pods (a pull request's template may not choose).
 */
export function buildPlan(rendered: RenderedTemplate, stamp: DeployStamp, allowance: Allowance = {}): Plan {
  const objects = labelObjects(rendered, stamp, 'template', { allowance });
  const dockerHost = findDockerHost(objects);
  const kinds = kindsOf(objects);
  dockerHost.metadata.annotations = {
    ...dockerHost.metadata.annotations,
    [ANNOTATIONS.kinds]: kinds.join(','),
  };
  // The exposure's Service selects the docker-host pod by this label, whatever the template's own labels.
  const podTemplate = dockerHost.spec?.template;
  if (podTemplate?.metadata) {
    podTemplate.metadata.labels = {
      ...podTemplate.metadata.labels,
      [LABELS.component]: DOCKER_HOST_COMPONENT,
    };
  }
  return {
    namespace: stamp.namespace,
    ids: stamp.ids,
    objects,
    dockerHost: refOf(dockerHost),
    kinds,
    warnings: exposedDockerServer(dockerHost),
  };
}

/**
 * A Docker server listening on every address of the pod is open to every pod of the cluster (another
 * pull request's included), without TLS: it should listen on the pod's loopback, where port-forward
 * connects from.
 */
function exposedDockerServer(dockerHost: Workload): string[] {
  const container = dockerHost.spec?.template?.spec?.containers?.[0];
  const words = [...(container?.command ?? []), ...(container?.args ?? [])].map(String);
  const open = words.map((w) => /tcp:\/\/(0\.0\.0\.0|\[::\]|)(:\d+)/.exec(w)?.[0]).find(Boolean);
  if (!open) return [];
  return [explainOpenDockerServer(describeRef(refOf(dockerHost)), open)];
}

/**
 * The objects of the exposure template (Services, Ingresses, …), held to the same rules as the pod
 * template's and labelled as the environment's exposure, so a redeploy can prune what it no longer needs.
 * `allowance`: the hosts url-template gives this environment and the workflow's ingress annotations.
 */
export function buildExposurePlan(
  rendered: RenderedTemplate,
  stamp: DeployStamp,
  allowance: Allowance = {},
): ObjectSet {
  const objects = labelObjects(rendered, stamp, 'exposure template', { allowEmpty: true, allowance });
  for (const object of objects) object.metadata.labels![LABELS.component] = EXPOSE_COMPONENT;
  return { namespace: stamp.namespace, ids: stamp.ids, objects, kinds: kindsOf(objects) };
}

function kindsOf(objects: KubeObject[]): string[] {
  return [...new Set(objects.map(kindKey))].sort();
}

function labelObjects(
  rendered: RenderedTemplate,
  stamp: DeployStamp,
  what: string,
  { allowEmpty = false, allowance = {} as Allowance } = {},
): KubeObject[] {
  if (rendered.objects.length === 0 && !allowEmpty) throw new UserError(`The ${what} rendered no objects.`);
  for (const key of Object.keys(stamp.labels)) {
    if (Object.values(LABELS).includes(key as never)) {
      throw new UserError(`Input labels may not set ${key}: kube-pod-preview sets it to find its objects.`);
    }
  }
  const objects = inNamespace(rendered.objects, stamp.namespace, what);
  for (const object of objects) {
    ownName(object, stamp.ids, what);
    // A template the workflow names may use the namespace's shared objects (a ServiceAccount, a Secret).
    if (rendered.fromPullRequest) ownReferences(object, stamp.ids, what, allowance);
  }
  const identity = identityLabels(stamp.ids);
  const annotations = { ...stamp.annotations, ...provenanceAnnotations(stamp.provenance, rendered) };
  for (const object of objects) {
    object.metadata.labels = { ...object.metadata.labels, ...stamp.labels, ...identity };
    object.metadata.annotations = { ...object.metadata.annotations, ...annotations };
    labelNested(object, identity);
  }
  return objects;
}

/** Copies of the objects, each checked to be namespaced, in `namespace`, and there once. */
function inNamespace(rendered: KubeObject[], namespace: string, what: string): KubeObject[] {
  const seen = new Set<string>();
  return rendered.map((original) => {
    const object = structuredClone(original);
    const ref = describeRef(refOf(object));
    if (CLUSTER_SCOPED_KINDS.has(object.kind)) {
      throw new UserError(explainClusterScoped(what, ref, namespace));
    }
    const own = object.metadata.namespace;
    if (own !== undefined && own !== namespace) {
      throw new UserError(explainOtherNamespace(what, ref, String(own), namespace));
    }
    const key = `${kindKey(object)}/${object.metadata.name}`;
    if (seen.has(key)) throw new UserError(`The ${what} creates ${ref} twice.`);
    seen.add(key);
    object.metadata.namespace = namespace;
    return object;
  });
}

/**
 * Names belong to their environment: each carries its id, so no two environments in a namespace render
 * the same object (one would take over, or lock out, the other), and none takes a name the action keeps.
 */
function ownName(object: KubeObject, ids: Ids, what: string): void {
  const { name } = object.metadata;
  const ref = describeRef(refOf(object));
  if (object.kind === 'Lease' && name.startsWith(LEASE_PREFIX)) {
    throw new UserError(explainOwnLeaseName(what, ref));
  }
  if (!name.includes(ids.id)) {
    throw new UserError(explainNameWithoutId(what, ref, ids.id, name));
  }
}

function provenanceAnnotations(provenance: Provenance, rendered: RenderedTemplate): Record<string, string> {
  return {
    [ANNOTATIONS.repository]: provenance.repository,
    ...(provenance.prUrl ? { [ANNOTATIONS.prUrl]: provenance.prUrl } : {}),
    ...(provenance.sha ? { [ANNOTATIONS.sha]: provenance.sha } : {}),
    [ANNOTATIONS.templateHash]: `sha256:${rendered.templateHash}`,
    [ANNOTATIONS.deployedAt]: provenance.deployedAt.toISOString(),
    ...(provenance.expiresAt ? { [ANNOTATIONS.expiresAt]: provenance.expiresAt.toISOString() } : {}),
  };
}

function findDockerHost(objects: KubeObject[]): Workload {
  const workloads = objects.filter(isWorkload);
  const hosts = workloads.filter((o) => o.metadata.labels?.[LABELS.component] === DOCKER_HOST_COMPONENT);
  const label = `${LABELS.component}: ${DOCKER_HOST_COMPONENT}`;
  if (hosts.length !== 1) {
    const found = hosts.length
      ? `found ${hosts.length}: ${hosts.map((o) => describeRef(refOf(o))).join(', ')}`
      : `found none among ${workloads.length ? workloads.map((o) => describeRef(refOf(o))).join(', ') : 'no StatefulSet or Deployment at all'}`;
    throw new UserError(explainDockerHostCount(label, found));
  }
  const host = hosts[0]!;
  // The template's own YAML: nothing but this check says containers is a list.
  const containers: unknown = host.spec?.template?.spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    throw new UserError(explainNoContainers(describeRef(refOf(host))));
  }
  return host;
}

/**
 * Adds the identity labels where Kubernetes copies them to objects it creates for us: pods from pod
 * templates and PersistentVolumeClaims from a StatefulSet's volumeClaimTemplates. Teardown and
 * diagnosis find those by the same labels. Selectors are left alone: changing one is not allowed.
 */
function labelNested(object: KubeObject, identity: Record<string, string>): void {
  const spec = object.spec as
    | {
        template?: { metadata?: { labels?: Record<string, string> } };
        volumeClaimTemplates?: { metadata?: { labels?: Record<string, string> } }[];
      }
    | undefined;
  if (!spec || typeof spec !== 'object') return;
  if (spec.template && typeof spec.template === 'object') {
    spec.template.metadata = { ...spec.template.metadata };
    spec.template.metadata.labels = { ...spec.template.metadata.labels, ...identity };
  }
  if (object.kind === 'StatefulSet' && Array.isArray(spec.volumeClaimTemplates)) {
    for (const claim of spec.volumeClaimTemplates) {
      claim.metadata = { ...claim.metadata };
      claim.metadata.labels = { ...claim.metadata.labels, ...identity };
    }
  }
}
