import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentMarker } from '../src/github/comment.js';
import { FakeGitHubApi } from './github/server.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { NAMESPACE, ROOT, node, scratchDir, type HelloProject } from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/**
 * The action end to end, as the runner runs it: `node dist/index.js` with a real pull_request event file,
 * INPUT_* variables and the runner's file commands, against the API-server double (whose pod's Docker
 * server is this machine's engine, and whose load balancer answers on loopback) and the GitHub REST double.
 */
const ACTION = path.join(ROOT, 'dist/index.js');
const REPO = 'acme/web';
const PR = 7;

let api: FakeKubeApiServer;
let github: FakeGitHubApi;
let hello: HelloProject;
let scratch: ReturnType<typeof scratchDir>;

useDoubleWithHello({ double: 'per-test', hello: 'per-test' }, (made) => ({ api, hello } = made));
beforeEach(async () => {
  github = new FakeGitHubApi(REPO);
  await github.start();
  scratch = scratchDir();
});
afterEach(async () => {
  await github.stop();
  scratch[Symbol.dispose]();
});

interface StepResult {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

interface StepFiles {
  env: Record<string, string>;
  read: (code: number, stdout: string) => StepResult;
}

/** One step of a workflow run: the event, the inputs, and what the runner reads back afterwards. */
function prepareStep(
  action: string,
  sha: string,
  inputs: Record<string, string> = {},
  state: Record<string, string> = {},
): StepFiles {
  const files = Object.fromEntries(
    ['event.json', 'output', 'state', 'summary'].map((f) => [f, path.join(scratch.dir, f)]),
  );
  for (const f of ['output', 'state', 'summary']) writeFileSync(files[f]!, '');
  writeFileSync(
    files['event.json']!,
    JSON.stringify({
      action,
      number: PR,
      pull_request: {
        number: PR,
        state: action === 'closed' ? 'closed' : 'open',
        html_url: `https://github.com/${REPO}/pull/${PR}`,
        head: { sha, repo: { full_name: REPO } },
        base: { repo: { full_name: REPO } },
      },
    }),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH!,
    HOME: process.env.HOME!,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files['event.json']!,
    GITHUB_REPOSITORY: REPO,
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: github.url,
    GITHUB_OUTPUT: files.output!,
    GITHUB_STATE: files.state!,
    GITHUB_STEP_SUMMARY: files.summary!,
    INPUT_KUBECONFIG: api.kubeconfig(),
    INPUT_NAMESPACE: NAMESPACE,
    'INPUT_GITHUB-TOKEN': github.token,
    INPUT_EXPOSE: 'loadbalancer',
    'INPUT_URL-TIMEOUT': '20s',
    INPUT_TIMEOUT: '30s',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])),
  };
  return {
    env,
    read: (code, stdout) => ({
      code,
      stdout,
      outputs: fileCommands(readFileSync(files.output!, 'utf8')),
      state: fileCommands(readFileSync(files.state!, 'utf8')),
      summary: readFileSync(files.summary!, 'utf8'),
    }),
  };
}

async function step(
  action: string,
  sha: string,
  inputs: Record<string, string> = {},
  state: Record<string, string> = {},
  /** Variables the workflow sets for the step (`env:`) or the runner sets. */
  extraEnv: Record<string, string> = {},
): Promise<StepResult> {
  const prepared = prepareStep(action, sha, inputs, state);
  const result = await node(ACTION, [], { cwd: hello.dir, env: { ...prepared.env, ...extraEnv } });
  return prepared.read(result.code, result.stdout);
}

/** A step the runner cancels: SIGTERM once the log shows `when`, as a cancelled job's runner sends. */
async function cancelledStep(action: string, sha: string, when: RegExp): Promise<StepResult> {
  const prepared = prepareStep(action, sha, { expose: 'none' });
  const child = spawn(process.execPath, [ACTION], { cwd: hello.dir, env: prepared.env });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (when.test(stdout) && child.exitCode === null && !child.killed) child.kill('SIGTERM');
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return prepared.read(code, stdout);
}

