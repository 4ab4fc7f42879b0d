import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitForDocker } from '../../src/kube/connection.js';
import { PortForwardTunnel } from '../../src/kube/port-forward.js';
import { NAMESPACE, ROOT, quiet, startDoubleProcess } from './double.js';
import { repeat, secondsSince, show } from './figures.js';

const PROJECT = 'hello-bench-compose';

/** examples/hello, ready to build, in a scratch directory. */
function helloCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kube-pod-preview-bench-'));
  cpSync(path.join(ROOT, 'examples/hello'), dir, { recursive: true });
  execFileSync('sh', [path.join(dir, 'prepare.sh')]);
  writeFileSync(path.join(dir, '.env'), `COMPOSE_PROJECT_NAME=${PROJECT}\nHELLO_PORT=18090\n`);
  return dir;
}

function compose(dir: string, dockerHost: string | undefined, ...args: string[]): Promise<unknown> {
  const env = { ...process.env, ...(dockerHost ? { DOCKER_HOST: dockerHost } : {}) };
  if (!dockerHost) delete env.DOCKER_HOST;
  return promisify(execFile)('docker', ['compose', ...args], { cwd: dir, env });
}

/** One fresh and one unchanged `up`, with the upgrades they cost (the pool's refill included). */
async function upTwice(dir: string, dockerHost: string | undefined, tunnel?: PortForwardTunnel, pool = 0) {
  await compose(dir, undefined, 'down', '--timeout', '0'); // fresh: no containers, no network
  const measure = async () => {
    const before = tunnel ? { ...tunnel.stats } : undefined;
    const started = performance.now();
    await compose(dir, dockerHost, 'up', '-d', '--build');
    const seconds = secondsSince(started);
    if (!tunnel || !before) return { seconds, upgrades: 0, connections: 0, fromPool: 0 };
    // The channels taken are replaced right after: those upgrades are this `up`'s too.
    for (let i = 0; i < 200 && tunnel.pooledChannels < pool; i++) await new Promise((r) => setTimeout(r, 10));
    return {
      seconds,
      upgrades: tunnel.stats.upgrades - before.upgrades,
      connections: tunnel.stats.connections - before.connections,
      fromPool: tunnel.stats.fromPool - before.fromPool,
    };
  };
  return { fresh: await measure(), unchanged: await measure() };
}

/**
 * `docker compose up -d --build` of examples/hello, fresh (after `down`, images cached) and unchanged,
 * directly on the engine and through the tunnel with and without channels opened ahead of demand.
 */
export async function composeUp(runs: number): Promise<void> {
  const double = await startDoubleProcess();
  const dir = helloCopy();
  const open = (size: number) =>
    PortForwardTunnel.open(double.kc, { namespace: NAMESPACE, pod: 'docker-0', port: 2375 }, quiet, { size });
  try {
    await compose(dir, undefined, 'build'); // the image once, outside the figures
    const direct = await repeat(runs, () => upTwice(dir, undefined));
    const viaTunnel = async (size: number) => {
      const tunnel = await open(size);
      try {
        await waitForDocker(tunnel.port, 10_000, new AbortController().signal);
        return await repeat(runs, () => upTwice(dir, tunnel.url, tunnel, size));
      } finally {
        await tunnel.close();
      }
    };
    const pooled = await viaTunnel(4);
    const unpooled = await viaTunnel(0);
    console.log('(2) docker compose up -d --build of examples/hello (the double in a process of its own)');
    for (const kind of ['fresh', 'unchanged'] as const) {
      const row = (label: string, results: typeof direct) =>
        show(
          `${kind}: ${label}`,
          results.map((r) => r[kind].seconds),
          's',
        );
      console.log(row('direct', direct));
      console.log(row('tunnel, 4 channels ahead (now)', pooled));
      console.log(row('tunnel, an upgrade per connection (before)', unpooled));
      const ratio = (results: typeof direct) =>
        results.map((r, i) => r[kind].seconds / direct[i]![kind].seconds);
      console.log(show(`${kind}: ratio tunnel/direct, now`, ratio(pooled)));
      console.log(show(`${kind}: ratio tunnel/direct, before`, ratio(unpooled)));
    }
    for (const kind of ['fresh', 'unchanged'] as const) {
      type Up = (typeof direct)[0]['fresh'];
      const figure = (label: string, results: typeof direct, of: (r: Up) => number) =>
        console.log(
          show(
            `${kind}: ${label}`,
            results.map((r) => of(r[kind])),
            '',
            0,
          ),
        );
      figure('connections per up', pooled, (r) => r.connections);
      figure('WebSocket upgrades per up, now', pooled, (r) => r.upgrades);
      figure('WebSocket upgrades per up, before', unpooled, (r) => r.upgrades);
      // An upgrade a connection waits for, instead of one made ahead of it.
      figure('upgrades waited for, now', pooled, (r) => r.connections - r.fromPool);
      figure('upgrades waited for, before', unpooled, (r) => r.connections - r.fromPool);
    }
  } finally {
    await compose(dir, undefined, 'down', '--timeout', '0', '--rmi', 'local').catch(() => {});
    double.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
