import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { mapInputs, type InputName } from '../src/model/inputs.js';
import { parseServerVersion, permissionsFor } from '../src/model/permissions.js';
import { grants } from '../src/kube/access.js';
import { resolveSettings } from '../src/model/resolve-settings.js';
import type { Logger } from '../src/util/log.js';
import { commentMarker } from '../src/github/comment.js';
import { FakeGitHubApi } from './github/server.js';
import type { PolicyRule } from './k8s/rbac.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { StatusError } from './k8s/status.js';
import type { PodStreams } from './k8s/streams.js';
import {
  NAMESPACE,
  ROOT,
  memoryLogger,
  run,
  scratchDir,
  type HelloProject,
  doubleInputs,
} from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/**
 * Faults, races and least privilege, against the API-server double and the real local Docker engine.
 * After each case the double holds none of the environment's objects unless the case expects them.
 */
let api: FakeKubeApiServer;
let streams: PodStreams;
let github: FakeGitHubApi;
let hello: HelloProject;
const OURS = 'app.kubernetes.io/managed-by=kube-pod-preview';

useDoubleWithHello({ double: 'per-test', hello: 'per-test' }, (made) => ({ api, streams, hello } = made));
beforeEach(async () => {
  github = new FakeGitHubApi('acme/web');
  await github.start();
});
afterEach(() => github.stop());

function inputs(extra: Partial<Record<InputName, string>> = {}): Partial<Record<InputName, string>> {
  return doubleInputs(api, hello.dir, { 'env-id': 'pr-9', ...extra });
}

/** A logger that calls `on` when a log group whose title matches starts: the moment to inject a fault. */
function faultAt(pattern: RegExp, on: () => void): Logger & { lines: string[] } {
  const log = memoryLogger();
  let fired = false;
  return {
    ...log,
    group: (title, fn) => {
      if (!fired && pattern.test(title)) {
        fired = true;
        on();
      }
      return log.group(title, fn);
    },
  };
}