/** Reads `name<<delimiter` blocks, the format @actions/core writes to GITHUB_OUTPUT and GITHUB_STATE. */
function fileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const m of text.matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)) values[m[1]!] = m[3]!;
  return values;
}

function ourComments() {
  return (github.comments.get(PR) ?? []).filter((c) => c.user.login === 'github-actions[bot]');
}

describe('the action on pull_request events (dist/index.js)', () => {
  it('opened → a ready comment with a URL that answers and a deployment; synchronize → the same comment; closed → deleted, inactive, nothing left', async () => {
    github.pulls.set(PR, { state: 'open', head: 'a'.repeat(40) });
    const opened = await step('opened', 'a'.repeat(40));
    expect(opened.stdout).not.toContain('::error::');
    expect(opened.code).toBe(0);
    const url = `http://127.0.0.1:${hello.port}`;
    expect(opened.outputs.url).toBe(url);
    expect(JSON.parse(opened.outputs['urls-json']!)).toEqual([
      { project: hello.name, service: 'web', port: 8080, url },
    ]);
    expect(JSON.parse(opened.outputs['urls-map']!)).toEqual({ web: { '8080': url } });
    expect(await (await fetch(url)).text()).toContain('hello from kube-pod-preview');

    const [comment] = ourComments();
    expect(ourComments()).toHaveLength(1);
    expect(comment!.body).toContain(commentMarker(opened.outputs.id!));
    expect(comment!.body).toContain('Preview ready');
    expect(comment!.body).toContain(`(${url})`);
    expect(comment!.body).toContain('`aaaaaaa`');
    expect(comment!.body).toContain('https://github.com/acme/web/actions/runs/4242');
    expect(github.deployments).toHaveLength(1);
    expect(github.deployments[0]).toMatchObject({
      environment: 'preview/pr-7',
      ref: 'a'.repeat(40),
      transient_environment: true,
      production_environment: false,
    });
    expect(github.deployments[0]!.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(github.deployments[0]!.statuses[1]!.environment_url).toBe(url);
    expect(opened.summary).toContain('| web | 8080 |');
    expect(opened.summary).toContain('| expose |');
    expect(opened.state['kpp-finished']).toBe('true');
    expect(opened.state['kpp-lease']).toBe(''); // released, so the post step has nothing to do
    expect(JSON.stringify(opened.state)).not.toContain(api.token); // no credentials in the step state

    // Another user's comment quoting the marker is not ours to update.
    github.addComment(PR, `${commentMarker(opened.outputs.id!)}\nquoted by a reviewer`);

    github.pulls.set(PR, { state: 'open', head: 'b'.repeat(40) });
    const synchronized = await step('synchronize', 'b'.repeat(40));
    expect(synchronized.code).toBe(0);
    expect(ourComments()).toHaveLength(1);
    expect(ourComments()[0]!.id).toBe(comment!.id);
    expect(ourComments()[0]!.body).toContain('`bbbbbbb`');
    expect(ourComments()[0]!.body).toContain('Preview ready');
    expect(github.comments.get(PR)!.find((c) => c.user.login === 'octocat')!.body).toContain(
      'quoted by a reviewer',
    );
    expect(github.deploymentStates('preview/pr-7')).toEqual(['success', 'success']);

    github.pulls.set(PR, { state: 'closed', head: 'b'.repeat(40) });
    const closed = await step('closed', 'b'.repeat(40));
    expect(closed.code).toBe(0);
    expect(ourComments()).toHaveLength(1);
    expect(ourComments()[0]!.body).toContain('Preview deleted');
    expect(github.deploymentStates('preview/pr-7')).toEqual(['inactive', 'inactive']);
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('fails early, naming the input and the permission, when the token may not comment', async () => {
    github.pulls.set(PR, { state: 'open', head: 'c'.repeat(40) });
    github.permissions = { pullRequests: 'read', deployments: 'none' };
    const result = await step('opened', 'c'.repeat(40));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Resource not accessible by integration');
    expect(result.stdout).toContain('input github-token');
    expect(result.stdout).toContain('permissions: pull-requests: write');
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
  });

  it('warns, and still deploys, when the token may not create deployments', async () => {
    github.pulls.set(PR, { state: 'open', head: 'd'.repeat(40) });
    github.permissions = { pullRequests: 'write', deployments: 'none' };
    const result = await step('opened', 'd'.repeat(40), { expose: 'none' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::warning::.*deployments: write/);
    expect(ourComments()[0]!.body).toContain('Preview running');
    expect(ourComments()[0]!.body).toContain(`port-forward pod/`);
    expect(ourComments()[0]!.body).toContain(`${hello.port}:${hello.port}`);
    expect(result.outputs.url).toBe('');
  });

  it('the post step of a killed run releases its lease and marks the comment cancelled', async () => {
    github.pulls.set(PR, { state: 'open', head: 'e'.repeat(40) });
    const opened = await step('opened', 'e'.repeat(40), { expose: 'none' });
    expect(opened.code).toBe(0);
    // What the state file would hold had the runner killed the main step while it held the lease.
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: `kube-pod-preview-${opened.outputs.id}`, namespace: NAMESPACE },
      spec: { holderIdentity: 'killed run', leaseDurationSeconds: 30 },
    };
    api.fixtures.create('Lease', lease, NAMESPACE);
    const comment = ourComments()[0]!;
    const post = await step(
      'opened',
      'e'.repeat(40),
      {},
      {
        'kpp-started': 'true',
        'kpp-lease': JSON.stringify({
          namespace: NAMESPACE,
          name: lease.metadata.name,
          identity: 'killed run',
          kubeconfig: { kind: 'content' },
        }),
        'kpp-report': JSON.stringify({
          repository: REPO,
          comment: { id: comment.id, cancelledBody: 'cancelled!' },
        }),
      },
    );
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`Released the lease ${lease.metadata.name}`);
    expect(ourComments()[0]!.body).toBe('cancelled!');
    expect(api.fixtures.get('Lease', lease.metadata.name, NAMESPACE)).toBeUndefined();
  });

  it('a cancelled run says so in one line; the post step of a killed run marks its deployment', async () => {
    github.pulls.set(PR, { state: 'open', head: 'f'.repeat(40) });
    api.behaviour.mode = 'never-ready';
    const cancelled = await cancelledStep('opened', 'f'.repeat(40), /Wait for/);
    expect(cancelled.code).toBe(1);
    const errors = cancelled.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toEqual(['::error::Cancelled: the run was stopped by SIGTERM.']);
    expect(cancelled.stdout).not.toContain('AbortError');
    expect(cancelled.stdout).not.toMatch(/^\s+at /m);
    expect(ourComments()[0]!.body).toContain('Preview deploy cancelled');
    expect(github.deploymentStates('preview/pr-7')).toEqual(['error']);

    // A run killed outright never reaches its report: its post step finds the deployment in the
    // step state (saved there once the deployment existed) and marks it, with the comment.
    const deployment = JSON.parse(cancelled.state['kpp-report']!) as { deploymentId: number };
    expect(deployment.deploymentId).toBe(github.deployments[0]!.id);
    github.deployments[0]!.statuses.push({ ...github.deployments[0]!.statuses[0]!, state: 'in_progress' });
    const post = await step(
      'opened',
      'f'.repeat(40),
      {},
      {
        'kpp-started': 'true',
        'kpp-report': cancelled.state['kpp-report']!,
      },
    );
    expect(post.code).toBe(0);
    expect(github.deploymentStates('preview/pr-7')).toEqual(['error']);
    expect(post.stdout).toContain(`Marked deployment ${deployment.deploymentId} as errored (cancelled).`);
    await step('closed', 'f'.repeat(40));
  });

  it('the compose project gets the variables compose-env lists, never the action’s inputs, tokens or credentials', async () => {
    github.pulls.set(PR, { state: 'open', head: '9'.repeat(40) });
    writeFileSync(
      path.join(hello.dir, 'compose.override.yaml'),
      [
        'services:',
        '  web:',
        '    environment:',
        '      SEEN_KUBECONFIG: ${INPUT_KUBECONFIG:-withheld}',
        '      SEEN_GITHUB_TOKEN: ${GITHUB_TOKEN:-withheld}',
        '      SEEN_RUNTIME_TOKEN: ${ACTIONS_RUNTIME_TOKEN:-withheld}',
        '      SEEN_FLAG: ${PREVIEW_FEATURE_FLAG:-missing}',
        '      SEEN_UNLISTED: ${UNLISTED_FLAG:-missing}',
        '      SEEN_KUBE_TOKEN: ${KUBE_TOKEN:-withheld}',
        '',
      ].join('\n'),
    );
    const result = await step(
      'opened',
      '9'.repeat(40),
      { expose: 'none', 'compose-env': 'PREVIEW_FEATURE_FLAG\nKUBE_TOKEN' },
      {},
      {
        GITHUB_TOKEN: github.token,
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-of-the-runner',
        PREVIEW_FEATURE_FLAG: 'on',
        UNLISTED_FLAG: 'on', // the step's env, not listed in compose-env
        KUBE_TOKEN: api.token, // the kubeconfig's bearer token under another name, listed
      },
    );
    expect(result.code, result.stdout).toBe(0);
    const id = execFileSync('docker', ['compose', '-p', hello.name, 'ps', '-q', 'web'], {
      cwd: hello.dir,
      encoding: 'utf8',
    }).trim();
    const env = JSON.parse(
      execFileSync('docker', ['inspect', '--format', '{{json .Config.Env}}', id], { encoding: 'utf8' }),
    ) as string[];
    expect(env).toEqual(
      expect.arrayContaining([
        'SEEN_KUBECONFIG=withheld',
        'SEEN_GITHUB_TOKEN=withheld',
        'SEEN_RUNTIME_TOKEN=withheld',
        'SEEN_FLAG=on',
        'SEEN_UNLISTED=missing',
        'SEEN_KUBE_TOKEN=withheld',
      ]),
    );
    expect(result.stdout).toContain('KUBE_TOKEN (its value holds a credential the action uses)');
    await step('closed', '9'.repeat(40));
  });

  it('refuses to deploy a fork’s code on events that carry this repository’s secrets', async () => {
    // Refused before compose reads anything of the fork's: even a compose file that does not parse.
    writeFileSync(path.join(hello.dir, 'compose.override.yaml'), 'services: [not, a, map\n');
    const events: [string, unknown][] = [
      [
        'pull_request_target',
        {
          action: 'opened',
          number: PR,
          pull_request: {
            number: PR,
            head: { sha: '8'.repeat(40), repo: { full_name: 'mallory/web' } },
            base: { repo: { full_name: REPO } },
          },
        },
      ],
      [
        'pull_request_target',
        {
          action: 'synchronize',
          number: PR,
          pull_request: {
            number: PR,
            head: { sha: '8'.repeat(40), repo: null },
            base: { repo: { full_name: REPO } },
          },
        },
      ],
      [
        'workflow_run',
        { workflow_run: { head_repository: { full_name: 'mallory/web' }, repository: { full_name: REPO } } },
      ],
    ];
    for (const [eventName, payload] of events) {
      const file = path.join(scratch.dir, `${eventName}.json`);
      writeFileSync(file, JSON.stringify(payload));
      const result = await step(
        'opened',
        '8'.repeat(40),
        { 'env-id': 'pr-7', command: 'up' },
        {},
        {
          GITHUB_EVENT_NAME: eventName,
          GITHUB_EVENT_PATH: file,
        },
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /::error::This (pull_request_target|workflow_run) run would deploy code from (mallory\/web|\(deleted fork\))/,
      );
      expect(result.stdout).toContain('set input allow-fork-code to true');
    }
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
  });
});
