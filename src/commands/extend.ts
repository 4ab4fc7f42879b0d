import { expiryOf, findDockerHost, setExpiry } from '../kube/lifecycle.js';
import { refOf } from '../model/objects.js';
import { formatSpan } from '../util/duration.js';
import { UserError } from '../util/errors.js';
import { reportOf } from '../phases/github-report.js';
import { holdLease } from '../phases/hold-lease.js';
import { phase } from '../phases/phase.js';
import type { EnvironmentRun } from '../resolve/run.js';
import type { Cluster, CommandResult } from './cluster.js';

/**
 * `/preview extend <duration>`: pushes the environment's expiry back by `byMs` (from now, when it has
 * already passed), under its lease, and rewrites the comment's expiry line. The next deploy sets it
 * from input ttl again.
 */
export async function extend(run: EnvironmentRun, cluster: Cluster): Promise<CommandResult> {
  const { ids, settings } = run;
  if (run.command.name !== 'extend')
    throw new Error(`extend runs for /preview extend, not ${run.command.name}.`);
  const { byMs } = run.command;
  const client = await cluster.connect();
  const report = reportOf(run);
  await using _lease = await phase(run, 'lock', () => holdLease(client, run));
  const host = await findDockerHost(client, ids.id);
  if (!host) {
    throw new UserError(explainNothingToExtend(ids.envId, settings.namespace));
  }
  const current = expiryOf(host);
  if (!current) {
    throw new UserError(explainNoExpiry(ids.envId));
  }
  const now = run.now().getTime();
  const wanted = Math.max(current.getTime(), now) + byMs;
  // Capped from now, so that repeating the command cannot keep an environment forever.
  const cap = now + settings.maxTtlMs;
  const expiresAt = new Date(Math.min(wanted, cap));
  await setExpiry(client, refOf(host), expiresAt);
  run.log.info(
    wanted > cap
      ? `Environment ${ids.envId} now expires at ${expiresAt.toISOString()}: ${formatSpan(settings.maxTtlMs)} from now is the latest input max-ttl allows.`
      : `Environment ${ids.envId} now expires at ${expiresAt.toISOString()} (+${formatSpan(byMs)}).`,
  );
  await report?.extended(expiresAt);
  return { command: 'extend', expiresAt: expiresAt.toISOString() };
}

function explainNothingToExtend(envId: string, namespace: string): string {
  return `Environment ${envId} does not exist in namespace ${namespace}, so there is nothing to extend; \`/preview redeploy\` deploys it.`;
}

function explainNoExpiry(envId: string): string {
  return `Environment ${envId} has no expiry (input ttl is not set), so there is nothing to extend: it lives until its pull request closes.`;
}
