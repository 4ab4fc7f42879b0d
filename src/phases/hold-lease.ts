import type { RunContext } from '../github/event.js';
import type { KubeClient } from '../kube/client.js';
import { acquireLease, type HeldLease } from '../kube/lease.js';
import { LEASE_STATE } from '../model/checkpoint.js';
import type { EnvironmentRun } from '../resolve/run.js';

/**
 * Waits for, then holds, the environment's lease: one run per environment at a time. While it is held,
 * the step state says so, for a post step to release it should this process be killed.
 */
export async function holdLease(client: KubeClient, run: EnvironmentRun): Promise<HeldLease> {
  const { settings } = run;
  const lease = await acquireLease(client, run.ids.id, {
    holder: holderOf(run.context),
    durationSeconds: 30,
    waitMs: settings.timeoutMs,
    pollMs: 2000,
    signal: run.signal,
    log: run.log,
  });
  LEASE_STATE.save(run.checkpoint, {
    namespace: settings.namespace,
    name: lease.name,
    identity: lease.identity,
    // Never a secret in the step state: a kubeconfig given as content is read from the input again.
    kubeconfig: settings.kubeconfig.kind === 'content' ? { kind: 'content' } : settings.kubeconfig,
    context: settings.context,
  });
  const release = async () => {
    await lease.release();
    LEASE_STATE.save(run.checkpoint, undefined);
  };
  return { ...lease, release, [Symbol.asyncDispose]: release };
}

/** Who holds a lease, as other runs see it while they wait: the workflow run's URL when there is one. */
export function holderOf(context: RunContext): string {
  return context.runUrl ?? 'the kube-pod-preview CLI';
}
