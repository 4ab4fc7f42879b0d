import { UserError } from '../util/errors.js';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/log.js';
import { KubeApiError } from './api-error.js';
import type { KubeClient, PropagationPolicy } from './client.js';
import type { Pod } from '../model/kinds.js';
import { ANNOTATIONS, WORKLOAD_KIND_KEYS, parseKindKey, type KubeObject } from '../model/objects.js';
import { sleep } from '../util/sleep.js';

/** Kinds searched even when nothing records them: the workloads themselves and the claims they leave. */
const ALWAYS = [...WORKLOAD_KIND_KEYS, 'v1/PersistentVolumeClaim'];
/** The wait for the objects to go polls at first often (a pod may go in a second), then twice a second. */
const POLL_MS = { first: 200, max: 500 };
/** A wait longer than this says what it waits for, and again every REPORT_MS.every. */
const REPORT_MS = { first: 2_000, every: 10_000 };
/**
 * The grace period the environment's pods get when it is deleted. Their default (30 s) would let dockerd
 * stop each service with Docker's stop timeout (10 s for one that ignores SIGTERM); everything in the
 * pod is about to be deleted with its volume, so a graceful stop buys nothing.
 */
const TEARDOWN_GRACE_SECONDS = 1;

/**
 * Deletes every object of one environment, found by its labels, and waits until they are gone so that a
 * reopen right after a close starts clean. The kinds searched are those the current template uses, those
 * recorded on the docker-host workload when it was deployed and exposed (the template may have changed
 * since), the workload kinds, and PersistentVolumeClaims; pods are awaited too.
 *
 * The pods are deleted first, with a grace period of 1 s. Deleting their workload first (Foreground)
 * lets the garbage collector delete them within ~0.1 s with their own grace period, and once the
 * kubelet has begun that stop a later, shorter one does not hurry it: with a service that ignores
 * SIGTERM, dockerd then waits out Docker's stop timeout and the environment takes 13–15 s to go instead
 * of 4–5 s (../shared/real-cluster/teardown-timings.json, variants b and d–g).
 */
export async function teardown(
  client: KubeClient,
  options: { selector: string; templateKinds: string[]; timeoutMs: number; signal: AbortSignal; log: Logger },
): Promise<{ deleted: string[] }> {
  const { selector, log } = options;
  const kinds = new Set([...options.templateKinds, ...ALWAYS]);
  // The workloads are listed once: for the kinds their deploy recorded, and again below for deletion.
  const listed = new Map<string, KubeObject[]>();
  for (const key of WORKLOAD_KIND_KEYS) {
    listed.set(key, await listMatching(client, key, selector));
    for (const workload of listed.get(key)!) {
      const annotations = workload.metadata.annotations ?? {};
      for (const annotation of [ANNOTATIONS.kinds, ANNOTATIONS.exposureKinds]) {
        for (const recorded of annotations[annotation]?.split(',') ?? []) if (recorded) kinds.add(recorded);
      }
    }
  }
  const mayDeletePods = await stopPods(client, selector, log);
  // Foreground: an object stays until Kubernetes has removed what it owns (pods, ReplicaSets), so
  // waiting for it to go means waiting for everything under it.
  const { deleted, served } = await deleteMatching(client, [...kinds], selector, {
    propagation: 'Foreground',
    listed,
    log,
  });
  // A ReplicaSet replaces a deleted pod until its Deployment is deleted: stop the replacements too.
  if (mayDeletePods) await stopPods(client, selector, log);
  await waitUntilGone(client, [...served, 'v1/Pod'], selector, options);
  return { deleted };
}

/**
 * Deletes the objects of `kinds` (kind keys) that `selector` matches, but those `keep` names
 * (`apiVersion/Kind/name`), skipping kinds the cluster no longer serves. `listed` saves a list already
 * made. Returns what was deleted (`Kind/name`) and the kinds that are served.
 */
