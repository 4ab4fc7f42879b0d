import { knownCredentials, projectEnvironment } from '../docker/environment.js';
import { loadComposeModel } from '../docker/compose-file.js';
import type { ComposeModel } from '../docker/compose-model.js';
import { kubeconfigNamespace } from '../kube/kubeconfig-namespace.js';
import { DOCTOR_ENV_ID, environmentId, resourceId, type Ids } from '../model/ids.js';
import type { InputSource } from '../model/inputs.js';
import type { DeployStamp } from '../model/plan.js';
import { resolveSettings } from '../model/resolve-settings.js';
import { readProjectInputs } from '../model/run-inputs.js';
import type { ProjectInputs } from '../model/settings.js';
import { readDriverOptions, withoutRepositoryCredentials } from '../model/x-preevy.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { PhaseTimer } from '../util/phase-timer.js';
import { requireWorkingDirectory } from './checkout.js';
import type { Choice } from './choose-command.js';
import type { AuthorizedRequest, CleanupRun, EnvironmentRun } from './run.js';

/**
 * The input-helper: inputs + event + compose file → one typed, validated run. The compose project loads
 * (through `docker compose config`) unless the checkout is a fork's; its x-preevy section fills what the
 * inputs leave; credentials are masked; the ids derive from repository and pull request; the deploy
 * stamp is computed once, for every object of the run.
 */
export async function resolveRun(request: AuthorizedRequest, choice: Choice): Promise<EnvironmentRun> {
  const base = await resolveCleanupRun(request, choice);
  const { settings } = base;
  const repository = repositoryOf(request, base.compose);
  const placeholder = choice.command.name === 'doctor' ? DOCTOR_ENV_ID : undefined;
  const envId = environmentId(settings.envId, request.context.prNumber, placeholder);
  const ids: Ids = { envId, id: resourceId(repository, envId) };
  return { ...base, repository, ids, stamp: deployStamp(base, repository, ids) };
}

/** `cleanup`'s run: settings and the compose project (when it loads), without an environment of its own. */
export async function resolveCleanupRun(request: AuthorizedRequest, choice: Choice): Promise<CleanupRun> {
  const { input, log, signal } = request;
  const env = request.env ?? process.env;
  const timer = new PhaseTimer();
  const project = readProjectInputs(input, request.cwd);
  const command = choice.command.name;
  if (choice.checkout === 'read' && command !== 'cleanup') requireWorkingDirectory(project.workingDirectory);
  // An allow-list of the runner's environment (input compose-env), less any credential: compose
  // interpolates from it.
  const projectEnv = projectEnvironment(process.env, {
    listed: input('compose-env'),
    credentials: secretInputs(input, env),
    log,
  });
  const compose =
    choice.checkout === 'records'
      ? undefined
      : await timer.time('compose config', () =>
          command === 'cleanup' || command === 'down' || command === 'extend'
            ? optionalCompose(project, projectEnv, signal, log)
            : loadComposeModel(project, projectEnv, signal),
        );
  const fromCompose = readDriverOptions(compose?.['x-preevy'], log);
  const inWorkflow = env.GITHUB_ACTIONS === 'true';
  const settings = resolveSettings(
    input,
    withoutRepositoryCredentials(fromCompose, inWorkflow, log),
    project,
    kubeconfigNamespace(env),
  );
  for (const secret of [settings.githubToken, settings.expose.basicAuth?.password])
    if (secret) log.mask(secret);
  return {
    command: choice.command,
    settings,
    context: request.context,
    log,
    signal,
    timer,
    checkpoint: request.checkpoint ?? (() => {}),
    env,
    projectEnv,
    now: request.now ?? (() => new Date()),
    planOnServer: request.planOnServer ?? false,
    compose,
  };
}

function repositoryOf(request: AuthorizedRequest, compose: ComposeModel | undefined): string {
  const { context } = request;
  const repository = context.repository ?? (compose ? `local/${compose.name}` : undefined);
  if (!repository) throw new Error('A run without a compose project runs for a repository.');
  if (!context.repository) request.log.notice(explainLocalRepository(repository));
  return repository;
}

function explainLocalRepository(repository: string): string {
  return `No repository (--repository, GITHUB_REPOSITORY or a git origin remote): the environment's id derives from ${repository}, which no action run uses. Give --repository owner/name to reach the environment the action made.`;
}

/** What every object of one deploy records: one value, for the workload and the exposure alike. */
function deployStamp(run: Omit<CleanupRun, 'compose'>, repository: string, ids: Ids): DeployStamp {
  const { settings, context } = run;
  const deployedAt = run.now();
  return {
    namespace: settings.namespace,
    ids,
    labels: settings.labels,
    annotations: settings.annotations,
    provenance: {
      repository,
      prUrl: context.prUrl,
      sha: context.headSha,
      deployedAt,
      expiresAt: settings.ttlMs ? new Date(deployedAt.getTime() + settings.ttlMs) : undefined,
    },
  };
}

/**
 * `cleanup`, `down` and `extend` act on what the cluster holds: they read the compose project when it
 * loads (its x-preevy may name the namespace, its template the kinds), and go on without one otherwise,
 * so that a project that no longer loads (or never did: a scheduled cleanup) can still be removed.
 */
async function optionalCompose(
  project: ProjectInputs,
  projectEnv: Record<string, string>,
  signal: AbortSignal,
  log: Logger,
): Promise<ComposeModel | undefined> {
  try {
    return await loadComposeModel(project, projectEnv, signal);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    log.warning(
      `No compose project (${error.message.split('\n')[0]}): working from what the cluster records, in the namespace of the inputs.`,
    );
    return undefined;
  }
}

/** The credentials the action holds, to be kept out of the compose project's reach. */
function secretInputs(input: InputSource, env: NodeJS.ProcessEnv): string[] {
  const known = { kubeconfig: input('kubeconfig'), githubToken: input('github-token') };
  return knownCredentials({ ...known, basicAuth: input('basic-auth') }, env);
}
