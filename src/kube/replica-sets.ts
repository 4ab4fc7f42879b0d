import type { KubeClient } from './client.js';

/** What the lookups below need of a Deployment, a ReplicaSet or a pod. */
export interface OwnedObject {
  metadata: {
    name: string;
    uid?: string;
    annotations?: Record<string, string>;
    ownerReferences?: { uid: string; kind: string }[];
  };
  spec?: { selector?: { matchLabels?: Record<string, string> } };
}

/** The label selector of a workload's `spec.selector.matchLabels`. */
export function selectorOf(workload: OwnedObject): string {
  return Object.entries(workload.spec?.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export function ownedBy(object: Pick<OwnedObject, 'metadata'>, owners: Set<string>): boolean {
  return (object.metadata.ownerReferences ?? []).some((o) => owners.has(o.uid));
}

/** The ReplicaSets a Deployment owns, newest revision first (the one its current template makes). */
export async function replicaSetsOf(client: KubeClient, deployment: OwnedObject): Promise<OwnedObject[]> {
  const { items } = await client.list<OwnedObject>('apps/v1', 'ReplicaSet', {
    labelSelector: selectorOf(deployment),
  });
  const revision = (rs: OwnedObject) => Number(rs.metadata.annotations?.[REVISION] ?? 0);
  return items
    .filter((rs) => ownedBy(rs, new Set([deployment.metadata.uid!])))
    .sort((a, b) => revision(b) - revision(a));
}

const REVISION = 'deployment.kubernetes.io/revision';
