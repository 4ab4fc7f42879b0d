import { stringify } from 'yaml';
import { declaredPorts } from '../docker/model.js';
import { exposureEntries, type ExposureEntry } from '../model/exposure.js';
import type { KubeObject } from '../model/objects.js';
import { buildExposurePlan, buildPlan, type ObjectSet, type Plan, type PlanOptions } from '../model/plan.js';
import type { ExposeSettings } from '../model/settings.js';
import { exposureTemplateArgs, templateArgs } from '../model/template-args.js';
import { loadTemplate, renderExposureTemplate, renderTemplate } from '../render/template.js';
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

/** The exposure objects of these entries: none with expose none or nothing to expose. */
export function planExposure(
  entries: ExposureEntry[],
  options: { expose: ExposeSettings; namespace: string; ids: Plan['ids']; planOptions: PlanOptions },
): ObjectSet {
  if (options.expose.mode === 'none' || entries.length === 0)
    return buildExposurePlan({ objects: [], templateHash: '' }, options.planOptions);
  const template = loadTemplate(options.expose.template);
  const args = exposureTemplateArgs(options.namespace, options.expose, options.ids, entries);
  return buildExposurePlan(renderExposureTemplate(template, args), options.planOptions);
}

/**
 * The exposure of the ports compose declares on a fixed host port, known before anything runs: what the
 * preflight checks and `plan` shows. A port the Docker server numbers is exposed only once it has.
 */
export function declaredExposure(run: Run, options: PlanOptions): ObjectSet {
  const { settings, ids } = run;
  const { expose } = settings;
  const entries = exposureEntries(declaredPorts(run.model), expose, ids);
  return planExposure(entries, { expose, namespace: settings.namespace, ids, planOptions: options });
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
