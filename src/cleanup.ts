import { describeError } from './errors.js';
import type { GitHubApi } from './github/api.js';
import type { PullRequestReport } from './github/report.js';
import type { Ids } from './ids.js';
import type { KubeClient } from './kube/client.js';
import { LeaseHeldError, acquireLease } from './kube/lease.js';
import {
  ANNOTATIONS,
  DOCKER_HOST_COMPONENT,
  LABELS,
  MANAGER,
  WORKLOAD_KIND_KEYS,
  environmentSelector,
  parseKindKey,
  type KubeObject,
} from './kube/object.js';
import { teardown } from './kube/teardown.js';
import type { Logger } from './log.js';

export interface CleanupEntry {
  envId: string;
  id: string;
  repository: string | undefined;
  /** Why it goes: its pull request is closed, or its ttl has passed; undefined when it stays. */
  reason: 'pull request closed' | 'expired' | undefined;
  action: 'removed' | 'would remove' | 'kept' | 'busy';
}

export interface CleanupOptions {
  /** `owner/name` of the running workflow: only its pull requests can be asked about. */
  repository: string | undefined;
  github: GitHubApi | undefined;
  dryRun: boolean;
  now: Date;
  timeoutMs: number;
  holder: string;
  log: Logger;
  signal: AbortSignal;
  /** The pull request's report, to mark its comment *deleted* once its environment is. */
  report: (pr: number, ids: Ids) => PullRequestReport | undefined;
}

/**
 * Finds the preview environments in the namespace by their docker-host workloads and removes those whose
 * pull request is closed (for this repository, asked of the GitHub API) or whose expiry has passed. An
 * environment a run is working on (its lease is held) is left for a later cleanup.
 */
export async function cleanup(client: KubeClient, options: CleanupOptions): Promise<CleanupEntry[]> {
  const { log } = options;
  const selector = `${LABELS.managedBy}=${MANAGER},${LABELS.component}=${DOCKER_HOST_COMPONENT}`;
  const hosts: KubeObject[] = [];
  for (const key of WORKLOAD_KIND_KEYS) {
    const { apiVersion, kind } = parseKindKey(key);
    hosts.push(...(await client.list<KubeObject>(apiVersion, kind, { labelSelector: selector })).items);
  }
  if (hosts.length === 0) log.info(`No preview environments in namespace ${client.namespace}.`);

  const entries: CleanupEntry[] = [];
  for (const host of hosts) {
    options.signal.throwIfAborted();
    const labels = host.metadata.labels ?? {};
    const annotations = host.metadata.annotations ?? {};
    const ids: Ids = { envId: labels[LABELS.envId] ?? '?', id: labels[LABELS.id] ?? '' };
    if (!ids.id) continue;
    const repository = annotations[ANNOTATIONS.repository];
    const pr = /^pr-(\d+)$/.exec(ids.envId)?.[1];
    const entry: CleanupEntry = { ...ids, repository, reason: undefined, action: 'kept' };
    entries.push(entry);

    const expiresAt = Date.parse(annotations[ANNOTATIONS.expiresAt] ?? '');
    if (!Number.isNaN(expiresAt) && expiresAt <= options.now.getTime()) entry.reason = 'expired';
    else if (pr && repository && repository === options.repository && options.github) {
      try {
        if ((await options.github.pullRequestState(Number(pr))) === 'closed')
          entry.reason = 'pull request closed';
      } catch (error) {
        log.warning(`Keeping ${ids.envId}: ${describeError(error)}`);
      }
    }
    const what = `${ids.envId} (${ids.id}${repository ? `, ${repository}` : ''})`;
    if (!entry.reason) {
      log.info(`  ${what}: kept`);
      continue;
    }
    if (options.dryRun) {
      entry.action = 'would remove';
      log.info(`  ${what}: would remove (${entry.reason}; dry-run)`);
      continue;
    }
    try {
      await using _lease = await acquireLease(client, ids.id, {
        holder: options.holder,
        durationSeconds: 30,
        waitMs: 0,
        pollMs: 1000,
        signal: options.signal,
        log,
      });
      await log.group(`Remove ${what}: ${entry.reason}`, () =>
        teardown(client, {
          selector: environmentSelector(ids.id),
          templateKinds: [],
          timeoutMs: options.timeoutMs,
          signal: options.signal,
          log,
        }),
      );
    } catch (error) {
      if (!(error instanceof LeaseHeldError)) throw error;
      entry.action = 'busy';
      log.info(`  ${what}: a run is working on it; leaving it for the next cleanup`);
      continue;
    }
    entry.action = 'removed';
    if (pr && repository === options.repository) await options.report(Number(pr), ids)?.deleted();
  }
  return entries;
}
