import type { KubeClient } from '../kube/client.js';
import type { CleanupOutcome, Outcome, SkippedOutcome } from '../model/outcome.js';

/** The cluster a command talks to, connected on first use: `plan` without --server never connects. */
export interface Cluster {
  connect(): Promise<KubeClient>;
}

/** What every run reports, added by the dispatcher; a command returns the rest. */
type Common = 'ids' | 'namespace' | 'project' | 'timings';
type WithoutCommon<T> = T extends unknown ? Omit<T, Common> : never;

/** What a command on one environment adds to what every run reports. */
export type CommandResult = WithoutCommon<Exclude<Outcome, CleanupOutcome | SkippedOutcome>>;
