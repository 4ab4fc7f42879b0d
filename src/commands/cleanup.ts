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
import { formatSpan } from '../util/duration.js';
import { describeError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { githubApi, reportFor } from '../phases/github-report.js';
import { holderOf } from '../phases/hold-lease.js';
import { phase } from '../phases/phase.js';
import type { CleanupRun } from '../resolve/run.js';
import type { Cluster } from './cluster.js';

interface CleanupOptions {
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
 * passed: the one `up` recorded (input ttl, `/preview extend`), else, with cleanup's own input ttl, that
 * long after the last deploy. With input sleep-after, it scales to zero those not deployed for that
 * long. An environment a run is working on (its lease is held) is left for a later cleanup. Every
 * environment kept says why.
 */
export async function cleanup(run: CleanupRun, cluster: Cluster): Promise<CleanupEntry[]> {
  return phase(run, 'cleanup', async () => {
    const { settings, context, log, signal, now } = run;
    const github = githubApi(settings, context, run.env);
    return cleanupNamespace(await cluster.connect(), { settings, context, github, log, signal, now });
  });
}

async function cleanupNamespace(client: KubeClient, options: CleanupOptions): Promise<CleanupEntry[]> {
  const { log, settings } = options;
  const hosts = await dockerHosts(client);
  if (hosts.length === 0) log.info(`No preview environments in namespace ${client.namespace}.`);
  else explainLifetimes(settings, log);
  const now = options.now();
  const entries: CleanupEntry[] = [];
  for (const host of hosts) {
    options.signal.throwIfAborted();
    const labels = host.metadata.labels ?? {};
    const ids: Ids = { envId: labels[LABELS.envId] ?? '?', id: labels[LABELS.id] ?? '' };
    if (!ids.id) continue;
    const repository = host.metadata.annotations?.[ANNOTATIONS.repository];
    const { reason, kept } = await verdict(host, ids, now, options);
    const entry: CleanupEntry = { ...ids, repository, reason, action: 'kept' };
    entries.push(entry);
    const what = `${ids.envId} (${ids.id}${repository ? `, ${repository}` : ''})`;
    if (!entry.reason && idle(host, now, settings)) {
      entry.reason = 'idle';
      entry.action = settings.dryRun ? 'would sleep' : await sleep(client, host, entry, what, options);
      if (settings.dryRun) log.info(`  ${what}: would sleep (idle; dry-run)`);
    } else if (!entry.reason) {
      const since = asleepSince(host);
      entry.why = [...(since ? [`asleep since ${since.toISOString()}`] : []), ...kept].join('; ');
      log.info(`  ${what}: kept (${entry.why})`);
    } else if (settings.dryRun) {
      entry.action = 'would remove';
      log.info(`  ${what}: would remove (${entry.reason}; dry-run)`);
    } else entry.action = await remove(client, entry, what, options);
  }
  return entries;
}

/** What ttl and sleep-after mean to this cleanup, said once. */
function explainLifetimes(settings: Settings, log: Logger): void {
  log.info(
    settings.ttlMs === undefined
      ? 'Input ttl is not set: only an expiry recorded by up (its input ttl, /preview extend) removes an environment.'
      : `Input ttl ${formatSpan(settings.ttlMs)}: an environment without a recorded expiry goes that long after its last deploy; a recorded expiry (up's input ttl, /preview extend) wins.`,
  );
  if (settings.sleepAfterMs !== undefined)
    log.info(
      `Input sleep-after ${formatSpan(settings.sleepAfterMs)}: an environment not deployed for that long is scaled to zero.`,
    );
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
    await log.group(sleepTitle(host, what, options), () => putToSleep(client, host, options.now(), log));
  } catch (error) {
    if (!(error instanceof LeaseHeldError)) throw error;
    log.info(`  ${what}: a run is working on it; leaving it awake`);
    entry.why = 'a run is working on it';
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

/** `Put pr-7 (…) to sleep: not deployed for 5h (input sleep-after 4h); StatefulSet/x to 0 replicas, …`. */
function sleepTitle(host: KubeObject, what: string, options: CleanupOptions): string {
  const deployedAt = annotatedTime(host, ANNOTATIONS.deployedAt)!;
  const idleFor = formatSpan(options.now().getTime() - deployedAt.getTime());
  return `Put ${what} to sleep: not deployed for ${idleFor} (input sleep-after ${formatSpan(options.settings.sleepAfterMs!)}); ${host.kind}/${host.metadata.name} scaled to 0 replicas and its exposure removed, its volume kept`;
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

/**
 * Why an environment goes (its expiry has passed, or its pull request of this repository is closed), or
 * else why it stays, a reason each.
 */
async function verdict(
  host: KubeObject,
  ids: Ids,
  now: Date,
  options: CleanupOptions,
): Promise<{ reason: CleanupEntry['reason']; kept: string[] }> {
  const expiry = expiryFor(host, options.settings);
  if (expiry && expiry.at.getTime() <= now.getTime()) return { reason: 'expired', kept: [] };
  const kept = [expiry ? `expires ${expiry.at.toISOString()}${expiry.from}` : 'no expiry recorded'];
  const pr = pullRequestOf(ids);
  const repository = host.metadata.annotations?.[ANNOTATIONS.repository];
  if (pr === undefined) return { reason: undefined, kept: [...kept, 'not a pull request’s environment'] };
  if (repository !== options.context.repository)
    return { reason: undefined, kept: [...kept, `a pull request of ${repository ?? 'another repository'}`] };
  if (!options.github)
    return { reason: undefined, kept: [...kept, `no GitHub token to ask about pull request #${pr}`] };
  try {
    if ((await options.github.pullRequestState(pr)) === 'closed')
      return { reason: 'pull request closed', kept: [] };
    return { reason: undefined, kept: [...kept, `pull request #${pr} open`] };
  } catch (error) {
    options.log.warning(`Keeping ${ids.envId}: ${describeError(error)}`);
    return { reason: undefined, kept: [...kept, `pull request #${pr} unknown`] };
  }
}

/** The recorded expiry, else, with input ttl, that long after the last deploy; undefined without either. */
function expiryFor(host: KubeObject, settings: Settings): { at: Date; from: string } | undefined {
  const recorded = expiryOf(host);
  if (recorded) return { at: recorded, from: '' };
  const deployedAt = annotatedTime(host, ANNOTATIONS.deployedAt);
  if (settings.ttlMs === undefined || !deployedAt) return undefined;
  return { at: new Date(deployedAt.getTime() + settings.ttlMs), from: ' (input ttl after its last deploy)' };
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
    entry.why = 'a run is working on it';
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
