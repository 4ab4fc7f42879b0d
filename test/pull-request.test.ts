import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readRunContext, type RunContext } from '../src/github/event.js';
import type { InputName } from '../src/model/inputs.js';
import { decideAuto, parseCommandPermission, parsePreviewCommand } from '../src/model/trigger.js';
import { FakeGitHubApi } from './github/server.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import {
  NAMESPACE,
  commitAll,
  doubleInputs,
  memoryLogger,
  run,
  scratchDir,
  type HelloProject,
} from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/**
 * Which pull requests get a preview (drafts, label), /preview commands in comments, sleeping previews and
 * what the comment says of them: the API-server double, the GitHub double and the real local engine.
 */
let api: FakeKubeApiServer;
let github: FakeGitHubApi;
let hello: HelloProject;
/** The commit the checkout holds: comment commands deploy only the pull request's head when it is this. */
let SHA: string;

useDoubleWithHello({ double: 'per-test', hello: 'per-file' }, (made) => ({ api, hello } = made));
beforeAll(() => {
  SHA = commitAll(hello.dir);
});
beforeEach(async () => {
  github = new FakeGitHubApi('acme/web');
  await github.start();
  github.pulls.set(7, { state: 'open', head: SHA });
  github.roles.set('maintainer', { role: 'write' });
});
afterEach(() => github.stop());

function inputs(extra: Partial<Record<InputName, string>> = {}): Partial<Record<InputName, string>> {
  return doubleInputs(api, hello.dir, { 'env-id': 'pr-7', 'github-token': github.token, ...extra });
}

const PR: Partial<RunContext> = {
  eventName: 'pull_request',
  prNumber: 7,
  prUrl: 'https://github.com/acme/web/pull/7',
  repository: 'acme/web',
};

function event(action: string, extra: Partial<RunContext> = {}) {
  return { context: { ...PR, headSha: SHA, action, ...extra }, env: { GITHUB_API_URL: github.url } };
}

const comment = () => github.comments.get(7)?.find((c) => c.body.startsWith('<!-- kube-pod-preview'))?.body;
const hosts = () =>
  api.fixtures
    .objectsMatching('app.kubernetes.io/component=docker-host')
    .filter((o) => o.startsWith('StatefulSet/'));

describe('which pull requests get a preview', () => {
  it('decides per event: drafts, the label, and actions that change nothing', () => {
    const base = { draft: false, labels: [] as string[], changedLabel: undefined };
    const deploy = { drafts: 'deploy' as const, label: undefined };
    expect(decideAuto({ ...base, action: 'synchronize' }, deploy)).toEqual({ command: 'up' });
    expect(decideAuto({ ...base, action: 'closed' }, deploy)).toEqual({ command: 'down' });
    expect(decideAuto({ ...base, action: 'edited' }, deploy).command).toBe('skip');
    const drafts = { drafts: 'skip' as const, label: undefined };
    expect(decideAuto({ ...base, action: 'opened', draft: true }, drafts)).toMatchObject({
      command: 'skip',
      why: expect.stringContaining('input drafts is skip'),
    });
    expect(decideAuto({ ...base, action: 'ready_for_review' }, drafts)).toEqual({ command: 'up' });
    const labelled = { drafts: 'deploy' as const, label: 'preview' };
    expect(decideAuto({ ...base, action: 'opened' }, labelled).command).toBe('skip');
    expect(
      decideAuto({ ...base, action: 'labeled', labels: ['preview'], changedLabel: 'preview' }, labelled),
    ).toEqual({ command: 'up' });
    // Another label changes nothing; removing ours tears down; a push to a labelled PR deploys.
    expect(
      decideAuto({ ...base, action: 'labeled', labels: ['preview', 'x'], changedLabel: 'x' }, labelled)
        .command,
    ).toBe('skip');
    expect(decideAuto({ ...base, action: 'unlabeled', changedLabel: 'preview' }, labelled)).toEqual({
      command: 'down',
    });
    expect(decideAuto({ ...base, action: 'synchronize', labels: ['preview'] }, labelled)).toEqual({
      command: 'up',
    });
  });

  it('skips a draft with a notice, deploys it on ready_for_review', async () => {
    const log = memoryLogger();
    const skipped = await run(inputs({ drafts: 'skip' }), { ...event('opened', { draft: true }), log });
    expect(skipped.command).toBe('skipped');
    expect(log.lines).toContain(
      'notice: The pull request is a draft (input drafts is skip); marking it ready for review deploys a preview.',
    );
    expect(hosts()).toEqual([]);
    const ready = await run(inputs({ drafts: 'skip', expose: 'none' }), event('ready_for_review'));
    expect(ready.command).toBe('up');
    await run(inputs(), event('closed'));
  });

  it('deploys on the label being added and tears down when it is removed', async () => {
    const skipped = await run(inputs({ label: 'preview' }), event('opened'));
    expect(skipped.command).toBe('skipped');
    const up = await run(
      inputs({ label: 'preview', expose: 'none' }),
      event('labeled', { labels: ['preview'], changedLabel: 'preview' }),
    );
    expect(up.command).toBe('up');
    expect(hosts()).toHaveLength(1);
    const down = await run(inputs({ label: 'preview' }), event('unlabeled', { changedLabel: 'preview' }));
    expect(down.command).toBe('down');
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
  });
});

