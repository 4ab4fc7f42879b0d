import { execFile } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { pack } from 'tar-stream';

/** What the throughput figures push into dockerd: a build context (figure 1, and on a real cluster). */
export const SIZE = 256 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 0x5a);

/** A build context: a Dockerfile and one file of SIZE bytes, written once to a file. */
export async function writeBuildContext(file: string): Promise<void> {
  const archive = pack();
  archive.entry({ name: 'Dockerfile' }, 'FROM scratch\nLABEL kube-pod-preview-bench=1\n');
  const blob = archive.entry({ name: 'blob', size: SIZE }, () => archive.finalize());
  const writing = pipeline(Readable.from(archive), createWriteStream(file));
  for (let sent = 0; sent < SIZE; sent += CHUNK.length) {
    if (!blob.write(CHUNK)) await new Promise<void>((resolve) => blob.once('drain', () => resolve()));
  }
  blob.end(Buffer.alloc(0));
  await writing;
}

/**
 * POSTs the build context to the engine with curl, a process of its own for both paths, and returns
 * MB/s over the whole request (the engine reads the context fully before answering).
 */
export async function pushContext(context: string, target: (path: string) => string[]): Promise<number> {
  const url = '/build?t=kube-pod-preview-bench&rm=1&forcerm=1';
  const started = performance.now();
  // Asynchronously: a tunnel may run on this process's event loop.
  await promisify(execFile)('curl', [
    ...['-sS', '-f', '-o', '/dev/null', '-X', 'POST', '-H', 'Content-Type: application/x-tar'],
    ...['-T', context, ...target(url)],
  ]);
  return SIZE / 1e6 / ((performance.now() - started) / 1000);
}

/** CPU time a process has used, in ms, from /proc (Linux); undefined elsewhere. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** Linux counts /proc CPU times in clock ticks of 1/100 s (USER_HZ). */
const CLOCK_TICKS = 100;
