import { knownCredentials, projectEnvironment } from '../docker/environment.js';
import { loadComposeModel, type ComposeModel } from '../docker/model.js';
import type { RunContext } from '../github/event.js';
import type { PullRequestReport } from '../github/report.js';
import type { KubeClient } from '../kube/client.js';
import { kubeconfigNamespace } from '../kube/kubeconfig-namespace.js';
import type { Checkpoint } from '../model/checkpoint.js';
import { DOCTOR_ENV_ID, environmentId, resourceId, type Ids } from '../model/ids.js';
import type { InputSource } from '../model/inputs.js';
import type { CleanupOutcome, Outcome, SkippedOutcome } from '../model/outcome.js';
import { decideAuto, type PreviewCommand, type TriggerSettings } from '../model/trigger.js';
import { resolveSettings } from '../model/resolve-settings.js';
import {
  allowsForkCode,
  readCommand,
  readOnFork,
  readProjectInputs,
  readTriggers,
} from '../model/run-inputs.js';
import type { Command, ProjectInputs, Settings } from '../model/settings.js';
import { readDriverOptions, withoutRepositoryCredentials } from '../model/x-preevy.js';
import { describeError, UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { declaredExposure, manifestOf, planEnvironment, planOptions } from './plan.js';
import { requireWorkingDirectory } from './checkout.js';
import { checkoutUse, forkOf, type CheckoutUse } from './fork.js';
import { PhaseTimer, type EnvironmentRun, type Run } from './run.js';

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
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const timer = new PhaseTimer();
  const project = readProjectInputs(input, options.cwd);
  const command = chooseCommand(readCommand(input), readTriggers(input), context, options.commentCommand);
  // Before anything reads the checkout: a compose file is code too (include, env_file), and so is a template.
  const use = await checkoutUseOf(command.name, input, context, env, log);
  if (command.name === 'skip' || use === 'skip') {
    if (command.name === 'skip') log.notice(command.why);
    return { ...skippedIds(input, context), project: '', timings: {}, command: 'skipped' };
  }
  if (use === 'read' && command.name !== 'cleanup') requireWorkingDirectory(project.workingDirectory);
  // An allow-list of the runner's environment (input compose-env), less any credential: compose
  // interpolates from it.
  const projectEnv = projectEnvironment(process.env, {
    listed: input('compose-env'),
    credentials: secretInputs(input, env),
    log,
  });
  const model =
    use === 'records'
      ? undefined
      : await timer.time('compose config', () =>
          command.name === 'cleanup' || command.name === 'down' || command.name === 'extend'
            ? optionalModel(project, projectEnv, signal, log)
            : loadComposeModel(project, projectEnv, signal),
        );
  const fromCompose = readDriverOptions(model?.['x-preevy'], log);
  const inWorkflow = env.GITHUB_ACTIONS === 'true';
  const settings = resolveSettings(
    input,
    withoutRepositoryCredentials(fromCompose, inWorkflow, log),
    project,
    kubeconfigNamespace(env),
  );
  for (const secret of [settings.githubToken, settings.expose.basicAuth?.password])
    if (secret) log.mask(secret);
  const connect = () => connectTo(settings, { log, env, signal });
  if (command.name === 'cleanup')
    return runCleanupCommand(settings, model, options, { timer, connect, env, now });

  const run = resolveRun(options, { settings, timer, projectEnv, now }, model);
  const common = {
    ids: run.ids,
    namespace: settings.namespace,
    project: model?.name ?? '',
    timings: timer.timings,
  };
  log.info(
    `Environment ${run.ids.envId} (id ${run.ids.id}) in namespace ${settings.namespace} (${settings.namespaceFrom}): ${command.name}`,
  );
  const ready = { ...options, env };
  if (command.name === 'down' || command.name === 'extend')
    return { ...common, ...(await manage(run, command, ready, connect, model)) };
  if (!model) throw new Error(`${command.name} reads the compose project.`);
  return { ...common, ...(await execute({ ...run, model }, command, ready, connect)) };
}

/** The command to run: a /preview comment's, `auto`'s choice for the pull_request event, or input command. */
type Chosen =
  | { name: 'up' | 'plan' | 'doctor' }
  | { name: 'down' }
  | { name: 'cleanup' }
  | { name: 'extend'; byMs: number }
  | { name: 'skip'; why: string };

function chooseCommand(
  command: Command,
  triggers: TriggerSettings,
  context: RunContext,
  comment: PreviewCommand | undefined,
): Chosen {
  if (comment?.name === 'extend') return { name: 'extend', byMs: comment.byMs };
  if (comment?.name === 'down') return { name: 'down' };
  if (comment) return { name: 'up' };
  if (command === 'auto') {
    const decision = decideAuto(context, triggers);
    if (decision.command === 'skip') return { name: 'skip', why: decision.why };
    return decision.command === 'down' ? { name: 'down' } : { name: 'up' };
  }
  if (command === 'down') return { name: 'down' };
  if (command === 'cleanup') return { name: 'cleanup' };
  return { name: command };
}

