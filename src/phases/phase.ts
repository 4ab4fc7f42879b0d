import type { Logger } from '../util/log.js';
import type { PhaseTimer } from '../util/phase-timer.js';

/** What a phase reports to: the run's log and its timer. */
interface PhaseRun {
  log: Logger;
  timer: PhaseTimer;
}

/**
 * One phase of a command: timed under `timing` (the job summary's and the benchmark's figures) and, with
 * a `group`, the log group its output goes in. Phases whose adapter opens its own group give none.
 */
export function phase<T>(
  run: PhaseRun,
  what: string | { timing: string; group: string },
  fn: () => Promise<T>,
): Promise<T> {
  if (typeof what === 'string') return run.timer.time(what, fn);
  return run.timer.time(what.timing, () => run.log.group(what.group, fn));
}
