import { stringify } from 'yaml';
import { applyPlan } from '../kube/apply.js';
import type { KubeClient } from '../kube/client.js';
import { preflightChecks, type PreflightSubject } from '../kube/preflight.js';
import type { Check } from '../model/outcome.js';
import type { Plan, PlanOptions } from '../model/plan.js';
import { UserError } from '../util/errors.js';
import { declaredExposure, maskSecret } from './plan.js';
import type { Run } from './run.js';

/** What the checks compare the cluster with: the plan, and the exposure of the ports compose declares. */
export async function preflightSubject(
  run: Run,
  plan: Plan,
  options: PlanOptions,
): Promise<PreflightSubject> {
  const { settings } = run;
  const { expose } = settings;
  return {
    plan,
    exposure: await declaredExposure(run, options),
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
  run: Run,
  client: KubeClient,
  plan: Plan,
  options: PlanOptions,
): Promise<Check[]> {
  const checks = await run.log.group('Preflight: dry run and cluster checks', async () => {
    const results = await preflightChecks(client, await preflightSubject(run, plan, options), run.log);
    for (const check of results) run.log.info(checkLine(check));
    return results;
  });
  const failed = checks.filter((c) => c.state === 'failed');
  if (failed.length > 0) {
    throw new UserError(
      `The cluster would refuse this preview (nothing was changed):\n${failed.map((c) => `- ${c.name}: ${c.detail}`).join('\n')}`,
    );
  }
  return checks;
}

/** One line per check: ✔ passed, ✖ failed (with what to do), – not checked (and why). */
export function checkLine(check: Check): string {
  const mark = { ok: '✔', failed: '✖', skipped: '–' }[check.state];
  return `${mark} ${check.name}: ${check.detail}`;
}

/**
 * `plan --server`: every object of the plan and of the exposure of the declared ports as the API server
 * answers their dry-run apply, defaults and admission's changes filled in; a Secret's values masked.
 */
export async function planOnServer(
  run: Run,
  client: KubeClient,
  plan: Plan,
  options: PlanOptions,
): Promise<string> {
  const { exposure } = await preflightSubject(run, plan, options);
  const write = { serverSideApply: run.settings.serverSideApply, log: run.log, dryRun: true };
  const objects = [
    ...(await applyPlan(client, plan, write)),
    ...(exposure && exposure.objects.length > 0 ? await applyPlan(client, exposure, write) : []),
  ];
  return objects.map((o) => stringify(maskSecret(o), { lineWidth: 0 })).join('---\n');
}
