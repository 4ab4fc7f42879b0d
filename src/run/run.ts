import type { ComposeModel } from '../docker/model.js';
import type { RunContext } from '../github/event.js';
import type { Checkpoint } from '../model/checkpoint.js';
import type { Ids } from '../model/ids.js';
import type { Settings } from '../model/settings.js';
import type { Logger } from '../util/log.js';

/**
 * One run of a command, as the dispatcher resolved it: its settings, the event it serves, the
 * environment's ids and compose project. Commands read it; the steps they call get only what they need.
 */
export interface Run {
  settings: Settings;
  context: RunContext;
  /** `owner/name`, or `local/<project>` outside GitHub. */
  repository: string;
  ids: Ids;
  model: ComposeModel;
  log: Logger;
  signal: AbortSignal;
  timer: PhaseTimer;
  checkpoint: Checkpoint;
  /** What docker and compose run with: the runner's environment less the action's secrets. */
  projectEnv: Record<string, string>;
  now: () => Date;
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
