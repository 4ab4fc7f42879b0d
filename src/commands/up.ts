import { scanProject, type ProjectFiles } from '../docker/sync-scan.js';
import type { PullRequestReport } from '../github/report.js';
import type { KubeClient } from '../kube/client.js';
import { recordUrls } from '../kube/lifecycle.js';
import { REPORT_STATE } from '../model/checkpoint.js';
import type { DownOutcome, UpOutcome } from '../model/outcome.js';
import { primaryUrl } from '../model/urls.js';
import { applyEnvironment, checkUpAccess, composeInPod, waitForPod } from '../phases/deploy.js';
import { exposePorts } from '../phases/expose.js';
import { reportOf } from '../phases/github-report.js';
import { holdLease } from '../phases/hold-lease.js';
import { phase } from '../phases/phase.js';
import { preflight } from '../phases/preflight.js';
import { readiness, sayLifetime } from '../phases/readiness.js';
import { removeEnvironment } from '../phases/remove-environment.js';
import { planEnvironment, type EnvironmentPlan } from '../plan/environment-plan.js';
import type { ProjectRun } from '../resolve/run.js';
import type { Cluster, CommandResult } from './cluster.js';

type DeployedEnvironment = Pick<UpOutcome, 'pod' | 'synced' | 'ports' | 'urls'>;

/**
 * `up`: access → preflight → lease → apply → wait → tunnel → sync → compose → expose → report. The pull
 * request is told it is deploying first; a pull request closed meanwhile ends the run by removing what
 * it deployed. An API server or kubelet restart is ridden out for as long as the run waits for anything.
 */
export async function up(run: ProjectRun, cluster: Cluster): Promise<CommandResult> {
  // A bad template fails before anything touches the cluster.
  const plan = await planEnvironment(run);
  const client = (await cluster.connect()).withPatience(run.settings.timeoutMs);
  const report = reportOf(run);
  await announce(run, report);
  try {
    await phase(run, 'access', () => checkUpAccess(run, client, plan.pod));
    // The files to sync are scanned with the preflight: one that cannot be sent fails before any change.
    const files = await phase(run, 'preflight', async () => {
      await preflight(run, client, plan);
      return scanProject(run.compose, [run.settings.workingDirectory, ...run.settings.allowPaths]);
    });
    const deployed = await deployUnderLease(run, client, plan, files, report);
    if ('deleted' in deployed) return deployed;
    return await finish(run, deployed, report);
  } catch (error) {
    await report?.ended(error, run.signal, 'deploy');
    throw error;
  }
}

async function deployUnderLease(
  run: ProjectRun,
  client: KubeClient,
  plan: EnvironmentPlan,
  files: ProjectFiles,
  report: PullRequestReport | undefined,
): Promise<DeployedEnvironment | Pick<DownOutcome, 'command' | 'deleted'>> {
  const { pod } = plan;
  await using _lease = await phase(run, 'lock', () => holdLease(client, run));
  // Every `await`: the lease must be held until the work has settled, not merely started.
  await phase(run, { timing: 'apply', group: `Apply ${pod.objects.length} objects` }, () =>
    applyEnvironment(run, client, pod),
  );
  const { kind, name } = pod.dockerHost;
  const dockerPod = await phase(run, { timing: 'wait', group: `Wait for ${kind}/${name}` }, () =>
    waitForPod(run, client, pod),
  );
  const { synced, ports } = await composeInPod(run, client, dockerPod, files);
  const what = `${ports.length} published ${ports.length === 1 ? 'port' : 'ports'}`;
  const urls = await phase(
    run,
    { timing: 'expose', group: `Expose ${what} (${run.settings.expose.mode})` },
    () =>
      exposePorts(client, ports, {
        expose: run.settings.expose,
        namespace: run.settings.namespace,
        serverSideApply: run.settings.serverSideApply,
        ids: run.ids,
        dockerHost: pod.dockerHost,
        podName: dockerPod.name,
        plan,
        log: run.log,
        signal: run.signal,
      }),
  );
  // Kept on the workload for the comment of the environment once asleep (input sleep-after).
  if (run.settings.sleepAfterMs !== undefined)
    await recordUrls(
      client,
      pod.dockerHost,
      urls.map(({ service, port, url, command }) => ({ service, port, url, command })),
    );
  if (!(await report?.isClosed())) return { pod: dockerPod, synced, ports, urls };
  run.log.notice(`Pull request #${run.context.prNumber} was closed during the deploy: deleting the preview.`);
  const deleted = await removeEnvironment(run, client, pod.kinds);
  await report?.deleted();
  return { command: 'down', deleted };
}

/** The pull request hears of the deploy first; the step state keeps its comment for a post step. */
async function announce(run: ProjectRun, report: PullRequestReport | undefined): Promise<void> {
  await report?.deploying();
  if (!report || !run.context.repository) return;
  REPORT_STATE.save(run.checkpoint, { repository: run.context.repository, ...report.checkpoint() });
}

async function finish(
  run: ProjectRun,
  deployed: DeployedEnvironment,
  report: PullRequestReport | undefined,
): Promise<CommandResult> {
  const state = readiness(run.settings.expose, deployed.urls);
  const { expiresAt } = run.stamp.provenance;
  sayLifetime(run, expiresAt);
  const primary = primaryUrl(deployed.urls, run.settings.report.primaryService);
  await report?.finished(state, deployed.urls, run.timer.elapsedMs, primary, expiresAt);
  return { command: 'up', ...deployed, state, ...(primary ? { primaryUrl: primary } : {}) };
}
