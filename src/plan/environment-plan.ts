import { declaredPorts } from '../docker/compose-file.js';
import { exposureEntries, type ExposureEntry, type PublishedPort } from '../model/exposure.js';
import { buildExposurePlan, buildPlan, type ObjectSet, type Plan } from '../model/plan.js';
import {
  loadTemplate,
  renderExposureTemplate,
  renderTemplate,
  type LoadedTemplate,
} from '../render/template.js';
import type { EnvironmentRun, ProjectRun } from '../resolve/run.js';
import { exposureTemplateArgs, templateArgs } from './template-arguments.js';

/**
 * The whole plan of one run, made once: the pod template's objects, and the exposure of the ports the
 * environment publishes, rendered once per set of ports (the declared ones, which the preflight checks
 * and `plan` shows, are usually the ones expose applies).
 */
export interface EnvironmentPlan {
  pod: Plan;
  /** The exposure of the ports compose declares on a fixed host port, known before anything runs. */
  declaredExposure(): Promise<ObjectSet>;
  /** The exposure of the ports the Docker server published, and their entries. */
  exposureFor(ports: PublishedPort[]): Promise<{ entries: ExposureEntry[]; objects: ObjectSet }>;
}

/** The environment's objects: its pod template rendered (in the sandbox), validated and labelled. */
export async function planEnvironment(run: ProjectRun): Promise<EnvironmentPlan> {
  const pod = await planPod(run);
  const rendered = new Map<string, Promise<ObjectSet>>();
  const exposureFor = async (ports: PublishedPort[]) => {
    const entries = exposureEntries(ports, run.settings.expose, run.ids);
    const key = JSON.stringify(entries);
    if (!rendered.has(key)) rendered.set(key, planExposure(run, entries));
    return { entries, objects: await rendered.get(key)! };
  };
  const declared = declaredPorts(run.compose);
  return {
    pod,
    declaredExposure: async () => (await exposureFor(declared)).objects,
    exposureFor,
  };
}

async function planPod(run: ProjectRun): Promise<Plan> {
  const { settings } = run;
  const template = loadTemplate(settings.template, {
    from: settings.templateFrom,
    workingDirectory: settings.workingDirectory,
    confined: settings.templateFrom === 'x-preevy template',
  });
  if (template.fromPullRequest) run.log.info(explainFromPullRequest(template, settings.templateFrom));
  const args = templateArgs(settings, run.ids, {
    repository: run.repository,
    prNumber: run.context.prNumber,
    sha: run.context.headSha,
    project: run.compose.name,
  });
  const rendered = await renderTemplate(template, args, { signal: run.signal });
  const plan = buildPlan({ ...rendered, fromPullRequest: template.fromPullRequest }, run.stamp, {
    placement: settings.pod,
  });
  for (const warning of plan.warnings) run.log.warning(warning);
  const source = {
    path: template.path,
    from: settings.templateFrom,
    fromPullRequest: template.fromPullRequest,
  };
  return { ...plan, template: source };
}

/** The exposure objects of these entries (rendered in the sandbox): none with expose none or nothing to expose. */
async function planExposure(run: EnvironmentRun, entries: ExposureEntry[]): Promise<ObjectSet> {
  const { expose, namespace, workingDirectory } = run.settings;
  if (expose.mode === 'none' || entries.length === 0)
    return buildExposurePlan({ objects: [], templateHash: '' }, run.stamp);
  const from = 'input expose-template';
  const template = loadTemplate(expose.template, { from, workingDirectory, confined: false });
  if (template.fromPullRequest) run.log.info(explainFromPullRequest(template, from));
  const args = exposureTemplateArgs(namespace, expose, run.ids, entries);
  const rendered = await renderExposureTemplate(template, args, { signal: run.signal });
  const allowance = {
    hosts: entries.flatMap((entry) => (entry.host ? [entry.host] : [])),
    ingressAnnotations: expose.ingressAnnotations,
  };
  return buildExposurePlan({ ...rendered, fromPullRequest: template.fromPullRequest }, run.stamp, allowance);
}

/** The log's line for a template whose content the pull request controls. */
function explainFromPullRequest(template: LoadedTemplate, from: string): string {
  return `The template ${template.path} (${from}) comes from the pull request: it renders in a sandbox (no credentials, files, processes or environment), and its objects must carry the environment's id.`;
}
