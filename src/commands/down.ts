import { checkAccess } from '../kube/access.js';
import { KubeApiError } from '../kube/api-error.js';
import type { KubeClient } from '../kube/client.js';
import { permissionsFor } from '../model/permissions.js';
import { reportOf } from '../phases/github-report.js';
import { holdLease } from '../phases/hold-lease.js';
import { phase } from '../phases/phase.js';
import { removeEnvironment } from '../phases/remove-environment.js';
import { planEnvironment } from '../plan/environment-plan.js';
import type { EnvironmentRun } from '../resolve/run.js';
import { describeError } from '../util/errors.js';
import type { Cluster, CommandResult } from './cluster.js';

/**
 * `down`: access → lease → teardown → report. Every object of the environment is deleted; a namespace
 * that does not exist holds no environment: that is a success with a notice. The pull request's
 * comment, if it has one, says *deleted*.
 */
export async function down(run: EnvironmentRun, cluster: Cluster): Promise<CommandResult> {
  const kinds = await templateKinds(run);
  // An API server restart is ridden out for as long as the run waits for anything (input timeout).
  const client = (await cluster.connect()).withPatience(run.settings.timeoutMs);
  const report = reportOf(run);
  try {
    await phase(run, 'access', () =>
      checkAccess(client, permissionsFor('down', kinds), run.log, run.settings.namespaceFrom),
    );
    const deleted = await downUnlessNamespaceMissing(run, client, kinds);
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
  kinds: string[],
): Promise<string[]> {
  try {
    await using _lease = await phase(run, 'lock', () => holdLease(client, run));
    return await removeEnvironment(run, client, kinds);
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
 * The kinds the current template uses, for teardown. Teardown must work even when the template no
 * longer renders: it then relies on what the deploy recorded on the docker-host workload.
 */
async function templateKinds(run: EnvironmentRun): Promise<string[]> {
  const { compose } = run;
  if (!compose) return [];
  try {
    return (await planEnvironment({ ...run, compose })).pod.kinds;
  } catch (error) {
    run.log.warning(
      `The template does not render (${describeError(error)}); removing what the last deploy recorded.`,
    );
    return [];
  }
}
