import { UserError } from '../util/errors.js';
import type { Ids } from './ids.js';
import { describeRef, refOf, type KubeObject } from './objects.js';
import { podReach } from './pod-reach.js';
import { roleBindingReach, roleRulesReach } from './rbac-reach.js';
import { reachOf, type Allowance } from './reach.js';
import { routeReach } from './route-reach.js';
import { selectorReach } from './selector-reach.js';

/**
 * The kinds a pull request's template may create, by API group: those preview templates use (Preevy's
 * own among them), whose reach the checks here understand. Anything else (an EndpointSlice that points a
 * Service anywhere, an ingress controller's own route kinds) is refused, not filtered.
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

/**
 * What a rendered object from the pull request may reach in the namespace it shares with other
 * environments and with the action's own identity: only what belongs to its environment. A pod that
 * runs as the action's ServiceAccount, mounts another environment's Secret or claim, a Role the template
 * binds, a route for another host or a selector over other pods would hand the pull request's code what
 * its name check alone does not see. `allowance`: what the workflow lets them do besides.
 */
export function ownReferences(object: KubeObject, ids: Ids, what: string, allowance: Allowance = {}): void {
  allowedKind(object, what);
  const reach = reachOf(object, ids, what, allowance);
  podReach(reach);
  selectorReach(reach);
  routeReach(reach);
  if (object.kind === 'RoleBinding') roleBindingReach(reach);
  if (object.kind === 'Role') roleRulesReach(reach);
  if (object.kind === 'Secret' && object.type === 'kubernetes.io/service-account-token')
    throw new UserError(
      `The ${what} creates ${describeRef(refOf(object))}, a ServiceAccount token Secret: it would mint a token for whichever ServiceAccount it names. Remove it.`,
    );
}

function allowedKind(object: KubeObject, what: string): void {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0]! : '';
  if (Object.hasOwn(PULL_REQUEST_KINDS, group) && PULL_REQUEST_KINDS[group]!.includes(object.kind)) return;
  throw new UserError(
    `The ${what} creates ${describeRef(refOf(object))} (${object.apiVersion}), a kind a template from the pull request may not create: only ${Object.values(PULL_REQUEST_KINDS).flat().join(', ')}. To use it, name a template of the workflow's (input template or expose-template, outside the checkout).`,
  );
}
