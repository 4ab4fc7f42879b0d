import type { KubeClient } from './client.js';
import type { ReplicaSet, StoredObject, Workload } from '../model/kinds.js';

/** The label selector of a workload's `spec.selector.matchLabels`. */
export function selectorOf(workload: Workload): string {
  return Object.entries(workload.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export function ownedBy(object: StoredObject, owners: Set<string>): boolean {
  return (object.metadata.ownerReferences ?? []).some((o) => owners.has(o.uid));
}

/** The ReplicaSets a Deployment owns, newest revision first (the one its current template makes). */
export async function replicaSetsOf(client: KubeClient, deployment: Workload): Promise<ReplicaSet[]> {
  const { items } = await client.list<ReplicaSet>('apps/v1', 'ReplicaSet', {
    labelSelector: selectorOf(deployment),
  });
  const revision = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[REVISION] ?? 0);
  return items
    .filter((rs) => ownedBy(rs, new Set([deployment.metadata.uid!])))
    .sort((a, b) => revision(b) - revision(a));
}

const REVISION = 'deployment.kubernetes.io/revision';
