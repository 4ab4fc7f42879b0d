import { randomBytes } from 'node:crypto';
import {
  T,
  createOwned,
  hash,
  isReady,
  matchLabels,
  owned,
  ownerRef,
  setStatus,
  type Cluster,
  type Obj,
} from './controller-kit.js';
import { meta } from './store.js';

/**
 * The Deployment controller: a ReplicaSet per pod template (`<name>-<hash>`), scaled to `replicas`
 * while the others go to 0, and the Deployment's status summed over them.
 */
export function reconcileDeployment(cluster: Cluster, deploy: Obj): void {
  const m = meta(deploy);
  if (m.deletionTimestamp) return;
  const spec = deploy.spec as Obj;
  const replicas = (spec.replicas as number | undefined) ?? 1;
  const templateHash = hash(spec.template);
  const name = `${m.name}-${templateHash}`;
  const current = owned(cluster, T.rs, deploy).find((rs) => meta(rs).name === name);
  if (!current && !createReplicaSet(cluster, deploy, templateHash)) return;
  for (const rs of owned(cluster, T.rs, deploy)) {
    const want = meta(rs).name === name ? replicas : 0;
    if ((rs.spec as Obj).replicas !== want) {
      const copy = structuredClone(rs);
      (copy.spec as Obj).replicas = want;
      cluster.store.update(T.rs, copy);
    }
  }
  const sets = owned(cluster, T.rs, deploy);
  const sum = (field: string) =>
    sets.reduce((n, rs) => n + (((rs.status as Obj | undefined)?.[field] as number) ?? 0), 0);
  const fresh = cluster.store.get(T.rs, m.namespace, name);
  const available = sum('availableReplicas');
  setStatus(cluster, T.deploy, deploy, {
    observedGeneration: m.generation!,
    replicas: sum('replicas'),
    updatedReplicas: ((fresh?.status as Obj | undefined)?.replicas as number) ?? 0,
    readyReplicas: sum('readyReplicas'),
    availableReplicas: available,
    conditions: [
      {
        type: 'Available',
        status: available >= replicas ? 'True' : 'False',
        reason: available >= replicas ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
      },
    ],
  });
}

/** The ReplicaSet of the Deployment's current pod template, with the next revision number. */
function createReplicaSet(cluster: Cluster, deploy: Obj, templateHash: string): Obj | undefined {
  const m = meta(deploy);
  const spec = deploy.spec as Obj;
  const replicas = (spec.replicas as number | undefined) ?? 1;
  const template = spec.template as Obj;
  const name = `${m.name}-${templateHash}`;
  const labels = {
    ...(((template.metadata as Obj | undefined)?.labels as Record<string, string>) ?? {}),
    'pod-template-hash': templateHash,
  };
  return createOwned(
    cluster,
    T.rs,
    {
      metadata: {
        name,
        namespace: m.namespace!,
        labels,
        annotations: { 'deployment.kubernetes.io/revision': String(owned(cluster, T.rs, deploy).length + 1) },
        ownerReferences: [ownerRef(T.deploy, deploy)],
      },
      spec: {
        replicas,
        selector: { matchLabels: { ...matchLabels(spec), 'pod-template-hash': templateHash } },
        template: {
          ...structuredClone(template),
          metadata: { ...((template.metadata as Obj) ?? {}), labels },
        },
      },
    },
    { object: deploy, type: T.deploy },
    {
      reason: 'ScalingReplicaSet',
      created: `Scaled up replica set ${name} to ${replicas}`,
      failed: (message) => `Failed to create new replica set "${name}": ${message}`,
    },
  );
}

/** The ReplicaSet controller: pods from its template up to `replicas`, the surplus deleted. */
export function reconcileReplicaSet(cluster: Cluster, rs: Obj): void {
  const m = meta(rs);
  if (m.deletionTimestamp) return;
  const spec = rs.spec as Obj;
  const replicas = (spec.replicas as number | undefined) ?? 1;
  const template = spec.template as Obj;
  const pods = owned(cluster, T.pod, rs).filter((p) => !meta(p).deletionTimestamp);
  for (let i = pods.length; i < replicas; i++) {
    const podName = `${m.name}-${randomBytes(3).toString('hex').slice(0, 5)}`;
    createOwned(
      cluster,
      T.pod,
      {
        metadata: {
          name: podName,
          namespace: m.namespace!,
          labels: structuredClone(((template.metadata as Obj | undefined)?.labels as Obj) ?? {}),
          ownerReferences: [ownerRef(T.rs, rs)],
        },
        spec: structuredClone((template.spec ?? {}) as Obj),
      },
      { object: rs, type: T.rs },
      {
        created: `Created pod: ${podName}`,
        // The ReplicaSet controller names its pods with generateName, so its errors name the prefix.
        failed: (message) => `Error creating: ${message.replace(`"${podName}"`, `"${m.name}-"`)}`,
      },
    );
  }
  for (const pod of pods.slice(replicas)) cluster.requestDeletion(T.pod, pod, 'Background');
  const live = owned(cluster, T.pod, rs).filter((p) => !meta(p).deletionTimestamp);
  const ready = live.filter(isReady).length;
  setStatus(cluster, T.rs, rs, {
    replicas: live.length,
    fullyLabeledReplicas: live.length,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: m.generation!,
  });
}
