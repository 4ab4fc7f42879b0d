import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import type { ComposeModel } from './compose-model.js';
import {
  DOCKER_SOCKETS,
  diffManifests,
  type Manifest,
  type ManifestEntry,
  type ProjectFiles,
} from './sync-scan.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';

/** Where bind-mounted files land in the docker-host pod (the default template keeps it on the volume). */
export const REMOTE_ROOT = '/var/lib/kube-pod-preview';
const MANIFEST = '.kube-pod-preview-manifest.json';

export function remoteProjectDir(project: string): string {
  return `${REMOTE_ROOT}/projects/${project}`;
}

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

function explainCopyFailed(exitCode: number, stderr: Buffer): string {
  return `Copying files into the pod failed (exit code ${exitCode}): ${stderr.toString('utf8').trim()}. The docker-host container needs sh, head and tar.`;
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

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
