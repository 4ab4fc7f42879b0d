import { T, type Obj } from './controller-kit.js';
import type { ResourceType } from './resources.js';
import { admitServiceAccount } from './service-accounts.js';
import { StatusError } from './status.js';
import { meta, type Store } from './store.js';

/** Admission: defaults and policies applied to every create, from the API or from a controller. */
export function admit(store: Store, type: ResourceType, object: Obj): void {
  if (type === T.pvc) {
    const m = meta(object);
    m.finalizers = [...new Set([...(m.finalizers ?? []), 'kubernetes.io/pvc-protection'])];
    object.status = { phase: 'Pending' };
  }
  if (type === T.pod) {
    object.status = { phase: 'Pending', conditions: [] };
    admitServiceAccount(store, object);
    admitPodSecurity(store, object);
    admitRuntimeClass(store, object);
    admitPriorityClass(store, object);
  }
}

/**
 * Pod Security admission's `enforce` mode, from the namespace's labels: it judges pods only (workloads
 * get warnings in `warn` mode, which the double does not send). Only the baseline level's `privileged`
 * control is modelled; its message is the one a real API server sends (Pod Security Standards,
 * "Privileged Containers"; kubernetes/pod-security-admission's check_privileged.go).
 */
function admitPodSecurity(store: Store, pod: Obj): void {
  const ns = store.get(T.namespace, undefined, meta(pod).namespace!);
  const labels = (ns ? meta(ns).labels : undefined) ?? {};
  const level = labels['pod-security.kubernetes.io/enforce'];
  if (level === undefined || level === 'privileged') return;
  if (level !== 'baseline')
    throw new Error(`The double models Pod Security's baseline level only, not "${level}".`);
  const version = labels['pod-security.kubernetes.io/enforce-version'] ?? 'latest';
  const spec = (pod.spec ?? {}) as Obj;
  const containers = [...((spec.initContainers ?? []) as Obj[]), ...((spec.containers ?? []) as Obj[])];
  const privileged = containers
    .filter((c) => (c.securityContext as Obj | undefined)?.privileged === true)
    .map((c) => `"${String(c.name)}"`);
  if (privileged.length === 0) return;
  throw new StatusError(
    403,
    'Forbidden',
    `pods "${meta(pod).name}" is forbidden: violates PodSecurity "${level}:${version}": privileged (${privileged.length === 1 ? 'container' : 'containers'} ${privileged.join(', ')} must not set securityContext.privileged=true)`,
  );
}

/** The RuntimeClass admission plugin rejects a pod whose runtimeClassName names no RuntimeClass. */
function admitRuntimeClass(store: Store, pod: Obj): void {
  const runtimeClass = (pod.spec as Obj | undefined)?.runtimeClassName;
  if (typeof runtimeClass === 'string' && !store.get(T.runtimeClass, undefined, runtimeClass)) {
    throw new StatusError(
      403,
      'Forbidden',
      `pods "${meta(pod).name}" is forbidden: pod rejected: RuntimeClass "${runtimeClass}" not found`,
    );
  }
}

/** The Priority admission plugin: a priorityClassName must name a PriorityClass (the two system classes always exist). */
function admitPriorityClass(store: Store, pod: Obj): void {
  const priorityClass = (pod.spec as Obj | undefined)?.priorityClassName;
  const system = ['system-cluster-critical', 'system-node-critical'];
  if (
    typeof priorityClass === 'string' &&
    !system.includes(priorityClass) &&
    !store.get(T.priorityClass, undefined, priorityClass)
  ) {
    throw new StatusError(
      403,
      'Forbidden',
      `pods "${meta(pod).name}" is forbidden: no PriorityClass with name ${priorityClass} was found`,
    );
  }
}
