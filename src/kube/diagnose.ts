import type { KubeClient } from './client.js';
import { describeRef, type ObjectRef } from '../model/objects.js';
import type { KubeEvent, PersistentVolumeClaim, Pod, Workload } from '../model/kinds.js';
import { replicaSetsOf } from './replica-sets.js';

const EVENTS_SHOWN = 15;

/**
 * Explains why the docker-host workload is not ready: its pods' phases and unmet conditions, the reasons
 * containers wait (image pulls, crash loops), claims still Pending, and the recent events of all of them
 * (a Deployment's ReplicaSets included).
 * Best effort: a diagnosis that itself fails says so rather than hiding the timeout.
 */
export async function diagnose(client: KubeClient, workload: ObjectRef, selector: string): Promise<string> {
  try {
    const lines: string[] = ['Diagnosis:'];
    const pods = (await client.list<Pod>('v1', 'Pod', { labelSelector: selector })).items;
    const claims = (
      await client.list<PersistentVolumeClaim>('v1', 'PersistentVolumeClaim', { labelSelector: selector })
    ).items;
    if (pods.length === 0)
      lines.push(`  no pod of ${describeRef(workload)} exists yet (see its events below).`);
    for (const pod of pods) lines.push(...describePod(pod));
    for (const claim of claims) {
      if (claim.status?.phase !== 'Bound') {
        lines.push(
          `  PersistentVolumeClaim/${claim.metadata.name}: ${claim.status?.phase ?? 'Pending'} (storage class ${claim.spec?.storageClassName ?? 'default'}); check input storage-class and that the cluster can provision volumes.`,
        );
      }
    }
    // A Deployment's pods are created (or refused) by its ReplicaSets: their events say why.
    const deployment = workload.kind === 'Deployment' ? await client.read<Workload>(workload) : undefined;
    const replicaSets = deployment ? await replicaSetsOf(client, deployment) : [];
    const names = new Set([
      workload.name,
      ...replicaSets.map((rs) => rs.metadata.name),
      ...pods.map((p) => p.metadata.name),
      ...claims.map((c) => c.metadata.name),
    ]);
    const perObject = await Promise.all(
      [...names].map((name) =>
        client.list<KubeEvent>('v1', 'Event', { fieldSelector: `involvedObject.name=${name}` }),
      ),
    );
    const events = perObject
      .flatMap((list) => list.items)
      .sort((a, b) => when(a) - when(b))
      .slice(-EVENTS_SHOWN);
    if (events.length) lines.push('  Recent events:');
    for (const e of events) {
      lines.push(
        `    ${e.type ?? 'Normal'} ${e.reason ?? ''} ${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}: ${e.message ?? ''}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`,
      );
    }
    return lines.join('\n');
  } catch (error) {
    return `Diagnosis unavailable: ${(error as Error).message}`;
  }
}

/** A pod's phase, its unmet conditions, and why its containers wait or ended. */
function describePod(pod: Pod): string[] {
  const lines = [`  Pod/${pod.metadata.name}: ${pod.status?.phase ?? 'Unknown'}`];
  for (const c of pod.status?.conditions ?? []) {
    if (c.status !== 'True')
      lines.push(
        `    ${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}${c.message ? `: ${c.message}` : ''}`,
      );
  }
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const waiting = s.state?.waiting;
    const terminated = s.state?.terminated;
    if (waiting?.reason) {
      lines.push(
        `    container ${s.name} (${s.image ?? '?'}) waiting: ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`,
      );
    } else if (terminated) {
      lines.push(
        `    container ${s.name} terminated: ${terminated.reason ?? ''} exit code ${terminated.exitCode ?? '?'}`,
      );
    }
    if (s.restartCount) lines.push(`    container ${s.name} restarted ${s.restartCount} times`);
  }
  return lines;
}

function when(e: KubeEvent): number {
  const t = e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
  return t ? new Date(t).getTime() : 0;
}
