import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../util/errors.js';

/** Input working-directory must be a directory: compose would otherwise fail as if docker were missing. */
export function requireWorkingDirectory(dir: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    // Missing or unreadable: said below.
  }
  if (!isDirectory) throw new UserError(explainNotADirectory(dir));
}

function explainNotADirectory(dir: string): string {
  return `Input working-directory is ${dir}, which is not a directory here. Point it at the project's directory in the checkout (relative to the workspace), or check out the repository first (actions/checkout).`;
}

/**
 * The commit the workflow checked out around `dir` (`git rev-parse HEAD`), or undefined when `dir` is not
 * in a git checkout. A comment command deploys what is on disk, so this is what was reviewed, not the
 * head the API reports at run time. Git is pointed at the checkout's own `.git`, found by walking up:
 * left to find one itself, git takes a directory whose files look like a bare repository (files a pull
 * request can commit) for one, and would read its config. A `.git` is never a committed path.
 */
export async function checkoutHead(dir: string, signal: AbortSignal): Promise<string | undefined> {
  const gitDir = enclosingGitDir(dir);
  if (!gitDir) return undefined;
  try {
    const { stdout } = await promisify(execFile)(
      'git',
      ['--git-dir', gitDir, 'rev-parse', '--verify', 'HEAD'],
      {
        cwd: dir,
        signal,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1' },
      },
    );
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The `.git` directory of the checkout `dir` is in (a `.git` file's `gitdir:` for a worktree). */
function enclosingGitDir(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const candidate = path.join(at, '.git');
    try {
      if (statSync(candidate).isDirectory()) return candidate;
      const link = /^gitdir: (.+)$/m.exec(readFileSync(candidate, 'utf8'))?.[1];
      if (link) return path.resolve(at, link.trim());
    } catch {
      // No .git here: look further up.
    }
    if (path.dirname(at) === at) return undefined;
  }
}
