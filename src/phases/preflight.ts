import type { KubeClient } from '../kube/client.js';
import { preflightChecks, type PreflightSubject } from '../kube/cluster-checks.js';
import type { Check } from '../model/outcome.js';
import type { EnvironmentPlan } from '../plan/environment-plan.js';
import type { ProjectRun } from '../resolve/run.js';
import { UserError } from '../util/errors.js';

/** What the checks compare the cluster with: the plan, and the exposure of the ports compose declares. */
export async function preflightSubject(run: ProjectRun, plan: EnvironmentPlan): Promise<PreflightSubject> {
  const { settings } = run;
  const { expose } = settings;
  return {
    plan: plan.pod,
    exposure: await plan.declaredExposure(),
    serverSideApply: settings.serverSideApply,
    storageClass: settings.storageClass,
    ingressClass: expose.mode === 'ingress' ? expose.ingressClass : undefined,
    tlsSecret: expose.mode === 'ingress' ? expose.tlsSecret : undefined,
  };
}

/**
 * `up`'s preflight, before it takes the lease: what the cluster would refuse fails the run in a second,
 * in the API server's own words, instead of after the wait's timeout.
 */
export async function preflight(
  run: ProjectRun,
  client: KubeClient,
  plan: EnvironmentPlan,
): Promise<Check[]> {
  const checks = await run.log.group('Preflight: dry run and cluster checks', async () => {
    const results = await preflightChecks(client, await preflightSubject(run, plan), run.log);
    for (const check of results) run.log.info(checkLine(check));
    return results;
  });
  const failed = checks.filter((c) => c.state === 'failed');
  if (failed.length > 0) throw new UserError(explainRefusal(failed));
  return checks;
}

function explainRefusal(failed: Check[]): string {
  return `The cluster would refuse this preview (nothing was changed):\n${failed.map((c) => `- ${c.name}: ${c.detail}`).join('\n')}`;
}

/** One line per check: ✔ passed, ✖ failed (with what to do), – not checked (and why). */
export function checkLine(check: Check): string {
  const mark = { ok: '✔', failed: '✖', skipped: '–' }[check.state];
  return `${mark} ${check.name}: ${check.detail}`;
}
