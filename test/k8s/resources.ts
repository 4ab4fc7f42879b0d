/**
 * The resources the double serves, with what discovery says about them. The shape follows the API
 * server's APIResourceList (name = plural, namespaced, kind, verbs, subresources as "name/sub").
 */
export interface ResourceType {
  group: string;
  version: string;
  /** Plural, as in the URL. */
  name: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  /** Writes to the main resource leave `status` alone, as with a status subresource. */
  hasStatus: boolean;
  subresources: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function type<K extends string>(
  group: string,
  version: string,
  kind: K,
  name: string,
  options: { namespaced?: boolean; hasStatus?: boolean; subresources?: string[] } = {},
): ResourceType & { kind: K } {
  return {
    group,
    version,
    name,
    singularName: kind.toLowerCase(),
    kind,
    namespaced: options.namespaced ?? true,
    hasStatus: options.hasStatus ?? false,
    subresources: options.subresources ?? [],
  };
}

export const RESOURCE_TYPES = [
  type('', 'v1', 'Namespace', 'namespaces', { namespaced: false, hasStatus: true, subresources: ['status'] }),
  type('', 'v1', 'ConfigMap', 'configmaps'),
  type('', 'v1', 'Secret', 'secrets'),
  type('', 'v1', 'Service', 'services', { hasStatus: true, subresources: ['status'] }),
  type('', 'v1', 'ServiceAccount', 'serviceaccounts'),
  type('', 'v1', 'Pod', 'pods', { hasStatus: true, subresources: ['status', 'exec', 'portforward', 'log'] }),
  type('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', {
    hasStatus: true,
    subresources: ['status'],
  }),
  type('', 'v1', 'PersistentVolume', 'persistentvolumes', { namespaced: false, hasStatus: true }),
  type('', 'v1', 'Event', 'events'),
  type('apps', 'v1', 'StatefulSet', 'statefulsets', { hasStatus: true, subresources: ['status', 'scale'] }),
  type('apps', 'v1', 'Deployment', 'deployments', { hasStatus: true, subresources: ['status', 'scale'] }),
  type('apps', 'v1', 'ReplicaSet', 'replicasets', { hasStatus: true, subresources: ['status', 'scale'] }),
  type('apps', 'v1', 'ControllerRevision', 'controllerrevisions'),
  type('networking.k8s.io', 'v1', 'Ingress', 'ingresses', { hasStatus: true, subresources: ['status'] }),
  type('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', { namespaced: false }),
  type('coordination.k8s.io', 'v1', 'Lease', 'leases'),
  type('rbac.authorization.k8s.io', 'v1', 'Role', 'roles'),
  type('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings'),
  type('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', { namespaced: false }),
  type('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', { namespaced: false }),
  type('node.k8s.io', 'v1', 'RuntimeClass', 'runtimeclasses', { namespaced: false }),
  type('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', { namespaced: false }),
  // Create-only and never stored: the answer comes back in the response's status.
  type('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', {
    namespaced: false,
  }),
  type('authorization.k8s.io', 'v1', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', {
    namespaced: false,
  }),
];

/** A kind the double serves (each kind is served by one group/version). */
export type Kind = (typeof RESOURCE_TYPES)[number]['kind'];

/** The resource of a kind. */
export function typeOf(kind: Kind): ResourceType {
  return RESOURCE_TYPES.find((t) => t.kind === kind)!;
}

export function groupVersion(t: { group: string; version: string }): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

export function findType(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.name === plural);
}

export function typeOfKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => groupVersion(t) === apiVersion && t.kind === kind);
}

/** GET /api/v1, GET /apis/{group}/{version}. */
export function resourceList(group: string, version: string): object | undefined {
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion({ group, version }),
    resources: types.flatMap((t) => [
      {
        name: t.name,
        singularName: t.singularName,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ALL_VERBS,
      },
      ...t.subresources.map((sub) => ({
        name: `${t.name}/${sub}`,
        singularName: '',
        namespaced: t.namespaced,
        kind: sub === 'scale' ? 'Scale' : sub === 'exec' || sub === 'portforward' ? 'PodExecOptions' : t.kind,
        verbs: sub === 'exec' || sub === 'portforward' ? ['create', 'get'] : ['get', 'patch', 'update'],
      })),
    ]),
  };
}

/** GET /apis. */
export function groupList(): object {
  const groups = [...new Set(RESOURCE_TYPES.filter((t) => t.group).map((t) => t.group))];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((name) => {
      const versions = [...new Set(RESOURCE_TYPES.filter((t) => t.group === name).map((t) => t.version))].map(
        (version) => ({ groupVersion: `${name}/${version}`, version }),
      );
      return { name, versions, preferredVersion: versions[0] };
    }),
  };
}
