import type { ComposeModel } from '../docker/model.js';
import type { RunContext } from '../github/event.js';
import type { Checkpoint } from '../model/checkpoint.js';
import type { Ids } from '../model/ids.js';
import type { Settings } from '../model/settings.js';
import type { Logger } from '../util/log.js';

/**
 * One run of a command on an environment, as the dispatcher resolved it: its settings, the event it
 * serves, the environment's ids. `down` and `extend` need no more: they work from what the cluster
 * records, so they run without reading the checkout (a fork's code is never read).
 */
export interface EnvironmentRun {
  settings: Settings;
  context: RunContext;
  /** `owner/name`, or `local/<project>` outside GitHub. */
  repository: string;
  ids: Ids;
  log: Logger;
  signal: AbortSignal;
  timer: PhaseTimer;
  checkpoint: Checkpoint;
  /** What docker and compose run with: the runner's environment less the action's secrets. */
  projectEnv: Record<string, string>;
  now: () => Date;
}

/** A run that deploys or plans: an environment run with the compose project it reads. */
export interface Run extends EnvironmentRun {
  model: ComposeModel;
}

/** How long each phase of a run took, in the order they ran: the summary's and the benchmark's figures. */
export class PhaseTimer {
  readonly timings: Record<string, number> = {};
  private readonly started = performance.now();

  async time<T>(phase: string, fn: () => Promise<T>): Promise<T> {
    const phaseStarted = performance.now();
    try {
      return await fn();
    } finally {
      this.timings[phase] = Math.round(performance.now() - phaseStarted);
    }
  }

  /** Milliseconds since the run started. */
  get elapsedMs(): number {
    return performance.now() - this.started;
  }
}

/** Who holds a lease, as other runs see it while they wait: the workflow run's URL when there is one. */
export function holderOf(context: RunContext): string {
  return context.runUrl ?? 'the kube-pod-preview CLI';
}
