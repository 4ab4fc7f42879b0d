import { UserError } from '../util/errors.js';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/log.js';
import type { KubeClient, PropagationPolicy } from './client.js';
import { ANNOTATIONS, WORKLOAD_KIND_KEYS, parseKindKey, type KubeObject } from '../model/objects.js';
import { sleep } from '../util/sleep.js';

/** Kinds searched even when nothing records them: the workloads themselves and the claims they leave. */
const ALWAYS = [...WORKLOAD_KIND_KEYS, 'v1/PersistentVolumeClaim'];
const POLL_MS = 1000;

/**
 * Deletes every object of one environment, found by its labels, and waits until they are gone so that a
 * reopen right after a close starts clean. The kinds searched are those the current template uses, those
 * recorded on the docker-host workload when it was deployed and exposed (the template may have changed
 * since), the workload kinds, and PersistentVolumeClaims; pods are awaited too.
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
  // Foreground: an object stays until Kubernetes has removed what it owns (pods, ReplicaSets), so
  // waiting for it to go means waiting for everything under it.
  const { deleted, served } = await deleteMatching(client, [...kinds], selector, {
    propagation: 'Foreground',
    listed,
    log,
  });
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

async function listMatching(client: KubeClient, key: string, selector: string): Promise<KubeObject[]> {
  const { apiVersion, kind } = parseKindKey(key);
  return (await client.list<KubeObject>(apiVersion, kind, { labelSelector: selector })).items;
}

/** Waits, polling, until nothing of `kinds` matches `selector`: a reopen right after starts clean. */
async function waitUntilGone(
  client: KubeClient,
  kinds: string[],
  selector: string,
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (true) {
    options.signal.throwIfAborted();
    const left: string[] = [];
    for (const key of kinds) {
      const { kind } = parseKindKey(key);
      left.push(...(await listMatching(client, key, selector)).map((o) => `${kind}/${o.metadata.name}`));
    }
    if (left.length === 0) return;
    if (Date.now() >= deadline) {
      throw new UserError(
        `These objects were still there ${formatDuration(options.timeoutMs)} after deleting them (input timeout): ${left.join(', ')}. A finalizer may hold them; see kubectl describe.`,
      );
    }
    await sleep(POLL_MS, options.signal);
  }
}
