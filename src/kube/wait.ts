import { UserError } from '../util/errors.js';
import { sleep, within } from '../util/sleep.js';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/log.js';
import type { KubeClient } from './client.js';
import { diagnose } from './diagnose.js';
import { awaitRefusal } from './refusals.js';
import { ownedBy, replicaSetsOf, selectorOf } from './replica-sets.js';
import type { Pod, Workload } from '../model/kinds.js';
import { describeRef, type DockerHostPod, type ObjectRef } from '../model/objects.js';

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

/** How long the wait pauses before continuing a watch that closed. */
const RESUME_MS = 200;
/** What asking the cluster why a wait ended may take. */
const DIAGNOSE_MS = 15_000;

/**
 * Waits until the docker-host workload is ready, watching it for at most `timeoutMs`, and returns the
 * ready pod that belongs to it. A watch that closes (an API server restart resets it) continues from its
 * last event; one whose version expired lists again; every call rides out an outage of the API server
 * until the wait's deadline. On timeout, or as soon as the cluster refuses to create its pods, it
 * explains what the pod is stuck on, or since when the API server has been unreachable.
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
  const watching = AbortSignal.any([deadline, done.signal]);
  void awaitRefusal(client.until(watching), ref, watching).then(
    (message) => message !== undefined && refused.abort(message),
  );
  let explained: UserError | undefined;
  const check = async () => {
    options.signal.throwIfAborted();
    if (!refused.signal.aborted && !timeout.aborted) return;
    explained ??= await whyEnded(client, ref, {
      ...options,
      ...(refused.signal.aborted ? { refusal: String(refused.signal.reason) } : {}),
    });
    throw explained;
  };
  try {
    return await watchUntilReady(client.until(deadline), ref, { log: options.log, deadline }, check);
  } catch (error) {
    // A call cut short by the deadline ends with the deadline's reason: say why the wait ended instead.
    if (!explained && deadline.aborted) await check();
    throw error;
  } finally {
    done.abort();
  }
}

/** Why the wait ended before the workload was ready: the pods refused, the API server away, or its state. */
async function whyEnded(
  client: KubeClient,
  ref: ObjectRef,
  options: { timeoutMs: number; signal: AbortSignal; selector: string; refusal?: string },
): Promise<UserError> {
  const outage = client.outage;
  if (options.refusal === undefined && outage) {
    return new UserError(
      `${describeRef(ref)} was not ready after ${formatDuration(options.timeoutMs)} (input timeout): ${outage}, and the deadline was reached. Check the cluster's control plane, then run again.`,
    );
  }
  const asking = client.until(within(DIAGNOSE_MS, options.signal));
  const report = await diagnose(asking, ref, options.selector).catch(
    (error: unknown) =>
      `  (the cluster could not be asked what the pod is stuck on: ${(error as Error).message})`,
  );
  if (options.refusal !== undefined)
    return new UserError(
      `The cluster refuses to create the pods of ${describeRef(ref)}: ${options.refusal}\n${report}`,
    );
  return new UserError(
    `${describeRef(ref)} was not ready after ${formatDuration(options.timeoutMs)} (input timeout).\n${report}`,
  );
}

/**
 * The wait itself: list the workload, then watch it from there until it is ready, listing again only
 * when the watch's version expired. `check` runs before every pass and throws to end the wait.
 */
async function watchUntilReady(
  client: KubeClient,
  ref: ObjectRef,
  options: { deadline: AbortSignal; log: Logger },
  check: () => Promise<void>,
): Promise<DockerHostPod> {
  const started = Date.now();
  let last = '';
  const progress = (w: Workload) => {
    const line = `  ${describeRef(ref)}: ${w.status?.readyReplicas ?? 0}/${w.spec?.replicas ?? 1} ready`;
    if (line !== last) options.log.info(`${line} (${formatDuration(Date.now() - started)})`);
    last = line;
  };
  while (true) {
    await check();
    const { items, resourceVersion } = await client.list<Workload>(ref.apiVersion, ref.kind, {
      fieldSelector: `metadata.name=${ref.name}`,
    });
    const workload = items[0];
    if (!workload) throw deletedWhileWaiting(ref);
    progress(workload);
    if (isWorkloadReady(workload)) return findReadyPod(client, ref.kind, workload);
    const ready = await watchFrom(client, ref, { resourceVersion, workload, progress, check, ...options });
    if (ready) return findReadyPod(client, ref.kind, ready);
    // Expired: list again, after a breath (a server that expires every watch must not make this spin).
    await sleep(RESUME_MS, options.deadline).catch(() => undefined);
  }
}

/**
 * Watches the workload from `resourceVersion`, continuing from the last event seen whenever the watch
 * closes, until it is ready (resolves with it) or the version expired (undefined: list again).
 */
async function watchFrom(
  client: KubeClient,
  ref: ObjectRef,
  state: {
    resourceVersion: string;
    workload: Workload;
    progress: (w: Workload) => void;
    check: () => Promise<void>;
    deadline: AbortSignal;
  },
): Promise<Workload | undefined> {
  let { resourceVersion, workload } = state;
  while (true) {
    let deleted = false;
    const { end, resourceVersion: last } = await client.watch<Workload>(
      ref.apiVersion,
      ref.kind,
      { resourceVersion, fieldSelector: `metadata.name=${ref.name}` },
      (event) => {
        if (event.type === 'DELETED') deleted = true;
        else if (event.type === 'ADDED' || event.type === 'MODIFIED') {
          workload = event.object;
          state.progress(workload);
        }
        return deleted || isWorkloadReady(workload);
      },
      state.deadline,
    );
    if (deleted) throw deletedWhileWaiting(ref);
    if (end === 'done') return workload;
    if (end === 'expired') return undefined;
    resourceVersion = last;
    // Closed (the server's timeout, a dropped connection, a restart): continue after a breath. The
    // deadline may end the pause early: check() says why.
    await sleep(RESUME_MS, state.deadline).catch(() => undefined);
    await state.check();
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
