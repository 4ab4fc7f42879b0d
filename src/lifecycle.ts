import { stringify } from 'yaml';
import type { KubeConfig } from '@kubernetes/client-node';
import { connectToPod } from './connection.js';
import { composeDown, composeUp, type PublishedPort } from './docker/compose.js';
import { loadComposeModel, type ComposeModel } from './docker/model.js';
import { describeError } from './errors.js';
import type { RunContext } from './github/event.js';
import { environmentId, resourceId, type Ids } from './ids.js';
import type { InputSource } from './inputs.js';
import { applyPlan } from './kube/apply.js';
import { KubeClient } from './kube/client.js';
import { acquireLease, type HeldLease } from './kube/lease.js';
import { loadKubeConfig } from './kube/config.js';
import { environmentSelector, identityLabels } from './kube/object.js';
import { teardown } from './kube/teardown.js';
import { findRunningDockerHost, waitForDockerHost, type DockerHostPod } from './kube/wait.js';
import type { Logger } from './log.js';
import { buildPlan, type Plan } from './plan.js';
import { readDriverOptions, readProjectInputs, resolveSettings, type Settings } from './settings.js';
import { syncFiles } from './sync.js';
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
  /** `up`: what the file sync sent and removed. */
  synced?: { sent: string[]; removed: string[]; unchanged: number; bytes: number };
  /** `up`: the ports the compose services publish on the pod's Docker server. */
  ports?: PublishedPort[];
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
 * One run, whichever its entry point: settings → ids → rendered plan, then `plan` prints it, `up`
 * applies, waits, tunnels, syncs files and runs compose, and `down` stops compose and deletes it all.
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

  const environment = (): Environment => {
    const kc = loadKubeConfig(settings.kubeconfig, settings.context, log, options.env);
    return {
      kc,
      client: new KubeClient(kc, settings.namespace, { log }),
      settings,
      model,
      ids,
      log,
      signal,
      timed,
    };
  };

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
    const env = environment();
    await using _lease = await lock(env, context);
    return { ...outcome, deleted: await down(env, templateKinds) };
  }
  // A bad template fails `plan` and `up` before anything touches the cluster.
  const plan = makePlan(settings, ids, repository, context, options.now);
  if (command === 'plan') {
    return { ...outcome, manifest: plan.objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n') };
  }
  const env = environment();
  await using _lease = await lock(env, context);
  return { ...outcome, ...(await up(env, plan)) };
}

/** Waits for, then holds, the environment's lease: one run per environment at a time. */
function lock(env: Environment, context: RunContext): Promise<HeldLease> {
  return env.timed('lock', () =>
    acquireLease(env.client, env.ids.id, {
      holder: context.runUrl ?? 'the kube-pod-preview CLI',
      durationSeconds: 30,
      waitMs: env.settings.timeoutMs,
      pollMs: 2000,
      signal: env.signal,
      log: env.log,
    }),
  );
}

interface Environment {
  kc: KubeConfig;
  client: KubeClient;
  settings: Settings;
  model: ComposeModel;
  ids: Ids;
  log: Logger;
  signal: AbortSignal;
  timed: <T>(phase: string, fn: () => Promise<T>) => Promise<T>;
}

/** apply → wait → tunnel → sync → compose. */
async function up(env: Environment, plan: Plan): Promise<Pick<Outcome, 'pod' | 'ports' | 'synced'>> {
  const { client, settings, log, signal, timed } = env;
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
        selector: environmentSelector(env.ids.id),
      }),
    ),
  );
  log.info(`Docker server pod: ${pod.name} (container ${pod.container})`);
  await using connection = await timed('tunnel', () =>
    connectToPod(env.kc, settings.namespace, pod, { log, signal }),
  );
  const synced = await timed('sync', () =>
    log.group('Copy bind-mounted files into the pod', () => syncFiles(connection.exec, env.model, log)),
  );
  const ports = await timed('compose', () =>
    composeUp(synced.model, {
      dockerHost: connection.dockerHost,
      workingDirectory: settings.workingDirectory,
      log,
      signal,
    }),
  );
  for (const p of ports)
    log.info(`  ${p.service} publishes ${p.targetPort}/${p.protocol} on port ${p.publishedPort}`);
  const { model: _, ...synchronized } = synced;
  return { pod, ports, synced: synchronized };
}

/** compose down (when the Docker server still runs), then delete every object of the environment. */
async function down(env: Environment, templateKinds: string[]): Promise<string[]> {
  const { client, settings, ids, log, signal, timed } = env;
  const selector = environmentSelector(ids.id);
  const pod = await findRunningDockerHost(client, selector);
  if (pod) {
    // Stopping the services first lets them shut down cleanly; deleting the pod would kill them anyway,
    // so a failure here is only a warning.
    try {
      await using connection = await connectToPod(env.kc, settings.namespace, pod, {
        log,
        signal,
        pingTimeoutMs: 15_000,
      });
      await timed('compose', () =>
        composeDown(env.model, {
          dockerHost: connection.dockerHost,
          workingDirectory: settings.workingDirectory,
          log,
          signal,
        }),
      );
    } catch (error) {
      signal.throwIfAborted();
      log.warning(`Could not stop the services before deleting the pod: ${describeError(error)}`);
    }
  }
  const { deleted } = await timed('teardown', () =>
    log.group('Delete the environment', () =>
      teardown(client, { selector, templateKinds, timeoutMs: settings.timeoutMs, signal, log }),
    ),
  );
  if (deleted.length === 0) {
    log.notice(
      `Environment ${ids.envId} does not exist in namespace ${settings.namespace}; nothing to delete.`,
    );
  }
  return deleted;
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
