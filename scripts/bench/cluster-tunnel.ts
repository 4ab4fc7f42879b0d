/**
 * The tunnel on a real cluster (the kind workflow runs it): 256 MiB into a preview pod's dockerd through
 * our port-forward and through `kubectl port-forward`, in turns, with each one's CPU time per 100 MB.
 * Prints figures, asserts nothing:
 *   npm run bench:cluster -- <namespace> <pod> [runs]     (the kubeconfig kubectl uses)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { waitForDocker } from '../../src/kube/connection.js';
import { PortForwardTunnel } from '../../src/kube/port-forward.js';
import { consoleLogger, type Logger } from '../../src/util/log.js';
import { SIZE, processCpuMs, pushContext, writeBuildContext } from './build-context.js';
import { repeat, show } from './figures.js';

const quiet: Logger = { ...consoleLogger(), info: () => {}, group: (_t, fn) => fn() };
const DOCKER_PORT = 2375;

/** `kubectl port-forward` to the pod's Docker port on a free local port, once it says it listens. */
async function kubectlPortForward(
  namespace: string,
  pod: string,
): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn('kubectl', ['-n', namespace, 'port-forward', `pod/${pod}`, `:${DOCKER_PORT}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  // Not destroyed on return: kubectl writes a line per connection, and a closed stdout ends it (SIGPIPE).
  for await (const chunk of child.stdout!.iterator({ destroyOnReturn: false })) {
    out += String(chunk);
    const port = /Forwarding from 127\.0\.0\.1:(\d+)/.exec(out)?.[1];
    if (port) {
      child.stdout!.resume();
      return { port: Number(port), child };
    }
  }
  throw new Error(`kubectl port-forward ended before it listened: ${out.trim() || 'no output'}`);
}

async function main(): Promise<void> {
  const [namespace, pod, runsArg] = process.argv.slice(2);
  if (!namespace || !pod) throw new Error('usage: cluster-tunnel <namespace> <pod> [runs]');
  const runs = Math.max(1, Number(runsArg ?? 3));
  const kc = new KubeConfig();
  kc.loadFromDefault();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'kube-pod-preview-bench-'));
  const context = path.join(scratch, 'context.tar');
  const ours = await PortForwardTunnel.open(kc, { namespace, pod, port: DOCKER_PORT }, quiet);
  // The double speaks neither of kubectl's protocols (SPDY, or SPDY tunnelled in a WebSocket): ours alone.
  const kubectl = await kubectlPortForward(namespace, pod).catch((error: Error) => {
    console.log(`    kubectl port-forward: not measured: ${error.message}`);
    return undefined;
  });
  try {
    await waitForDocker(ours.port, 30_000, new AbortController().signal);
    await writeBuildContext(context);
    const at = (port: number) => (p: string) => [`http://127.0.0.1:${port}${p}`];
    await pushContext(context, at(ours.port)); // warm-up: the pod's page cache and builder
    if (kubectl) await pushContext(context, at(kubectl.port));
    const results = await repeat(runs, async () => {
      const before = process.cpuUsage();
      const oursRate = await pushContext(context, at(ours.port));
      const used = process.cpuUsage(before);
      const oursMs = (used.user + used.system) / 1000;
      if (!kubectl) return { oursRate, oursMs, kubectlRate: NaN, kubectlMs: NaN };
      const kubectlBefore = processCpuMs(kubectl.child.pid!);
      const kubectlRate = await pushContext(context, at(kubectl.port));
      const kubectlMs = (processCpuMs(kubectl.child.pid!) ?? NaN) - (kubectlBefore ?? NaN);
      return { oursRate, oursMs, kubectlRate, kubectlMs };
    });
    const per100MB = (ms: number) => ms / (SIZE / 1e8);
    // A figure is printed when every run has it: kubectl's only where kubectl could forward.
    const print = (label: string, values: number[], unit: string, digits: number) => {
      if (values.every(Number.isFinite)) console.log(show(label, values, unit, digits));
    };
    console.log(`256 MiB build context into pod ${pod}'s dockerd (curl), ${os.cpus().length} cores here`);
    print(
      'ours (WebSocket, v4.channel.k8s.io)',
      results.map((r) => r.oursRate),
      'MB/s',
      1,
    );
    print(
      'kubectl port-forward',
      results.map((r) => r.kubectlRate),
      'MB/s',
      1,
    );
    print(
      'ratio ours/kubectl (each run)',
      results.map((r) => r.oursRate / r.kubectlRate),
      '',
      2,
    );
    print(
      'ours: CPU time per 100 MB',
      results.map((r) => per100MB(r.oursMs)),
      'ms',
      0,
    );
    print(
      'kubectl: CPU time per 100 MB',
      results.map((r) => per100MB(r.kubectlMs)),
      'ms',
      0,
    );
  } finally {
    kubectl?.child.kill();
    await ours.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
