import { sleep } from '../util/sleep.js';
import type { KubeClient } from './client.js';
import type { ObjectRef } from '../model/objects.js';
import type { KubeEvent, Workload } from '../model/kinds.js';
import { replicaSetsOf } from './replica-sets.js';

/**
 * What a controller's FailedCreate says when no wait will help: admission forbids the pod (Pod Security,
 * a ResourceQuota or LimitRange), a plugin rejects it (a RuntimeClass that does not exist), or a webhook
 * denies it. Other FailedCreate causes (a conflict, a timeout) are retried by the controller.
 */
const REFUSED = /is forbidden|pod rejected|denied the request/i;
const POLL_MS = 1000;

/**
 * Resolves with the message of the first FailedCreate event that refuses the workload's pods, seen
 * after the watch began; with undefined once `signal` aborts. The events already there when it begins
 * count only if they recur (their count goes up, as controllers retry): a refusal the operator has
 * since fixed is not held against this run. A Deployment's pods are refused on its newest ReplicaSet.
 */
export async function awaitRefusal(
  client: KubeClient,
  workload: ObjectRef,
  signal: AbortSignal,
): Promise<string | undefined> {
  const seen = new Map<string, string>();
  for (let baseline = true; !signal.aborted; baseline = false) {
    try {
      const { items } = await client.list<KubeEvent>('v1', 'Event', {
        fieldSelector: 'reason=FailedCreate',
      });
      for (const event of items) {
        const key = event.metadata?.uid ?? event.metadata?.name ?? '';
        const version = `${event.count ?? 1}/${String(event.lastTimestamp ?? '')}`;
        const recurred = seen.get(key) !== version;
        seen.set(key, version);
        if (baseline || !recurred || !REFUSED.test(event.message ?? '')) continue;
        if (await concerns(client, workload, event)) return event.message;
      }
    } catch {
      // Best effort: the wait itself reports what the cluster says when it times out.
    }
    await sleep(POLL_MS, signal).catch(() => undefined); // aborted: the loop ends
  }
  return undefined;
}

async function concerns(client: KubeClient, workload: ObjectRef, event: KubeEvent): Promise<boolean> {
  const involved = event.involvedObject ?? {};
  if (involved.kind === workload.kind && involved.name === workload.name) return true;
  if (workload.kind !== 'Deployment' || involved.kind !== 'ReplicaSet') return false;
  const deployment = await client.read<Workload>(workload);
  const [newest] = deployment ? await replicaSetsOf(client, deployment) : [];
  return newest !== undefined && newest.metadata.uid === involved.uid;
}