export async function deleteMatching(
  client: KubeClient,
  kinds: string[],
  selector: string,
  options: {
    propagation: PropagationPolicy;
    keep?: Set<string>;
    listed?: Map<string, KubeObject[]>;
    /** Why, in the log line: `deleted: <why>`. */
    why?: string;
    log: Logger;
  },
): Promise<{ deleted: string[]; served: string[] }> {
  const deleted: string[] = [];
  const served: string[] = [];
  for (const key of kinds) {
    const { apiVersion, kind } = parseKindKey(key);
    if (!(await client.resource(apiVersion, kind))) {
      options.log.warning(`The cluster no longer serves ${apiVersion} ${kind}; skipping it.`);
      continue;
    }
    served.push(key);
    for (const object of options.listed?.get(key) ?? (await listMatching(client, key, selector))) {
      const ref = { apiVersion, kind, name: object.metadata.name };
      if (options.keep?.has(`${key}/${ref.name}`)) continue;
      if (await client.delete(ref, options.propagation)) {
        deleted.push(`${kind}/${ref.name}`);
        options.log.info(`  ${kind}/${ref.name} deleted${options.why ? `: ${options.why}` : ''}`);
      }
    }
  }
  return { deleted, served };
}

/**
 * Deletes the environment's pods with a short grace period, so that they stop at once instead of
 * waiting out Docker's stop timeouts; those already stopping with it are left alone. Without "delete"
 * on pods (it is optional, deploy/rbac.yaml grants it) they keep their own grace period, which is only
 * slower: then false.
 */
async function stopPods(client: KubeClient, selector: string, log: Logger): Promise<boolean> {
  for (const pod of await listMatching<Pod>(client, 'v1/Pod', selector)) {
    const grace = pod.metadata.deletionGracePeriodSeconds;
    if (grace !== undefined && grace <= TEARDOWN_GRACE_SECONDS) continue;
    try {
      const ref = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name };
      if (await client.delete(ref, 'Background', { gracePeriodSeconds: TEARDOWN_GRACE_SECONDS }))
        log.info(`  Pod/${ref.name} deleted, with a grace period of ${TEARDOWN_GRACE_SECONDS}s`);
    } catch (error) {
      if (!(error instanceof KubeApiError && error.code === 403)) throw error;
      log.info(
        `The pods keep their own grace period (not allowed to delete pods: ${error.message}); deleting can take as long as Docker's stop timeout.`,
      );
      return false;
    }
  }
  return true;
}

async function listMatching<T extends KubeObject = KubeObject>(
  client: KubeClient,
  key: string,
  selector: string,
): Promise<T[]> {
  const { apiVersion, kind } = parseKindKey(key);
  return (await client.list<T>(apiVersion, kind, { labelSelector: selector })).items;
}

/**
 * Waits, polling, until nothing of `kinds` matches `selector`: a reopen right after starts clean. Past
 * two seconds it says what is left, and again every ten.
 */
async function waitUntilGone(
  client: KubeClient,
  kinds: string[],
  selector: string,
  options: { timeoutMs: number; signal: AbortSignal; log: Logger },
): Promise<void> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  let report = started + REPORT_MS.first;
  for (let pause = POLL_MS.first; ; pause = Math.min(pause * 2, POLL_MS.max)) {
    options.signal.throwIfAborted();
    const left: string[] = [];
    for (const key of kinds) {
      const { kind } = parseKindKey(key);
      left.push(...(await listMatching(client, key, selector)).map((o) => `${kind}/${o.metadata.name}`));
    }
    if (left.length === 0) return;
    if (Date.now() >= report) {
      options.log.info(
        `  waiting for ${left.join(', ')} to go (${formatDuration(Date.now() - started)} so far; a pod goes once its containers have stopped)`,
      );
      report = Date.now() + REPORT_MS.every;
    }
    if (Date.now() >= deadline) {
      throw new UserError(
        `These objects were still there ${formatDuration(options.timeoutMs)} after deleting them (input timeout): ${left.join(', ')}. A finalizer may hold them; see kubectl describe.`,
      );
    }
    await sleep(pause, options.signal);
  }
}