/** Whose code the checkout holds, from inputs alone: nothing of the checkout is read to decide it. */
async function checkoutUseOf(
  command: string,
  input: InputSource,
  context: RunContext,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<CheckoutUse> {
  if (!forkOf(context)) return 'read';
  const { credentialsAvailable } = await import('../kube/config.js');
  const content = input('kubeconfig');
  return checkoutUse(command, context, {
    allowForkCode: allowsForkCode(input),
    onFork: readOnFork(input),
    kubeconfig: content ? { kind: 'content', content } : { kind: 'default' },
    credentialsAvailable: (source) => credentialsAvailable(source, env),
    log,
  });
}

/** The ids and namespace of a run that does nothing, as far as inputs and the event give them. */
function skippedIds(input: InputSource, context: RunContext): Pick<Outcome, 'ids' | 'namespace'> {
  const envId = input('env-id') ?? (context.prNumber === undefined ? '' : `pr-${context.prNumber}`);
  const id = envId && context.repository ? resourceId(context.repository, envId) : '';
  return { ids: { envId, id }, namespace: input('namespace') ?? '' };
}

/** What a command adds to what every run reports. */
type WithoutCommon<T> = T extends unknown ? Omit<T, 'ids' | 'namespace' | 'project' | 'timings'> : never;
type Executed = WithoutCommon<Exclude<Outcome, CleanupOutcome | SkippedOutcome>>;

/** `down` and `extend`: they act on what the cluster holds, so they run without a compose project too. */
async function manage(
  run: EnvironmentRun,
  command: Extract<Chosen, { name: 'down' | 'extend' }>,
  options: RunOptions & { env: NodeJS.ProcessEnv },
  connect: () => Promise<KubeClient>,
  model: ComposeModel | undefined,
): Promise<Executed> {
  if (command.name === 'down') {
    const { runDown } = await import('./down.js');
    const client = await connect();
    return runDown(run, client, await templateKinds(run, model), await reportOf(run, options.env));
  }
  const { runExtend } = await import('./extend.js');
  return runExtend(run, await connect(), command.byMs, await reportOf(run, options.env));
}

async function execute(
  run: Run,
  command: Extract<Chosen, { name: 'up' | 'plan' | 'doctor' }>,
  options: RunOptions & { env: NodeJS.ProcessEnv },
  connect: () => Promise<KubeClient>,
): Promise<Executed> {
  // A bad template fails `plan` and `up` before anything touches the cluster.
  const provenance = planOptions(run);
  const plan = await planEnvironment(run, provenance);
  if (command.name === 'plan' && !options.planOnServer)
    return { command: 'plan', manifest: manifestOf(plan, await declaredExposure(run, provenance)) };
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
async function reportOf(run: EnvironmentRun, env: NodeJS.ProcessEnv): Promise<PullRequestReport | undefined> {
  const { githubApi, reportFor } = await import('./report.js');
  const { settings, context } = run;
  return reportFor(githubApi(settings, context, env), settings, run.ids, context.prNumber, context, run.log);
}

/**
 * `cleanup`, `down` and `extend` act on what the cluster holds: they read the compose project when it
 * loads (its x-preevy may name the namespace, its template the kinds), and go on without one otherwise,
 * so that a project that no longer loads (or never did: a scheduled cleanup) can still be removed.
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
    log.warning(
      `No compose project (${error.message.split('\n')[0]}): working from what the cluster records, in the namespace of the inputs.`,
    );
    return undefined;
  }
}

function resolveRun(
  options: RunOptions,
  resolved: Pick<EnvironmentRun, 'settings' | 'timer' | 'projectEnv' | 'now'>,
  model: ComposeModel | undefined,
): EnvironmentRun {
  const { context } = options;
  const { settings } = resolved;
  const repository = context.repository ?? (model ? `local/${model.name}` : undefined);
  if (!repository) throw new Error('A run without a compose project runs for a repository.');
  if (!context.repository)
    options.log.notice(
      `No repository (--repository, GITHUB_REPOSITORY or a git origin remote): the environment's id derives from ${repository}, which no action run uses. Give --repository owner/name to reach the environment the action made.`,
    );
  const placeholder = settings.command === 'doctor' ? DOCTOR_ENV_ID : undefined;
  const envId = environmentId(settings.envId, context.prNumber, placeholder);
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

/** The credentials the action holds, to be kept out of the compose project's reach. */
function secretInputs(input: InputSource, env: NodeJS.ProcessEnv): string[] {
  const known = { kubeconfig: input('kubeconfig'), githubToken: input('github-token') };
  return knownCredentials({ ...known, basicAuth: input('basic-auth') }, env);
}

/**
 * The kinds the current template uses, for teardown. Teardown must work even when the template no
 * longer renders: it then relies on what the deploy recorded on the docker-host workload.
 */
async function templateKinds(run: EnvironmentRun, model: ComposeModel | undefined): Promise<string[]> {
  if (!model) return [];
  try {
    return (await planEnvironment({ ...run, model }, planOptions({ ...run, model }))).kinds;
  } catch (error) {
    run.log.warning(
      `The template does not render (${describeError(error)}); removing what the last deploy recorded.`,
    );
    return [];
  }
}
