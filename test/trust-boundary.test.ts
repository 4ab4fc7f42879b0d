import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readRunContext, type RunContext } from '../src/github/event.js';
import type { InputName } from '../src/model/inputs.js';
import { FakeGitHubApi } from './github/server.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import {
  NAMESPACE,
  ROOT,
  commitAll,
  doubleInputs,
  memoryLogger,
  node,
  run,
  scratchDir,
  type HelloProject,
} from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/**
 * The trust boundary: a fork's checkout is never read by a run that holds credentials, the compose
 * file does not choose where a preview goes, comment commands need write access and deploy what was
 * checked out, and credentials never travel in clear. Each test is an attack that worked before.
 */
const REPO = 'acme/web';

let api: FakeKubeApiServer;
let github: FakeGitHubApi;
let hello: HelloProject;
let sha: string;
let scratch: ReturnType<typeof scratchDir>;
/** Where the fork's template writes the action's environment, should anything render it. */
let loot: string;

useDoubleWithHello({ double: 'per-test', hello: 'per-file' }, (made) => ({ api, hello } = made));
beforeAll(() => {
  sha = commitAll(hello.dir);
});
beforeEach(async () => {
  github = new FakeGitHubApi(REPO);
  await github.start();
  github.roles.set('maintainer', { role: 'write' });
  scratch = scratchDir();
  loot = path.join(scratch.dir, 'loot');
});
afterEach(async () => {
  await github.stop();
  scratch[Symbol.dispose]();
});

function inputs(extra: Partial<Record<InputName, string>> = {}): Partial<Record<InputName, string>> {
  return doubleInputs(api, hello.dir, { 'env-id': 'pr-7', 'github-token': github.token, ...extra });
}

const env = () => ({ GITHUB_API_URL: github.url });

/** Deploys pr-7 from this repository's own code, so that a fork's run has something to act on. */
async function deployOwnCode(extra: Partial<Record<InputName, string>> = {}): Promise<string> {
  github.pulls.set(7, { state: 'open', head: sha });
  const outcome = await run(inputs({ expose: 'none', ...extra }), {
    context: { eventName: 'pull_request', action: 'opened', prNumber: 7, headSha: sha, repository: REPO },
    env: env(),
  });
  return outcome.ids.id;
}

/** The checkout now holds a fork's code: an x-preevy template that writes out the action's secrets. */
function checkOutForkCode(dir = hello.dir): void {
  const template = path.join(dir, 'steal.yaml.njk');
  writeFileSync(
    template,
    `{{ range.constructor("process.getBuiltinModule('fs').writeFileSync('${loot}', JSON.stringify(process.env))")() }}\n`,
  );
  writeFileSync(
    path.join(dir, 'compose.override.yaml'),
    'x-preevy:\n  template: steal.yaml.njk\n  namespace: kube-system\n',
  );
}

function commentEvent(body: string, author = 'maintainer'): { context: Partial<RunContext>; id: number } {
  const posted = github.addComment(7, body, author);
  return {
    context: {
      eventName: 'issue_comment',
      prNumber: 7,
      repository: REPO,
      comment: { id: posted.id, body, author, association: 'MEMBER' },
    },
    id: posted.id,
  };
}

