import type { JsonObject } from './patch.js';
import { StatusError } from './status.js';

/** A Role's rule: `*` matches any group, resource or verb. */
export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string | undefined;
  namespace?: string | undefined;
  name?: string | undefined;
}

/**
 * Who the token is and what it may do: `rules` as one Role bound to `user` in every namespace;
 * undefined rules allow everything, as the AlwaysAllow authorizer does.
 */
export interface Policy {
  readonly rules: PolicyRule[] | undefined;
  readonly user: string;
}

/** RBAC's answer for one request: a 403 Status in the API server's words, or undefined when allowed. */
export function forbidden(policy: Policy, a: ResourceAttributes): StatusError | undefined {
  if (allowed(policy, a)) return undefined;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const subject = a.name && a.verb !== 'create' ? `${a.resource} "${a.name}"` : a.resource;
  const where = a.namespace ? ` in the namespace "${a.namespace}"` : ' at the cluster scope';
  return new StatusError(
    403,
    'Forbidden',
    `${subject}${a.group ? `.${a.group}` : ''} is forbidden: User "${policy.user}" cannot ${a.verb} resource "${resource}" in API group "${a.group}"${where}`,
    { ...(a.name ? { name: a.name } : {}), ...(a.group ? { group: a.group } : {}), kind: a.resource },
  );
}

/**
 * RBAC's matching (k8s.io/apiserver rbac.ResourceMatches): `*` matches anything, and a resource of
 * `*` slash a subresource matches that subresource of every resource.
 */
function allowed(policy: Policy, a: ResourceAttributes): boolean {
  if (!policy.rules) return true;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const any = (list: string[], value: string) => list.includes('*') || list.includes(value);
  const resourceMatches = (list: string[]) =>
    any(list, resource) || (!!a.subresource && list.includes(`*/${a.subresource}`));
  return policy.rules.some(
    (r) => any(r.apiGroups, a.group) && resourceMatches(r.resources) && any(r.verbs, a.verb),
  );
}

/**
 * SelfSubjectRulesReview (pkg/registry/authorization/selfsubjectrulesreview): the rules that apply in
 * spec.namespace, complete for RBAC. Without rules the double allows everything, as the AlwaysAllow
 * authorizer does, and answers with its rule. Every user may create reviews (system:basic-user).
 */
export function rulesReview(policy: Policy, object: JsonObject): JsonObject {
  const namespace = (object.spec as { namespace?: string } | undefined)?.namespace;
  if (!namespace) throw new StatusError(400, 'BadRequest', 'no namespace on request');
  const basicUser = {
    verbs: ['create'],
    apiGroups: ['authorization.k8s.io'],
    resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
  };
  const resourceRules = policy.rules
    ? [
        basicUser,
        ...policy.rules.map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources })),
      ]
    : [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }];
  return {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: object.spec as JsonObject,
    status: {
      resourceRules,
      nonResourceRules: [
        { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version'] },
      ],
      incomplete: false,
    },
  };
}

/** SelfSubjectAccessReview: the request's spec, answered in its status. */
export function accessReview(policy: Policy, object: JsonObject): JsonObject {
  const spec = object.spec as { resourceAttributes?: ResourceAttributes } | undefined;
  const attributes = spec?.resourceAttributes;
  if (!attributes) {
    throw new StatusError(
      422,
      'Invalid',
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  }
  const full = {
    ...attributes,
    group: attributes.group ?? '',
    verb: attributes.verb ?? '',
    resource: attributes.resource ?? '',
  };
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: object.spec as JsonObject,
    status: allowed(policy, full)
      ? { allowed: true, reason: 'RBAC: allowed by RoleBinding' }
      : { allowed: false },
  };
}
