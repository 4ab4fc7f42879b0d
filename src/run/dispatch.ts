import { projectEnvironment } from '../docker/environment.js';
import { loadComposeModel, type ComposeModel } from '../docker/model.js';
import type { RunContext } from '../github/event.js';
import type { PullRequestReport } from '../github/report.js';
import type { KubeClient } from '../kube/client.js';
import type { Checkpoint } from '../model/checkpoint.js';
import { environmentId, resourceId, type Ids } from '../model/ids.js';
import type { InputSource } from '../model/inputs.js';
import type { CleanupOutcome, Outcome, SkippedOutcome } from '../model/outcome.js';
import { decideAuto, type PreviewCommand } from '../model/trigger.js';
import {
  readDriverOptions,
  readProjectInputs,
  allowsForkCode,
  resolveSettings,
  withoutRepositoryCredentials,
  type ProjectInputs,
  type Settings,
} from '../model/settings.js';
import { describeError, UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { manifestOf, planEnvironment, planOptions } from './plan.js';
import { PhaseTimer, type Run } from './run.js';

export interface RunOptions {
  input: InputSource;
  context: RunContext;
  log: Logger;
  signal: AbortSignal;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Keeps what a post step needs should this process be killed (the action's step state). */
  checkpoint?: Checkpoint;
  /** `plan --server`: the plan as the API server would store it (a dry run of every object). */
  planOnServer?: boolean;
  /** The `/preview` command of the event's comment, once its author was found allowed to give it. */
  commentCommand?: PreviewCommand;
}

/**
 * One run, whichever its entry point: settings → ids → plan, then the command. `plan` prints the plan
 * (`--server`: as the API server would store it); `doctor` asks the cluster what it would make of it;
 * `up` deploys it (preflight → apply → wait → tunnel → sync → compose → expose → report); `down`
 * removes the environment; `cleanup` removes those of closed pull requests and expired ones, and puts
 * idle ones to sleep. A `/preview` comment (issue_comment) runs one of them for its pull request.
 *
 * The Kubernetes and GitHub client libraries are most of the bundle and most of its start-up time, so
 * they are imported only by the commands that talk to a cluster, when they do (`plan` needs neither).
 */
export async function runCommand(options: RunOptions): Promise<Outcome> {
  if (options.context.eventName === 'issue_comment' && !options.commentCommand) {
    const { runCommentCommand } = await import('./comment-command.js');
    return runCommentCommand(options, runCommand);
  }
  const { input, context, log, signal } = options;
  // Before anything reads the fork's files: a compose file is code too (include, env_file).
  refuseForeignCode(input, context, options.commentCommand);
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const timer = new PhaseTimer();
  const project = readProjectInputs(input, options.cwd);
  // The runner's environment, less the action's inputs and secrets: compose interpolates from it.
  const projectEnv = projectEnvironment(process.env, secretInputs(input));
  const model = await timer.time('compose config', () =>
    input('command') === 'cleanup'
      ? optionalModel(project, projectEnv, signal, log)
      : loadComposeModel(project, projectEnv, signal),
  );
  const fromCompose = readDriverOptions(model?.['x-preevy'], log);
  const inWorkflow = env.GITHUB_ACTIONS === 'true';
  const settings = resolveSettings(
    input,
    withoutRepositoryCredentials(fromCompose, inWorkflow, log),
    project,
  );
  for (const secret of [settings.githubToken, settings.expose.basicAuth?.password])
    if (secret) log.mask(secret);
  const connect = () => connectTo(settings, { log, env, signal });
  if (settings.command === 'cleanup')
    return runCleanupCommand(settings, model, options, { timer, connect, env, now });
  if (!model) throw new Error('Only cleanup runs without a compose project.');

  const run = resolveRun(options, { settings, model, timer, projectEnv, now });
  const common = { ids: run.ids, namespace: settings.namespace, project: model.name, timings: timer.timings };
  const command = chooseCommand(settings, context, options.commentCommand);
  if (command.name === 'skip') {
    log.notice(command.why);
    return { ...common, command: 'skipped' };
  }
  if (command.name !== 'plan' && (await skipFork(settings, context, env, log)))
    return { ...common, command: 'skipped' };
  log.info(
    `Environment ${run.ids.envId} (id ${run.ids.id}) in namespace ${settings.namespace}: ${command.name}`,
  );
  return { ...common, ...(await execute(run, command, { ...options, env }, connect)) };
}

/** The command to run: a /preview comment's, `auto`'s choice for the pull_request event, or input command. */
type Chosen =
  | { name: 'up' | 'down' | 'plan' | 'doctor' }
  | { name: 'extend'; byMs: number }
  | { name: 'skip'; why: string };

function chooseCommand(settings: Settings, context: RunContext, comment: PreviewCommand | undefined): Chosen {
  if (comment?.name === 'extend') return { name: 'extend', byMs: comment.byMs };
  if (comment) return { name: comment.name === 'down' ? 'down' : 'up' };
  if (settings.command === 'auto') {
    const decision = decideAuto(context, settings.triggers);
    return decision.command === 'skip' ? { name: 'skip', why: decision.why } : { name: decision.command };
  }
  if (settings.command === 'cleanup') throw new Error('cleanup is dispatched before any plan.');
  return { name: settings.command };
}

/** What a command adds to what every run reports. */
type WithoutCommon<T> = T extends unknown ? Omit<T, 'ids' | 'namespace' | 'project' | 'timings'> : never;
type Executed = WithoutCommon<Exclude<Outcome, CleanupOutcome | SkippedOutcome>>;

async function execute(
  run: Run,
  command: Exclude<Chosen, { name: 'skip' }>,
  options: RunOptions & { env: NodeJS.ProcessEnv },
  connect: () => Promise<KubeClient>,
): Promise<Executed> {
  if (command.name === 'down') {
    const { runDown } = await import('./down.js');
    const client = await connect();
    return runDown(run, client, await templateKinds(run), await reportOf(run, options.env));
  }
  if (command.name === 'extend') {
    const { runExtend } = await import('./extend.js');
    return runExtend(run, await connect(), command.byMs, await reportOf(run, options.env));
  }
  // A bad template fails `plan` and `up` before anything touches the cluster.
  const provenance = planOptions(run);
  const plan = await planEnvironment(run, provenance);
  if (command.name === 'plan' && !options.planOnServer)
    return { command: 'plan', manifest: manifestOf(plan) };
  if (command.name === 'plan') {
    const { planOnServer } = await import('./preflight.js');
    return { command: 'plan', manifest: await planOnServer(run, await connect(), plan, provenance) };
  }
  if (command.name === 'doctor') {
    const { runDoctor } = await import('./doctor.js');
    return runDoctor(run, await connect(), plan, provenance);
  }
  const { runUp } = await import('./up.js');
  const client = await connect();
  return runUp(run, client, plan, provenance, await reportOf(run, options.env));
}

async function runCleanupCommand(
  settings: Settings,
  model: ComposeModel | undefined,
  options: RunOptions,
  resolved: {
    timer: PhaseTimer;
    connect: () => Promise<KubeClient>;
    env: NodeJS.ProcessEnv;
    now: () => Date;
  },
): Promise<CleanupOutcome> {
  const { context, log, signal } = options;
  const { timer, env, now } = resolved;
  const cleaned = await timer.time('cleanup', async () => {
    const { runCleanup } = await import('./cleanup.js');
    const { githubApi } = await import('./report.js');
    const github = githubApi(settings, context, env);
    return runCleanup(await resolved.connect(), { settings, context, github, log, signal, now });
  });
  const common = { ids: { envId: '*', id: '*' }, namespace: settings.namespace, project: model?.name ?? '' };
  return { ...common, command: 'cleanup', cleaned, timings: timer.timings };
}

async function connectTo(
  settings: Settings,
  options: { log: Logger; env: NodeJS.ProcessEnv; signal: AbortSignal },
): Promise<KubeClient> {
  const { KubeClient } = await import('../kube/client.js');
  return KubeClient.connect(settings.kubeconfig, settings.context, settings.namespace, options);
}

/** The pull request's comment and deployment for `up` and `down`, when the run has them. */
async function reportOf(run: Run, env: NodeJS.ProcessEnv): Promise<PullRequestReport | undefined> {
  const { githubApi, reportFor } = await import('./report.js');
  const { settings, context } = run;
  return reportFor(githubApi(settings, context, env), settings, run.ids, context.prNumber, context, run.log);
}

/**
 * `cleanup` works on a whole namespace and may run on a schedule without a compose project: it reads
 * one when compose finds it (its x-preevy may name the namespace), and goes on without one otherwise.
 */
async function optionalModel(
  project: ProjectInputs,
  projectEnv: Record<string, string>,
  signal: AbortSignal,
  log: Logger,
): Promise<ComposeModel | undefined> {
  try {
    return await loadComposeModel(project, projectEnv, signal);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    log.info(`No compose project (${error.message.split('\n')[0]}); cleaning up input namespace.`);
    return undefined;
  }
}

function resolveRun(
  options: RunOptions,
  resolved: Pick<Run, 'settings' | 'model' | 'timer' | 'projectEnv' | 'now'>,
): Run {
  const { context } = options;
  const { settings, model } = resolved;
  const repository = context.repository ?? `local/${model.name}`;
  const envId = environmentId(settings.envId, context.prNumber);
  const ids: Ids = { envId, id: resourceId(repository, envId) };
  return {
    ...resolved,
    context,
    repository,
    ids,
    log: options.log,
    signal: options.signal,
    checkpoint: options.checkpoint ?? (() => {}),
  };
}

/** The values of the inputs that carry credentials, to be kept out of the compose project's reach. */
function secretInputs(input: InputSource): (string | undefined)[] {
  const basicAuth = input('basic-auth');
  return [input('kubeconfig'), input('github-token'), basicAuth, basicAuth?.split(':').slice(1).join(':')];
}

/** A fork's pull request gets no secrets, so no credentials: skip with a notice, or fail (input on-fork). */
async function skipFork(
  settings: Settings,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<boolean> {
  if (!context.fromFork) return false;
  const { credentialsAvailable } = await import('../kube/config.js');
  if (credentialsAvailable(settings.kubeconfig, env)) return false;
  const why = `Pull request #${context.prNumber} comes from a fork, and GitHub gives workflows on such pull requests no secrets, so there are no cluster credentials.`;
  if (settings.onFork === 'fail') {
    throw new UserError(`${why} Input on-fork is fail. See the README on previews of fork pull requests.`);
  }
  log.notice(`${why} Skipping the preview (input on-fork is skip).`);
  return true;
}

/**
 * pull_request_target and workflow_run give the run this repository's secrets whoever wrote the code:
 * deploying a fork's compose file and Dockerfiles then runs them next to the cluster credentials.
 */
function refuseForeignCode(
  input: InputSource,
  context: RunContext,
  comment: PreviewCommand | undefined,
): void {
  const foreign = context.foreignCodeWithSecrets;
  const command = input('command') ?? 'auto';
  const deploys = comment
    ? comment.name === 'redeploy' || comment.name === 'wake'
    : command === 'up' || (command === 'auto' && context.action !== 'closed');
  if (!foreign || !deploys || allowsForkCode(input)) return;
  throw new UserError(
    `This ${context.eventName} run would deploy code from ${foreign}, not from ${context.repository ?? 'this repository'}, with this repository's secrets: the fork's compose file and Dockerfiles would run next to your cluster credentials. Use the pull_request event (see the README on fork pull requests), or set input allow-fork-code to true once a maintainer has reviewed that code.`,
  );
}

/**
 * The kinds the current template uses, for teardown. Teardown must work even when the template no
 * longer renders: it then relies on what the deploy recorded on the docker-host workload.
 */
async function templateKinds(run: Run): Promise<string[]> {
  try {
    return (await planEnvironment(run, planOptions(run))).kinds;
  } catch (error) {
    run.log.warning(
      `The template does not render (${describeError(error)}); removing what the last deploy recorded.`,
    );
    return [];
  }
}
