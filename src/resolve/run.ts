import type { ComposeModel } from '../docker/compose-model.js';
import type { RunContext } from '../github/event.js';
import type { Checkpoint } from '../model/checkpoint.js';
import type { Ids } from '../model/ids.js';
import type { InputSource } from '../model/inputs.js';
import type { PreviewCommand } from '../model/trigger.js';
import type { DeployStamp } from '../model/plan.js';
import type { Settings } from '../model/settings.js';
import type { Logger } from '../util/log.js';
import type { PhaseTimer } from '../util/phase-timer.js';

/** What an entry point hands over: its inputs, the event, where to log; nothing resolved yet. */
export interface RunRequest {
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
}

/** The command a run carries out, as chosen from inputs, the event and a `/preview` comment. */
export type CommandChoice =
  | { name: 'up' | 'plan' | 'doctor' }
  | { name: 'down' }
  | { name: 'cleanup' }
  | { name: 'extend'; byMs: number }
  | { name: 'skip'; why: string };

/** A request whose `/preview` comment (if any) was authorized: the command and the pull request's context. */
export interface AuthorizedRequest extends RunRequest {
  commentCommand?: PreviewCommand;
}

/**
 * One run of a command on an environment, resolved once from inputs, event and compose file: its
 * settings, the event it serves, the environment's ids, the stamp its objects carry. `down` and
 * `extend` need no more: they work from what the cluster records, so they run without reading the
 * checkout (a fork's code is never read).
 */
export interface EnvironmentRun {
  command: CommandChoice;
  settings: Settings;
  context: RunContext;
  /** `owner/name`, or `local/<project>` outside GitHub. */
  repository: string;
  ids: Ids;
  /** What every object of this run's deploy records (labels, provenance, expiry): computed once. */
  stamp: DeployStamp;
  log: Logger;
  signal: AbortSignal;
  timer: PhaseTimer;
  checkpoint: Checkpoint;
  env: NodeJS.ProcessEnv;
  /** What docker and compose run with: the runner's environment less the action's secrets. */
  projectEnv: Record<string, string>;
  now: () => Date;
  planOnServer: boolean;
  /** The compose project, when it loaded (`down` and `extend` go on without one). */
  compose: ComposeModel | undefined;
}

/** A run that deploys, plans or checks: it reads the compose project. */
export interface ProjectRun extends EnvironmentRun {
  compose: ComposeModel;
}

/** `cleanup` works on every environment of the namespace: no ids of its own. */
export type CleanupRun = Omit<EnvironmentRun, 'ids' | 'stamp' | 'repository'>;
