import type { BuildCacheSettings } from '../docker/build-cache-refs.js';
import { composeUp } from '../docker/compose.js';
import type { ProjectFiles } from '../docker/sync-scan.js';
import { syncFiles } from '../docker/sync.js';
import { checkAccess, serverVersion } from '../kube/access.js';
import { applyPlan } from '../kube/apply.js';
import type { KubeClient } from '../kube/client.js';
import { connectToPod } from '../kube/connection.js';
import { wakeIfAsleep } from '../kube/lifecycle.js';
import { waitForDockerHost } from '../kube/wait.js';
import type { PublishedPort } from '../model/exposure.js';
import { environmentSelector, type DockerHostPod } from '../model/objects.js';
import type { UpOutcome } from '../model/outcome.js';
import { permissionsFor } from '../model/permissions.js';
import { dockerHostObject, type Plan } from '../model/plan.js';
import type { ProjectRun } from '../resolve/run.js';
import { phase } from './phase.js';

/** Whether the identity may do what `up` does with these objects (the upgrade verbs depend on the version). */
export async function checkUpAccess(run: ProjectRun, client: KubeClient, pod: Plan): Promise<void> {
  const server = await serverVersion(client);
  const needs = permissionsFor('up', pod.kinds, run.settings.expose, server);
  await checkAccess(client, needs, run.log, run.settings.namespaceFrom);
}

/** Applies the pod template's objects, waking the environment first if it sleeps. */
export async function applyEnvironment(run: ProjectRun, client: KubeClient, pod: Plan): Promise<void> {
  await wakeIfAsleep(client, dockerHostObject(pod), run.log);
  await applyPlan(client, pod, { serverSideApply: run.settings.serverSideApply, log: run.log });
}

/** Waits, bounded by input timeout, for the docker-host workload's pod to run its Docker server. */
export async function waitForPod(run: ProjectRun, client: KubeClient, pod: Plan): Promise<DockerHostPod> {
  const { settings, log, signal } = run;
  const found = await waitForDockerHost(client, pod.dockerHost, {
    timeoutMs: settings.timeoutMs,
    signal,
    log,
    selector: environmentSelector(run.ids.id),
  });
  log.info(`Docker server pod: ${found.name} (container ${found.container})`);
  return found;
}

/**
 * tunnel → sync → compose: the compose project runs on the pod's Docker server, through a port-forward
 * that lives as long as these phases. A cut tunnel reconnects, and the phase it cut runs once more.
 */
export async function composeInPod(
  run: ProjectRun,
  client: KubeClient,
  pod: DockerHostPod,
  files: ProjectFiles,
): Promise<{ synced: UpOutcome['synced']; ports: PublishedPort[] }> {
  const { settings, log, signal } = run;
  await using connection = await phase(run, 'tunnel', () =>
    connectToPod(client, pod, { log, signal, patienceMs: settings.timeoutMs }),
  );
  // The group inside the ride-out: a sync run again after a cut tunnel shows as a group of its own.
  const { model, ...synced } = await phase(run, 'sync', () =>
    connection.rideOut('the file sync', () =>
      log.group('Copy bind-mounted files into the pod', () =>
        syncFiles(connection.exec, run.compose, files, log),
      ),
    ),
  );
  const ports = await phase(run, 'compose', () =>
    connection.rideOut('docker compose up', () =>
      composeUp(model, {
        dockerHost: connection.dockerHost,
        environment: run.projectEnv,
        workingDirectory: settings.workingDirectory,
        buildCache: buildCacheOf(run),
        log,
        signal,
      }),
    ),
  );
  for (const p of ports)
    log.info(`  ${p.service} publishes ${p.targetPort}/${p.protocol} on port ${p.publishedPort}`);
  return { synced, ports };
}

/**
 * Where the build cache of this deploy comes from and goes: the environment's own tag, the pushed
 * branch's on a push, and the base branch's for a pull request (imported, never exported to).
 */
function buildCacheOf(run: ProjectRun): BuildCacheSettings | undefined {
  const prefix = run.settings.buildCache;
  if (!prefix) return undefined;
  const { pushedRef, baseRef } = run.context;
  return { prefix, envId: run.ids.id, ownRef: pushedRef, baseRef };
}
