import { stringify } from 'yaml';
import { buildPlan, type Plan, type PlanOptions } from '../model/plan.js';
import { templateArgs } from '../model/template-args.js';
import { loadTemplate, renderTemplate, type LoadedTemplate } from '../render/template.js';
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

/** The environment's objects: its pod template rendered (in the sandbox), validated and labelled. */
export async function planEnvironment(run: Run, options: PlanOptions): Promise<Plan> {
  const { settings } = run;
  const template = loadTemplate(settings.template, {
    from: settings.templateFrom,
    workingDirectory: settings.workingDirectory,
    confined: settings.templateFrom === 'x-preevy template',
  });
  if (template.fromPullRequest) run.log.info(fromPullRequest(template, settings.templateFrom));
  const args = templateArgs(settings, run.ids, {
    repository: run.repository,
    prNumber: run.context.prNumber,
    sha: run.context.headSha,
    project: run.model.name,
  });
  const plan = buildPlan(await renderTemplate(template, args, { signal: run.signal }), options);
  for (const warning of plan.warnings) run.log.warning(warning);
  return plan;
}

/** The log's line for a template whose content the pull request controls. */
export function fromPullRequest(template: LoadedTemplate, from: string): string {
  return `The template ${template.path} (${from}) comes from the pull request: it renders in a sandbox (no credentials, files, processes or environment), and its objects must carry the environment's id.`;
}

/** The plan as multi-document YAML, what `plan` prints. */
export function manifestOf(plan: Plan): string {
  return plan.objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
