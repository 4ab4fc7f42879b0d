import { composeUp } from '../docker/compose.js';
import { scanProject, syncFiles, type ProjectFiles } from '../docker/sync.js';
import type { PullRequestReport } from '../github/report.js';
import { checkAccess, serverVersion } from '../kube/access.js';
import { applyPlan } from '../kube/apply.js';
import type { KubeClient } from '../kube/client.js';
import { connectToPod } from '../kube/connection.js';
import { recordUrls, wakeIfAsleep } from '../kube/lifecycle.js';
import { waitForDockerHost } from '../kube/wait.js';
import { MAIN_STATE, type ReportCheckpoint } from '../model/checkpoint.js';
import { environmentSelector } from '../model/objects.js';
import type { DownOutcome, UpOutcome } from '../model/outcome.js';
import { permissionsFor } from '../model/permissions.js';
import { dockerHostObject, type Plan, type PlanOptions } from '../model/plan.js';
import { primaryUrl, type PreviewUrl, type UrlState } from '../model/urls.js';
import { formatSpan } from '../util/duration.js';
import { UserError } from '../util/errors.js';
import { removeEnvironment } from './down.js';
import { exposePorts } from './expose.js';
import { STATE_TEXT } from './health.js';
import { lock } from './lock.js';
import { preflight } from './preflight.js';
import type { Run } from './run.js';

type Deployed = Pick<UpOutcome, 'pod' | 'synced' | 'ports' | 'urls'>;
type Result =
  | Omit<UpOutcome, 'ids' | 'namespace' | 'project' | 'timings'>
  | Omit<DownOutcome, 'ids' | 'namespace' | 'project' | 'timings'>;

/**
 * `up`: with the pull request told it is deploying, ask the cluster whether it would take the objects
 * (preflight, a dry run), then, under the environment's lease, deploy (apply → wait → tunnel → sync →
 * compose → expose) and report the URLs. A pull request closed meanwhile ends
 * the run by removing what it deployed.
 */
export async function runUp(
  run: Run,
  connected: KubeClient,
  plan: Plan,
  options: PlanOptions,
  report: PullRequestReport | undefined,
): Promise<Result> {
  // An API server or kubelet restart is ridden out for as long as the run waits for anything.
  const client = connected.withPatience(run.settings.timeoutMs);
  await report?.deploying();
  if (report && run.context.repository) {
    const saved: ReportCheckpoint = { repository: run.context.repository, ...report.checkpoint() };
    run.checkpoint(MAIN_STATE.report, JSON.stringify(saved));
  }
  try {
    await run.timer.time('access', async () => {
      const server = await serverVersion(client);
      await checkAccess(
        client,
        permissionsFor('up', plan.kinds, run.settings.expose, server),
        run.log,
        run.settings.namespaceFrom,
      );
    });
    const { settings } = run;
    // The files to sync are scanned with the preflight: one that cannot be sent fails before any change.
    const files = await run.timer.time('preflight', async () => {
      await preflight(run, client, plan, options);
      return scanProject(run.model, [settings.workingDirectory, ...settings.allowPaths]);
    });
    const result = await deployUnlessClosed(run, client, { plan, options, files }, report);
    if ('deleted' in result) {
      await report?.deleted();
      return { command: 'down', deleted: result.deleted };
    }
    const state = readiness(run, result.urls);
    sayLifetime(run, options.provenance.expiresAt);
    const primary = primaryUrl(result.urls, run.settings.report.primaryService);
    await report?.finished(state, result.urls, run.timer.elapsedMs, primary, options.provenance.expiresAt);
    return { command: 'up', ...result, state, ...(primary ? { primaryUrl: primary } : {}) };
  } catch (error) {
    await report?.ended(error, run.signal, 'deploy');
    throw error;
  }
}

async function deployUnlessClosed(
  run: Run,
  client: KubeClient,
  deploying: { plan: Plan; options: PlanOptions; files: ProjectFiles },
  report: PullRequestReport | undefined,
): Promise<Deployed | { deleted: string[] }> {
  const { plan, options, files } = deploying;
  await using _lease = await lock(client, run);
  // Every `return await`: the lease must be held until the work has settled, not merely started.
  const deployed = await deploy(run, client, plan, options, files);
  if (!(await report?.isClosed())) return deployed;
  run.log.notice(`Pull request #${run.context.prNumber} was closed during the deploy: deleting the preview.`);
  return { deleted: await removeEnvironment(run, client, plan.kinds) };
}

