import { existsSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { KubeConfig } from '@kubernetes/client-node';
import { cleanup, type CleanupEntry } from './cleanup.js';
import { connectToPod } from './connection.js';
import { composeDown, composeUp, type PublishedPort } from './docker/compose.js';
import { loadComposeModel, type ComposeModel } from './docker/model.js';
import { describeError, UserError } from './errors.js';
import { exposePorts, type PreviewUrl } from './expose/expose.js';
import { GitHubApi } from './github/api.js';
import type { RunContext } from './github/event.js';
import { PullRequestReport } from './github/report.js';
import { environmentId, resourceId, type Ids } from './ids.js';
import type { InputSource } from './inputs.js';
import { checkAccess, permissionsFor } from './kube/access.js';
import { applyPlan } from './kube/apply.js';
import { KubeApiError, KubeClient } from './kube/client.js';
import { credentialsAvailable, loadKubeConfig } from './kube/config.js';
import { acquireLease, type HeldLease } from './kube/lease.js';
import { environmentSelector, identityLabels } from './kube/object.js';
import { teardown } from './kube/teardown.js';
import { findRunningDockerHost, waitForDockerHost, type DockerHostPod } from './kube/wait.js';
import type { Logger } from './log.js';
import { buildPlan, type Plan, type PlanOptions } from './plan.js';
import {
  readDriverOptions,
  readProjectInputs,
  resolveSettings,
  type ProjectInputs,
  type Settings,
} from './settings.js';
import { MAIN_STATE, type LeaseCheckpoint, type ReportCheckpoint } from './post.js';
import { syncFiles } from './sync.js';
import { loadTemplate, renderTemplate } from './template.js';

export type ResolvedCommand = 'up' | 'down' | 'plan' | 'cleanup' | 'skipped';

export interface Outcome {
  command: ResolvedCommand;
  ids: Ids;
  namespace: string;
  /** The compose project's name. */
  project: string;
  /** `plan`: the rendered objects as multi-document YAML. */
  manifest?: string;
  /** `up`: the pod running the Docker server. */
  pod?: DockerHostPod;
  /** `up`: what the file sync sent and removed. */
  synced?: { sent: string[]; removed: string[]; unchanged: number; bytes: number };
  /** `up`: the ports the compose services publish on the pod's Docker server. */
  ports?: PublishedPort[];
  /** `up`: how each published port is reached, and whether it answered. */
  urls?: PreviewUrl[];
  /** `up`: the URL of input primary-service, else the first that answered. */
  primaryUrl?: string;
  /** `up`: ready (a URL answers) or running (nothing to link to: expose none, or no published port). */
  state?: 'ready' | 'running';
  /** `down` (and an `up` that found its pull request closed): what was deleted. */
  deleted?: string[];
  /** `cleanup`: the environments found, and why each was (or would be) removed or kept. */
  cleaned?: CleanupEntry[];
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
  /** Keeps what a post step needs should this process be killed (the action's step state). */
  checkpoint?: (key: string, value: string) => void;
}

/**
 * One run, whichever its entry point: settings → ids → rendered plan, then `plan` prints it, `up`
 * applies, waits, tunnels, syncs files, runs compose and exposes the ports, `down` stops compose and
 * deletes it all, and `cleanup` removes the environments of closed pull requests and expired ones. On a
 * pull request the sticky comment and the deployment follow along.
 */
export async function runLifecycle(options: RunOptions): Promise<Outcome> {
  const { input, context, log, signal } = options;
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const checkpoint = options.checkpoint ?? (() => {});
  const timings: Record<string, number> = {};
  const timed = async <T>(phase: string, fn: () => Promise<T>): Promise<T> => {
    const phaseStarted = performance.now();
    try {
      return await fn();
    } finally {
      timings[phase] = Math.round(performance.now() - phaseStarted);
    }
  };

  const project = readProjectInputs(input, options.cwd);
  // cleanup works on a whole namespace and may run on a schedule without a compose project.
  const needsModel = input('command') !== 'cleanup' || hasComposeFile(project);
  const model: ComposeModel | undefined = needsModel
    ? await timed('compose config', () => loadComposeModel(project, signal))
    : undefined;
  const settings = resolveSettings(input, readDriverOptions(model?.['x-preevy'], log), project);
  for (const secret of [settings.githubToken, settings.expose.basicAuth?.password])
    if (secret) log.mask(secret);
  const repository = context.repository ?? `local/${model?.name ?? 'cleanup'}`;

  if (settings.command === 'cleanup') {
    const ids: Ids = { envId: '*', id: '*' };
    const kube = connect(settings, log, env);
    const github = githubApi(settings, context, env);
    const cleaned = await timed('cleanup', () =>
      cleanup(kube.client, {
        repository: context.repository,
        github,
        dryRun: settings.dryRun,
        now: now(),
        timeoutMs: settings.timeoutMs,
        holder: context.runUrl ?? 'the kube-pod-preview CLI',
        log,
        signal,
        report: (pr: number, ids: Ids) => github && reportFor(github, settings, ids, pr, context, log),
      }),
    );
    return {
      command: 'cleanup',
      ids,
      namespace: settings.namespace,
      project: model?.name ?? '',
      cleaned,
      timings,
    };
  }

  const command =
    settings.command === 'auto' ? (context.action === 'closed' ? 'down' : 'up') : settings.command;
  const envId = environmentId(settings.envId, context.prNumber);
  const ids: Ids = { envId, id: resourceId(repository, envId) };
  const outcome: Outcome = { command, ids, namespace: settings.namespace, project: model!.name, timings };

  if (command !== 'plan' && context.fromFork && !credentialsAvailable(settings.kubeconfig, env)) {
    const why = `Pull request #${context.prNumber} comes from a fork, and GitHub gives workflows on such pull requests no secrets, so there are no cluster credentials.`;
    if (settings.onFork === 'fail') {
      throw new UserError(`${why} Input on-fork is fail. See the README on previews of fork pull requests.`);
    }
    log.notice(`${why} Skipping the preview (input on-fork is skip).`);
    return { ...outcome, command: 'skipped' };
  }
  log.info(`Environment ${ids.envId} (id ${ids.id}) in namespace ${settings.namespace}: ${command}`);

  const planOptions = (): PlanOptions => {
    const deployedAt = now();
    return {
      namespace: settings.namespace,
      ids,
      labels: settings.labels,
      annotations: settings.annotations,
      provenance: {
        repository,
        prUrl: context.prUrl,
        sha: context.headSha,
        templateHash: '', // each template's own, filled in where it is rendered
        deployedAt,
        expiresAt: settings.ttlMs ? new Date(deployedAt.getTime() + settings.ttlMs) : undefined,
      },
    };
  };
  const makeEnvironment = (): Environment => ({
    ...connect(settings, log, env),
    settings,
    model: model!,
    ids,
    log,
    signal,
    timed,
    checkpoint,
  });
  const github = githubApi(settings, context, env);
  const report =
    github && context.prNumber !== undefined
      ? reportFor(github, settings, ids, context.prNumber, context, log)
      : undefined;

  if (command === 'down') {
    // Teardown must work even when the template no longer renders: it then relies on what the deploy
    // recorded on the docker-host workload.
    let templateKinds: string[] = [];
    try {
      templateKinds = makePlan(settings, model!, ids, repository, context, planOptions()).kinds;
    } catch (error) {
      log.warning(
        `The template does not render (${describeError(error)}); removing what the last deploy recorded.`,
      );
    }
    try {
      const environment = makeEnvironment();
      await timed('access', () =>
        checkAccess(environment.client, permissionsFor('down', templateKinds), log),
      );
      const deleted = await downUnlessNamespaceMissing(environment, context, templateKinds);
      await report?.deleted();
      return { ...outcome, deleted };
    } catch (error) {
      await report?.ended(error, signal, 'teardown');
      throw error;
    }
  }

  // A bad template fails `plan` and `up` before anything touches the cluster.
  const plan = makePlan(settings, model!, ids, repository, context, planOptions());
  if (command === 'plan') {
    return { ...outcome, manifest: plan.objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n') };
  }

  await report?.deploying();
  if (report && context.repository) {
    const saved: ReportCheckpoint = { repository: context.repository, ...report.checkpoint() };
    checkpoint(MAIN_STATE.report, JSON.stringify(saved));
  }
  try {
    const environment = makeEnvironment();
    await timed('access', () =>
      checkAccess(environment.client, permissionsFor('up', plan.kinds, settings.expose), log),
    );
    const result = await (async () => {
      await using _lease = await lock(environment, context);
      // Every `return await`: the lease must be held until the work has settled, not merely started.
      const deployed = await up(environment, plan, planOptions());
      if (!(await report?.isClosed())) return deployed;
      log.notice(`Pull request #${context.prNumber} was closed during the deploy: deleting the preview.`);
      return { deleted: await down(environment, plan.kinds) };
    })();
    if ('deleted' in result) {
      await report?.deleted();
      return { ...outcome, command: 'down', deleted: result.deleted };
    }
    const urls = result.urls;
    const answering = urls.filter((u) => u.state === 'ready');
    if (settings.expose.mode !== 'none' && urls.length > 0 && answering.length === 0) {
      throw new UserError(
        `None of the preview's URLs answered within ${settings.expose.urlTimeoutMs / 1000}s (input url-timeout): ${urls.map((u) => `${u.url ?? u.service} (${u.detail})`).join(', ')}. Check that the services listen on their published ports, and that the ${settings.expose.mode === 'ingress' ? 'ingress controller and the wildcard DNS record of input domain' : 'load balancer'} reach the cluster.`,
      );
    }
    const state = answering.length > 0 ? 'ready' : 'running';
    const primaryUrl = primary(urls, settings.report.primaryService);
    await report?.finished(state, urls, performance.now() - started, primaryUrl);
    return { ...outcome, ...result, state, ...(primaryUrl ? { primaryUrl } : {}) };
  } catch (error) {
    await report?.ended(error, signal, 'deploy');
    throw error;
  }
}

const DEFAULT_COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

function hasComposeFile(project: ProjectInputs): boolean {
  return (
    project.composeFiles.length > 0 ||
    DEFAULT_COMPOSE_FILES.some((f) => existsSync(path.join(project.workingDirectory, f)))
  );
}

function connect(
  settings: Settings,
  log: Logger,
  env: NodeJS.ProcessEnv,
): { kc: KubeConfig; client: KubeClient } {
  const kc = loadKubeConfig(settings.kubeconfig, settings.context, log, env);
  return { kc, client: new KubeClient(kc, settings.namespace, { log }) };
}

function githubApi(settings: Settings, context: RunContext, env: NodeJS.ProcessEnv): GitHubApi | undefined {
  if (!settings.githubToken || !context.repository) return undefined;
  return new GitHubApi(settings.githubToken, context.repository, env);
}

function reportFor(
  api: GitHubApi,
  settings: Settings,
  ids: Ids,
  pr: number,
  context: RunContext,
  log: Logger,
): PullRequestReport | undefined {
  if (!settings.report.comment && !settings.report.deployment) return undefined;
  return new PullRequestReport({
    api,
    pr,
    ids,
    namespace: settings.namespace,
    sha: context.headSha,
    runUrl: context.runUrl,
    settings: settings.report,
    log,
  });
}

/** The URL of input primary-service when it has one, else the first that answered, else the first. */
function primary(urls: PreviewUrl[], service: string | undefined): string | undefined {
  const withUrl = urls.filter((u) => u.url);
  const chosen =
    (service && withUrl.find((u) => u.service === service)) ||
    withUrl.find((u) => u.state === 'ready') ||
    withUrl[0];
  return chosen?.url;
}

/** Waits for, then holds, the environment's lease: one run per environment at a time. */
async function lock(env: Environment, context: RunContext): Promise<HeldLease> {
  const lease = await env.timed('lock', () =>
    acquireLease(env.client, env.ids.id, {
      holder: context.runUrl ?? 'the kube-pod-preview CLI',
      durationSeconds: 30,
      waitMs: env.settings.timeoutMs,
      pollMs: 2000,
      signal: env.signal,
      log: env.log,
    }),
  );
  const { kubeconfig } = env.settings;
  const held: LeaseCheckpoint = {
    namespace: env.settings.namespace,
    name: lease.name,
    identity: lease.identity,
    // Never a secret in the step state: a kubeconfig given as content is read from the input again.
    kubeconfig: kubeconfig.kind === 'content' ? { kind: 'content' } : kubeconfig,
    context: env.settings.context,
  };
  env.checkpoint(MAIN_STATE.lease, JSON.stringify(held));
  const release = async () => {
    await lease.release();
    env.checkpoint(MAIN_STATE.lease, '');
  };
  return { ...lease, release, [Symbol.asyncDispose]: release };
}

interface Environment {
  checkpoint: (key: string, value: string) => void;
  kc: KubeConfig;
  client: KubeClient;
  settings: Settings;
  model: ComposeModel;
  ids: Ids;
  log: Logger;
  signal: AbortSignal;
  timed: <T>(phase: string, fn: () => Promise<T>) => Promise<T>;
}

/** apply → wait → tunnel → sync → compose → expose. */
async function up(
  env: Environment,
  plan: Plan,
  planOptions: PlanOptions,
): Promise<Pick<Outcome, 'pod' | 'synced' | 'ports'> & { urls: PreviewUrl[] }> {
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
  const { synced, ports } = await (async () => {
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
    return { synced, ports };
  })();
  for (const p of ports)
    log.info(`  ${p.service} publishes ${p.targetPort}/${p.protocol} on port ${p.publishedPort}`);
  const urls = await timed('expose', () =>
    log.group(`Expose ${ports.length} published ports (${settings.expose.mode})`, () =>
      exposePorts(
        {
          client,
          settings,
          ids: env.ids,
          dockerHost: plan.dockerHost,
          podName: pod.name,
          planOptions,
          log,
          signal,
        },
        ports,
      ),
    ),
  );
  const { model: _, ...synchronized } = synced;
  return { pod, synced: synchronized, ports, urls };
}

/**
 * `down` under the environment's lease. A namespace that does not exist holds no environment: the lease
 * cannot be created there (404 naming the namespace), and that is a success with a notice.
 */
async function downUnlessNamespaceMissing(
  env: Environment,
  context: RunContext,
  templateKinds: string[],
): Promise<string[]> {
  try {
    await using _lease = await lock(env, context);
    return await down(env, templateKinds);
  } catch (error) {
    if (!(error instanceof KubeApiError && error.namespaceMissing)) throw error;
    env.log.notice(
      `Namespace "${env.settings.namespace}" does not exist, so neither does environment ${env.ids.envId}; nothing to delete.`,
    );
    return [];
  }
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
  model: ComposeModel,
  ids: Ids,
  repository: string,
  context: RunContext,
  options: PlanOptions,
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
    sha: options.provenance.sha,
    project: model.name,
  });
  return buildPlan(objects, {
    ...options,
    provenance: { ...options.provenance, templateHash: template.hash },
  });
}
