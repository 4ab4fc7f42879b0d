import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const CHECKER = path.resolve('scripts/check-commits.mjs');
let repo: string | undefined;

/** A repository with a first commit, then one commit per message; returns the first commit. */
function history(messages: { message: string; file?: string }[]): string {
  repo = mkdtempSync(path.join(os.tmpdir(), 'kpp-commits-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: repo,
      encoding: 'utf8',
    }).trim();
  git('init', '-q');
  const commit = (message: string, file: string) => {
    mkdirSync(path.dirname(path.join(repo!, file)), { recursive: true });
    writeFileSync(path.join(repo!, file), message);
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  commit('Start', 'README.md');
  const base = git('rev-parse', 'HEAD');
  messages.forEach(({ message, file = 'a.txt' }) => commit(message, file));
  return base;
}

async function check(base: string): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CHECKER, base], { cwd: repo });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

afterEach(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
  repo = undefined;
});

describe('commit message check', () => {
  it('passes an imperative subject with a why, and a rebuild of dist/ alone without one', async () => {
    const base = history([
      { message: 'Keep the lease while up settles\n\nA run that let go early raced the next.' },
      { message: 'Rebuild dist', file: 'dist/index.js' },
    ]);
    const result = await check(base);
    expect(result.code).toBe(0);
    expect(result.out).toContain('2 commit(s) since');
  });

  it('names each commit to reword and what is wrong with it', async () => {
    const base = history([
      { message: `Keep ${'a very long subject '.repeat(4)}\n\nWhy.` },
      { message: 'Added a check\n\nWhy.' },
      { message: 'Fix the wait' },
      { message: 'wip' },
    ]);
    const result = await check(base);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/subject is 8\d characters \(at most 72\)/);
    expect(result.err).toContain('subject starts "Added": say it in the imperative');
    expect(result.err).toMatch(/Fix the wait\n {2}no body saying why/);
    expect(result.err).toContain('subject marks unfinished work');
    expect(result.out).toContain('4 commit(s) since');
    expect(result.out).toContain('4 to reword');
  });

  it('skips, saying so, when the base is not in the clone', async () => {
    history([]);
    const result = await check('1'.repeat(40));
    expect(result.code).toBe(0);
    expect(result.out).toContain('skipped');
  });
});
