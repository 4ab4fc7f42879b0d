import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeModel } from './compose-model.js';
import { confinementRoots, confinePath, placeOf, realPath, type Roots } from './confine.js';
import { UserError } from '../util/errors.js';

/**
 * What the file sync sends, found before anything is created: the files the compose project
 * bind-mounts, confined to the project, scanned and hashed into a manifest, and the difference
 * between two manifests.
 */

/** Sockets of the pod's own Docker server: a bind mount of one keeps pointing there. */
export const DOCKER_SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);

/** A local path that the compose project mounts, and who mounts it under which key (for messages). */
export interface FileSource {
  source: string;
  usedBy: string;
  key: string;
}

export interface ManifestEntry {
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  hash?: string;
  target?: string;
}

/** Every entry under the synced sources, by local absolute path. */
export type Manifest = Record<string, ManifestEntry>;

/** Bind-mount sources of services, and files of file-based secrets and configs (compose bind-mounts those too). */
export function fileSources(model: ComposeModel): FileSource[] {
  const sources: FileSource[] = [];
  for (const [name, service] of Object.entries(model.services)) {
    for (const volume of service.volumes ?? []) {
      if (volume.type === 'bind' && volume.source && !DOCKER_SOCKETS.has(volume.source)) {
        sources.push({ source: volume.source, usedBy: `Service ${name}`, key: 'volumes source' });
      }
    }
  }
  for (const section of ['secrets', 'configs'] as const) {
    for (const [name, entry] of Object.entries(model[section] ?? {})) {
      if (entry.file)
        sources.push({
          source: entry.file,
          usedBy: `${section === 'secrets' ? 'Secret' : 'Config'} ${name}`,
          key: 'file',
        });
    }
  }
  return sources;
}

/**
 * The sources, each checked to lie (after resolving symlinks) inside `roots`: the project's directory
 * and input allow-paths, never in the project's .git. A compose file comes from the pull request: it
 * must not copy the runner's files (~/.ssh, ~/.docker/config.json, /etc) into a pod its code runs in.
 */
async function confine(sources: FileSource[], roots: Roots): Promise<FileSource[]> {
  for (const { source, usedBy, key } of sources) await confinePath(source, roots, `${usedBy}'s ${key}`);
  return sources;
}

/**
 * Walks the sources without following symlinks, hashing file contents. A `.git` below a source is
 * left out (and listed in `skipped`) unless `roots` allow it: the checkout keeps its token there.
 */
export async function scanSources(
  sources: FileSource[],
  roots?: Roots,
  skipped: string[] = [],
): Promise<Manifest> {
  const manifest: Manifest = {};
  const visit = async (file: string): Promise<void> => {
    if (roots && path.basename(file) === '.git' && placeOf(await realPath(file), roots) === 'git')
      return void skipped.push(file);
    const stat = await lstat(file);
    const mode = stat.mode & 0o7777;
    if (stat.isSymbolicLink()) manifest[file] = { type: 'symlink', mode, target: await readlink(file) };
    else if (stat.isFile()) manifest[file] = { type: 'file', mode, hash: await hashFile(file) };
    else if (stat.isDirectory()) {
      manifest[file] = { type: 'directory', mode };
      const children = (await readdir(file, { encoding: 'buffer' })).map((name) => fileName(file, name));
      for (const child of children.sort()) await visit(path.join(file, child));
    }
    // Sockets, FIFOs and devices cannot be copied; Docker would not bind them usefully either.
  };
  for (const { source, usedBy } of sources) {
    try {
      await lstat(source);
    } catch {
      throw new UserError(
        `${usedBy} bind-mounts ${source}, which does not exist on the runner. Create it, or fix the path in the compose file.`,
      );
    }
    if (!manifest[source]) await visit(source);
  }
  return manifest;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A directory entry's name; tar headers, the pod's paths and our manifests all need it as UTF-8. */
function fileName(dir: string, name: Buffer): string {
  try {
    return UTF8.decode(name);
  } catch {
    throw new UserError(explainNotUtf8(dir, name));
  }
}

function explainNotUtf8(dir: string, name: Buffer): string {
  return `A file in ${dir} has a name that is not UTF-8 (${JSON.stringify(name.toString('latin1'))}), which cannot be copied into the pod. Rename it, or keep it out of the bind-mounted directories.`;
}

/** What to send (new or changed) and what to remove (gone, or changed type) to make remote equal local. */
export function diffManifests(remote: Manifest, local: Manifest): { send: string[]; remove: string[] } {
  const send: string[] = [];
  const remove: string[] = [];
  for (const [file, entry] of Object.entries(local)) {
    const before = remote[file];
    if (!before) send.push(file);
    else if (before.type !== entry.type) {
      remove.push(file);
      send.push(file);
    } else if (before.mode !== entry.mode || before.hash !== entry.hash || before.target !== entry.target)
      send.push(file);
  }
  for (const file of Object.keys(remote)) if (!local[file]) remove.push(file);
  const underRemoved = (file: string) => remove.some((r) => r !== file && file.startsWith(`${r}/`));
  return { send: send.sort(), remove: remove.filter((r) => !underRemoved(r)).sort() };
}

/** The project's files to sync, as scanned before anything is created: what the pod will get. */
export interface ProjectFiles {
  local: Manifest;
  /** `.git` directories left out. */
  skipped: string[];
}

/**
 * Confines and scans the files the project bind-mounts, before the pod exists: a file that cannot be
 * sent (outside the project, a name that is not UTF-8) fails the run while nothing has changed.
 */
export async function scanProject(model: ComposeModel, roots: string[]): Promise<ProjectFiles> {
  const confinement = await confinementRoots(roots[0]!, roots.slice(1));
  const skipped: string[] = [];
  const local = await scanSources(await confine(fileSources(model), confinement), confinement, skipped);
  return { local, skipped };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