describe('the event', () => {
  function read(eventName: string, payload: unknown): RunContext {
    using scratch = scratchDir();
    const file = path.join(scratch.dir, 'event.json');
    writeFileSync(file, JSON.stringify(payload));
    return readRunContext({
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: file,
      GITHUB_REPOSITORY: 'acme/web',
      GITHUB_SHA: 'd'.repeat(40),
    });
  }

  it('reads drafts, labels and the changed label of a pull_request event', () => {
    const context = read('pull_request', {
      action: 'labeled',
      label: { name: 'preview' },
      pull_request: {
        number: 7,
        draft: true,
        labels: [{ name: 'preview' }, { name: 'ui' }],
        head: { sha: SHA },
      },
    });
    expect(context).toMatchObject({
      action: 'labeled',
      draft: true,
      labels: ['preview', 'ui'],
      changedLabel: 'preview',
    });
  });

  it('reads a new comment on a pull request, without taking the default branch’s SHA for its head', () => {
    const payload = (action: string, issue: object) => ({
      action,
      issue,
      comment: {
        id: 5,
        body: '/preview redeploy',
        user: { login: 'maintainer' },
        author_association: 'MEMBER',
      },
    });
    const pr = { number: 7, pull_request: { html_url: 'https://github.com/acme/web/pull/7' } };
    const context = read('issue_comment', payload('created', pr));
    expect(context).toMatchObject({
      prNumber: 7,
      prUrl: 'https://github.com/acme/web/pull/7',
      headSha: undefined,
      comment: { id: 5, body: '/preview redeploy', author: 'maintainer', association: 'MEMBER' },
    });
    expect(read('issue_comment', payload('edited', pr)).comment).toBeUndefined();
    expect(read('issue_comment', payload('created', { number: 8 })).comment).toBeUndefined();
  });
});

