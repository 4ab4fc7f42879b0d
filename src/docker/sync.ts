import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdtemp, readdir, readlink, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import type { ComposeModel } from './compose-model.js';
import { confinementRoots, confinePath, placeOf, realPath, type Roots } from './confine.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';

/** Where bind-mounted files land in the docker-host pod (the default template keeps it on the volume). */
export const REMOTE_ROOT = '/var/lib/kube-pod-preview';
const MANIFEST = '.kube-pod-preview-manifest.json';
/** Sockets of the pod's own Docker server: a bind mount of one keeps pointing there. */
const DOCKER_SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);

export function remoteProjectDir(project: string): string {
  return `${REMOTE_ROOT}/projects/${project}`;
}

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

/**
 * Runs a command in the docker-host container, optionally streaming stdin to it: what sync needs of the
 * pod, which the Kubernetes adapter's connection provides.
 */
export type PodExec = (
  command: string[],
  stdin?: Readable,
) => Promise<{ exitCode: number; stdout: Buffer; stderr: Buffer }>;

export interface SyncResult {
  /** The compose model with every bind source pointing at its copy in the pod. */
  model: ComposeModel;
  sent: string[];
  removed: string[];
  unchanged: number;
  bytes: number;
}

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
export async function confine(sources: FileSource[], roots: Roots): Promise<FileSource[]> {
  for (const { source, usedBy, key } of sources) await confinePath(source, roots, `${usedBy}'s ${key}`);
  return sources;
}

/** The model handed to `docker compose`: bind sources (and secret/config files) point into the pod. */
export function rewriteModel(model: ComposeModel, remoteDir: string): ComposeModel {
  const rewritten = structuredClone(model);
  const remote = (source: string) => `${remoteDir}${source}`;
  for (const service of Object.values(rewritten.services)) {
    for (const volume of service.volumes ?? []) {
      if (volume.type === 'bind' && volume.source && !DOCKER_SOCKETS.has(volume.source))
        volume.source = remote(volume.source);
    }
  }
  for (const section of ['secrets', 'configs'] as const) {
    for (const entry of Object.values(rewritten[section] ?? {}))
      if (entry.file) entry.file = remote(entry.file);
  }
  return rewritten;
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

function explainCopyFailed(exitCode: number, stderr: Buffer): string {
  return `Copying files into the pod failed (exit code ${exitCode}): ${stderr.toString('utf8').trim()}. The docker-host container needs sh, head and tar.`;
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

/**
 * Copies the project's bind-mounted files into the pod: reads the manifest the last sync left there,
 * sends only what changed (of what `scanProject` found) as one tar archive on the stdin of `tar -x`,
 * removes what is gone, and stores the new manifest with the files.
 */
export async function syncFiles(
  exec: PodExec,
  model: ComposeModel,
  { local, skipped }: ProjectFiles,
  log: Logger,
): Promise<SyncResult> {
  const remoteDir = remoteProjectDir(model.name);
  for (const git of skipped)
    log.info(
      `  not sent: ${git} (the checkout's token lives there; list it in input allow-paths to send it)`,
    );
  const previous = await exec(['cat', `${remoteDir}/${MANIFEST}`]);
  let remote: Manifest = {};
  if (previous.exitCode === 0) {
    try {
      remote = JSON.parse(previous.stdout.toString('utf8')) as Manifest;
    } catch {
      log.warning('The manifest of synced files in the pod is unreadable; sending every file again.');
    }
  }
  const { send, remove } = diffManifests(remote, local);
  const staging = await mkdtemp(path.join(os.tmpdir(), 'kube-pod-preview-sync-'));
  try {
    const archivePath = path.join(staging, 'files.tar');
    const bytes = await writeArchive(archivePath, send, local);
    const { size } = await stat(archivePath);
    // One shell creates the directory, removes what is gone and extracts. `head -c` hands tar exactly
    // the archive and then end-of-file, so it finishes even where the API server cannot close stdin
    // (exec protocols before v5) and the container's tar reads to end-of-file (BusyBox).
    const script =
      'set -e; mkdir -p "$1"; cd "$1"; size=$2; shift 2; if [ "$#" -gt 0 ]; then rm -rf -- "$@"; fi; head -c "$size" | tar -xf -';
    const result = await exec(
      ['sh', '-c', script, 'sh', remoteDir, String(size), ...remove.map((f) => `.${f}`)],
      createReadStream(archivePath),
    );
    if (result.exitCode !== 0) {
      throw new UserError(explainCopyFailed(result.exitCode, result.stderr));
    }
    // Files only, on both sides: a directory is neither sent nor unchanged as far as a reader counts.
    const isFile = (f: string) => local[f]!.type !== 'directory';
    const files = send.filter(isFile);
    const unchanged = Object.keys(local).filter(isFile).length - files.length;
    log.info(
      `  ${files.length} ${files.length === 1 ? 'file' : 'files'} sent (${formatBytes(bytes)}), ${remove.length} removed, ${unchanged} unchanged`,
    );
    return { model: rewriteModel(model, remoteDir), sent: files, removed: remove, unchanged, bytes };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Writes the entries to send, then the new manifest, as a tar archive; returns the bytes of file content. */
async function writeArchive(file: string, send: string[], local: Manifest): Promise<number> {
  const archive = pack();
  let bytes = 0;
  const writing = (async () => {
    for (const entry of send) bytes += await addEntry(archive, entry, local[entry]!);
    archive.entry({ name: MANIFEST, mode: 0o644 }, Buffer.from(JSON.stringify(local)));
    archive.finalize();
  })();
  await Promise.all([writing, pipeline(Readable.from(archive), createWriteStream(file))]);
  return bytes;
}
async function addEntry(
  archive: ReturnType<typeof pack>,
  file: string,
  entry: ManifestEntry,
): Promise<number> {
  const name = file.replace(/^\/+/, '');
  if (entry.type === 'directory') {
    archive.entry({ name, type: 'directory', mode: entry.mode });
    return 0;
  }
  if (entry.type === 'symlink') {
    archive.entry({ name, type: 'symlink', linkname: entry.target!, mode: entry.mode });
    return 0;
  }
  const { size } = await lstat(file);
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) =>
      reject(
        new UserError(
          `${file} changed while it was being copied into the pod (${error.message}); run again once nothing writes to it.`,
        ),
      );
    const sink = archive.entry({ name, type: 'file', mode: entry.mode, size }, (error) =>
      error ? fail(error) : resolve(),
    );
    sink.on('error', fail);
    if (size === 0) return void sink.end(Buffer.alloc(0));
    // Exactly the size the header announces: a file that grows meanwhile sends its first `size` bytes.
    const source = createReadStream(file, { end: size - 1 });
    source.on('error', fail);
    source.pipe(sink);
  });
  return size;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