describe("a fork's code is never read", () => {
  afterEach(() => {
    const override = path.join(hello.dir, 'compose.override.yaml');
    if (existsSync(override)) writeFileSync(override, '');
  });

  it('/preview down on a fork’s pull request deletes from the cluster’s records, rendering nothing', async () => {
    const id = await deployOwnCode();
    github.pulls.set(7, { state: 'open', head: sha, headRepo: 'mallory/web' });
    checkOutForkCode();
    const log = memoryLogger();
    const { context } = commentEvent('/preview down');
    const outcome = await run(inputs(), { context, env: env(), log });
    expect(outcome.command).toBe('down');
    expect(existsSync(loot)).toBe(false);
    expect(api.fixtures.get('StatefulSet', id, NAMESPACE)).toBeUndefined();
    expect(log.lines).toContain(
      'The checkout holds code from mallory/web: down works from what the cluster records and reads none of it.',
    );
  });

  it('closed on pull_request_target and /preview extend for a fork read none of its files', async () => {
    await deployOwnCode({ ttl: '1d' });
    github.pulls.set(7, { state: 'open', head: sha, headRepo: 'mallory/web' });
    checkOutForkCode();
    // Not even a compose file that does not parse stops them: compose is never asked.
    writeFileSync(path.join(hello.dir, 'compose.yaml'), 'services: [not, a, map\n', { flag: 'a' });
    try {
      const extend = commentEvent('/preview extend 1d');
      expect((await run(inputs(), { context: extend.context, env: env() })).command).toBe('extend');
      const closed = await run(inputs(), {
        context: {
          eventName: 'pull_request_target',
          action: 'closed',
          prNumber: 7,
          repository: REPO,
          foreignCodeWithSecrets: 'mallory/web',
        },
        env: env(),
      });
      expect(closed.command).toBe('down');
      expect(existsSync(loot)).toBe(false);
      expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
    } finally {
      execFileSync('git', ['checkout', '--', 'compose.yaml'], { cwd: hello.dir });
    }
  });

  it.each(['plan', 'doctor', 'up'])('%s of a fork’s code is refused before reading it', async (command) => {
    checkOutForkCode();
    const context: Partial<RunContext> = {
      eventName: 'pull_request_target',
      action: 'opened',
      prNumber: 7,
      repository: REPO,
      foreignCodeWithSecrets: 'mallory/web',
    };
    await expect(run(inputs({ command }), { context, env: env() })).rejects.toThrow(
      /run would (deploy|render and print|check) code from mallory\/web/,
    );
    expect(existsSync(loot)).toBe(false);
  });

  it('a fork’s pull_request with credentials on the runner is refused too, not deployed', async () => {
    checkOutForkCode();
    const context: Partial<RunContext> = {
      eventName: 'pull_request',
      action: 'opened',
      prNumber: 7,
      repository: REPO,
      fromFork: true,
    };
    // Input kubeconfig stands for a self-hosted runner's own credentials.
    await expect(run(inputs(), { context, env: env() })).rejects.toThrow(/would deploy code from a fork/);
    expect(existsSync(loot)).toBe(false);
  });
});