describe('/preview commands in comments', () => {
  function commentEvent(body: string, association = 'MEMBER', author = 'maintainer') {
    const posted = github.addComment(7, body, author);
    return {
      context: {
        eventName: 'issue_comment',
        action: undefined,
        prNumber: 7,
        prUrl: 'https://github.com/acme/web/pull/7',
        headSha: undefined,
        repository: 'acme/web',
        comment: { id: posted.id, body, author, association },
      },
      env: { GITHUB_API_URL: github.url },
      id: posted.id,
    };
  }

  it('parses the four commands and refuses malformed ones', () => {
    expect(parsePreviewCommand('/preview redeploy')).toEqual({ name: 'redeploy' });
    expect(parsePreviewCommand('  /preview down\nthanks')).toEqual({ name: 'down' });
    expect(parsePreviewCommand('/preview extend 1d12h')).toMatchObject({
      name: 'extend',
      byMs: 36 * 3600_000,
    });
    expect(parsePreviewCommand('/preview wake')).toEqual({ name: 'wake' });
    expect(parsePreviewCommand('/preview redeploy 3F2a9c1')).toEqual({ name: 'redeploy', pin: '3f2a9c1' });
    expect(() => parsePreviewCommand('/preview wake HEAD')).toThrow('takes the commit to deploy');
    expect(() => parsePreviewCommand('/preview down 3f2a9c1')).toThrow(
      'That is not a /preview command I know.',
    );
    expect(parsePreviewCommand('looks good /preview redeploy')).toBeUndefined();
    expect(parsePreviewCommand('/previewer')).toBeUndefined();
    expect(() => parsePreviewCommand('/preview extend')).toThrow(/needs a duration/);
    expect(() => parsePreviewCommand('/preview extend forever')).toThrow(/needs a duration such as/);
    expect(() => parsePreviewCommand('/preview rm -rf')).toThrow('That is not a /preview command I know.');
    expect(parseCommandPermission('admin, Maintain')).toEqual(['admin', 'maintain']);
    expect(parseCommandPermission('none')).toEqual([]);
    expect(() => parseCommandPermission('admins')).toThrow(/"admins" is not a repository role/);
    // Associations do not say who may push: the old vocabulary is refused with the fix.
    expect(() => parseCommandPermission('OWNER, MEMBER')).toThrow(
      /takes repository roles .* not author associations such as "OWNER"/,
    );
  });

  it('redeploys the pull request head for a writer, reacting 👀 then 🚀', async () => {
    const { id, ...options } = commentEvent('/preview redeploy');
    const outcome = await run(inputs({ expose: 'none' }), options);
    expect(outcome.command).toBe('up');
    expect(github.reactions.get(id)).toEqual(['eyes', 'rocket']);
    // The head SHA came from the pull request, not the event: it is on the workload and in the comment.
    const host = api.fixtures.get('StatefulSet', outcome.ids.id, NAMESPACE)!;
    expect((host.metadata as any).annotations['kube-pod-preview/sha']).toBe(SHA);
    expect(comment()).toContain('Preview running');
    const down = commentEvent('/preview down');
    expect((await run(inputs(), down)).command).toBe('down');
    expect(github.reactions.get(down.id)).toEqual(['eyes', 'rocket']);
    expect(hosts()).toEqual([]);
  });

  it('tells anyone else they may not, and does nothing', async () => {
    const { id, ...options } = commentEvent('/preview redeploy', 'CONTRIBUTOR', 'drive-by');
    const outcome = await run(inputs(), options);
    expect(outcome.command).toBe('skipped');
    expect(github.reactions.get(id)).toEqual(['confused']);
    const reply = github.comments.get(7)!.at(-1)!.body;
    expect(reply).toBe(
      '@drive-by only people with the admin, maintain, write role may run `/preview` commands here (input command-permission); your role in this repository is read.',
    );
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    // command-permission widens it.
    const widened = commentEvent('/preview redeploy', 'CONTRIBUTOR', 'drive-by');
    expect(
      (await run(inputs({ expose: 'none', 'command-permission': 'admin, read' }), widened)).command,
    ).toBe('up');
    await run(inputs(), event('closed'));
  });

  it('refuses to deploy a fork’s head on a comment (it would run with this repository’s secrets)', async () => {
    github.pulls.set(7, { state: 'open', head: SHA, headRepo: 'stranger/web' });
    const { id, ...options } = commentEvent('/preview redeploy', 'OWNER');
    github.roles.set('maintainer', { role: 'admin' });
    await expect(run(inputs(), options)).rejects.toThrow(/would deploy code from stranger\/web/);
    expect(github.reactions.get(id)).toEqual(['eyes', 'confused']);
    expect(hosts()).toEqual([]);
  });

  it('extends the expiry and rewrites the comment’s expiry line; a comment that is no command is ignored', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    await run(inputs({ expose: 'none', ttl: '24h', 'command-permission': 'write' }), {
      ...event('opened'),
      now: () => now,
    });
    expect(comment()).toContain(
      '⏳ Expires 2026-11-24 10:00 UTC (input ttl); `/preview extend <duration>` pushes it back.',
    );
    expect(comment()).toContain(
      'Commands (comment on this pull request): `/preview redeploy` · `/preview down`',
    );
    const { id, ...options } = commentEvent('/preview extend 2d');
    const outcome = await run(inputs({ ttl: '24h', 'command-permission': 'write' }), {
      ...options,
      now: () => now,
    });
    expect(outcome.command).toBe('extend');
    expect(github.reactions.get(id)).toEqual(['eyes', 'rocket']);
    expect(comment()).toContain('⏳ Expires 2026-11-26 10:00 UTC (input ttl)');
    const host = api.fixtures.get('StatefulSet', outcome.ids.id, NAMESPACE)!;
    expect((host.metadata as any).annotations['kube-pod-preview/expires-at']).toBe(
      '2026-11-26T10:00:00.000Z',
    );
    // A comment on an issue (or an edited one) carries no command: the event reader leaves it out.
    const onIssue = await run(inputs(), {
      context: { eventName: 'issue_comment', repository: 'acme/web', prNumber: undefined },
      env: { GITHUB_API_URL: github.url },
    });
    expect(onIssue.command).toBe('skipped');
    const chatter = commentEvent('LGTM, thanks!');
    expect((await run(inputs(), chatter)).command).toBe('skipped');
    expect(github.reactions.get(chatter.id)).toBeUndefined();
    await run(inputs(), event('closed'));
  });
});

