import { manifestOf } from '../plan/manifest.js';
import { planEnvironment } from '../plan/environment-plan.js';
import type { ProjectRun } from '../resolve/run.js';
import type { Cluster, CommandResult } from './cluster.js';

/**
 * `plan`: the objects `up` would apply, the exposure of the ports compose declares included, as YAML.
 * With `--server`, as the API server answers their dry-run apply (defaults and admission's changes
 * filled in). A Secret's values are masked either way.
 */
export async function showPlan(run: ProjectRun, cluster: Cluster): Promise<CommandResult> {
  const plan = await planEnvironment(run);
  const exposure = await plan.declaredExposure();
  if (!run.planOnServer)
    return { command: 'plan', manifest: manifestOf([...plan.pod.objects, ...exposure.objects]) };
  // Loaded here: `plan` without --server does not parse the Kubernetes client library.
  const { applyPlan } = await import('../kube/apply.js');
  const client = await cluster.connect();
  const write = { serverSideApply: run.settings.serverSideApply, log: run.log, dryRun: true };
  const objects = [
    ...(await applyPlan(client, plan.pod, write)),
    ...(exposure.objects.length > 0 ? await applyPlan(client, exposure, write) : []),
  ];
  return { command: 'plan', manifest: manifestOf(objects) };
}
