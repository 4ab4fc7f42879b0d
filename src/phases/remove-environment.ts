import type { KubeClient } from '../kube/client.js';
import { teardown } from '../kube/teardown.js';
import { environmentSelector } from '../model/objects.js';
import type { EnvironmentRun } from '../resolve/run.js';
import { phase } from './phase.js';

/**
 * Deletes every object of the environment and waits until they are gone. No `docker compose down`
 * first: the services die with the pod and their containers and volumes with its volume, so stopping
 * them bought nothing but Docker's stop timeout for each service that ignores SIGTERM (10.8 s on a real
 * cluster). The caller holds the lease.
 */
export async function removeEnvironment(
  run: EnvironmentRun,
  client: KubeClient,
  templateKinds: string[],
): Promise<string[]> {
  const { settings, ids, log, signal } = run;
  const selector = environmentSelector(ids.id);
  const { deleted } = await phase(run, { timing: 'teardown', group: 'Delete the environment' }, () =>
    teardown(client, { selector, templateKinds, timeoutMs: settings.timeoutMs, signal, log }),
  );
  if (deleted.length === 0)
    log.notice(
      `Environment ${ids.envId} does not exist in namespace ${settings.namespace}; nothing to delete.`,
    );
  return deleted;
}