function containers(project: string): string[] {
  return execFileSync('docker', ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
}

/** The Role rules of deploy/rbac.yaml, which the double then enforces on every request. */
function shippedRules(): PolicyRule[] {
  const docs = parseAllDocuments(readFileSync(path.join(ROOT, 'deploy/rbac.yaml'), 'utf8')).map(
    (d) => d.toJS() as { kind: string; rules?: PolicyRule[] },
  );
  return docs.find((d) => d.kind === 'Role')!.rules!;
}

const PR_CONTEXT = {
  prNumber: 9,
  prUrl: 'https://github.com/acme/web/pull/9',
  headSha: 'f'.repeat(40),
  repository: 'acme/web',
  runUrl: 'https://github.com/acme/web/actions/runs/1',
};

describe('least privilege', () => {
  it('deploy/rbac.yaml grants everything up, exposure and down need, with the double enforcing it', async () => {
    api.rules = shippedRules();
    const outcome = await run(inputs({ command: 'up', expose: 'loadbalancer' }));
    expect(outcome.state).toBe('ready');
    await run(inputs({ command: 'down' }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('deploy/rbac.yaml grants nothing beyond what up and down ask for (no watch on Secrets, …)', () => {
    const kinds = ['v1/ConfigMap', 'apps/v1/StatefulSet', 'apps/v1/Deployment'];
    const expose = resolveSettings(
      mapInputs({ expose: 'ingress', domain: 'x.io', 'basic-auth': 'u:p' }),
      {},
      { workingDirectory: '/w', composeFiles: [] },
    ).expose;
    // A 1.35 server asks the most: get and create on exec and port-forward.
    const server = parseServerVersion('v1.35.0');
    const needs = [...permissionsFor('up', kinds, expose, server), ...permissionsFor('down', kinds)];
    const plural: Record<string, string> = {
      'v1/ConfigMap': 'configmaps',
      'v1/Service': 'services',
      'v1/Secret': 'secrets',
      'networking.k8s.io/v1/Ingress': 'ingresses',
      'apps/v1/StatefulSet': 'statefulsets',
      'apps/v1/Deployment': 'deployments',
    };
    const asked = new Set(
      needs.flatMap((n) =>
        n.verbs.map((v) => {
          const group = n.kind ? (n.kind.split('/').length > 2 ? n.kind.split('/')[0] : '') : n.group;
          return `${group}|${n.kind ? plural[n.kind] : n.resource}|${v}`;
        }),
      ),
    );
    const granted = shippedRules().flatMap((r) =>
      r.apiGroups.flatMap((g) => r.resources.flatMap((res) => r.verbs.map((v) => `${g}|${res}|${v}`))),
    );
    expect(granted.filter((g) => !asked.has(g))).toEqual([]);
  });

  it('asks one rules review when the Role grants everything, and access reviews only where it cannot', async () => {
    api.rules = shippedRules();
    const count = (what: string) => api.requests.filter((r) => r.path.endsWith(what)).length;
    await run(inputs({ command: 'up', expose: 'none' }));
    expect([count('/selfsubjectrulesreviews'), count('/selfsubjectaccessreviews')]).toEqual([1, 0]);
    // A server that does not serve rules reviews (a proxy, an old API server): access reviews decide.
    api.interceptor = (r) =>
      r.path.endsWith('/selfsubjectrulesreviews')
        ? new StatusError(404, 'NotFound', 'the server could not find the requested resource')
        : undefined;
    await run(inputs({ command: 'down' }));
    expect(count('/selfsubjectrulesreviews')).toBe(2);
    expect(count('/selfsubjectaccessreviews')).toBeGreaterThan(5);
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('matches rules as RBAC does: `*` anywhere, `*/exec` for every exec, no rule naming objects', () => {
    const want = { group: '', resource: 'pods/exec', verb: 'create' };
    expect(grants({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, want)).toBe(true);
    expect(grants({ verbs: ['create'], apiGroups: [''], resources: ['*/exec'] }, want)).toBe(true);
    expect(grants({ verbs: ['create'], apiGroups: [''], resources: ['pods'] }, want)).toBe(false);
    expect(grants({ verbs: ['get'], apiGroups: [''], resources: ['pods/exec'] }, want)).toBe(false);
    expect(grants({ verbs: ['create'], apiGroups: ['apps'], resources: ['pods/exec'] }, want)).toBe(false);
    expect(
      grants({ verbs: ['create'], apiGroups: [''], resources: ['pods/exec'], resourceNames: ['x'] }, want),
    ).toBe(false);
  });

  it('does without delete on pods: down removes everything and says the pods keep their grace period', async () => {
    api.rules = shippedRules().map((r) =>
      r.resources.includes('pods') ? { ...r, verbs: r.verbs.filter((v) => v !== 'delete') } : r,
    );
    await run(inputs({ command: 'up', expose: 'none' }));
    const log = memoryLogger();
    await run(inputs({ command: 'down' }), { log });
    expect(log.lines).toContainEqual(
      expect.stringMatching(/^Without "delete" on pods, the environment's pods keep/),
    );
    expect(log.lines).toContainEqual(expect.stringMatching(/^ *The pods keep their own grace period/));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('lists every missing permission with the Role rules that grant them, before changing anything', async () => {
    api.rules = shippedRules().filter(
      (r) => !r.resources.includes('pods/exec') && !r.resources.includes('leases'),
    );
    const failure = run(inputs({ command: 'up' }));
    // On the double's v1.28: get on each subresource, not create (that from 1.35).
    await expect(failure).rejects.toThrow(/lacks 6 permissions in namespace "previews"/);
    const message = await failure.catch((e: Error) => e.message);
    expect(message).toContain('get, create, update, delete leases.coordination.k8s.io');
    expect(message).toContain('get pods/exec; get pods/portforward');
    expect(message).toContain('pods/exec and pods/portforward are WebSocket upgrades of an HTTP GET');
    expect(message).toContain('Nothing was changed');
    expect(message).toContain('  - apiGroups: ["coordination.k8s.io"]\n    resources: ["leases"]');
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
    expect(
      api.requests.filter((r) => r.method !== 'GET' && !/accessreviews|rulesreviews/.test(r.path)),
    ).toEqual([]);
  });
});

describe('closing a pull request', () => {
  const closed = { ...PR_CONTEXT, eventName: 'pull_request', action: 'closed' };
  const withGitHub = (extra: Partial<Record<InputName, string>> = {}) =>
    inputs({ 'github-token': github.token, ...extra });
  const options = (log = memoryLogger()) => ({ context: closed, log, env: { GITHUB_API_URL: github.url } });

  it('in a namespace that does not exist: a success with a notice, and no comment for a PR that had none', async () => {
    github.pulls.set(9, { state: 'closed', head: PR_CONTEXT.headSha });
    const log = memoryLogger();
    const outcome = await run(withGitHub({ namespace: 'gone' }), options(log));
    expect(outcome.command).toBe('down');
    expect(outcome.deleted).toEqual([]);
    expect(log.lines).toContain(
      'notice: Namespace "gone" does not exist, so neither does environment pr-9; nothing to delete.',
    );
    expect(github.comments.get(9) ?? []).toEqual([]);
  });

  it('that never had a preview: no new comment', async () => {
    github.pulls.set(9, { state: 'closed', head: PR_CONTEXT.headSha });
    const outcome = await run(withGitHub(), options());
    expect(outcome.deleted).toEqual([]);
    expect(github.comments.get(9) ?? []).toEqual([]);
  });

  it('whose teardown fails: the comment says removing failed, never “deploying”', async () => {
    github.pulls.set(9, { state: 'open', head: PR_CONTEXT.headSha });
    await run(withGitHub({ command: 'up', expose: 'none' }), {
      context: PR_CONTEXT,
      env: { GITHUB_API_URL: github.url },
    });
    github.pulls.set(9, { state: 'closed', head: PR_CONTEXT.headSha });
    api.interceptor = (request) =>
      request.method === 'DELETE' && request.path.includes('/statefulsets/')
        ? new StatusError(500, 'InternalError', 'etcdserver: request timed out')
        : undefined;
    await expect(run(withGitHub(), options())).rejects.toThrow('etcdserver: request timed out');
    api.interceptor = undefined;
    const [comment] = github.comments.get(9)!;
    expect(comment!.body).toContain('Removing the preview failed');
    expect(comment!.body).not.toMatch(/deploying/i);
    await run(inputs({ command: 'down' }));
  });
});

describe('the sticky comment', () => {
  it('is never adopted from someone else when the token’s identity is unknown: a new one is posted', async () => {
    github.pulls.set(9, { state: 'open', head: PR_CONTEXT.headSha });
    github.viewerAnswers = false;
    const { id } = (await run(inputs({ command: 'plan' }))).ids;
    const planted = github.addComment(9, `${commentMarker(id)}\nplanted by a stranger`);
    const log = memoryLogger();
    await run(inputs({ 'github-token': github.token, command: 'up', expose: 'none' }), {
      context: PR_CONTEXT,
      log,
      env: { GITHUB_API_URL: github.url },
    });
    const comments = github.comments.get(9)!;
    expect(comments.find((c) => c.id === planted.id)!.body).toContain('planted by a stranger');
    expect(comments.filter((c) => c.body.includes('Preview running'))).toHaveLength(1);
    expect(log.warnings.join('\n')).toContain(
      'Cannot learn which account the token (input github-token) acts as',
    );
    await run(inputs({ command: 'down' }));
  });
});

describe('an exec upgrade the API server refuses', () => {
  it('with a bare 403 (no Status): says what the server said, and does not blame RBAC', async () => {
    // A server that speaks none of the offered subprotocols refuses with 403 and no body.
    streams.options.execProtocols = ['channel.k8s.io'];
    const message = await run(inputs({ command: 'up' })).catch((e: Error) => e.message);
    expect(message).toContain('refused the WebSocket upgrade with HTTP 403 and no reason');
    expect(message).toContain('v4.channel.k8s.io');
    expect(message).not.toMatch(/RBAC|permission|identity needs/);
    await run(inputs({ command: 'down' }));
  });

  it('with a Forbidden Status: names the RBAC permission', async () => {
    // Exec is taken away after the permission check has passed, as a Role edited mid-run would.
    const withoutExec = shippedRules().filter((r) => !r.resources.includes('pods/exec'));
    const log = faultAt(/^Copy bind-mounted files/, () => (api.rules = withoutExec));
    const message = await run(inputs({ command: 'up' }), { log }).catch((e: Error) => e.message);
    api.rules = undefined;
    expect(message).toContain('is forbidden: User');
    expect(message).toContain('cannot get resource "pods/exec"');
    expect(message).toContain('needs "get" on pods/exec');
    await run(inputs({ command: 'down' }));
  });
});

describe('pull requests from forks', () => {
  const fork = { ...PR_CONTEXT, fromFork: true };

  it('skips with a notice when there are no credentials (on-fork: skip)', async () => {
    using home = scratchDir();
    const log = memoryLogger();
    const outcome = await run(
      { 'working-directory': hello.dir },
      { context: fork, log, env: { HOME: home.dir } },
    );
    expect(outcome.command).toBe('skipped');
    expect(log.lines.join('\n')).toMatch(/notice: Pull request #9 comes from a fork.*Skipping the preview/);
  });

  it('fails clearly with on-fork: fail', async () => {
    using home = scratchDir();
    await expect(
      run({ 'working-directory': hello.dir, 'on-fork': 'fail' }, { context: fork, env: { HOME: home.dir } }),
    ).rejects.toThrow(/comes from a fork.*Input on-fork is fail/);
  });
});

describe('faults during up', () => {
  it('a cancelled run stops waiting at once, marks the comment cancelled and releases the lease', async () => {
    github.pulls.set(9, { state: 'open', head: PR_CONTEXT.headSha });
    api.behaviour.mode = 'never-ready';
    const controller = new AbortController();
    let abortedAt = 0;
    const log = faultAt(/^Wait for/, () =>
      setTimeout(() => {
        abortedAt = Date.now();
        controller.abort();
      }, 300),
    );
    await expect(
      run(inputs({ 'github-token': github.token, command: 'up' }), {
        context: PR_CONTEXT,
        log,
        signal: controller.signal,
        env: { GITHUB_API_URL: github.url },
      }),
    ).rejects.toThrow(/aborted/i);
    expect(Date.now() - abortedAt).toBeLessThan(3000);
    const [comment] = github.comments.get(9)!;
    expect(comment!.body).toContain('Preview deploy cancelled');
    expect(github.deploymentStates('preview/pr-9')).toEqual(['error']);
    expect(api.fixtures.objectsMatching(OURS).filter((o) => o.startsWith('Lease/'))).toEqual([]);
    await run(inputs({ command: 'down' }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('the pod deleted while up waits for it: the StatefulSet recreates it and up succeeds', async () => {
    api.behaviour.readyDelayMs = 1500;
    let deletedUid = '';
    const log = faultAt(/^Wait for StatefulSet/, () =>
      setTimeout(() => {
        const pod = api.fixtures.objects('Pod', NAMESPACE)[0] as { metadata: { name: string; uid: string } };
        deletedUid = pod.metadata.uid;
        api.fixtures.delete('Pod', pod.metadata.name, NAMESPACE);
      }, 300),
    );
    const outcome = await run(inputs({ command: 'up' }), { log });
    expect(deletedUid).not.toBe('');
    const pod = api.fixtures.get('Pod', outcome.pod!.name, NAMESPACE) as { metadata: { uid: string } };
    expect(pod.metadata.uid).not.toBe(deletedUid);
    await run(inputs({ command: 'down' }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('a run killed mid-compose, then down: nothing is left', async () => {
    const controller = new AbortController();
    const log = faultAt(/^docker compose up/, () => setTimeout(() => controller.abort(), 200));
    await expect(run(inputs({ command: 'up' }), { log, signal: controller.signal })).rejects.toThrow();
    await run(inputs({ command: 'down' }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
    expect(containers(hello.name)).toEqual([]);
  });

  it('down of a half-created environment (its pod never became ready) removes it', async () => {
    api.behaviour.mode = 'never-ready';
    await expect(run(inputs({ command: 'up', timeout: '2s' }))).rejects.toThrow(/StatefulSet\/.+ was not/);
    expect(api.fixtures.objectsMatching(OURS).length).toBeGreaterThan(0);
    await run(inputs({ command: 'down' }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('reopen right after close: up, down, up again works, and down leaves nothing', async () => {
    await run(inputs({ command: 'up' }));
    await run(inputs({ command: 'down' }));
    const reopened = await run(inputs({ command: 'up' }));
    expect(reopened.ports).toHaveLength(1);
    await run(inputs({ command: 'down' }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });
});

describe('cleanup of forgotten previews', () => {
  it('removes environments whose PR is closed or whose ttl passed, lists them with dry-run, and leaves busy ones', async () => {
    github.pulls.set(1, { state: 'closed', head: 'a'.repeat(40) });
    github.pulls.set(2, { state: 'open', head: 'b'.repeat(40) });
    const context = { repository: 'acme/web' };
    const closed = await run(inputs({ command: 'up', 'env-id': 'pr-1' }), { context });
    // The comment pr-1's deploy left: cleanup updates it (and never starts one).
    github.addComment(1, `${commentMarker(closed.ids.id)}\nPreview ready`, 'github-actions[bot]', 'Bot');
    await run(inputs({ command: 'up', 'env-id': 'pr-2', ttl: '1h' }), { context });
    const expiring = await run(inputs({ command: 'up', 'env-id': 'pr-3', ttl: '1s' }), { context });
    await new Promise((r) => setTimeout(r, 1200));

    using empty = scratchDir(); // cleanup needs no compose project
    const cleanupInputs = {
      command: 'cleanup',
      namespace: NAMESPACE,
      kubeconfig: api.kubeconfig(),
      'working-directory': empty.dir,
      'github-token': github.token,
      timeout: '20s',
    };
    const options = { context, env: { GITHUB_API_URL: github.url } };
    const dry = await run({ ...cleanupInputs, 'dry-run': 'true' }, options);
    expect(dry.cleaned!.map((e) => [e.envId, e.reason, e.action, e.why])).toEqual([
      ['pr-1', 'pull request closed', 'would remove', undefined],
      ['pr-2', undefined, 'kept', expect.stringMatching(/^expires 20\S+Z; pull request #2 open$/)],
      ['pr-3', 'expired', 'would remove', undefined],
    ]);
    expect(api.fixtures.objectsMatching('kube-pod-preview/env-id=pr-1').length).toBeGreaterThan(0);

    // A run is working on pr-3: cleanup leaves it for next time.
    const now = new Date().toISOString().replace('Z', '000Z');
    api.fixtures.create(
      'Lease',
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: `kube-pod-preview-${expiring.ids.id}` },
        spec: { holderIdentity: 'a deploy', leaseDurationSeconds: 30, renewTime: now, acquireTime: now },
      },
      NAMESPACE,
    );
    const real = await run(cleanupInputs, options);
    expect(real.cleaned!.map((e) => [e.envId, e.action, e.why])).toEqual([
      ['pr-1', 'removed', undefined],
      ['pr-2', 'kept', expect.stringContaining('pull request #2 open')],
      ['pr-3', 'busy', 'a run is working on it'],
    ]);
    expect(api.fixtures.objectsMatching('kube-pod-preview/env-id=pr-1')).toEqual([]);
    expect(api.fixtures.objectsMatching('kube-pod-preview/env-id=pr-2').length).toBeGreaterThan(0);
    expect(github.comments.get(1)![0]!.body).toContain('Preview deleted');

    api.fixtures.delete('Lease', `kube-pod-preview-${expiring.ids.id}`, NAMESPACE);
    for (const envId of ['pr-2', 'pr-3']) await run(inputs({ command: 'down', 'env-id': envId }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('applies its own ttl to environments deployed without one, and says why each one it keeps stays', async () => {
    const deployedAt = new Date('2026-03-01T10:00:00Z');
    const context = { repository: 'acme/web' };
    github.pulls.set(4, { state: 'open', head: 'c'.repeat(40) });
    await run(inputs({ command: 'up', 'env-id': 'pr-4' }), { context, now: () => deployedAt });
    const upLog = memoryLogger();
    await run(inputs({ command: 'up', 'env-id': 'demo', ttl: '30d' }), {
      context,
      now: () => deployedAt,
      log: upLog,
    });
    expect(upLog.lines).toContain(
      'Expires 2026-03-31T10:00:00.000Z (input ttl 30d from this deploy; the next deploy sets it again): the scheduled cleanup removes it then.',
    );
    using empty = scratchDir();
    const cleanup = (extra: Record<string, string>, log = memoryLogger()) =>
      run(
        {
          command: 'cleanup',
          namespace: NAMESPACE,
          kubeconfig: api.kubeconfig(),
          'working-directory': empty.dir,
          'github-token': github.token,
          ...extra,
        },
        { context, env: { GITHUB_API_URL: github.url }, now: () => new Date('2026-03-01T10:02:00Z'), log },
      );
    const log = memoryLogger();
    const without = await cleanup({}, log);
    expect(without.cleaned!.map((e) => [e.envId, e.action, e.why])).toEqual([
      ['demo', 'kept', 'expires 2026-03-31T10:00:00.000Z; not a pull request’s environment'],
      ['pr-4', 'kept', 'no expiry recorded; pull request #4 open'],
    ]);
    expect(log.lines).toContain(
      'Input ttl is not set: only an expiry recorded by up (its input ttl, /preview extend) removes an environment.',
    );
    expect(log.lines).toContainEqual(
      expect.stringMatching(/^ {2}pr-4 \(.*\): kept \(no expiry recorded; pull request #4 open\)$/),
    );

    // cleanup --ttl 1m on an environment deployed 2 minutes ago without one: it goes. A recorded expiry wins.
    const withTtl = await cleanup({ ttl: '1m', 'dry-run': 'true' });
    expect(withTtl.cleaned!.map((e) => [e.envId, e.reason, e.action, e.why])).toEqual([
      ['demo', undefined, 'kept', 'expires 2026-03-31T10:00:00.000Z; not a pull request’s environment'],
      ['pr-4', 'expired', 'would remove', undefined],
    ]);
    const longer = await cleanup({ ttl: '1h', 'dry-run': 'true' });
    expect(longer.cleaned![1]!.why).toBe(
      'expires 2026-03-01T11:00:00.000Z (input ttl after its last deploy); pull request #4 open',
    );
    for (const envId of ['pr-4', 'demo']) await run(inputs({ command: 'down', 'env-id': envId }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });
});
