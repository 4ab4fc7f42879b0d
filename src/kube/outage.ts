import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/log.js';

/** A clock time for the log: `21:59:03 UTC`. */
export function clock(at: number): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}

/**
 * Whether a server answers, shared by every call to it, so that an outage is said once in the log
 * however many calls ride it out: when it began, until when it is waited for, and when it ended.
 */
export class Reachability {
  private outage: { since: number; reason: string; state: string } | undefined;
  /** It answered once in this run: its address is right, a refusal now is a restart. */
  private contacted = false;

  constructor(
    /** `The Kubernetes API server at https://…`: the subject of the log lines. */
    readonly subject: string,
    private readonly log: Logger | undefined,
    /** How long a server that never answered is waited for (see RetryPolicy.firstContactMs). */
    private readonly firstContactMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** When the outage under way began, if one is. */
  get since(): number | undefined {
    return this.outage?.since;
  }

  /** A call failed for `reason` (`ECONNREFUSED`): the first failure of an outage is said in the log. */
  failed(reason: string, patienceMs: number): void {
    if (this.outage) {
      this.outage.reason = reason;
      return;
    }
    // A server that answers 503 is there, but as little use as one that is not.
    const state = reason.startsWith('HTTP ') ? 'unavailable' : 'unreachable';
    this.outage = { since: this.now(), reason, state };
    const until = this.deadline(patienceMs);
    this.log?.warning(
      `${this.subject} is ${state} since ${clock(this.outage.since)} (${reason}); trying again until ${clock(until)} (${this.budget(patienceMs)}).`,
    );
  }

  /** The server answered, if only to say it cannot serve (503): its address is right. */
  reached(): void {
    this.contacted = true;
  }

  /** A call got an answer: an outage under way is over, and the log says for how long it lasted. */
  answered(): void {
    this.contacted = true;
    if (!this.outage) return;
    const { since, state } = this.outage;
    this.outage = undefined;
    this.log?.info(
      `${this.subject} answers again, after ${formatDuration(this.now() - since)} ${state} (since ${clock(since)}).`,
    );
  }

  /** Until when the outage under way is ridden out. */
  deadline(patienceMs: number): number {
    return (this.outage?.since ?? this.now()) + this.patience(patienceMs);
  }

  /** Why a call gives up, once the deadline is reached. */
  gaveUp(patienceMs: number): string {
    const { since, reason, state } = this.outage ?? {
      since: this.now(),
      reason: 'no answer',
      state: 'unreachable',
    };
    const first = this.contacted
      ? ''
      : ' It has not answered once in this run: check the cluster address of the kubeconfig, and that the runner can reach it.';
    return `${this.subject} has been ${state} since ${clock(since)} (${reason}), and the deadline was reached after ${formatDuration(this.now() - since)} (${this.budget(patienceMs)}).${first}`;
  }

  /** What the outage under way looks like, for a wait that ends during it: `unreachable since …`. */
  describe(): string | undefined {
    if (!this.outage) return undefined;
    const { since, reason, state } = this.outage;
    return `${this.subject} has been ${state} since ${clock(since)} (${reason})`;
  }

  private patience(patienceMs: number): number {
    return this.contacted ? patienceMs : Math.min(patienceMs, this.firstContactMs);
  }

  private budget(patienceMs: number): string {
    return this.contacted || patienceMs <= this.firstContactMs
      ? `input timeout, ${formatDuration(patienceMs)}`
      : `${formatDuration(this.firstContactMs)} for a server that has not answered yet`;
  }
}
