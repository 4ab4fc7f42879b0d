import { stringify } from 'yaml';
import { loadComposeModel } from './compose.js';
import { describeError } from './errors.js';
import type { RunContext } from './github/event.js';
import { environmentId, resourceId, type Ids } from './ids.js';
import type { InputSource } from './inputs.js';
import { applyPlan } from './kube/apply.js';
import { KubeClient } from './kube/client.js';
import { loadKubeConfig } from './kube/config.js';
import { environmentSelector, identityLabels } from './kube/object.js';
import { teardown } from './kube/teardown.js';
import { waitForDockerHost, type DockerHostPod } from './kube/wait.js';
import type { Logger } from './log.js';
import { buildPlan, type Plan } from './plan.js';
import { readDriverOptions, readProjectInputs, resolveSettings, type Settings } from './settings.js';
import { loadTemplate, renderTemplate } from './template.js';

export type ResolvedCommand = 'up' | 'down' | 'plan';

export interface Outcome {
  command: ResolvedCommand;
  ids: Ids;
  namespace: string;
  /** `plan`: the rendered objects as multi-document YAML. */
  manifest?: string;
  /** `up`: the pod running the Docker server. */
  pod?: DockerHostPod;
  /** `down`: what was deleted. */
  deleted?: string[];
  /** Milliseconds each phase took, in order. */
  timings: Record<string, number>;
}

export interface RunOptions {
  input: InputSource;
  context: RunContext;
  log: Logger;
  signal: AbortSignal;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

/**
 * One run, whichever its entry point: settings → ids → rendered plan → apply → wait (`up`), or
 * teardown (`down`), or just the plan (`plan`).
 */
export async function runLifecycle(options: RunOptions): Promise<Outcome> {
  const { input, context, log, signal } = options;
  const timings: Record<string, number> = {};
  const timed = async <T>(phase: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      timings[phase] = Math.round(performance.now() - started);
    }
  };

  const project = readProjectInputs(input, options.cwd);
  const model = await timed('compose config', () => loadComposeModel(project, signal));
  const settings = resolveSettings(input, readDriverOptions(model['x-preevy'], log), project);
  const command: ResolvedCommand =
    settings.command === 'auto' ? (context.action === 'closed' ? 'down' : 'up') : settings.command;
  const repository = context.repository ?? `local/${model.name}`;
  const envId = environmentId(settings.envId, context.prNumber);
  const ids: Ids = { envId, id: resourceId(repository, envId) };
  const outcome: Outcome = { command, ids, namespace: settings.namespace, timings };
  log.info(`Environment ${ids.envId} (id ${ids.id}) in namespace ${settings.namespace}: ${command}`);

  if (command === 'down') {
    // Teardown must work even when the template no longer renders: it then relies on what the deploy
    // recorded on the docker-host workload.
    let templateKinds: string[] = [];
    try {
      templateKinds = makePlan(settings, ids, repository, context, options.now).kinds;
    } catch (error) {
      log.warning(
        `The template does not render (${describeError(error)}); removing what the last deploy recorded.`,
      );
    }
    const client = new KubeClient(
      loadKubeConfig(settings.kubeconfig, settings.context, log, options.env),
      settings.namespace,
    );
    const { deleted } = await timed('teardown', () =>
      log.group('Delete the environment', () =>
        teardown(client, {
          selector: environmentSelector(ids.id),
          templateKinds,
          timeoutMs: settings.timeoutMs,
          signal,
          log,
        }),
      ),
    );
    if (deleted.length === 0)
      log.notice(
        `Environment ${ids.envId} does not exist in namespace ${settings.namespace}; nothing to delete.`,
      );
    return { ...outcome, deleted };
  }

  const plan = makePlan(settings, ids, repository, context, options.now);
  if (command === 'plan') {
    return { ...outcome, manifest: plan.objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n') };
  }

  const client = new KubeClient(
    loadKubeConfig(settings.kubeconfig, settings.context, log, options.env),
    settings.namespace,
  );
  await timed('apply', () =>
    log.group(`Apply ${plan.objects.length} objects`, () =>
      applyPlan(client, plan, { serverSideApply: settings.serverSideApply, log }),
    ),
  );
  const pod = await timed('wait', () =>
    log.group(`Wait for ${plan.dockerHost.kind}/${plan.dockerHost.name}`, () =>
      waitForDockerHost(client, plan.dockerHost, {
        timeoutMs: settings.timeoutMs,
        signal,
        log,
        selector: environmentSelector(ids.id),
      }),
    ),
  );
  log.info(`Docker server pod: ${pod.name} (container ${pod.container})`);
  return { ...outcome, pod };
}

function makePlan(
  settings: Settings,
  ids: Ids,
  repository: string,
  context: RunContext,
  now: () => Date = () => new Date(),
): Plan {
  const template = loadTemplate(settings.template);
  const objects = renderTemplate(template, {
    namespace: settings.namespace,
    id: ids.id,
    storageClass: settings.storageClass,
    storageSize: settings.storageSize,
    labels: identityLabels(ids),
    envId: ids.envId,
    prNumber: context.prNumber,
    repository,
    sha: context.headSha,
  });
  return buildPlan(objects, {
    namespace: settings.namespace,
    ids,
    labels: settings.labels,
    annotations: settings.annotations,
    provenance: {
      repository,
      prUrl: context.prUrl,
      sha: context.headSha,
      templateHash: template.hash,
      deployedAt: now(),
    },
  });
}
