import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
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
 * The commit the workflow checked out in `dir` (`git rev-parse HEAD`), or undefined when `dir` is not
 * in a git checkout. A comment command deploys what is on disk, so this is what was reviewed, not the
 * head the API reports at run time.
 */
export async function checkoutHead(dir: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--verify', 'HEAD'], {
      cwd: dir,
      signal,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1' },
    });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}
