import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForDocker } from '../../src/kube/connection.js';
import { PortForwardTunnel } from '../../src/kube/port-forward.js';
import { SIZE, processCpuMs, pushContext, writeBuildContext } from './build-context.js';
import { NAMESPACE, ROOT, quiet, startDoubleProcess } from './double.js';
import { repeat, show } from './figures.js';

/** A bare relay (relay.ts) in a process of its own, in front of `target`. */
async function startRelay(target: string): Promise<{ port: number; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'lib/scripts/bench/relay.js'), target], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  for await (const chunk of child.stdout) {
    out += String(chunk);
    if (out.includes('\n')) break;
  }
  return { port: Number(out.trim()), pid: child.pid!, stop: () => child.stdin.end() };
}

/**
 * 256 MiB into dockerd as a build context, through the tunnel and directly; the tunnel's CPU per byte.
 * Two bare relays in the tunnel's place (no TLS, no WebSocket) show what any path through two processes
 * carries on this machine, where they share its cores with curl and dockerd.
 */
export async function throughput(runs: number): Promise<void> {
  const double = await startDoubleProcess();
  const tunnel = await PortForwardTunnel.open(
    double.kc,
    { namespace: NAMESPACE, pod: 'docker-0', port: 2375 },
    quiet,
  );
  const engineRelay = await startRelay('/var/run/docker.sock');
  const frontRelay = await startRelay(String(engineRelay.port));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'kube-pod-preview-bench-'));
  const context = path.join(scratch, 'context.tar');
  try {
    await waitForDocker(tunnel.port, 10_000, new AbortController().signal);
    await writeBuildContext(context);
    const direct = (p: string) => ['--unix-socket', '/var/run/docker.sock', `http://docker${p}`];
    const tunnelled = (p: string) => [`http://127.0.0.1:${tunnel.port}${p}`];
    const relayed = (p: string) => [`http://127.0.0.1:${frontRelay.port}${p}`];
    await pushContext(context, direct); // warm-up: page cache, builder
    await pushContext(context, tunnelled);
    await pushContext(context, relayed);
    const results = await repeat(runs, async () => {
      const directRate = await pushContext(context, direct);
      const before = process.cpuUsage();
      const doubleBefore = processCpuMs(double.pid);
      const tunnelRate = await pushContext(context, tunnelled);
      const used = process.cpuUsage(before);
      const doubleMs = (processCpuMs(double.pid) ?? NaN) - (doubleBefore ?? NaN);
      const relayBefore = processCpuMs(frontRelay.pid);
      const relayRate = await pushContext(context, relayed);
      const relayMs = (processCpuMs(frontRelay.pid) ?? NaN) - (relayBefore ?? NaN);
      return {
        directRate,
        tunnelRate,
        cpuMs: (used.user + used.system) / 1000,
        doubleMs,
        relayRate,
        relayMs,
      };
    });
    console.log('(1) 256 MiB build context into dockerd (curl; the double in a process of its own)');
    console.log(
      show(
        'direct (unix socket)',
        results.map((r) => r.directRate),
        'MB/s',
        1,
      ),
    );
    console.log(
      show(
        'through the tunnel',
        results.map((r) => r.tunnelRate),
        'MB/s',
        1,
      ),
    );
    console.log(
      show(
        'ratio tunnel/direct (each run)',
        results.map((r) => r.tunnelRate / r.directRate),
      ),
    );
    // The machine's cores are shared by curl, this process, the double and dockerd: the tunnel's own cost
    // is its CPU time per byte.
    console.log(
      show(
        `tunnel CPU time per 100 MB (${os.cpus().length} cores here)`,
        results.map((r) => r.cpuMs / (SIZE / 1e8)),
        'ms',
        0,
      ),
    );
    // The WebSocket's other end shares the cores: costing more than the tunnel, it bounds the ratio.
    const doubleMs = results.map((r) => r.doubleMs / (SIZE / 1e8));
    if (doubleMs.every(Number.isFinite))
      console.log(show('the double: CPU time per 100 MB', doubleMs, 'ms', 0));
    console.log(
      show(
        'ratio two bare relays/direct (each run)',
        results.map((r) => r.relayRate / r.directRate),
      ),
    );
    const relayMs = results.map((r) => r.relayMs / (SIZE / 1e8));
    if (relayMs.every(Number.isFinite))
      console.log(show('one bare relay: CPU time per 100 MB', relayMs, 'ms', 0));
  } finally {
    await tunnel.close();
    double.stop();
    frontRelay.stop();
    engineRelay.stop();
    rmSync(scratch, { recursive: true, force: true });
    execFileSync('docker', ['image', 'rm', '-f', 'kube-pod-preview-bench'], { stdio: 'ignore' });
  }
}
