import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputName } from '../src/model/inputs.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import {
  NAMESPACE,
  ROOT,
  doubleInputs,
  memoryLogger,
  prepareHello,
  run,
  scratchDir,
  startDouble,
  type HelloProject,
} from './helpers.js';

/**
 * How long removing an environment takes when its services ignore SIGTERM. The double's kubelet keeps
 * the grace period a pod's stop began with, as a real one does (../shared/real-cluster/teardown-timings.json):
 * deleted through its workload, the pod stops with its own grace period and a later grace-1 delete does
 * not hurry it; deleted first with grace 1, it is killed after the kubelet's 2 s minimum.
 */
let api: FakeKubeApiServer;
const cleanups: (() => void)[] = [];

beforeEach(async () => {
  ({ api } = await startDouble());
});
afterEach(async () => {
  await api.stop();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** examples/hello plus a service whose PID 1 has no SIGTERM handler, so `docker stop` waits it out. */
async function stubbornProject(): Promise<HelloProject> {
  const hello = await prepareHello(
    [
      'services:',
      '  stubborn:',
      '    build:',
      '      context: .',
      '      dockerfile_inline: |',
      '        FROM scratch',
      '        COPY busybox /busybox',
      '        CMD ["/busybox", "sleep", "3600"]',
      '',
    ].join('\n'),
  );
  cleanups.push(hello.remove);
  return hello;
}

function inputs(hello: HelloProject, extra: Partial<Record<InputName, string>> = {}) {
  return doubleInputs(api, hello.dir, { timeout: '30s', ...extra });
}

function containers(project: string): string[] {
  const ids = execFileSync(
    'docker',
    ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`],
    {
      encoding: 'utf8',
    },
  );
  return ids.split('\n').filter(Boolean);
}

/** The bundled template with the pod's terminationGracePeriodSeconds set. */
function templateWithGrace(seconds: number): string {
  const scratch = scratchDir();
  cleanups.push(() => scratch[Symbol.dispose]());
  const file = path.join(scratch.dir, 'grace.yaml.njk');
  const bundled = readFileSync(path.join(ROOT, 'templates/default.yaml.njk'), 'utf8');
  const marker = '      enableServiceLinks: false\n';
  expect(bundled).toContain(marker);
  writeFileSync(file, bundled.replace(marker, `${marker}      terminationGracePeriodSeconds: ${seconds}\n`));
  return file;
}

/** Docker's stop timeout: how long dockerd waits for a container that ignores SIGTERM. */
const DOCKER_STOP_TIMEOUT_MS = 10_000;

/**
 * The grace period each pod's stop began with, and when the pod's first DELETE came and it went:
 * what "the pod's own deletion" took.
 */
function watchPodStops() {
  const seen = { graces: [] as number[], deletedAt: 0, goneAt: 0 };
  const stop = api.behaviour.stopPod!;
  api.behaviour.stopPod = (pod, grace) => {
    if (seen.graces.length === 0) seen.graces.push(grace);
    return stop(pod, grace);
  };
  api.fixtures.onChange((change) => {
    if (change.kind !== 'Pod') return;
    if (change.type === 'DELETED') seen.goneAt = Date.now();
    else if ((change.object.metadata as { deletionTimestamp?: string }).deletionTimestamp)
      seen.deletedAt ||= Date.now();
  });
  return seen;
}

describe('removing an environment whose services ignore SIGTERM', () => {
  it.each([
    ['the default grace period (30 s)', undefined],
    ['terminationGracePeriodSeconds: 600', 600],
  ])(
    'ends within the pod’s own fast deletion + 2 s, with %s',
    async (_, grace) => {
      const hello = await stubbornProject();
      const template = grace === undefined ? {} : { template: templateWithGrace(grace) };
      await run(inputs(hello, { command: 'up', ...template }));
      expect(containers(hello.name)).toHaveLength(2);
      const pod = watchPodStops();
      const started = Date.now();
      const log = memoryLogger();
      await run(inputs(hello, { command: 'down', ...template }), { log });
      const took = Date.now() - started;
      // The pod's stop began with grace 1: deleted before its StatefulSet, whose garbage collector
      // would have deleted it with its own grace period, which a later delete does not shorten.
      expect(pod.graces).toEqual([1]);
      const podDeletion = pod.goneAt - pod.deletedAt;
      expect(podDeletion).toBeLessThan(DOCKER_STOP_TIMEOUT_MS); // not waiting out `docker stop`
      expect(took - podDeletion).toBeLessThan(2_000);
      expect(containers(hello.name)).toEqual([]);
      expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
      const deletes = api.requests
        .filter((r) => r.method === 'DELETE')
        .map((r) => /namespaces\/[^/]+\/(\w+)/.exec(r.path)?.[1]);
      expect(deletes.indexOf('pods')).toBeLessThan(deletes.indexOf('statefulsets'));
      expect(log.lines.find((l) => / deleted/.test(l))).toMatch(
        /^ {2}Pod\/.*-0 deleted, with a grace period of 1s$/,
      );
    },
    60_000,
  );

  it('says what it waits for once the wait passes two seconds', async () => {
    const hello = await stubbornProject();
    const { ids } = await run(inputs(hello, { command: 'up' }));
    // A finalizer nobody removes holds the ConfigMap: the wait goes on until input timeout.
    api.fixtures.edit('ConfigMap', `${ids.id}-dc`, NAMESPACE, (held) => {
      (held.metadata as { finalizers?: string[] }).finalizers = ['example.com/hold'];
    });
    const log = memoryLogger();
    const error = await run(inputs(hello, { command: 'down', timeout: '5s' }), { log }).catch(
      (e: Error) => e,
    );
    expect(String(error)).toContain(
      `still there 5.0s after deleting them (input timeout): ConfigMap/${ids.id}-dc`,
    );
    const waiting = log.lines.filter((l) => l.includes('waiting for'));
    expect(waiting).toHaveLength(1); // again only every ten seconds
    expect(waiting[0]).toMatch(
      new RegExp(
        `^ {2}waiting for .*ConfigMap/${ids.id}-dc.* to go \\([23]\\.\\d+s so far; a pod goes once its containers have stopped\\)$`,
      ),
    );
    api.fixtures.edit('ConfigMap', `${ids.id}-dc`, NAMESPACE, (released) => {
      delete (released.metadata as { finalizers?: string[] }).finalizers;
    });
  });
});
