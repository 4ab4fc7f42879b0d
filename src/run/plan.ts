import { stringify } from 'yaml';
import { declaredPorts } from '../docker/model.js';
import { exposureEntries, type ExposureEntry } from '../model/exposure.js';
import type { KubeObject } from '../model/objects.js';
import { buildExposurePlan, buildPlan, type ObjectSet, type Plan, type PlanOptions } from '../model/plan.js';
import type { ExposeSettings } from '../model/settings.js';
import { exposureTemplateArgs, templateArgs } from '../model/template-args.js';
import {
  loadTemplate,
  renderExposureTemplate,
  renderTemplate,
  type LoadedTemplate,
} from '../render/template.js';
import type { Logger } from '../util/log.js';
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
  const rendered = await renderTemplate(template, args, { signal: run.signal });
  const plan = buildPlan({ ...rendered, fromPullRequest: template.fromPullRequest }, options);
  for (const warning of plan.warnings) run.log.warning(warning);
  const source = {
    path: template.path,
    from: settings.templateFrom,
    fromPullRequest: template.fromPullRequest,
  };
  return { ...plan, template: source };
}

/** The exposure objects of these entries (rendered in the sandbox): none with expose none or nothing to expose. */
export async function planExposure(
  entries: ExposureEntry[],
  options: {
    expose: ExposeSettings;
    namespace: string;
    ids: Plan['ids'];
    planOptions: PlanOptions;
    /** The project: an exposure template inside it is the pull request's, and the log says so. */
    workingDirectory: string;
    log: Logger;
    signal: AbortSignal;
  },
): Promise<ObjectSet> {
  if (options.expose.mode === 'none' || entries.length === 0)
    return buildExposurePlan({ objects: [], templateHash: '' }, options.planOptions);
  const from = 'input expose-template';
  const template = loadTemplate(options.expose.template, {
    from,
    workingDirectory: options.workingDirectory,
    confined: false,
  });
  if (template.fromPullRequest) options.log.info(fromPullRequest(template, from));
  const args = exposureTemplateArgs(options.namespace, options.expose, options.ids, entries);
  const rendered = await renderExposureTemplate(template, args, { signal: options.signal });
  return buildExposurePlan({ ...rendered, fromPullRequest: template.fromPullRequest }, options.planOptions);
}

/**
 * The exposure of the ports compose declares on a fixed host port, known before anything runs: what the
 * preflight checks and `plan` shows. A port the Docker server numbers is exposed only once it has.
 */
export async function declaredExposure(run: Run, options: PlanOptions): Promise<ObjectSet> {
  const { settings, ids, log, signal } = run;
  const { expose, namespace, workingDirectory } = settings;
  const entries = exposureEntries(declaredPorts(run.model), expose, ids);
  return planExposure(entries, {
    expose,
    namespace,
    ids,
    planOptions: options,
    workingDirectory,
    log,
    signal,
  });
}

/** The log's line for a template whose content the pull request controls. */
export function fromPullRequest(template: LoadedTemplate, from: string): string {
  return `The template ${template.path} (${from}) comes from the pull request: it renders in a sandbox (no credentials, files, processes or environment), and its objects must carry the environment's id.`;
}

/**
 * Objects as multi-document YAML, what `plan` prints: the plan's, then those of `exposure` (so the URLs
 * show before a deploy). A Secret's values are masked: a plan goes to logs and terminals.
 */
export function manifestOf(plan: ObjectSet, exposure?: ObjectSet): string {
  return [...plan.objects, ...(exposure?.objects ?? [])]
    .map((o) => stringify(maskSecret(o), { lineWidth: 0 }))
    .join('---\n');
}

/** A Secret with every value of `data` and `stringData` replaced by its size; other objects as they are. */
export function maskSecret(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret') return object;
  const masked = { ...object } as KubeObject & Record<string, unknown>;
  for (const [field, encoding] of [
    ['data', 'base64'],
    ['stringData', 'utf8'],
  ] as const) {
    const values = masked[field];
    if (typeof values !== 'object' || values === null) continue;
    masked[field] = Object.fromEntries(
      Object.entries(values as Record<string, unknown>).map(([key, value]) => [
        key,
        `(masked: ${Buffer.byteLength(String(value), encoding)} bytes)`,
      ]),
    );
  }
  return masked;
}
