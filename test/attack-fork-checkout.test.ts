import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHubApi } from './github/server.js';
import { memoryLogger, run, scratchDir } from './helpers.js';

/**
 * The restructured entry: a `/preview` comment is authorized, then the command is chosen and a fork's
 * checkout refused, before anything of the checkout is read. A fork's files can make the project
 * directory a git directory of its own (HEAD, objects/, refs/, config: git takes a directory that
 * looks like a bare repository as one), so running git there is reading the fork's content.
 */
const REPO = 'acme/web';
let github: FakeGitHubApi;
let scratch: ReturnType<typeof scratchDir>;

beforeEach(async () => {
  github = new FakeGitHubApi(REPO);
  await github.start();
  github.roles.set('maintainer', { role: 'write' });
  scratch = scratchDir();
});
afterEach(async () => {
  await github.stop();
  scratch[Symbol.dispose]();
});

/** A fork's project directory whose files are also a bare git repository, HEAD at a commit of its choosing. */
function forkProjectThatIsAGitDirectory(): { dir: string; forged: string } {
  const source = path.join(scratch.dir, 'source');
  mkdirSync(source);
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'm',
        GIT_AUTHOR_EMAIL: 'm@x',
        GIT_COMMITTER_NAME: 'm',
        GIT_COMMITTER_EMAIL: 'm@x',
      },
    }).trim();
  git(source, 'init', '-q');
  git(source, 'commit', '-q', '--allow-empty', '-m', 'forged');
  const dir = path.join(scratch.dir, 'checkout', 'app');
  mkdirSync(path.dirname(dir), { recursive: true });
  git(scratch.dir, 'clone', '-q', '--bare', source, dir);
  writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: busybox\n');
  return { dir, forged: git(dir, 'rev-parse', 'HEAD') };
}

/** The message a maintainer's `/preview` comment on pull request 7 (a fork's) ends the run with. */
async function commentOnFork(body: string, dir: string, extra: Record<string, string> = {}): Promise<string> {
  const posted = github.addComment(7, body, 'maintainer');
  const attempt = run(
    { 'github-token': github.token, 'working-directory': dir, 'env-id': 'pr-7', ...extra },
    {
      context: {
        eventName: 'issue_comment',
        prNumber: 7,
        repository: REPO,
        comment: { id: posted.id, body, author: 'maintainer', association: 'MEMBER' },
      },
      env: { GITHUB_API_URL: github.url },
      log: memoryLogger(),
    },
  );
  return attempt.then(
    () => 'deployed',
    (e: Error) => e.message,
  );
}

describe('a /preview comment on a fork’s pull request', () => {
  it('redeploy is refused as a fork’s code before git runs in the fork’s checkout', async () => {
    const { dir, forged } = forkProjectThatIsAGitDirectory();
    github.pulls.set(7, { state: 'open', head: 'a'.repeat(40), headRepo: 'mallory/web' });
    const error = await commentOnFork('/preview redeploy', dir);
    // The fork's own HEAD, read by `git rev-parse` in its checkout, must not be what the run says.
    expect(error).not.toContain(forged.slice(0, 12));
    expect(error).toMatch(/would deploy code from mallory\/web/);
  });

  // With allow-fork-code, a maintainer's comment vouches for what they reviewed, not for what the fork
  // pushes between the comment and the run's checkout.
  it('with allow-fork-code, deploys only the commit the comment names, and only when it is the head', async () => {
    const { dir } = forkProjectThatIsAGitDirectory();
    const reviewed = 'b'.repeat(40);
    github.pulls.set(7, { state: 'open', head: 'c'.repeat(40), headRepo: 'mallory/web' });
    const allowed = { 'allow-fork-code': 'true' };
    expect(await commentOnFork('/preview redeploy', dir, allowed)).toContain(
      'with allow-fork-code a deploy of its code names the whole commit SHA a maintainer reviewed',
    );
    expect(await commentOnFork(`/preview redeploy ${reviewed.slice(0, 12)}`, dir, allowed)).toContain(
      `head is cccccccccccc, not the commit ${reviewed.slice(0, 12)} this comment names: it moved on since. Review the new head, then comment /preview redeploy ${'c'.repeat(40)}.`,
    );
    // Without allow-fork-code, a fork's deploy is refused as such, whatever commit the comment names.
    expect(await commentOnFork(`/preview redeploy ${reviewed}`, dir)).toMatch(
      /would deploy code from mallory\/web/,
    );
  });

  it('with allow-fork-code, the checkout is read from its own .git, never from files the fork committed', async () => {
    const { dir, forged } = forkProjectThatIsAGitDirectory();
    // The fork's files pose as a git directory whose HEAD is the head the API reports.
    github.pulls.set(7, { state: 'open', head: forged, headRepo: 'mallory/web' });
    const error = await commentOnFork(`/preview redeploy ${forged}`, dir, { 'allow-fork-code': 'true' });
    expect(error).toContain(`but ${dir} holds no git checkout`);
  });
});

