import type { GitHubApi } from '../github/api.js';
import type { RunContext } from '../github/event.js';
import type { KubeClient } from '../kube/client.js';
import { LeaseHeldError, acquireLease } from '../kube/lease.js';
import { asleepSince, dockerHosts, expiryOf, putToSleep, recordedUrls } from '../kube/lifecycle.js';
import { teardown } from '../kube/teardown.js';
import type { Ids } from '../model/ids.js';
import {
  ANNOTATIONS,
  LABELS,
  annotatedTime,
  environmentSelector,
  type KubeObject,
} from '../model/objects.js';
import type { CleanupEntry } from '../model/outcome.js';
import type { Settings } from '../model/settings.js';
import { describeError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { reportFor } from './report.js';
import { holderOf } from './run.js';

export interface CleanupOptions {
  settings: Settings;
  /** Its repository is the running workflow's: only its pull requests can be asked about. */
  context: RunContext;
  github: GitHubApi | undefined;
  log: Logger;
  signal: AbortSignal;
  now: () => Date;
}

/**
 * `cleanup`: finds the preview environments in the namespace by their docker-host workloads and removes
 * those whose pull request is closed (for this repository, asked of the GitHub API) or whose expiry has
 * passed; with input sleep-after, it scales to zero those not deployed for that long. An environment a
 * run is working on (its lease is held) is left for a later cleanup.
 */
export async function runCleanup(client: KubeClient, options: CleanupOptions): Promise<CleanupEntry[]> {
  const { log } = options;
  const hosts = await dockerHosts(client);
  if (hosts.length === 0) log.info(`No preview environments in namespace ${client.namespace}.`);
  const now = options.now();
  const entries: CleanupEntry[] = [];
  for (const host of hosts) {
    options.signal.throwIfAborted();
    const labels = host.metadata.labels ?? {};
    const ids: Ids = { envId: labels[LABELS.envId] ?? '?', id: labels[LABELS.id] ?? '' };
    if (!ids.id) continue;
    const repository = host.metadata.annotations?.[ANNOTATIONS.repository];
    const entry: CleanupEntry = {
      ...ids,
      repository,
      reason: await whyRemove(host, ids, now, options),
      action: 'kept',
    };
    entries.push(entry);
    const what = `${ids.envId} (${ids.id}${repository ? `, ${repository}` : ''})`;
    if (!entry.reason && idle(host, now, options.settings)) {
      entry.reason = 'idle';
      entry.action = options.settings.dryRun
        ? 'would sleep'
        : await sleep(client, host, entry, what, options);
      if (options.settings.dryRun) log.info(`  ${what}: would sleep (idle; dry-run)`);
    } else if (!entry.reason) {
      const since = asleepSince(host);
      log.info(`  ${what}: kept${since ? ` (asleep since ${since.toISOString()})` : ''}`);
    } else if (options.settings.dryRun) {
      entry.action = 'would remove';
      log.info(`  ${what}: would remove (${entry.reason}; dry-run)`);
    } else entry.action = await remove(client, entry, what, options);
  }
  return entries;
}

/** Awake, and not deployed for input sleep-after. */
function idle(host: KubeObject, now: Date, settings: Settings): boolean {
  if (settings.sleepAfterMs === undefined || asleepSince(host)) return false;
  const deployedAt = annotatedTime(host, ANNOTATIONS.deployedAt);
  return deployedAt !== undefined && deployedAt.getTime() + settings.sleepAfterMs <= now.getTime();
}

/**
 * Puts one environment to sleep under its lease, unless a run holds it: scaled to zero, its exposure
 * removed, its volume kept. Its comment, if any, says *sleeping*.
 */
async function sleep(
  client: KubeClient,
  host: KubeObject,
  entry: CleanupEntry,
  what: string,
  options: CleanupOptions,
): Promise<CleanupEntry['action']> {
  const { log, signal } = options;
  try {
    await using _lease = await acquireLease(client, entry.id, leaseOptions(options));
    await log.group(`Put ${what} to sleep: no deploy for input sleep-after`, () =>
      putToSleep(client, host, options.now(), log),
    );
  } catch (error) {
    if (!(error instanceof LeaseHeldError)) throw error;
    log.info(`  ${what}: a run is working on it; leaving it awake`);
    return 'busy';
  }
  signal.throwIfAborted();
  const pr = pullRequestOf(entry);
  if (pr !== undefined && entry.repository === options.context.repository) {
    const urls = recordedUrls(host).map((u) => ({ ...u, state: 'asleep' as const, detail: undefined }));
    await reportFor(options.github, options.settings, entry, pr, options.context, log)?.sleeping(urls);
  }
  return 'asleep';
}

function leaseOptions(options: CleanupOptions) {
  return {
    holder: holderOf(options.context),
    durationSeconds: 30,
    waitMs: 0,
    pollMs: 1000,
    signal: options.signal,
    log: options.log,
  };
}

/** Why an environment goes: its ttl has passed, or its pull request (of this repository) is closed. */
async function whyRemove(
  host: KubeObject,
  ids: Ids,
  now: Date,
  options: CleanupOptions,
): Promise<CleanupEntry['reason']> {
  const annotations = host.metadata.annotations ?? {};
  const expiresAt = expiryOf(host);
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return 'expired';
  const pr = pullRequestOf(ids);
  const ours = annotations[ANNOTATIONS.repository] === options.context.repository;
  if (pr === undefined || !ours || !options.github) return undefined;
  try {
    return (await options.github.pullRequestState(pr)) === 'closed' ? 'pull request closed' : undefined;
  } catch (error) {
    options.log.warning(`Keeping ${ids.envId}: ${describeError(error)}`);
    return undefined;
  }
}

/** Removes one environment under its lease, unless a run holds it; its comment, if any, says *deleted*. */
async function remove(
  client: KubeClient,
  entry: CleanupEntry,
  what: string,
  options: CleanupOptions,
): Promise<CleanupEntry['action']> {
  const { log, signal, settings } = options;
  try {
    await using _lease = await acquireLease(client, entry.id, leaseOptions(options));
    await log.group(`Remove ${what}: ${entry.reason}`, () =>
      teardown(client, {
        selector: environmentSelector(entry.id),
        templateKinds: [],
        timeoutMs: settings.timeoutMs,
        signal,
        log,
      }),
    );
  } catch (error) {
    if (!(error instanceof LeaseHeldError)) throw error;
    log.info(`  ${what}: a run is working on it; leaving it for the next cleanup`);
    return 'busy';
  }
  const pr = pullRequestOf(entry);
  if (pr !== undefined && entry.repository === options.context.repository) {
    await reportFor(options.github, settings, entry, pr, options.context, log)?.deleted();
  }
  return 'removed';
}

/** The pull request an environment id `pr-<n>` belongs to. */
function pullRequestOf(ids: Ids): number | undefined {
  const pr = /^pr-(\d+)$/.exec(ids.envId)?.[1];
  return pr === undefined ? undefined : Number(pr);
}
