import type { Ids } from './ids.js';
import {
  ANNOTATIONS,
  DOCKER_HOST_COMPONENT,
  LABELS,
  describeRef,
  identityLabels,
  kindKey,
  refOf,
  type KubeObject,
  type ObjectRef,
} from './kube/object.js';
import { UserError } from './errors.js';

/** The validated, labelled objects of one environment, ready to apply. */
export interface Plan {
  namespace: string;
  ids: Ids;
  objects: KubeObject[];
  /** The StatefulSet or Deployment that runs the Docker server. */
  dockerHost: ObjectRef;
  /** Every kind the objects use, as `apiVersion/Kind`. */
  kinds: string[];
}

export interface PlanOptions {
  namespace: string;
  ids: Ids;
  /** Extra labels and annotations from the inputs, added to every object. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Recorded as annotations so an operator can trace an object back to its PR. */
  provenance: {
    repository: string;
    prUrl?: string | undefined;
    sha?: string | undefined;
    templateHash: string;
    deployedAt: Date;
  };
}

export const WORKLOAD_KINDS = ['StatefulSet', 'Deployment'];

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

/**
 * Validates the rendered objects against the kube-pod contract and adds the labels and annotations that
 * let kube-pod-preview find, own and remove them. Pure: the same input gives the same plan.
 */
export function buildPlan(rendered: KubeObject[], options: PlanOptions): Plan {
  const { namespace, ids } = options;
  if (rendered.length === 0) throw new UserError('The template rendered no objects.');
  for (const key of Object.keys(options.labels)) {
    if (Object.values(LABELS).includes(key as never)) {
      throw new UserError(`Input labels may not set ${key}: kube-pod-preview sets it to find its objects.`);
    }
  }

  const seen = new Set<string>();
  const objects = rendered.map((original) => {
    const object = structuredClone(original);
    const ref = describeRef(refOf(object));
    if (CLUSTER_SCOPED_KINDS.has(object.kind)) {
      throw new UserError(
        `The template creates ${ref}, which is cluster-scoped. Every object must live in the namespace "${namespace}"; remove it from the template and create it once, outside the preview.`,
      );
    }
    const own = object.metadata.namespace;
    if (own !== undefined && own !== namespace) {
      throw new UserError(
        `The template puts ${ref} in namespace "${String(own)}", but the environment's namespace is "${namespace}". Use {{ namespace }} in the template, or set input namespace.`,
      );
    }
    const key = `${kindKey(object)}/${object.metadata.name}`;
    if (seen.has(key)) throw new UserError(`The template creates ${ref} twice.`);
    seen.add(key);
    object.metadata.namespace = namespace;
    return object;
  });

  const dockerHost = findDockerHost(objects);
  const identity = identityLabels(ids);
  const { provenance } = options;
  const kinds = [...new Set(objects.map(kindKey))].sort();
  const annotations: Record<string, string> = {
    ...options.annotations,
    [ANNOTATIONS.repository]: provenance.repository,
    ...(provenance.prUrl ? { [ANNOTATIONS.prUrl]: provenance.prUrl } : {}),
    ...(provenance.sha ? { [ANNOTATIONS.sha]: provenance.sha } : {}),
    [ANNOTATIONS.templateHash]: `sha256:${provenance.templateHash}`,
    [ANNOTATIONS.deployedAt]: provenance.deployedAt.toISOString(),
  };

  for (const object of objects) {
    const isDockerHost = object === dockerHost;
    object.metadata.labels = { ...object.metadata.labels, ...options.labels, ...identity };
    object.metadata.annotations = {
      ...object.metadata.annotations,
      ...annotations,
      ...(isDockerHost ? { [ANNOTATIONS.kinds]: kinds.join(',') } : {}),
    };
    labelNested(object, identity);
  }

  return { namespace, ids, objects, dockerHost: refOf(dockerHost), kinds };
}

function findDockerHost(objects: KubeObject[]): KubeObject {
  const workloads = objects.filter((o) => WORKLOAD_KINDS.includes(o.kind) && /^apps\//.test(o.apiVersion));
  const hosts = workloads.filter((o) => o.metadata.labels?.[LABELS.component] === DOCKER_HOST_COMPONENT);
  const label = `${LABELS.component}: ${DOCKER_HOST_COMPONENT}`;
  if (hosts.length !== 1) {
    const found = hosts.length
      ? `found ${hosts.length}: ${hosts.map((o) => describeRef(refOf(o))).join(', ')}`
      : `found none among ${workloads.length ? workloads.map((o) => describeRef(refOf(o))).join(', ') : 'no StatefulSet or Deployment at all'}`;
    throw new UserError(
      `Exactly one StatefulSet or Deployment in the template must carry the label "${label}" (it runs the Docker server); ${found}.`,
    );
  }
  const host = hosts[0]!;
  const containers = (host.spec as { template?: { spec?: { containers?: unknown } } } | undefined)?.template
    ?.spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    throw new UserError(
      `The docker-host ${describeRef(refOf(host))} has no containers; its first container must run the Docker server and have tar.`,
    );
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
