import { realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../util/errors.js';
import {
  explainAllowedHome,
  explainAllowedRoot,
  explainInsideGit,
  explainOutsideProject,
} from './confine-messages.js';

/**
 * Where the compose project may read files on the runner: the project's directory (working-directory)
 * and the directories of input allow-paths, each as given (for messages) and with symlinks resolved.
 */
export interface Roots {
  project: string;
  /** Real paths: the project's first, then allow-paths'. */
  real: string[];
}

/**
 * The roots of a run. An allow-paths entry that would turn confinement off — `/`, the runner's home or
 * one of its parents, where ~/.docker/config.json and ~/.ssh live — is refused.
 */
export async function confinementRoots(
  workingDirectory: string,
  allowPaths: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Roots> {
  const homes = new Set<string>();
  for (const home of [env.HOME, os.homedir()])
    if (home && path.isAbsolute(home)) homes.add(await realPath(home));
  const real = [await realPath(workingDirectory)];
  for (const entry of allowPaths) {
    const resolved = await realPath(entry);
    const shown = resolved === entry ? entry : `${entry} (${resolved})`;
    if (resolved === path.parse(resolved).root) throw new UserError(explainAllowedRoot(shown));
    if ([...homes].some((home) => home === resolved || within(home, resolved)))
      throw new UserError(explainAllowedHome(shown));
    real.push(resolved);
  }
  return { project: workingDirectory, real };
}

/** Whether `file` lies strictly below `dir`. */
function within(file: string, dir: string): boolean {
  return file.startsWith(dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`);
}

/**
 * The path with every symlink resolved. Of a path that does not exist, the part that exists is resolved
 * and the rest appended: a missing file below a symlink to the runner's home still lands there.
 */
export async function realPath(file: string): Promise<string> {
  const absolute = path.resolve(file);
  let existing = absolute;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

export type Place = 'inside' | 'outside' | 'git';

/**
 * Where a real path lies: inside a root, outside all of them, or inside a root but within a `.git`
 * directory (where actions/checkout keeps the repository's token), which counts as outside unless an
 * allow-paths entry is that directory or lies in it.
 */
export function placeOf(real: string, roots: Roots): Place {
  let place: Place = 'outside';
  for (const root of roots.real) {
    if (real !== root && !within(real, root)) continue;
    if (!path.relative(root, real).split(path.sep).includes('.git')) return 'inside';
    place = 'git';
  }
  return place;
}

/**
 * Checks that `file` (symlinks followed) lies inside the roots, and returns its real path. `what` names
 * who uses it and under which key ("Service web's build.context"), for the message.
 */
export async function confinePath(file: string, roots: Roots, what: string): Promise<string> {
  const real = await realPath(file);
  const place = placeOf(real, roots);
  if (place === 'inside') return real;
  const shown = real === path.resolve(file) ? file : `${file} (a symlink to ${real})`;
  if (place === 'git') throw new UserError(explainInsideGit(what, shown));
  throw new UserError(explainOutsideProject(what, shown, roots.project));
}

/** A short name of a compose file for messages: relative to the project when it lies there. */
export function shortName(file: string, roots: Roots): string {
  const relative = path.relative(roots.project, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
