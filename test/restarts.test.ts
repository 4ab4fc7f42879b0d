import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { InputName } from '../src/model/inputs.js';
import type { Logger } from '../src/util/log.js';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeClient } from '../src/kube/client.js';
import { AnswerLostError } from '../src/kube/retry.js';
import { Faults } from './k8s/outage.js';
import type { PolicyRule } from './k8s/rbac.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import type { PodStreams } from './k8s/streams.js';
import {
  NAMESPACE,
  ROOT,
  doubleInputs,
  memoryLogger,
  prepareHello,
  run,
  type HelloProject,
} from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/**
 * kube-apiserver and kubelet restarts during `up`, against the double's recordings of them
 * (../shared/real-cluster/apiserver-restart.jsonl, kubelet-restart.jsonl) and the real Docker engine.
 * The restarts are shorter than a real one where that changes nothing, to keep the tests fast.
 */
let api: FakeKubeApiServer;
let streams: PodStreams;
let faults: Faults;
let hello: HelloProject;
const OURS = 'app.kubernetes.io/managed-by=kube-pod-preview';

useDoubleWithHello({ double: 'per-test', hello: 'per-test' }, (made) => ({ api, streams, hello } = made));
beforeEach(() => {
  faults = new Faults(api, streams);
});
afterEach(() => faults.heal());

function inputs(extra: Partial<Record<InputName, string>> = {}): Partial<Record<InputName, string>> {
  return doubleInputs(api, hello.dir, { 'env-id': 'pr-19', timeout: '60s', ...extra });
}

/**
 * A logger that calls `on` each time a log group whose title matches starts, or a line that matches is
 * logged (the nth time: n): the moment to inject a fault.
 */
function faultAt(pattern: RegExp, on: (n: number) => void): Logger & { lines: string[]; warnings: string[] } {
  const log = memoryLogger();
  let count = 0;
  return {
    ...log,
    info: (line) => {
      log.info(line);
      if (pattern.test(line)) on(++count);
    },
    group: (title, fn) => {
      if (pattern.test(title)) on(++count);
      return log.group(title, fn);
    },
  };
}

/** Compose's progress line as the slow build step begins: a cut then hits a build under way. */
const BUILDING = /^#\d+ \[slow 2\/2\] RUN \["\/busybox", "sh", "-c", "sleep 4/;

/** A compose project whose build takes a few seconds (its step BUILDING). */
async function slowProject(): Promise<HelloProject> {
  return prepareHello(
    [
      'services:',
      '  slow:',
      '    build:',
      '      context: .',
      '      dockerfile_inline: |',
      '        FROM scratch',
      '        COPY busybox /busybox',
      `        RUN ["/busybox", "sh", "-c", "sleep 4 # ${Math.random()}"]`,
      '        CMD ["/busybox", "sleep", "3600"]',
      '',
    ].join('\n'),
  );
}

