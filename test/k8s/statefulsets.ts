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
 * The StatefulSet controller: for each ordinal its claims (from volumeClaimTemplates, owned by the set
 * when whenDeleted is Delete) and its pod `<name>-<i>`, recreated when its revision is not the set's;
 * pods past `replicas` deleted; and the set's status.
 */
export function reconcileStatefulSet(cluster: Cluster, sts: Obj): void {
  const m = meta(sts);
  if (m.deletionTimestamp) return;
  const spec = sts.spec as Obj;
  const replicas = (spec.replicas as number | undefined) ?? 1;
  const revision = `${m.name}-${hash(spec.template)}`;
  for (let i = 0; i < replicas; i++) {
    createClaims(cluster, sts, i);
    const podName = `${m.name}-${i}`;
    const pod = cluster.store.get(T.pod, m.namespace, podName);
    if (!pod) createPod(cluster, sts, i, revision);
    else if (meta(pod).labels?.['controller-revision-hash'] !== revision && !meta(pod).deletionTimestamp) {
      cluster.requestDeletion(T.pod, pod, 'Background');
    }
  }
  const pods = owned(cluster, T.pod, sts);
  for (const pod of pods) {
    const ordinal = Number(meta(pod).name.slice(m.name.length + 1));
    if (ordinal >= replicas && !meta(pod).deletionTimestamp)
      cluster.requestDeletion(T.pod, pod, 'Background');
  }
  const live = pods.filter((p) => !meta(p).deletionTimestamp);
  const updated = live.filter((p) => meta(p).labels?.['controller-revision-hash'] === revision);
  const ready = live.filter(isReady).length;
  setStatus(cluster, T.sts, sts, {
    observedGeneration: m.generation!,
    replicas: live.length,
    readyReplicas: ready,
    currentReplicas: updated.length,
    updatedReplicas: updated.length,
    availableReplicas: ready,
    currentRevision: revision,
    updateRevision: revision,
    collisionCount: 0,
  });
}

function createClaims(cluster: Cluster, sts: Obj, ordinal: number): void {
  const m = meta(sts);
  const spec = sts.spec as Obj;
  const selector = matchLabels(spec);
  const deleteClaims =
    ((spec.persistentVolumeClaimRetentionPolicy as Obj | undefined)?.whenDeleted ?? 'Retain') === 'Delete';
  for (const claim of (spec.volumeClaimTemplates ?? []) as Obj[]) {
    const cm = claim.metadata as Obj;
    const name = `${String(cm.name)}-${m.name}-${ordinal}`;
    if (cluster.store.get(T.pvc, m.namespace, name)) continue;
    createOwned(
      cluster,
      T.pvc,
      {
        metadata: {
          name,
          namespace: m.namespace!,
          labels: { ...((cm.labels as Record<string, string>) ?? {}), ...selector },
          ...(deleteClaims ? { ownerReferences: [ownerRef(T.sts, sts)] } : {}),
        },
        spec: structuredClone(claim.spec ?? {}),
      },
      { object: sts, type: T.sts },
    );
  }
}

function createPod(cluster: Cluster, sts: Obj, ordinal: number, revision: string): void {
  const m = meta(sts);
  const spec = sts.spec as Obj;
  const template = spec.template as Obj;
  const claims = (spec.volumeClaimTemplates ?? []) as Obj[];
  const podName = `${m.name}-${ordinal}`;
  const podSpec = structuredClone((template.spec ?? {}) as Obj);
  podSpec.volumes = [
    ...((podSpec.volumes ?? []) as Obj[]),
    ...claims.map((c) => ({
      name: (c.metadata as Obj).name!,
      persistentVolumeClaim: { claimName: `${String((c.metadata as Obj).name)}-${m.name}-${ordinal}` },
    })),
  ];
  podSpec.hostname = podName;
  createOwned(
    cluster,
    T.pod,
    {
      metadata: {
        name: podName,
        namespace: m.namespace!,
        labels: {
          ...(((template.metadata as Obj | undefined)?.labels as Record<string, string>) ?? {}),
          'controller-revision-hash': revision,
          'statefulset.kubernetes.io/pod-name': podName,
          'apps.kubernetes.io/pod-index': String(ordinal),
        },
        ownerReferences: [ownerRef(T.sts, sts)],
      },
      spec: podSpec,
    },
    { object: sts, type: T.sts },
    {
      created: `create Pod ${podName} in StatefulSet ${m.name} successful`,
      failed: (message) => `create Pod ${podName} in StatefulSet ${m.name} failed error: ${message}`,
    },
  );
}
