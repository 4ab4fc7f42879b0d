import type { PublishedPort } from './exposure.js';
import type { Ids } from './ids.js';
import type { DockerHostPod } from './objects.js';
import type { PreviewUrl } from './urls.js';

/** What every run reports, whichever its command. */
interface Common {
  ids: Ids;
  namespace: string;
  /** The compose project's name. */
  project: string;
  /** Milliseconds each phase took, in order. */
  timings: Record<string, number>;
}

/** `plan`: the rendered objects as multi-document YAML. */
export interface PlanOutcome extends Common {
  command: 'plan';
  manifest: string;
}

export interface UpOutcome extends Common {
  command: 'up';
  /** The pod running the Docker server. */
  pod: DockerHostPod;
  /** What the file sync sent and removed. */
  synced: { sent: string[]; removed: string[]; unchanged: number; bytes: number };
  /** The ports the compose services publish on the pod's Docker server. */
  ports: PublishedPort[];
  /** How each published port is reached, and whether it answered. */
  urls: PreviewUrl[];
  /** The URL of input primary-service, else the first that answered. */
  primaryUrl?: string;
  /** Ready (a URL answers) or running (nothing to link to: expose none, or no published port). */
  state: 'ready' | 'running';
}

/** `down`, and an `up` that found its pull request closed: what was deleted. */
export interface DownOutcome extends Common {
  command: 'down';
  deleted: string[];
}

/** One environment `cleanup` found, and what became of it. */
export interface CleanupEntry {
  envId: string;
  id: string;
  repository: string | undefined;
  /** Why it goes: its pull request is closed, or its ttl has passed; undefined when it stays. */
  reason: 'pull request closed' | 'expired' | undefined;
  action: 'removed' | 'would remove' | 'kept' | 'busy';
}

export interface CleanupOutcome extends Common {
  command: 'cleanup';
  cleaned: CleanupEntry[];
}

/** A fork's pull request without credentials, with input on-fork skip. */
export interface SkippedOutcome extends Common {
  command: 'skipped';
}

export type Outcome = PlanOutcome | UpOutcome | DownOutcome | CleanupOutcome | SkippedOutcome;
