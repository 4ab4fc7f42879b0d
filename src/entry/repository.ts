import { execFileSync } from 'node:child_process';
import { UserError } from '../util/errors.js';

const OWNER_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * The repository the CLI's environment belongs to, as `owner/name`: flag --repository, else
 * GITHUB_REPOSITORY, else the `origin` remote of the git checkout around `cwd`. The action derives its
 * ids from GITHUB_REPOSITORY, so a CLI run in the same checkout addresses the same environment.
 */
export function repositoryOf(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): string | undefined {
  if (flag !== undefined) {
    if (!OWNER_NAME.test(flag)) throw new UserError(`--repository must be owner/name, got "${flag}".`);
    return flag;
  }
  return env.GITHUB_REPOSITORY || originRepository(cwd);
}

/** `owner/name` of the origin remote's URL (https, ssh or scp-like), or undefined without one. */
function originRepository(cwd: string): string | undefined {
  let url: string;
  try {
    url = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined; // not a git checkout, no origin, or no git
  }
  const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return match ? `${match[1]}/${match[2]}` : undefined;
}
