import { T, claimsOf, type Cluster, type Obj } from './controller-kit.js';
import type { KubeletStops } from './kubelet-stops.js';
import type { ResourceType } from './resources.js';
import { meta } from './store.js';

/**
 * The garbage collector, with the finalizers' owners: objects being deleted are finalized
 * (foregroundDeletion, orphan, pvc-protection, a pod's stop), and objects whose owners are all gone
 * are deleted in the background.
 */
export function collectGarbage(cluster: Cluster, stops: KubeletStops): void {
  for (const { resource, object } of cluster.store.all()) {
    const m = meta(object);
    if (m.deletionTimestamp) {
      finalize(cluster, stops, resource, object);
      continue;
    }
    const owners = m.ownerReferences ?? [];
    if (owners.length && owners.every((o) => !cluster.store.findByUid(o.uid))) {
      cluster.requestDeletion(resource, object, 'Background');
    }
  }
}

function finalize(cluster: Cluster, stops: KubeletStops, type: ResourceType, object: Obj): void {
  const { store, behaviour } = cluster;
  const m = meta(object);
  let finalizers = [...(m.finalizers ?? [])];
  const dependents = store
    .all()
    .filter((e) => (meta(e.object).ownerReferences ?? []).some((o) => o.uid === m.uid));
  if (finalizers.includes('foregroundDeletion')) {
    for (const d of dependents)
      if (!meta(d.object).deletionTimestamp) cluster.requestDeletion(d.resource, d.object, 'Foreground');
    if (dependents.length === 0) finalizers = finalizers.filter((f) => f !== 'foregroundDeletion');
  }
  if (finalizers.includes('orphan')) {
    for (const d of dependents) {
      const copy = structuredClone(d.object);
      meta(copy).ownerReferences = (meta(copy).ownerReferences ?? []).filter((o) => o.uid !== m.uid);
      store.update(d.resource, copy);
    }
    finalizers = finalizers.filter((f) => f !== 'orphan');
  }
  if (finalizers.includes('kubernetes.io/pvc-protection')) {
    const used = store.list(T.pod, m.namespace).some((pod) => claimsOf(pod).includes(m.name));
    if (!used) finalizers = finalizers.filter((f) => f !== 'kubernetes.io/pvc-protection');
  }
  if (type === T.pod && finalizers.length === 0) {
    const since = Date.now() - new Date(m.deletionTimestamp!).getTime();
    // The kubelet removes a pod once its containers have stopped (within its grace period).
    const grace = stops.graceOf(m.uid) ?? m.deletionGracePeriodSeconds ?? 30;
    if (behaviour.stopPod && !behaviour.stopPod(object, grace)) return;
    if (since < behaviour.podTerminationMs) return;
  }
  if (finalizers.length === 0) {
    store.remove(type, object);
    if (type === T.pod) stops.forget(m.uid);
  } else if (finalizers.length !== (m.finalizers ?? []).length) {
    const copy = structuredClone(object);
    meta(copy).finalizers = finalizers;
    store.update(type, copy);
  }
}