/**
 * The fork pin: 7 hex digits are 28 bits, and the fork's author writes both the reviewed commit and the
 * one they push after the comment, so a birthday search finds a pair sharing the prefix in ~2^14
 * commits each (2^24 for the 12 digits the bot's message suggests). GitHub shows 7-digit short SHAs.
 */
describe('a fork’s pin is a short prefix the fork can collide', () => {
  const ENV = {
    GIT_AUTHOR_NAME: 'm',
    GIT_AUTHOR_EMAIL: 'm@x',
    GIT_COMMITTER_NAME: 'm',
    GIT_COMMITTER_EMAIL: 'm@x',
  };
  const git = (cwd: string, args: string[], input?: string) =>
    execFileSync('git', args, { cwd, encoding: 'utf8', input, env: { ...process.env, ...ENV } }).trim();

  /** Two commits, one benign and one not, whose SHAs share their first `digits` hex digits. */
  function collidingCommits(dir: string, digits: number): { reviewed: string; pushed: string } {
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: busybox\n');
    git(dir, ['add', '-A']);
    const benignTree = git(dir, ['write-tree']);
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  web:\n    image: mallory/miner\n');
    git(dir, ['add', '-A']);
    const evilTree = git(dir, ['write-tree']);
    const body = (tree: string, msg: string) =>
      `tree ${tree}\nauthor m <m@x> 1700000000 +0000\ncommitter m <m@x> 1700000000 +0000\n\n${msg}\n`;
    const sha = (text: string) =>
      createHash('sha1')
        .update(`commit ${Buffer.byteLength(text)}\0${text}`)
        .digest('hex');
    const seen = new Map<string, string>();
    for (let i = 0; i < 1 << 16; i++) {
      const text = body(benignTree, `Fix typo ${i}`);
      seen.set(sha(text).slice(0, digits), text);
    }
    for (let i = 0; ; i++) {
      const text = body(evilTree, `Fix typo again ${i}`);
      const benign = seen.get(sha(text).slice(0, digits));
      if (!benign) continue;
      const write = (t: string) => git(dir, ['hash-object', '-t', 'commit', '-w', '--stdin'], t);
      return { reviewed: write(benign), pushed: write(text) };
    }
  }

  it('refuses a fork’s head that only shares the 7 digits the maintainer reviewed', async () => {
    const dir = path.join(scratch.dir, 'checkout');
    mkdirSync(dir);
    git(dir, ['init', '-q']);
    const { reviewed, pushed } = collidingCommits(dir, 7);
    expect(pushed).not.toBe(reviewed);
    expect(pushed.slice(0, 7)).toBe(reviewed.slice(0, 7));
    // The workflow checked out the fork's head after the push: the malicious commit.
    git(dir, ['reset', '-q', '--hard', pushed]);
    github.pulls.set(7, { state: 'open', head: pushed, headRepo: 'mallory/web' });
    const message = await commentOnFork(`/preview redeploy ${reviewed.slice(0, 7)}`, dir, {
      'allow-fork-code': 'true',
    });
    // Before, the run got past the fork gate and failed only for want of a cluster: the pushed commit would deploy.
    expect(message).toContain('names the whole commit SHA a maintainer reviewed');
  }, 60_000);
});
