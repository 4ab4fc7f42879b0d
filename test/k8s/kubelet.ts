import { T, claimsOf, isReady, setStatus, type Cluster, type Obj } from './controller-kit.js';
import type { Json } from './patch.js';
import { meta } from './store.js';

/** Volume binding: a claim is bound at once to a volume of its own, unless no volume is ever provisioned. */
export function bindClaim(cluster: Cluster, pvc: Obj): void {
  const m = meta(pvc);
  if (m.deletionTimestamp || (pvc.status as Obj | undefined)?.phase === 'Bound') return;
  if (cluster.behaviour.mode === 'pvc-pending') {
    cluster.event(
      T.pvc,
      pvc,
      'Warning',
      'ProvisioningFailed',
      'storageclass.storage.k8s.io "standard" not found',
    );
    return;
  }
  const copy = structuredClone(pvc);
  (copy.spec as Obj).volumeName = `pvc-${m.uid}`;
  copy.status = {
    phase: 'Bound',
    accessModes: ((pvc.spec as Obj).accessModes ?? []) as Json,
    capacity: ((((pvc.spec as Obj).resources as Obj | undefined)?.requests as Obj | undefined) ?? {}) as Json,
  };
  cluster.store.update(T.pvc, copy);
}

/**
 * The scheduler and the kubelet, for one pod: unschedulable while a claim is unbound, then bound to the
 * node, then pulled and run (or failing as `behaviour.mode` says), Ready after `readyDelayMs`.
 */
export function runPod(cluster: Cluster, pod: Obj): void {
  const m = meta(pod);
  if (m.deletionTimestamp) return;
  const spec = pod.spec as Obj;
  const unbound = claimsOf(pod).filter(
    (claim) => (cluster.store.get(T.pvc, m.namespace, claim)?.status as Obj | undefined)?.phase !== 'Bound',
  );
  if (unbound.length) return unschedulable(cluster, pod);
  if (!spec.nodeName) {
    const copy = structuredClone(pod);
    (copy.spec as Obj).nodeName = 'double-node';
    cluster.store.update(T.pod, copy);
    const assigned = `Successfully assigned ${m.namespace}/${m.name} to double-node`;
    cluster.event(T.pod, pod, 'Normal', 'Scheduled', assigned);
    return;
  }
  if (cluster.behaviour.mode === 'image-pull-error') return failPull(cluster, pod);
  run(cluster, pod);
}

function unschedulable(cluster: Cluster, pod: Obj): void {
  cluster.event(
    T.pod,
    pod,
    'Warning',
    'FailedScheduling',
    '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
  );
  setStatus(cluster, T.pod, pod, {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims.',
      },
    ],
  });
}

function scheduled(): Obj {
  return { type: 'PodScheduled', status: 'True' };
}

function failPull(cluster: Cluster, pod: Obj): void {
  const containers = ((pod.spec as Obj).containers ?? []) as Obj[];
  for (const c of containers) {
    cluster.event(
      T.pod,
      pod,
      'Warning',
      'Failed',
      `Failed to pull image "${String(c.image)}": rpc error: code = NotFound desc = failed to pull and unpack image "${String(c.image)}": not found`,
    );
  }
  cluster.event(T.pod, pod, 'Normal', 'BackOff', `Back-off pulling image "${String(containers[0]?.image)}"`);
  setStatus(cluster, T.pod, pod, {
    phase: 'Pending',
    conditions: [
      scheduled(),
      {
        type: 'Ready',
        status: 'False',
        reason: 'ContainersNotReady',
        message: `containers with unready status: [${containers.map((c) => c.name).join(' ')}]`,
      },
    ],
    containerStatuses: containers.map((c) => ({
      name: c.name!,
      image: c.image!,
      ready: false,
      restartCount: 0,
      state: {
        waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${String(c.image)}"` },
      },
    })),
  });
}

function run(cluster: Cluster, pod: Obj): void {
  const { behaviour } = cluster;
  const m = meta(pod);
  const containers = ((pod.spec as Obj).containers ?? []) as Obj[];
  const age = Date.now() - new Date(m.creationTimestamp).getTime();
  const ready = behaviour.mode !== 'never-ready' && age >= behaviour.readyDelayMs;
  if (behaviour.mode === 'never-ready') {
    cluster.event(
      T.pod,
      pod,
      'Warning',
      'Unhealthy',
      'Readiness probe failed: Get "http://10.0.0.1:2375/_ping": dial tcp 10.0.0.1:2375: connect: connection refused',
    );
  }
  const wasReady = isReady(pod);
  setStatus(cluster, T.pod, pod, {
    phase: 'Running',
    podIP: '10.0.0.1',
    conditions: [
      scheduled(),
      { type: 'Initialized', status: 'True' },
      { type: 'ContainersReady', status: ready ? 'True' : 'False' },
      { type: 'Ready', status: ready ? 'True' : 'False' },
    ],
    containerStatuses: containers.map((c) => ({
      name: c.name!,
      image: c.image!,
      ready,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: m.creationTimestamp } },
    })),
  });
  if (ready && !wasReady) {
    cluster.event(T.pod, pod, 'Normal', 'Started', `Started container ${String(containers[0]?.name)}`);
    behaviour.onPodReady?.(cluster.store.get(T.pod, m.namespace, m.name)!);
  }
}