describe('sleep when idle', () => {
  it('cleanup scales an idle preview to zero keeping its volume, the comment says so, and a push wakes it', async () => {
    const deployedAt = new Date('2026-11-23T08:00:00Z');
    const extra = { domain: 'preview.example.com', 'sleep-after': '4h', 'url-timeout': '1s' };
    // The ingress host does not resolve here: the URL does not answer, so the deploy fails after exposing.
    await run(inputs(extra), { ...event('opened'), now: () => deployedAt }).catch(() => undefined);
    expect(api.fixtures.objectsMatching('app.kubernetes.io/component=preview-exposure')).not.toEqual([]);
    const id = hosts()[0]!.split('/')[1]!;
    const cleanup = (hours: number) =>
      run(inputs({ ...extra, command: 'cleanup' }), {
        ...event('opened'),
        now: () => new Date(deployedAt.getTime() + hours * 3600_000),
      });
    expect((await cleanup(3)).cleaned).toMatchObject([{ envId: 'pr-7', action: 'kept' }]);
    const log = memoryLogger();
    const asleep = await run(inputs({ ...extra, command: 'cleanup' }), {
      ...event('opened'),
      now: () => new Date(deployedAt.getTime() + 5 * 3600_000),
      log,
    });
    expect(asleep.cleaned).toMatchObject([{ envId: 'pr-7', reason: 'idle', action: 'asleep' }]);
    expect(log.lines).toContainEqual(
      expect.stringMatching(
        /^group: Put pr-7 \(.*\) to sleep: not deployed for 5h \(input sleep-after 4h\); StatefulSet\/\S+ scaled to 0 replicas and its exposure removed, its volume kept$/,
      ),
    );
    const host = api.fixtures.get('StatefulSet', id, NAMESPACE)! as any;
    expect(host.spec.replicas).toBe(0);
    expect(host.metadata.annotations['kube-pod-preview/sleeping-since']).toBeDefined();
    await waitFor(() =>
      api.fixtures.objectsMatching(`kube-pod-preview/id=${id}`).every((o) => !o.startsWith('Pod/')),
    );
    // The volume stays; the exposure goes.
    expect(
      api.fixtures
        .objectsMatching(`kube-pod-preview/id=${id}`)
        .filter((o) => o.startsWith('PersistentVolumeClaim/')),
    ).toHaveLength(1);
    expect(api.fixtures.objectsMatching('app.kubernetes.io/component=preview-exposure')).toEqual([]);
    expect(comment()).toContain('💤 Preview asleep');
    expect(comment()).toContain('💤 asleep');
    expect(comment()).toContain('No deploy for 4h (input sleep-after)');
    // Asleep, it stays asleep; the next push wakes it.
    expect((await cleanup(6)).cleaned).toMatchObject([
      {
        action: 'kept',
        why: expect.stringMatching(
          /^asleep since 2026-11-23T13:00:00.000Z; no expiry recorded; pull request #7 open$/,
        ),
      },
    ]);
    const woken = await run(inputs({ expose: 'none', 'sleep-after': '4h' }), event('synchronize'));
    expect(woken.command).toBe('up');
    const awake = api.fixtures.get('StatefulSet', id, NAMESPACE)! as any;
    expect(awake.spec.replicas).toBe(1);
    expect(awake.metadata.annotations['kube-pod-preview/sleeping-since']).toBeUndefined();
    expect(comment()).toContain('💤 Sleeps after 4h without a deploy (input sleep-after)');
    await run(inputs(), event('closed'));
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
