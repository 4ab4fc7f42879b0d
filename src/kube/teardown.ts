import { UserError } from '../errors.js';
import { formatDuration } from '../duration.js';
import type { Logger } from '../log.js';
import type { KubeClient } from './client.js';
import { ANNOTATIONS, WORKLOAD_KIND_KEYS, parseKindKey, type KubeObject } from './object.js';
import { sleep } from '../sleep.js';

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
  const list = async (key: string) => {
    const { apiVersion, kind } = parseKindKey(key);
    return (await client.list<KubeObject>(apiVersion, kind, { labelSelector: selector })).items;
  };
  for (const key of WORKLOAD_KIND_KEYS) {
    listed.set(key, await list(key));
    for (const workload of listed.get(key)!) {
      const annotations = workload.metadata.annotations ?? {};
      for (const annotation of [ANNOTATIONS.kinds, ANNOTATIONS.exposureKinds]) {
        for (const recorded of annotations[annotation]?.split(',') ?? []) if (recorded) kinds.add(recorded);
      }
    }
  }

  const deleted: string[] = [];
  const served: string[] = [];
  for (const key of kinds) {
    const { apiVersion, kind } = parseKindKey(key);
    if (!(await client.resource(apiVersion, kind))) {
      log.warning(`The cluster no longer serves ${apiVersion} ${kind}; skipping it.`);
      continue;
    }
    served.push(key);
    for (const object of listed.get(key) ?? (await list(key))) {
      const ref = { apiVersion, kind, name: object.metadata.name };
      // Foreground: the object stays until Kubernetes has removed what it owns (pods, ReplicaSets), so
      // waiting for it to go means waiting for everything under it.
      if (await client.delete(ref, 'Foreground')) {
        deleted.push(`${kind}/${ref.name}`);
        log.info(`  ${kind}/${ref.name} deleted`);
      }
    }
  }

  const watched = [...served, 'v1/Pod'];
  const deadline = Date.now() + options.timeoutMs;
  while (true) {
    options.signal.throwIfAborted();
    const left: string[] = [];
    for (const key of watched) {
      left.push(...(await list(key)).map((o) => `${parseKindKey(key).kind}/${o.metadata.name}`));
    }
    if (left.length === 0) break;
    if (Date.now() >= deadline) {
      throw new UserError(
        `These objects were still there ${formatDuration(options.timeoutMs)} after deleting them (input timeout): ${left.join(', ')}. A finalizer may hold them; see kubectl describe.`,
      );
    }
    await sleep(POLL_MS, options.signal);
  }
  return { deleted };
}