describe('the compose file does not choose where a preview goes', () => {
  it.each([
    ['x-preevy', 'kube-system', {}],
    ['input', 'default', { namespace: 'default' }],
    ['input', 'kube-public', { namespace: 'kube-public' }],
  ])('refuses a system namespace from %s (%s)', async (_from, namespace, extra) => {
    using project = scratchDir(hello.dir);
    writeFileSync(path.join(project.dir, 'compose.override.yaml'), `x-preevy:\n  namespace: ${namespace}\n`);
    const given = { ...inputs({ 'working-directory': project.dir, command: 'plan' }), ...extra };
    if (!('namespace' in extra)) delete given.namespace;
    await expect(run(given)).rejects.toThrow(/a namespace of the cluster's own/);
  });

  it('says in the log when the compose file chose the namespace; input namespace wins over it', async () => {
    using project = scratchDir(hello.dir);
    writeFileSync(path.join(project.dir, 'compose.override.yaml'), 'x-preevy:\n  namespace: team-a\n');
    const given = inputs({ 'working-directory': project.dir, command: 'plan' });
    const log = memoryLogger();
    expect((await run(given, { log })).namespace).toBe(NAMESPACE);
    delete given.namespace;
    const chosen = await run(given, { log });
    expect(chosen.namespace).toBe('team-a');
    expect(log.lines.at(-1)).toMatch(/in namespace team-a \(x-preevy namespace of the compose file\): plan$/);
  });
});

describe('a template reaches only what belongs to its environment', () => {
  const pod = (spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: "{{ id }}"
  labels: {app.kubernetes.io/component: docker-host}
spec:
  serviceName: "{{ id }}"
  selector: {matchLabels: {app: "{{ id }}"}}
  template:
    metadata: {labels: {app: "{{ id }}"}}
    spec:
${spec}
      containers:
      - name: docker
        image: docker:dind
`;
  it.each([
    [
      'the action’s ServiceAccount',
      pod('      serviceAccountName: kube-pod-preview'),
      'spec.serviceAccountName is "kube-pod-preview"',
    ],
    [
      'a Secret of the namespace',
      pod('      volumes: [{name: loot, secret: {secretName: wildcard-tls}}]'),
      'volumes[].secret.secretName is "wildcard-tls"',
    ],
    [
      'another environment’s claim',
      pod('      volumes: [{name: data, persistentVolumeClaim: {claimName: docker-web-pr-8-0}}]'),
      'claimName is "docker-web-pr-8-0"',
    ],
    [
      'a ClusterRole bound to its ServiceAccount',
      pod('') +
        '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: "{{ id }}-admin"}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}\nsubjects: [{kind: ServiceAccount, name: "{{ id }}-sa"}]\n',
      'roleRef (a ClusterRole) is "ClusterRole/admin"',
    ],
    [
      'a Role that reads Secrets',
      pod('') +
        '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: "{{ id }}-role"}\nrules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]\n',
      'grant "secrets"',
    ],
    [
      'a ServiceAccount token Secret',
      pod('') +
        '---\napiVersion: v1\nkind: Secret\nmetadata: {name: "{{ id }}-token", annotations: {kubernetes.io/service-account.name: kube-pod-preview}}\ntype: kubernetes.io/service-account-token\n',
      'a ServiceAccount token Secret',
    ],
  ])('refuses a pod template that reaches %s', async (_what, template, refusal) => {
    using project = scratchDir(hello.dir);
    writeFileSync(path.join(project.dir, 'pod.yaml.njk'), template);
    writeFileSync(path.join(project.dir, 'compose.override.yaml'), 'x-preevy:\n  template: pod.yaml.njk\n');
    await expect(run(inputs({ command: 'plan', 'working-directory': project.dir }))).rejects.toThrow(refusal);
  });

  it('a deleted fork’s pull_request is a fork’s, not this repository’s code', () => {
    using events = scratchDir();
    const file = path.join(events.dir, 'event.json');
    writeFileSync(
      file,
      JSON.stringify({
        action: 'reopened',
        number: 7,
        pull_request: { number: 7, head: { sha: sha, repo: null }, base: { repo: { full_name: REPO } } },
      }),
    );
    const context = readRunContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: file,
      GITHUB_REPOSITORY: REPO,
    });
    expect(context.fromFork).toBe(true);
  });
});

describe('doctor', () => {
  it('reports a pod template that comes from the pull request', async () => {
    using project = scratchDir(hello.dir);
    writeFileSync(
      path.join(project.dir, 'pod.yaml.njk'),
      readFileSync(path.join(ROOT, 'templates/default.yaml.njk'), 'utf8'),
    );
    writeFileSync(path.join(project.dir, 'compose.override.yaml'), 'x-preevy:\n  template: pod.yaml.njk\n');
    const outcome = await run(inputs({ command: 'doctor', 'working-directory': project.dir }));
    expect(outcome.checks?.find((c) => c.name === 'template')).toEqual({
      name: 'template',
      state: 'ok',
      detail: expect.stringMatching(
        /pod\.yaml\.njk \(x-preevy template\) comes from the pull request: it rendered in the sandbox/,
      ),
    });
    const bundled = await run(inputs({ command: 'doctor' }));
    expect(bundled.checks?.find((c) => c.name === 'template')).toBeUndefined();
  });
});

describe('comment commands', () => {
  beforeEach(() => github.pulls.set(7, { state: 'open', head: sha }));

  it('need write access: an organization member who may only read is refused', async () => {
    github.roles.set('reader', { role: 'read' });
    github.roles.set('custom', { role: 'security-reviewer', permission: 'read' });
    for (const author of ['reader', 'custom']) {
      const { context, id } = commentEvent('/preview redeploy', author);
      expect((await run(inputs(), { context, env: env() })).command).toBe('skipped');
      expect(github.reactions.get(id)).toEqual(['confused']);
    }
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
    expect(github.comments.get(7)!.at(-1)!.body).toContain('your role in this repository is read.');
  });

  it('deploy only the head the workflow checked out', async () => {
    github.pulls.set(7, { state: 'open', head: 'f'.repeat(40) });
    const { context, id } = commentEvent('/preview redeploy');
    await expect(run(inputs(), { context, env: env() })).rejects.toThrow(
      `Pull request #7's head is ffffffffffff, but ${hello.dir} holds commit ${sha.slice(0, 12)}`,
    );
    expect(github.reactions.get(id)).toEqual(['eyes', 'confused']);
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
  });

  it('with allow-fork-code, deploy a fork’s head when the comment names it and the checkout is it', async () => {
    github.pulls.set(7, { state: 'open', head: sha, headRepo: 'mallory/web' });
    const { context } = commentEvent(`/preview redeploy ${sha}`);
    const outcome = await run(inputs({ 'allow-fork-code': 'true', expose: 'none' }), { context, env: env() });
    expect(outcome.command).toBe('up');
  });

  it('extend is capped at input max-ttl from now, however often it is repeated', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    await deployOwnCode({ ttl: '1d' });
    for (let i = 0; i < 2; i++) {
      const { context } = commentEvent('/preview extend 365d');
      const outcome = await run(inputs({ ttl: '1d' }), { context, env: env(), now: () => now });
      expect(outcome.command === 'extend' && outcome.expiresAt).toBe('2026-12-08T10:00:00.000Z');
    }
    const { context } = commentEvent('/preview extend 365d');
    const capped = await run(inputs({ 'max-ttl': '2d' }), { context, env: env(), now: () => now });
    expect(capped.command === 'extend' && capped.expiresAt).toBe('2026-12-03T10:00:00.000Z');
    await run(inputs({ command: 'down' }));
  });
});

