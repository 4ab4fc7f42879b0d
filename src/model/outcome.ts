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
  /** Why it goes (its pull request is closed, its ttl has passed) or sleeps (idle); undefined when it stays. */
  reason: 'pull request closed' | 'expired' | 'idle' | undefined;
  action: 'removed' | 'would remove' | 'asleep' | 'would sleep' | 'kept' | 'busy';
  /** Why it stays (kept, busy): `no expiry recorded; pull request #7 open`, `a run is working on it`. */
  why?: string;
}

export interface CleanupOutcome extends Common {
  command: 'cleanup';
  cleaned: CleanupEntry[];
}

/** One check of the cluster, as `doctor` prints it and `up`'s preflight fails on. */
export interface Check {
  name: string;
  state: 'ok' | 'failed' | 'skipped';
  /** What was found; for a failure, the API server's message and what to do. */
  detail: string;
}

/** `doctor`: what the cluster would make of a deploy, changing nothing. */
export interface DoctorOutcome extends Common {
  command: 'doctor';
  checks: Check[];
}

/** `/preview extend`: the environment's new expiry. */
export interface ExtendOutcome extends Common {
  command: 'extend';
  expiresAt: string;
}

/** A fork's pull request without credentials, with input on-fork skip. */
export interface SkippedOutcome extends Common {
  command: 'skipped';
}

export type Outcome =
  PlanOutcome | UpOutcome | DownOutcome | CleanupOutcome | DoctorOutcome | ExtendOutcome | SkippedOutcome;
