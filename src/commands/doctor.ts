import { checkAccess } from '../kube/access.js';
import { preflightChecks } from '../kube/cluster-checks.js';
import type { Check } from '../model/outcome.js';
import { DOCTOR_ENV_ID } from '../model/ids.js';
import { parseServerVersion, permissionsFor, type ServerVersion } from '../model/permissions.js';
import type { Plan } from '../model/plan.js';
import { checkLine, preflightSubject } from '../phases/preflight.js';
import { planEnvironment } from '../plan/environment-plan.js';
import type { ProjectRun } from '../resolve/run.js';
import { describeError } from '../util/errors.js';
import type { Cluster, CommandResult } from './cluster.js';

/**
 * `doctor`: whether the cluster answers, whether the identity may do what `up` and `down` do, and what
 * the cluster would make of this project's objects (dry runs, classes, secrets). Changes nothing; one
 * line per check, with what to do when it fails. Without an environment id it checks a new environment
 * under a placeholder one, and says so.
 */
export async function doctor(run: ProjectRun, cluster: Cluster): Promise<CommandResult> {
  const plan = await planEnvironment(run);
  const client = await cluster.connect();
  const checks: Check[] = [];
  const record = (check: Check) => {
    checks.push(check);
    run.log.info(checkLine(check));
  };
  if (run.ids.envId === DOCTOR_ENV_ID && !run.settings.envId && run.context.prNumber === undefined) {
    record({
      name: 'environment',
      state: 'skipped',
      detail: explainPlaceholder(run.ids.id),
    });
  }
  if (plan.pod.template?.fromPullRequest) record(templateCheck(plan.pod.template));
  let server: ServerVersion | undefined;
  try {
    const version = await client.version();
    server = parseServerVersion(version);
    record({ name: 'cluster', state: 'ok', detail: `Kubernetes ${version} at ${client.serverUrl}` });
  } catch (error) {
    record({ name: 'cluster', state: 'failed', detail: describeError(error) });
    return { command: 'doctor', checks };
  }
  for (const command of ['up', 'down'] as const) {
    const needs = permissionsFor(command, plan.pod.kinds, run.settings.expose, server);
    const quiet = { ...run.log, info: () => {} };
    try {
      await checkAccess(client, needs, quiet, run.settings.namespaceFrom);
      record({ name: `permissions for ${command}`, state: 'ok', detail: 'granted' });
    } catch (error) {
      record({ name: `permissions for ${command}`, state: 'failed', detail: describeError(error) });
    }
  }
  try {
    for (const check of await preflightChecks(client, await preflightSubject(run, plan), run.log))
      record(check);
  } catch (error) {
    record({ name: 'preflight', state: 'failed', detail: describeError(error) });
  }
  return { command: 'doctor', checks };
}

/** A pod template the pull request controls is code from the PR: rendered only in the sandbox. */
function templateCheck(template: NonNullable<Plan['template']>): Check {
  return {
    name: 'template',
    state: 'ok',
    detail: `${template.path} (${template.from}) comes from the pull request: it rendered in the sandbox (no credentials, files, processes or environment), and every object it makes carries the environment's id`,
  };
}

function explainPlaceholder(id: string): string {
  return `none named (no env-id, no pull request): the checks below are of a new environment under the placeholder env-id "${DOCTOR_ENV_ID}" (id ${id}); pass --env-id to check an existing one`;
}