function containers(project: string): string[] {
  return execFileSync('docker', ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
}

const unreachable = (log: { warnings: string[] }) =>
  log.warnings.filter((l) =>
    /^The Kubernetes API server at \S+ is unreachable since \d\d:\d\d:\d\d UTC \(ECONNREFUSED\)/.test(l),
  );
const back = (log: { lines: string[] }) =>
  log.lines.filter((l) =>
    /^The Kubernetes API server at \S+ answers again, after [\d.]+s unreachable \(since \d\d:\d\d:\d\d UTC\)\.$/.test(
      l,
    ),
  );

async function down(dir = hello.dir): Promise<void> {
  await run(inputs({ command: 'down', 'working-directory': dir }));
  expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
}

describe('a kube-apiserver restart during up', () => {
  it('while up waits for the pod (10 s): up succeeds, and the log says since when it was away and when it came back', async () => {
    api.behaviour.readyDelayMs = 2000; // the pod is not ready yet when the restart begins
    let restart: Promise<void> | undefined;
    const log = faultAt(/^Wait for/, () => {
      restart = faults.restartApiServer({ stopMs: 3000, downMs: 4000, startMs: 3000 });
    });
    const outcome = await run(inputs({ command: 'up' }), { log });
    await restart;
    expect(outcome.pod).toBeDefined();
    expect(outcome.ports?.map((p) => p.service)).toEqual(['web']);
    // Once per outage (a request answered just as the server stops listening may split one in two).
    expect(unreachable(log).length).toBeGreaterThanOrEqual(1);
    expect(unreachable(log).length).toBeLessThanOrEqual(2);
    expect(back(log)).toHaveLength(unreachable(log).length);
    expect(log.lines.join('\n')).toMatch(/1\/1 ready/);
    await down();
  });

  it('while compose builds (10 s): compose runs again once the tunnel works, and up succeeds', async () => {
    const slow = await slowProject();
    try {
      let restart: Promise<void> | undefined;
      // The kill, 2 s later, cuts the build's streams.
      const log = faultAt(BUILDING, (n) => {
        if (n === 1) restart = faults.restartApiServer({ stopMs: 2000, downMs: 5000, startMs: 3000 });
      });
      const outcome = await run(inputs({ command: 'up', 'working-directory': slow.dir }), { log });
      await restart;
      expect(outcome.ports?.map((p) => p.service)).toEqual(['web']);
      expect(containers(slow.name)).toHaveLength(2);
      expect(unreachable(log).length).toBeGreaterThanOrEqual(1);
      expect(back(log)).toHaveLength(unreachable(log).length);
      expect(log.warnings).toContainEqual(
        expect.stringMatching(/^docker compose up failed after \d+ of its streams .* were cut/),
      );
      await down(slow.dir);
      expect(containers(slow.name)).toEqual([]);
    } finally {
      slow.remove();
    }
  });

  it('longer than the deadline: fails saying the deadline was reached and since when the server was unreachable', async () => {
    api.behaviour.readyDelayMs = 2000;
    const log = faultAt(
      /^Wait for/,
      () => void faults.restartApiServer({ stopMs: 500, downMs: 60_000, startMs: 0 }),
    );
    const failure = await run(inputs({ command: 'up', timeout: '4s' }), { log }).catch((e: Error) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(
      /^StatefulSet\/\S+ was not ready after 4\.0s \(input timeout\): The Kubernetes API server at https:\/\/127\.0\.0\.1:\d+ has been unreachable since \d\d:\d\d:\d\d UTC \(ECONNREFUSED\), and the deadline was reached\./,
    );
    expect(unreachable(log)).toHaveLength(1);
    // Releasing the lease gave up too, at the same deadline: it would expire by itself in 30 s.
    expect(log.warnings).toContainEqual(
      expect.stringMatching(/^Could not release the lease .*the deadline was reached/),
    );
    await faults.heal();
    for (const lease of api.fixtures.objects('Lease', NAMESPACE))
      api.fixtures.delete('Lease', String((lease.metadata as { name: string }).name), NAMESPACE);
    await down();
  });
});

/** The Role rules of deploy/rbac.yaml. */
function shippedRules(): PolicyRule[] {
  const docs = parseAllDocuments(readFileSync(path.join(ROOT, 'deploy/rbac.yaml'), 'utf8')).map(
    (d) => d.toJS() as { kind: string; rules?: PolicyRule[] },
  );
  return docs.find((d) => d.kind === 'Role')!.rules!;
}

describe('a kubelet restart during up', () => {
  it('upgrades failing for 5 s (500 "error dialing backend", then 404 "pod does not exist") as the sync begins: up succeeds', async () => {
    let restart: Promise<void> | undefined;
    const log = faultAt(/^Copy bind-mounted files/, () => {
      restart = faults.restartKubelet({ downMs: 4000, startMs: 1000 });
    });
    const outcome = await run(inputs({ command: 'up' }), { log });
    await restart;
    expect(outcome.synced?.sent).toHaveLength(1);
    expect(outcome.ports?.map((p) => p.service)).toEqual(['web']);
    expect(log.warnings).toContainEqual(
      expect.stringMatching(
        /^The kubelet of the pod \(through the API server\) is unavailable since \d\d:\d\d:\d\d UTC \(HTTP 500: error dialing backend: dial tcp 192\.0\.2\.2:10250: connect: connection refused\)/,
      ),
    );
    expect(log.lines).toContainEqual(
      expect.stringMatching(/^The kubelet of the pod \(through the API server\) answers again/),
    );
    await down();
  });

  it('cutting the open streams while compose builds: compose runs again once, and up succeeds', async () => {
    const slow = await slowProject();
    try {
      let restart: Promise<void> | undefined;
      const log = faultAt(BUILDING, (n) => {
        if (n === 1) restart = faults.restartKubelet({ downMs: 1500, startMs: 800 });
      });
      const outcome = await run(inputs({ command: 'up', 'working-directory': slow.dir }), { log });
      await restart;
      expect(outcome.ports?.map((p) => p.service)).toEqual(['web']);
      expect(containers(slow.name)).toHaveLength(2);
      const again = log.warnings.filter((l) =>
        /^docker compose up failed after \d+ of its streams .* were cut/.test(l),
      );
      expect(again).toHaveLength(1);
      expect(again[0]).toContain('running docker compose up again once the tunnel works');
      expect(log.lines.filter((l) => l.startsWith('group: docker compose up'))).toHaveLength(2);
      await down(slow.dir);
    } finally {
      slow.remove();
    }
  });

  it('cut again during the second run of compose: reports compose’s own error', async () => {
    const slow = await slowProject();
    try {
      const log = faultAt(BUILDING, () => streams.cutAll());
      const failure = await run(inputs({ command: 'up', 'working-directory': slow.dir }), { log }).catch(
        (e: Error) => e,
      );
      expect((failure as Error).message).toMatch(/^docker compose up failed \(exit code \d+\)/);
      expect(log.lines.filter((l) => l.startsWith('group: docker compose up'))).toHaveLength(2);
      await down(slow.dir);
    } finally {
      slow.remove();
    }
  });

  it('an upgrade refused with 403 during compose is final at once: not retried, and the run says so', async () => {
    const slow = await slowProject();
    try {
      const withoutPortForward = shippedRules().map((r) =>
        r.resources.includes('pods/portforward') ? { ...r, resources: ['pods/exec'] } : r,
      );
      let upgradesBefore = 0;
      const log = faultAt(BUILDING, () => {
        api.rules = withoutPortForward; // a Role edited mid-run
        upgradesBefore = faults.upgrades;
        streams.cutAll();
      });
      const failure = await run(inputs({ command: 'up', 'working-directory': slow.dir }), { log }).catch(
        (e: Error) => e,
      );
      api.rules = undefined;
      expect((failure as Error).message).toMatch(
        /^Cannot port-forward to pod \S+: .*forbidden: User .*"pods\/portforward"/,
      );
      expect((failure as Error).message).toContain('pods/portforward');
      // A few upgrades (compose's connections, a probe of the pool), not a retry every few seconds.
      expect(faults.upgrades - upgradesBefore).toBeLessThan(12);
      expect(log.lines.filter((l) => l.startsWith('group: docker compose up'))).toHaveLength(1);
      await down(slow.dir);
    } finally {
      slow.remove();
    }
  });
});

describe('the readiness watch', () => {
  it('continues from its last event when it closes, and lists again only when its version expired', async () => {
    api.behaviour.readyDelayMs = 5000;
    let started = 0;
    const log = faultAt(/^Wait for/, () => {
      started = api.requests.length;
      setTimeout(() => api.endWatches(), 1000); // the server's own timeout, a load balancer's
      setTimeout(() => {
        // A change elsewhere, then etcd's compaction: a watch from the version before is Expired.
        api.fixtures.seed('ConfigMap', { metadata: { name: 'elsewhere', namespace: NAMESPACE } });
        api.fixtures.compact();
        api.endWatches();
      }, 2500);
    });
    await run(inputs({ command: 'up' }), { log });
    const calls = api.requests
      .slice(started)
      .filter((r) => r.method === 'GET' && r.path.endsWith('/statefulsets'))
      .map((r) => (r.query.get('watch') ? `watch from ${r.query.get('resourceVersion')}` : 'list'));
    const version = (call: string | undefined) => Number(call?.split(' ')[2]);
    expect(calls).toEqual([
      'list',
      expect.stringMatching(/^watch from \d+$/),
      expect.stringMatching(/^watch from \d+$/), // closed: from its last event (a bookmark's)
      expect.stringMatching(/^watch from \d+$/), // closed again, and that version is compacted away
      'list', // Expired: list again
      expect.stringMatching(/^watch from \d+$/),
    ]);
    // Each continues from where the one before ended (the workload's own changes move it on).
    expect(version(calls[2])).toBeGreaterThanOrEqual(version(calls[1]));
    expect(version(calls[3])).toBeGreaterThanOrEqual(version(calls[2]));
    expect(version(calls[5])).toBeGreaterThan(version(calls[3]));
    await down();
  });
});

describe('a write whose answer was lost', () => {
  const configMap = (name: string, data: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name },
    data,
  });
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'lost' };
  let client: KubeClient;
  beforeEach(() => {
    const kc = new KubeConfig();
    kc.loadFromString(api.kubeconfig());
    client = new KubeClient(kc, NAMESPACE, { log: memoryLogger() });
  });
  const sent = (method: string) =>
    api.requests.filter((r) => r.method === method && r.path.includes('/configmaps')).length;

  it('is sent again when that is safe: apply, delete, and a create (whose 409 the caller checks)', async () => {
    let lost = 0;
    faults.loseAnswer = (req) => req.method !== 'GET' && lost++ === 0;
    await client.serverSideApply(configMap('lost', { a: '1' }));
    expect(sent('PATCH')).toBe(2);
    lost = 0;
    await expect(client.create(configMap('lost-create', {}))).rejects.toMatchObject({ code: 409 });
    expect(sent('POST')).toBe(2); // applied the first time: the caller finds its own object
    lost = 0;
    expect(await client.delete(ref, 'Background')).toBe(false); // gone already: the first one was applied
    expect(sent('DELETE')).toBe(2);
  });

  it('is not sent again when it is an update of a version (PUT): the caller reads the object instead', async () => {
    const created = await client.create(configMap('lost', { a: '1' }));
    faults.loseAnswer = (req) => req.method === 'PUT';
    await expect(client.replace({ ...created, data: { a: '2' } })).rejects.toThrow(AnswerLostError);
    expect(sent('PUT')).toBe(1);
    expect(((await client.read(ref)) as { data: Record<string, string> }).data).toEqual({ a: '2' });
  });

  it('taking the lease: a create whose answer was lost finds its own lease, and does not wait for it', async () => {
    let lost = 0;
    faults.loseAnswer = (req) =>
      req.method === 'POST' && /\/leases(\?|$)/.test(req.url ?? '') && lost++ === 0;
    const log = memoryLogger();
    const outcome = await run(inputs({ command: 'up' }), { log });
    expect(lost).toBeGreaterThan(0);
    expect(outcome.pod).toBeDefined();
    expect(log.lines.join('\n')).not.toContain('Waiting for another run');
    await down();
  });
});