/** Ready when a URL is (its app answers, through it); running when there is nothing to check; else a failure. */
function readiness(run: Run, urls: PreviewUrl[]): 'ready' | 'running' {
  const { expose } = run.settings;
  const ready = urls.filter((u) => u.state === 'ready');
  if (expose.mode !== 'none' && urls.length > 0 && ready.length === 0) {
    const states = new Set(urls.map((u) => u.state));
    const hints = [
      states.has('app-down') &&
        'Check that each service listens on the port it publishes (the target of its compose ports entry); its output is in the log above.',
      states.has('unreachable') &&
        `Check that ${expose.mode === 'ingress' ? 'the wildcard DNS record of input domain points at the ingress controller' : "the load balancer's address"} can be reached from here.`,
      states.has('not-routed') &&
        (expose.mode === 'ingress'
          ? 'A URL answers, but not with the app: the ingress controller has not picked up the Ingress (is input ingress-class its class?), or the host reaches another controller or proxy.'
          : 'A URL answers, but not with the app: something else answers at that address.'),
    ].filter(Boolean);
    throw new UserError(
      `None of the preview's URLs was ready within ${expose.urlTimeoutMs / 1000}s (input url-timeout): ${urls.map((u) => `${u.url ?? u.service} ${u.state in STATE_TEXT ? STATE_TEXT[u.state as UrlState] : u.state} (${u.detail})`).join(', ')}. ${hints.join(' ')}`,
    );
  }
  return ready.length > 0 ? 'ready' : 'running';
}

/** When the environment expires and sleeps: both happen in a later `cleanup` run, not in this one. */
function sayLifetime(run: Run, expiresAt: Date | undefined): void {
  const { ttlMs, sleepAfterMs } = run.settings;
  if (expiresAt && ttlMs)
    run.log.info(
      `Expires ${expiresAt.toISOString()} (input ttl ${formatSpan(ttlMs)} from this deploy; the next deploy sets it again): the scheduled cleanup removes it then.`,
    );
  if (sleepAfterMs)
    run.log.info(
      `Input sleep-after ${formatSpan(sleepAfterMs)}: a cleanup run with the same sleep-after scales it to zero once it is not deployed for that long.`,
    );
}

/** apply → wait → tunnel → sync → compose → expose. */
async function deploy(
  run: Run,
  client: KubeClient,
  plan: Plan,
  options: PlanOptions,
  files: ProjectFiles,
): Promise<Deployed> {
  const { settings, log, signal, timer } = run;
  await timer.time('apply', () =>
    log.group(`Apply ${plan.objects.length} objects`, async () => {
      await wakeIfAsleep(client, dockerHostObject(plan), log);
      await applyPlan(client, plan, { serverSideApply: settings.serverSideApply, log });
    }),
  );
  const pod = await timer.time('wait', () =>
    log.group(`Wait for ${plan.dockerHost.kind}/${plan.dockerHost.name}`, () =>
      waitForDockerHost(client, plan.dockerHost, {
        timeoutMs: settings.timeoutMs,
        signal,
        log,
        selector: environmentSelector(run.ids.id),
      }),
    ),
  );
  log.info(`Docker server pod: ${pod.name} (container ${pod.container})`);
  const { synced, ports } = await composeInPod(run, client, pod, files);
  for (const p of ports)
    log.info(`  ${p.service} publishes ${p.targetPort}/${p.protocol} on port ${p.publishedPort}`);
  const urls = await timer.time('expose', () =>
    log.group(
      `Expose ${ports.length} published ${ports.length === 1 ? 'port' : 'ports'} (${settings.expose.mode})`,
      () =>
        exposePorts(client, ports, {
          expose: settings.expose,
          namespace: settings.namespace,
          serverSideApply: settings.serverSideApply,
          ids: run.ids,
          dockerHost: plan.dockerHost,
          podName: pod.name,
          planOptions: options,
          workingDirectory: settings.workingDirectory,
          log,
          signal,
        }),
    ),
  );
  // Kept on the workload for the comment of the environment once asleep (input sleep-after).
  if (settings.sleepAfterMs !== undefined)
    await recordUrls(
      client,
      plan.dockerHost,
      urls.map(({ service, port, url, command }) => ({ service, port, url, command })),
    );
  return { pod, synced, ports, urls };
}

/** tunnel → sync → compose: the compose project runs on the pod's Docker server. */
async function composeInPod(
  run: Run,
  client: KubeClient,
  pod: UpOutcome['pod'],
  files: ProjectFiles,
): Promise<Pick<Deployed, 'synced' | 'ports'>> {
  const { settings, log, signal, timer } = run;
  const patienceMs = settings.timeoutMs;
  await using connection = await timer.time('tunnel', () =>
    connectToPod(client, pod, { log, signal, patienceMs }),
  );
  const { model, ...synced } = await timer.time('sync', () =>
    connection.rideOut('the file sync', () =>
      log.group('Copy bind-mounted files into the pod', () =>
        syncFiles(connection.exec, run.model, files, log),
      ),
    ),
  );
  const ports = await timer.time('compose', () =>
    connection.rideOut('docker compose up', () =>
      composeUp(model, {
        dockerHost: connection.dockerHost,
        environment: run.projectEnv,
        workingDirectory: settings.workingDirectory,
        log,
        signal,
      }),
    ),
  );
  return { synced, ports };
}
