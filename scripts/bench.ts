/**
 * npm run bench: prints figures, asserts nothing.
 *  (a) throughput of 256 MiB pushed into the Docker engine as a build context, through the port-forward
 *      tunnel (via the API-server double's WebSocket) and directly on the engine's socket, and the ratio;
 *  (b) the time of each `up` phase for examples/hello against the double.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { pack } from 'tar-stream';
import { waitForDocker } from '../src/kube/connection.js';
import { mapInputs } from '../src/model/inputs.js';
import { PortForwardTunnel } from '../src/kube/port-forward.js';
import { runCommand } from '../src/run/dispatch.js';
import { consoleLogger, type Logger } from '../src/util/log.js';
import { NO_EVENT } from '../test/helpers.js';
import { FakeKubeApiServer } from '../test/k8s/server.js';
import { PodStreams } from '../test/k8s/streams.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SIZE = 256 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 0x5a);
const quiet: Logger = { ...consoleLogger(), info: () => {}, group: (_t, fn) => fn() };

/** A build context: a Dockerfile and one file of SIZE bytes, written once to a file. */
async function writeBuildContext(file: string): Promise<void> {
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
async function pushContext(context: string, target: (path: string) => string[]): Promise<number> {
  const url = '/build?t=kube-pod-preview-bench&rm=1&forcerm=1';
  const started = performance.now();
  // Asynchronously: the tunnel runs on this process's event loop.
  await promisify(execFile)('curl', [
    '-sS',
    '-f',
    '-o',
    '/dev/null',
    '-X',
    'POST',
    '-H',
    'Content-Type: application/x-tar',
    '-T',
    context,
    ...target(url),
  ]);
  return SIZE / 1e6 / ((performance.now() - started) / 1000);
}

async function startDouble(): Promise<FakeKubeApiServer> {
  const api = new FakeKubeApiServer();
  new PodStreams(api);
  api.createNamespace('previews');
  await api.start();
  return api;
}

/**
 * The double runs in a process of its own, as an API server runs on a machine of its own: the tunnel's
 * work is measured, not the double's TLS and framing on the same thread.
 */
async function startDoubleProcess(): Promise<{ kubeconfig: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'lib/test/k8s/main.js'), '--pod'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  for await (const chunk of child.stdout) {
    out += String(chunk);
    if (out.includes('\n---\n')) break;
  }
  return { kubeconfig: out.split('\n---\n')[0]!, stop: () => child.stdin.end() };
}

async function throughput(): Promise<void> {
  const double = await startDoubleProcess();
  const kc = new KubeConfig();
  kc.loadFromString(double.kubeconfig);
  const tunnel = await PortForwardTunnel.open(
    kc,
    { namespace: 'previews', pod: 'docker-0', port: 2375 },
    quiet,
  );
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'kube-pod-preview-bench-'));
  const context = path.join(scratch, 'context.tar');
  try {
    await waitForDocker(tunnel.port, 10_000, new AbortController().signal);
    await writeBuildContext(context);
    const direct = (p: string) => ['--unix-socket', '/var/run/docker.sock', `http://docker${p}`];
    const tunnelled = (p: string) => [`http://127.0.0.1:${tunnel.port}${p}`];
    await pushContext(context, direct); // warm-up: page cache, builder
    await pushContext(context, tunnelled);
    const runs: { direct: number; tunnel: number }[] = [];
    let cpu = 0;
    for (let i = 0; i < 3; i++) {
      const directRun = await pushContext(context, direct);
      const before = process.cpuUsage();
      const tunnelRun = await pushContext(context, tunnelled);
      const used = process.cpuUsage(before);
      cpu += (used.user + used.system) / 1000;
      runs.push({ direct: directRun, tunnel: tunnelRun });
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    const directRate = median(runs.map((r) => r.direct));
    const tunnelRate = median(runs.map((r) => r.tunnel));
    console.log(`(a) 256 MiB build context into dockerd`);
    console.log(`    direct (unix socket): ${directRate.toFixed(1)} MB/s (median of 3)`);
    console.log(`    through the tunnel:   ${tunnelRate.toFixed(1)} MB/s (median of 3)`);
    console.log(`    ratio tunnel/direct:  ${(tunnelRate / directRate).toFixed(2)}`);
    // The machine's cores are shared by curl, this process, the double and dockerd; the tunnel's own
    // cost is its CPU time per byte.
    console.log(
      `    tunnel CPU time:      ${(cpu / 3 / (SIZE / 1e6 / 100)).toFixed(0)} ms per 100 MB (${os.cpus().length} cores here)`,
    );
  } finally {
    await tunnel.close();
    double.stop();
    rmSync(scratch, { recursive: true, force: true });
    execFileSync('docker', ['image', 'rm', '-f', 'kube-pod-preview-bench'], { stdio: 'ignore' });
  }
}

async function phases(): Promise<void> {
  const api = await startDouble();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kube-pod-preview-bench-'));
  cpSync(path.join(ROOT, 'examples/hello'), dir, { recursive: true });
  execFileSync('sh', [path.join(dir, 'prepare.sh')]);
  writeFileSync(path.join(dir, '.env'), 'COMPOSE_PROJECT_NAME=hello-bench\nHELLO_PORT=18080\n');
  const inputs = {
    'env-id': 'bench',
    namespace: 'previews',
    kubeconfig: api.kubeconfig(),
    'working-directory': dir,
  };
  const run = (command: string) =>
    runCommand({
      input: mapInputs({ ...inputs, command }),
      context: { ...NO_EVENT, repository: 'bench/hello' },
      log: quiet,
      signal: new AbortController().signal,
      cwd: dir,
    });
  try {
    const first = await run('up');
    writeFileSync(path.join(dir, 'site/index.html'), '<p>changed</p>\n');
    const second = await run('up');
    console.log('(b) up of examples/hello against the API-server double (ms)');
    const names = Object.keys(first.timings);
    console.log(`    ${'phase'.padEnd(16)} ${'first up'.padStart(9)} ${'redeploy'.padStart(9)}`);
    for (const name of names) {
      console.log(
        `    ${name.padEnd(16)} ${String(first.timings[name]).padStart(9)} ${String(second.timings[name]).padStart(9)}`,
      );
    }
    const total = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
    console.log(
      `    ${'total'.padEnd(16)} ${String(total(first.timings)).padStart(9)} ${String(total(second.timings)).padStart(9)}`,
    );
  } finally {
    await run('down').catch(() => {});
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync('/var/lib/kube-pod-preview/projects/hello-bench', { recursive: true, force: true });
  }
}

await throughput();
await phases();
