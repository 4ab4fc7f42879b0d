import { execFileSync } from 'node:child_process';
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

describe('a /preview comment on a fork’s pull request', () => {
  it('redeploy is refused as a fork’s code before git runs in the fork’s checkout', async () => {
    const { dir, forged } = forkProjectThatIsAGitDirectory();
    github.pulls.set(7, { state: 'open', head: 'a'.repeat(40), headRepo: 'mallory/web' });
    const posted = github.addComment(7, '/preview redeploy', 'maintainer');
    const attempt = run(
      { 'github-token': github.token, 'working-directory': dir, 'env-id': 'pr-7' },
      {
        context: {
          eventName: 'issue_comment',
          prNumber: 7,
          repository: REPO,
          comment: { id: posted.id, body: '/preview redeploy', author: 'maintainer', association: 'MEMBER' },
        },
        env: { GITHUB_API_URL: github.url },
        log: memoryLogger(),
      },
    );
    const error = await attempt.then(
      () => undefined,
      (e: Error) => e.message,
    );
    // The fork's own HEAD, read by `git rev-parse` in its checkout, must not be what the run says.
    expect(error).not.toContain(forged.slice(0, 12));
    expect(error).toMatch(/would deploy code from mallory\/web/);
  });
});
