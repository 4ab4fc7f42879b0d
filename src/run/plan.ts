import { stringify } from 'yaml';
import { buildPlan, type Plan, type PlanOptions } from '../model/plan.js';
import { templateArgs } from '../model/template-args.js';
import { loadTemplate, renderTemplate } from '../render/template.js';
import type { Run } from './run.js';

/**
 * What every object of one deploy records: one value, computed once, for the workload and the
 * exposure alike (the same deployed-at and expires-at).
 */
export function planOptions(run: Run): PlanOptions {
  const { settings, context } = run;
  const deployedAt = run.now();
  return {
    namespace: settings.namespace,
    ids: run.ids,
    labels: settings.labels,
    annotations: settings.annotations,
    provenance: {
      repository: run.repository,
      prUrl: context.prUrl,
      sha: context.headSha,
      deployedAt,
      expiresAt: settings.ttlMs ? new Date(deployedAt.getTime() + settings.ttlMs) : undefined,
    },
  };
}

/** The environment's objects: its pod template rendered, validated and labelled. */
export function planEnvironment(run: Run, options: PlanOptions): Plan {
  const template = loadTemplate(run.settings.template);
  const args = templateArgs(run.settings, run.ids, {
    repository: run.repository,
    prNumber: run.context.prNumber,
    sha: run.context.headSha,
    project: run.model.name,
  });
  const plan = buildPlan(renderTemplate(template, args), options);
  for (const warning of plan.warnings) run.log.warning(warning);
  return plan;
}

/** The plan as multi-document YAML, what `plan` prints. */
export function manifestOf(plan: Plan): string {
  return plan.objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
