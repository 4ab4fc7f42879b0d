import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { FakeKubeApiServer } from '../../test/k8s/server.js';
import { PodStreams } from '../../test/k8s/streams.js';
import { consoleLogger, type Logger } from '../../src/util/log.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const NAMESPACE = 'previews';
/** Warnings and errors only: the figures are the output. */
export const quiet: Logger = { ...consoleLogger(), info: () => {}, group: (_t, fn) => fn() };

/**
 * The double in a process of its own, as an API server runs on a machine of its own: what is measured is
 * the tunnel's work, not the double's TLS and framing on the same thread. It has a running pod docker-0.
 */
export async function startDoubleProcess(): Promise<{ kc: KubeConfig; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'lib/test/k8s/main.js'), '--pod'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  for await (const chunk of child.stdout) {
    out += String(chunk);
    if (out.includes('\n---\n')) break;
  }
  const kc = new KubeConfig();
  kc.loadFromString(out.split('\n---\n')[0]!);
  return { kc, pid: child.pid!, stop: () => child.stdin.end() };
}

/** The double in this process, for what needs its internals (requests, fixtures, streams). */
export async function startDouble(): Promise<{ api: FakeKubeApiServer; streams: PodStreams }> {
  const api = new FakeKubeApiServer();
  const streams = new PodStreams(api);
  api.fixtures.addNamespace(NAMESPACE);
  await api.start();
  return { api, streams };
}
