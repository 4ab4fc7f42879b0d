import type { Reach } from './reach.js';
import { dig, type Spec } from './spec-walk.js';

/** Kinds whose `spec.selector.matchLabels` pick the pods they act on. */
const SELECTING_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'PodDisruptionBudget'];

/**
 * The pods and workloads an object of the pull request's acts on are its environment's: a selector with
 * one of its labels whose value carries the id (the `labels` argument gives them), a scale target of its
 * own. Without it a NetworkPolicy cuts off, a PodDisruptionBudget pins, a Service publishes and an
 * autoscaler multiplies another environment's pods.
 */
export function selectorReach(reach: Reach): void {
  const { object, at } = reach;
  const spec = dig(object, 'spec');
  if (object.kind === 'Service') serviceReach(spec, reach);
  if (object.kind === 'NetworkPolicy')
    ownSelector('spec.podSelector.matchLabels', dig(spec, 'podSelector', 'matchLabels'), reach);
  if (SELECTING_KINDS.includes(object.kind))
    ownSelector('spec.selector.matchLabels', dig(spec, 'selector', 'matchLabels'), reach);
  if (object.kind === 'HorizontalPodAutoscaler') {
    at('spec.scaleTargetRef.name', dig(spec, 'scaleTargetRef')?.name);
    if (typeof dig(spec, 'scaleTargetRef')?.name !== 'string')
      reach.refuse('spec.scaleTargetRef.name', 'is not set. Name the workload the template creates.');
  }
}

/**
 * A Service reaches what its pods serve: an external name would have the ingress controller or cluster
 * DNS send the preview's traffic anywhere, and external IPs take traffic meant for those addresses from
 * every pod of the cluster (CVE-2020-8554). Without a selector it has no endpoints (a template may not
 * make EndpointSlices).
 */
function serviceReach(spec: Spec | undefined, reach: Reach): void {
  if (spec?.type === 'ExternalName' || spec?.externalName !== undefined)
    reach.refuse(
      'spec.externalName',
      'is set: a Service from the pull request serves its own pods only. Leave it out.',
    );
  if (Array.isArray(spec?.externalIPs) && spec.externalIPs.length > 0)
    reach.refuse(
      'spec.externalIPs',
      'are set: the Service would take traffic meant for those addresses. Leave them out.',
    );
  const selector = dig(spec, 'selector');
  if (selector && Object.keys(selector).length > 0) ownSelector('spec.selector', selector, reach);
}

function ownSelector(field: string, labels: Spec | undefined, { ids, refuse }: Reach): void {
  if (Object.values(labels ?? {}).some((value) => typeof value === 'string' && value.includes(ids.id)))
    return;
  refuse(
    field,
    `has no label whose value contains ${ids.id}: it would select other environments' pods too. Select with the environment's labels (the labels argument).`,
  );
}