describe('credentials never travel in clear', () => {
  it('a plain-HTTP API server is refused with a token even when TLS checks are off; no request is sent', async () => {
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"major":"1","minor":"28"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const kubeconfig = stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'c',
          cluster: {
            server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
            'insecure-skip-tls-verify': true,
          },
        },
      ],
      users: [{ name: 'u', user: { token: 'bearer-in-clear' } }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'u', namespace: NAMESPACE } }],
      'current-context': 'c',
    });
    try {
      await expect(run({ ...inputs({ command: 'doctor' }), kubeconfig })).rejects.toThrow(
        /plain HTTP would send the credentials in clear/,
      );
      expect(seen).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('a basic-auth user with a line break (another htpasswd line) is refused', async () => {
    await expect(
      run(inputs({ command: 'plan', domain: 'preview.example.com', 'basic-auth': 'a:x\nroot:$apr1$' })),
    ).rejects.toThrow('its user and password may not contain a line break');
  });
});

describe('bad input says which input and what to do', () => {
  const action = path.join(ROOT, 'dist/index.js');

  async function actionWith(event: string, extra: Record<string, string> = {}) {
    const file = path.join(scratch.dir, 'event.json');
    writeFileSync(file, event);
    return node(action, [], {
      cwd: hello.dir,
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: file,
        GITHUB_REPOSITORY: REPO,
        INPUT_COMMAND: 'plan',
        ...extra,
      },
    });
  }

  it('an event file that is not JSON, or a pull_request payload without a number', async () => {
    const garbled = await actionWith('not json');
    expect(garbled.stdout).toContain('::error::Cannot read the event payload at');
    expect(garbled.stdout + garbled.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const empty = await actionWith('{}');
    expect(empty.stdout).toContain("::error::The pull_request event's payload");
    expect(empty.stdout).toContain('has no pull_request.number');
  });

  it('a missing working-directory, a kubeconfig that is none, annotations that are not strings, a long domain', async () => {
    await expect(run(inputs({ command: 'plan', 'working-directory': '/nonexistent/app' }))).rejects.toThrow(
      'Input working-directory is /nonexistent/app, which is not a directory here.',
    );
    for (const kubeconfig of ['root:x:0:0:root:/root:/bin/bash\n', '☃ ✓ ☂', 'apiVersion: v1\nkind: Config\n'])
      await expect(run(inputs({ command: 'doctor', kubeconfig }))).rejects.toThrow(
        /The kubeconfig input (has no clusters: is it a kubeconfig\?|is not a valid kubeconfig)/,
      );
    await expect(run(inputs({ command: 'plan', annotations: 'a: [1, 2]' }))).rejects.toThrow(
      'Input annotations: the value of "a" is a list; each value must be a string',
    );
    await expect(
      run(inputs({ command: 'plan', domain: `${'a'.repeat(60)}.`.repeat(5) + 'com' })),
    ).rejects.toThrow('Input domain must be a DNS name');
  });

  it('a compose file without services, or a synced file whose name is not UTF-8, fails before anything is created', async () => {
    using empty = scratchDir();
    writeFileSync(path.join(empty.dir, 'compose.yaml'), 'name: empty\nx-preevy: {}\n');
    await expect(run(inputs({ command: 'up', 'working-directory': empty.dir }))).rejects.toThrow(
      /has no services: a preview runs the project's services/,
    );
    using odd = scratchDir(hello.dir);
    writeFileSync(
      Buffer.concat([Buffer.from(path.join(odd.dir, 'site') + '/'), Buffer.from([0x66, 0xff, 0x2e])]),
      'x',
    );
    await expect(run(inputs({ command: 'up', 'working-directory': odd.dir }))).rejects.toThrow(
      /is not UTF-8/,
    );
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
  });

  it('a bad github-token names the input', async () => {
    const { context } = commentEvent('/preview redeploy');
    await expect(run(inputs({ 'github-token': 'ghs_revoked' }), { context, env: env() })).rejects.toThrow(
      /HTTP 401 Bad credentials.*\(input github-token: leave it unset/,
    );
  });
});
