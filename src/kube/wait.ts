import { UserError } from '../util/errors.js';
import { sleep } from '../util/sleep.js';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/log.js';
import type { KubeClient } from './client.js';
import { diagnose } from './diagnose.js';
import { awaitRefusal } from './refusals.js';
import { ownedBy, replicaSetsOf, selectorOf } from './replica-sets.js';
import { describeRef, type DockerHostPod, type ObjectRef } from '../model/objects.js';

interface Workload {
  metadata: { name: string; uid?: string; generation?: number; deletionTimestamp?: unknown };
  spec?: { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    readyReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    updateRevision?: string;
  };
}

interface Pod {
  metadata: {
    name: string;
    uid?: string;
    labels?: Record<string, string>;
    deletionTimestamp?: unknown;
    creationTimestamp?: string | Date;
    ownerReferences?: { uid: string; kind: string }[];
  };
  spec?: { containers?: { name: string }[] };
  status?: { conditions?: { type: string; status: string }[] };
}

/** Ready means every desired replica runs the current spec and passes its readiness probe. */
export function isWorkloadReady(workload: Workload): boolean {
  const desired = workload.spec?.replicas ?? 1;
  const status = workload.status ?? {};
  const generation = workload.metadata.generation ?? 0;
  return (
    !workload.metadata.deletionTimestamp &&
    (status.observedGeneration ?? 0) >= generation &&
    (status.readyReplicas ?? 0) >= desired &&
    (status.updatedReplicas ?? 0) >= desired &&
    (status.replicas ?? 0) <= desired
  );
}

/**
 * Waits until the docker-host workload is ready, watching it (and listing again whenever the watch ends
 * or expires) for at most `timeoutMs`, and returns the ready pod that belongs to it. On timeout, or as
 * soon as the cluster refuses to create its pods, it explains what the pod is stuck on.
 */
export async function waitForDockerHost(
  client: KubeClient,
  ref: ObjectRef,
  options: { timeoutMs: number; signal: AbortSignal; log: Logger; selector: string },
): Promise<DockerHostPod> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  // A cluster that refuses to create the pods ends the wait at once: no timeout makes that pass.
  const refused = new AbortController();
  const done = new AbortController();
  const deadline = AbortSignal.any([options.signal, timeout, refused.signal]);
  void awaitRefusal(client, ref, AbortSignal.any([deadline, done.signal])).then(
    (message) => message !== undefined && refused.abort(message),
  );
  try {
    return await watchUntilReady(client, ref, { ...options, deadline }, async () => {
      options.signal.throwIfAborted();
      if (refused.signal.aborted) {
        const report = await diagnose(client, ref, options.selector);
        throw new UserError(
          `The cluster refuses to create the pods of ${describeRef(ref)}: ${String(refused.signal.reason)}\n${report}`,
        );
      }
      if (timeout.aborted) {
        const report = await diagnose(client, ref, options.selector);
        throw new UserError(
          `${describeRef(ref)} was not ready after ${formatDuration(options.timeoutMs)} (input timeout).\n${report}`,
        );
      }
    });
  } finally {
    done.abort();
  }
}

/**
 * The wait itself: list the workload, watch it from there until it is ready, and list again whenever
 * the watch ends. `check` runs before every pass and throws to end the wait.
 */
async function watchUntilReady(
  client: KubeClient,
  ref: ObjectRef,
  options: { deadline: AbortSignal; log: Logger },
  check: () => Promise<void>,
): Promise<DockerHostPod> {
  const { log, deadline } = options;
  const fieldSelector = `metadata.name=${ref.name}`;
  const started = Date.now();
  let last = '';

  while (true) {
    await check();
    const { items, resourceVersion } = await client.list<Workload>(ref.apiVersion, ref.kind, {
      fieldSelector,
    });
    let workload = items[0];
    if (!workload) throw deletedWhileWaiting(ref);
    let deleted = false;
    const report = (w: Workload) => {
      const line = `  ${describeRef(ref)}: ${w.status?.readyReplicas ?? 0}/${w.spec?.replicas ?? 1} ready`;
      if (line !== last) log.info(`${line} (${formatDuration(Date.now() - started)})`);
      last = line;
    };
    report(workload);
    if (isWorkloadReady(workload)) return findReadyPod(client, ref.kind, workload);
    const outcome = await client.watch<Workload>(
      ref.apiVersion,
      ref.kind,
      { resourceVersion, fieldSelector },
      (event) => {
        if (event.type === 'DELETED') deleted = true;
        else if (event.type === 'ADDED' || event.type === 'MODIFIED') {
          workload = event.object;
          report(workload);
        }
        return deleted || isWorkloadReady(workload!);
      },
      deadline,
    );
    if (deleted) throw deletedWhileWaiting(ref);
    if (outcome === 'done') return findReadyPod(client, ref.kind, workload);
    // The watch ended (server timeout, expiry, dropped connection): list again, after a breath.
    // The deadline may end the pause early: the next check() says why.
    await sleep(outcome === 'closed' ? 500 : 100, deadline).catch(() => undefined);
  }
}

function deletedWhileWaiting(ref: ObjectRef): UserError {
  return new UserError(`${describeRef(ref)} was deleted while waiting for it to become ready.`);
}

/** The ready pod the workload owns (a Deployment through its ReplicaSets), newest first. */
async function findReadyPod(client: KubeClient, kind: string, workload: Workload): Promise<DockerHostPod> {
  const ref = { apiVersion: 'apps/v1', kind, name: workload.metadata.name };
  const owners = new Set(
    kind === 'Deployment'
      ? (await replicaSetsOf(client, workload)).map((rs) => rs.metadata.uid!)
      : [workload.metadata.uid!],
  );
  const pods = await client.list<Pod>('v1', 'Pod', { labelSelector: selectorOf(workload) });
  const ready = pods.items
    .filter((pod) => ownedBy(pod, owners) && !pod.metadata.deletionTimestamp)
    .filter((pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
    .sort((a, b) => time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp));
  const pod = ready[0];
  const container = pod?.spec?.containers?.[0]?.name;
  if (!pod || !container)
    throw new UserError(`${describeRef(ref)} reports ready, but none of its pods is ready.`);
  return { name: pod.metadata.name, container };
}

function time(value: string | Date | undefined): number {
  return value ? new Date(value).getTime() : 0;
}
