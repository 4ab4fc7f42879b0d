import { KubeApiError } from '../kube/api-error.js';
import type { KubeClient } from '../kube/client.js';
import { teardown } from '../kube/teardown.js';
import { environmentSelector } from '../model/objects.js';
import type { DownOutcome } from '../model/outcome.js';
import type { PullRequestReport } from '../github/report.js';
import { permissionsFor } from '../model/permissions.js';
import { checkAccess } from '../kube/access.js';
import { lock } from './lock.js';
import type { EnvironmentRun } from './run.js';

/**
 * `down`: under the environment's lease, delete every object of the environment. A
 * namespace that does not exist holds no environment: that is a success with a notice. The pull request's
 * comment, if it has one, says *deleted*.
 */
export async function runDown(
  run: EnvironmentRun,
  connected: KubeClient,
  templateKinds: string[],
  report: PullRequestReport | undefined,
): Promise<Omit<DownOutcome, 'ids' | 'namespace' | 'project' | 'timings'>> {
  // An API server restart is ridden out for as long as the run waits for anything (input timeout).
  const client = connected.withPatience(run.settings.timeoutMs);
  try {
    await run.timer.time('access', () =>
      checkAccess(client, permissionsFor('down', templateKinds), run.log, run.settings.namespaceFrom),
    );
    const deleted = await downUnlessNamespaceMissing(run, client, templateKinds);
    await report?.deleted();
    return { command: 'down', deleted };
  } catch (error) {
    await report?.ended(error, run.signal, 'teardown');
    throw error;
  }
}

async function downUnlessNamespaceMissing(
  run: EnvironmentRun,
  client: KubeClient,
  templateKinds: string[],
): Promise<string[]> {
  try {
    await using _lease = await lock(client, run);
    return await removeEnvironment(run, client, templateKinds);
  } catch (error) {
    // The lease cannot be created in a namespace that does not exist: 404 naming the namespace.
    if (!(error instanceof KubeApiError && error.namespaceMissing)) throw error;
    run.log.notice(
      `Namespace "${run.settings.namespace}" does not exist, so neither does environment ${run.ids.envId}; nothing to delete.`,
    );
    return [];
  }
}

/**
 * Deletes every object of the environment and waits until they are gone. No `docker compose down`
 * first: the services die with the pod and their containers and volumes with its volume, so stopping
 * them bought nothing but Docker's stop timeout for each service that ignores SIGTERM (10.8 s on a real
 * cluster, issue 12). The caller holds the lease.
 */
export async function removeEnvironment(
  run: EnvironmentRun,
  client: KubeClient,
  templateKinds: string[],
): Promise<string[]> {
  const { settings, ids, log, signal, timer } = run;
  const selector = environmentSelector(ids.id);
  const { deleted } = await timer.time('teardown', () =>
    log.group('Delete the environment', () =>
      teardown(client, { selector, templateKinds, timeoutMs: settings.timeoutMs, signal, log }),
    ),
  );
  if (deleted.length === 0) {
    log.notice(
      `Environment ${ids.envId} does not exist in namespace ${settings.namespace}; nothing to delete.`,
    );
  }
  return deleted;
}
