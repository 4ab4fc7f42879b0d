import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import type { InputName } from '../src/model/inputs.js';
import { PortForwardTunnel } from '../src/kube/port-forward.js';
import type { PoolOptions } from '../src/kube/channel-pool.js';
import type { Logger } from '../src/util/log.js';
import { waitForDocker } from '../src/kube/connection.js';
import { remoteProjectDir } from '../src/docker/sync.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import type { PodStreams } from './k8s/streams.js';
import {
  NAMESPACE,
  ROOT,
  freePort,
  memoryLogger,
  prepareHello,
  run,
  scratchDir,
  startDouble,
  type HelloProject,
  doubleInputs,
} from './helpers.js';

/**
 * `up` and `down` of a real compose project: the API-server double stands in for the cluster, and its
 * pod's Docker server is this machine's Docker engine, reached through the port-forward tunnel.
 */
let api: FakeKubeApiServer;
let streams: PodStreams;
const cleanups: (() => void)[] = [];

beforeEach(async () => {
  ({ api, streams } = await startDouble());
});
afterEach(async () => {
  await api.stop();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function helloProject(extraCompose = ''): Promise<HelloProject> {
  const hello = await prepareHello(extraCompose);
  cleanups.push(hello.remove);
  return hello;
}

function inputs(
  dir: string,
  extra: Partial<Record<InputName, string>> = {},
): Partial<Record<InputName, string>> {
  return doubleInputs(api, dir, { timeout: '30s', ...extra });
}

async function get(port: number, attempts = 50): Promise<string> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      return await response.text();
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw last;
}

function containers(project: string): string[] {
  return execFileSync(
    'docker',
    ['ps', '-a', '-q', '--filter', `label=com.docker.compose.project=${project}`],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);
}

describe('up and down of examples/hello', () => {
  it('serves the bind-mounted file, sends only what changed on a redeploy, and stops everything on down', async () => {
    const hello = await helloProject();
    const first = await run(inputs(hello.dir, { command: 'up' }));
    expect(first.ports).toEqual([
      { service: 'web', targetPort: 8080, publishedPort: hello.port, protocol: 'tcp' },
    ]);
    expect(await get(hello.port)).toContain('hello from kube-pod-preview');
    expect(first.synced?.sent).toEqual([path.join(hello.dir, 'site/index.html')]);
    expect(Object.keys(first.timings)).toEqual([
      'compose config',
      'access',
      'preflight',
      'lock',
      'apply',
      'wait',
      'tunnel',
      'sync',
      'compose',
      'expose',
    ]);

    writeFileSync(path.join(hello.dir, 'site/index.html'), '<p>changed in the PR</p>\n');
    writeFileSync(path.join(hello.dir, 'site/new.txt'), 'new\n');
    const log = memoryLogger();
    const second = await run(inputs(hello.dir, { command: 'up' }), { log });
    expect(second.synced?.sent).toEqual([
      path.join(hello.dir, 'site/index.html'),
      path.join(hello.dir, 'site/new.txt'),
    ]);
    // Files are counted, not the site directory: two files, both sent, none unchanged.
    expect(second.synced?.unchanged).toBe(0);
    expect(log.lines).toContainEqual(
      expect.stringMatching(/^ {2}2 files sent \(.+\), 0 removed, 0 unchanged$/),
    );
    expect(log.lines).toContain('group: Expose 1 published port (none)');
    expect(await get(hello.port)).toContain('changed in the PR');

    rmSync(path.join(hello.dir, 'site/new.txt'));
    const third = await run(inputs(hello.dir, { command: 'up' }));
    expect(third.synced?.sent).toEqual([]);
    expect(third.synced?.removed).toEqual([path.join(hello.dir, 'site/new.txt')]);

    expect(containers(hello.name)).toHaveLength(1);
    await run(inputs(hello.dir, { command: 'down' }));
    expect(containers(hello.name)).toEqual([]);
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
    expect(await streams.settled()).toBe(0); // every tunnel and exec stream was closed
  });

  it('keeps symlinks, empty directories and file modes, and works with exec servers older than v5', async () => {
    const hello = await helloProject('services:\n  web:\n    volumes:\n      - ./extra:/extra\n');
    streams.options.execProtocols = ['v4.channel.k8s.io'];
    const extra = path.join(hello.dir, 'extra');
    mkdirSync(path.join(extra, 'empty'), { recursive: true });
    writeFileSync(path.join(extra, 'run.sh'), '#!/bin/sh\n');
    chmodSync(path.join(extra, 'run.sh'), 0o750);
    symlinkSync('run.sh', path.join(extra, 'link'));
    await run(inputs(hello.dir, { command: 'up' }));
    const copy = `${remoteProjectDir(hello.name)}${extra}`;
    expect(lstatSync(path.join(copy, 'empty')).isDirectory()).toBe(true);
    expect(lstatSync(path.join(copy, 'run.sh')).mode & 0o777).toBe(0o750);
    expect(readlinkSync(path.join(copy, 'link'))).toBe('run.sh');
    const inContainer = execFileSync(
      'docker',
      ['compose', '-p', hello.name, 'exec', '-T', 'web', '/bin/busybox', 'ls', '-l', '/extra'],
      {
        cwd: hello.dir,
        encoding: 'utf8',
      },
    );
    expect(inContainer).toMatch(/link -> run\.sh/);
  });

  it('names the service and path of a bind source that does not exist', async () => {
    const hello = await helloProject(
      'services:\n  web:\n    volumes:\n      - type: bind\n        source: ./missing\n        target: /missing\n',
    );
    await expect(run(inputs(hello.dir, { command: 'up' }))).rejects.toThrow(
      `Service web bind-mounts ${path.join(hello.dir, 'missing')}, which does not exist on the runner.`,
    );
  });

  it('refuses sources outside the project (runner files, ../, symlinks out), unless allow-paths lists them', async () => {
    const outside = scratchDir();
    cleanups.push(() => outside[Symbol.dispose]());
    writeFileSync(path.join(outside.dir, 'outside.txt'), 'runner file\n');
    const cases: [string, string][] = [
      ['volumes:\n      - /etc/hostname:/h:ro', "Service web's volumes source is /etc/hostname"],
      [
        `volumes:\n      - ../${path.basename(outside.dir)}/outside.txt:/o:ro`,
        `Service web's volumes source is ${outside.dir}/outside.txt`,
      ],
      ['volumes:\n      - ./escape:/e:ro', `(a symlink to ${outside.dir}/outside.txt)`],
    ];
    for (const [volumes, message] of cases) {
      const hello = await helloProject(`services:\n  web:\n    ${volumes}\n`);
      symlinkSync(path.join(outside.dir, 'outside.txt'), path.join(hello.dir, 'escape'));
      const error = await run(inputs(hello.dir, { command: 'up' })).catch((e: Error) => e);
      expect(String(error)).toContain(message);
      expect(String(error)).toContain('list a directory that contains it in input allow-paths');
    }
    const secret = await helloProject(
      `services:\n  web:\n    secrets: [token]\nsecrets:\n  token:\n    file: ${outside.dir}/outside.txt\n`,
    );
    await expect(run(inputs(secret.dir, { command: 'up' }))).rejects.toThrow(
      `Secret token's file is ${outside.dir}/outside.txt, which is outside the project directory`,
    );
    // Listed in allow-paths, the same file is copied and mounted.
    const allowed = await run(inputs(secret.dir, { command: 'up', 'allow-paths': outside.dir }));
    expect(allowed.synced?.sent).toContain(path.join(outside.dir, 'outside.txt'));
    await run(inputs(secret.dir, { command: 'down', 'allow-paths': outside.dir }));
  });

  it('fails the run with a message, not a crash, when a file’s size changes while it is copied', async () => {
    // A sysfs file announces 4096 bytes and holds fewer: what a file that shrank after its size was
    // read looks like to the archive.
    const file = ['/sys/class/net/lo/address', '/sys/kernel/mm/transparent_hugepage/enabled'].find(
      (f) => existsSync(f) && statSync(f).size > readFileSync(f).length,
    );
    expect(file, 'this machine has no sysfs file to stand for a shrinking file').toBeDefined();
    const hello = await helloProject(`services:\n  web:\n    volumes:\n      - ${file}:/shrinking:ro\n`);
    const error = await run(inputs(hello.dir, { command: 'up', 'allow-paths': '/sys' })).catch(
      (e: Error) => e,
    );
    expect(String(error)).toContain(`changed while it was being copied into the pod (Size mismatch)`);
    await run(inputs(hello.dir, { command: 'down', 'allow-paths': '/sys' }));
  });

  it('on a compose failure prints the containers and the logs of those not running', async () => {
    const hello = await helloProject(`services:
  migrate:
    build: .
    command: ["/bin/busybox", "sh", "-c", "echo migration boom; exit 3"]
  web:
    depends_on:
      migrate:
        condition: service_completed_successfully
`);
    const error = await run(inputs(hello.dir, { command: 'up' })).catch((e: Error) => e);
    const message = String(error);
    expect(message).toContain('docker compose up failed');
    expect(message).toMatch(/migrate \(.*\): exited/);
    expect(message).toContain('Last 100 log lines of migrate:');
    expect(message).toContain('migration boom');
  });

  it('down deletes the pod at once instead of stopping the services: one that ignores SIGTERM goes too, and a reopen starts clean', async () => {
    // PID 1 without a handler ignores SIGTERM: `docker stop` would wait out its whole timeout.
    const hello = await helloProject(
      [
        'services:',
        '  stubborn:',
        '    build:',
        '      context: .',
        '      dockerfile_inline: |',
        '        FROM scratch',
        '        COPY busybox /busybox',
        '        CMD ["/busybox", "sleep", "3600"]',
        '',
      ].join('\n'),
    );
    await run(inputs(hello.dir, { command: 'up' }));
    const first = containers(hello.name);
    expect(first).toHaveLength(2);
    const forwards = streams.portForwards.total;
    const log = memoryLogger();
    await run(inputs(hello.dir, { command: 'down' }), { log });
    expect(streams.portForwards.total).toBe(forwards); // the Docker server is not even reached
    expect(log.lines.join('\n')).not.toContain('docker compose down');
    const podDeletes = api.requests.filter((r) => r.method === 'DELETE' && r.path.includes('/pods/'));
    expect(podDeletes.map((r) => r.query.get('gracePeriodSeconds'))).toEqual(['1']);
    expect(containers(hello.name)).toEqual([]);
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);

    await run(inputs(hello.dir, { command: 'up' }));
    const reopened = containers(hello.name);
    expect(reopened).toHaveLength(2);
    expect(reopened.filter((id) => first.includes(id))).toEqual([]);
    await run(inputs(hello.dir, { command: 'down' }));
    expect(containers(hello.name)).toEqual([]);
  });

  it('runs from the built CLI: up, then down', async () => {
    const hello = await helloProject();
    const cli = (command: string) =>
      promisify(execFile)(
        process.execPath,
        [
          path.join(ROOT, 'dist/cli/index.js'),
          command,
          '--env-id',
          'demo',
          '--namespace',
          NAMESPACE,
          '--kubeconfig',
          api.kubeconfig(),
        ],
        {
          cwd: hello.dir,
          env: { PATH: process.env.PATH, HOME: process.env.HOME },
        },
      );
    await cli('up');
    expect(await get(hello.port)).toContain('hello from kube-pod-preview');
    await cli('down');
    expect(containers(hello.name)).toEqual([]);
    expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
  });
});

describe('cancelling the CLI', () => {
  /** Starts the built CLI against the double and sends `signal` once its stderr shows `when`. */
  async function interrupt(
    dir: string,
    when: RegExp,
    signal: NodeJS.Signals,
  ): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'dist/cli/index.js'),
        'up',
        ...['--env-id', 'demo', '--namespace', NAMESPACE, '--timeout', '60s'],
        ...['--kubeconfig', api.kubeconfig()],
      ],
      { cwd: dir, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (when.test(stderr) && child.exitCode === null && !child.killed) child.kill(signal);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    return { code, stderr };
  }

  const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

  it('SIGTERM during compose: one line saying it was cancelled, exit code 143', async () => {
    // A one-shot service the web service waits for keeps `compose up` busy for as long as it sleeps.
    const hello = await helloProject(`services:
  slow:
    build: .
    command: ["/bin/busybox", "sleep", "30"]
  web:
    depends_on:
      slow:
        condition: service_completed_successfully
`);
    const { code, stderr } = await interrupt(hello.dir, /── docker compose up[^\n]*\n[\s\S]*slow/, 'SIGTERM');
    expect(code).toBe(143);
    expect(lastLine(stderr)).toMatch(/^cancelled: the run was stopped by SIGTERM\b/);
    expect(stderr).not.toContain('AbortError');
    expect(stderr).not.toMatch(/^\s+at /m);
    await run(inputs(hello.dir, { command: 'down' }));
  });

  it('SIGINT while waiting for the pod: exit code 130', async () => {
    api.behaviour.mode = 'never-ready';
    const hello = await helloProject();
    const { code, stderr } = await interrupt(hello.dir, /── Wait for/, 'SIGINT');
    expect(code).toBe(130);
    expect(lastLine(stderr)).toMatch(/^cancelled: the run was stopped by SIGINT\b/);
    expect(stderr).not.toMatch(/^\s+at /m);
    await run(inputs(hello.dir, { command: 'down' }));
  });
});

describe('the port-forward tunnel', () => {
  it.each([
    ['on every connection', 1],
    ['on none', 0],
  ])('carries compose through a server that leaves out the port messages %s', async (_, rate) => {
    // A real v1.28 server left out the two port messages on 16 of 40 connections; a client that
    // always drops two bytes corrupts those (compose: malformed HTTP version "TP/1.1").
    streams.options.portMessagesOmitted = rate;
    const hello = await helloProject();
    const outcome = await run(inputs(hello.dir, { command: 'up' }));
    expect(outcome.ports).toHaveLength(1);
    expect(await get(hello.port)).toContain('hello from kube-pod-preview');
    const { total, withoutPortMessages } = streams.portForwards;
    expect(total).toBeGreaterThan(3);
    expect(withoutPortMessages).toBe(rate === 1 ? total : 0);
    await run(inputs(hello.dir, { command: 'down' }));
  });

  async function until(condition: () => boolean, ms = 5000): Promise<void> {
    for (const deadline = Date.now() + ms; !condition(); await new Promise((r) => setTimeout(r, 10))) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
    }
  }

  /** A running pod of the double, without going through a deploy. */
  async function runningPod(): Promise<string> {
    await api.fixtures.runningPod('docker-0', NAMESPACE);
    return 'docker-0';
  }

  /** A tunnel to `pod` (default: a running one) of the double, as KubeClient.portForward opens it. */
  async function openTunnel(
    options: { pod?: string; log?: Logger; pool?: Partial<PoolOptions>; port?: number } = {},
  ): Promise<PortForwardTunnel> {
    const kc = new KubeConfig();
    kc.loadFromString(api.kubeconfig());
    const pod = options.pod ?? (await runningPod());
    return PortForwardTunnel.open(
      kc,
      { namespace: NAMESPACE, pod, port: options.port ?? 2375 },
      options.log ?? memoryLogger(),
      options.pool,
    );
  }

  it('forwards another port of the pod to that port on its loopback, and says when nothing listens there', async () => {
    const app = http.createServer((_, res) => res.end('the app'));
    await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
    const appPort = (app.address() as net.AddressInfo).port;
    const log = memoryLogger();
    const tunnel = await openTunnel({ port: appPort, pool: { size: 0 } });
    const refused = await openTunnel({ pod: 'docker-0', port: await freePort(), pool: { size: 0 }, log });
    try {
      const answer = await fetch(`http://127.0.0.1:${tunnel.port}/`);
      expect(await answer.text()).toBe('the app');
      await expect(fetch(`http://127.0.0.1:${refused.port}/`)).rejects.toThrow();
      expect(log.warnings).toContainEqual(
        expect.stringMatching(
          /^port-forward: error forwarding port \d+ to pod .*: connect: connection refused$/,
        ),
      );
    } finally {
      await tunnel.close();
      await refused.close();
      app.close();
    }
  });

  it('fails a connection whose WebSocket is cut mid-transfer, and keeps serving new ones', async () => {
    const tunnel = await openTunnel();
    try {
      await waitForDocker(tunnel.port, 10_000, new AbortController().signal);
      const socket = net.connect(tunnel.port, '127.0.0.1');
      const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.on('error', () => {});
      await new Promise((r) => socket.once('connect', r));
      // An upload Docker keeps reading (100 MB announced), cut after the first megabyte.
      socket.write(
        'POST /images/load HTTP/1.1\r\nHost: docker\r\nContent-Type: application/x-tar\r\nContent-Length: 104857600\r\n\r\n',
      );
      socket.write(Buffer.alloc(1024 * 1024));
      await new Promise((r) => setTimeout(r, 200));
      expect(streams.open).toBe(1 + tunnel.pooledChannels); // the upload's, and those open ahead of demand
      streams.cutAll();
      await ended;
      expect(socket.destroyed).toBe(true);
      await waitForDocker(tunnel.port, 10_000, new AbortController().signal); // the tunnel still works
      for (let i = 0; i < 50 && tunnel.activeConnections > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(tunnel.activeConnections).toBe(0); // closed connections are forgotten
    } finally {
      await tunnel.close();
    }
  });

  it('says what it waits for when the Docker server takes more than two seconds to answer', async () => {
    const startedAt = Date.now();
    const server = http.createServer((_, res) => {
      res.statusCode = Date.now() - startedAt < 2500 ? 503 : 200;
      res.end(res.statusCode === 200 ? 'OK' : 'starting');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const log = memoryLogger();
    try {
      await waitForDocker((server.address() as net.AddressInfo).port, 10_000, new AbortController().signal, {
        log,
      });
    } finally {
      server.close();
    }
    expect(log.lines).toEqual([
      "  Waiting for the pod's Docker server to answer GET /_ping on port 2375 (so far: HTTP 503; at most 10.0s)",
    ]);
  });

  /** One GET /_ping through the tunnel, without retrying: what a Docker client's first request sees. */
  function pingOnce(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/_ping', agent: false }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve(body));
        })
        .on('error', reject);
    });
  }

  it('starts connections on channels opened ahead of demand, never on one that closed, and closes them all', async () => {
    const tunnel = await openTunnel({ pool: { backoffMs: 50 } });
    try {
      await until(() => tunnel.pooledChannels === 4);
      expect(streams.open).toBe(4);
      for (let i = 0; i < 3; i++) expect(await pingOnce(tunnel.port)).toBe('OK');
      expect(tunnel.stats.fromPool).toBe(3);
      await until(() => tunnel.pooledChannels === 4); // refilled behind them

      // The server closes every idle channel (an API server restart, an idle timeout in a proxy).
      streams.cutAll();
      await until(() => tunnel.pooledChannels === 0 || tunnel.stats.upgrades > 7);
      expect(await pingOnce(tunnel.port)).toBe('OK'); // on a fresh channel, not a closed one
      await until(() => tunnel.pooledChannels === 4);
    } finally {
      await tunnel.close();
    }
    expect(await streams.settled()).toBe(0);
    expect(tunnel.stats.connections).toBe(4);
  });

  it('opens no channels ahead of demand while they fail, beyond a probe with pauses', async () => {
    const tunnel = await openTunnel({ pod: 'missing-0' });
    await new Promise((r) => setTimeout(r, 1200));
    await tunnel.close();
    // 4 at first, then one probe after 250 ms and one after 750 ms (the pauses double): 6, give or take
    // one on a slow machine. Without the pauses it would be hundreds.
    expect(tunnel.stats.upgrades).toBeGreaterThanOrEqual(5);
    expect(tunnel.stats.upgrades).toBeLessThanOrEqual(7);
    expect(await streams.settled()).toBe(0);
  });

  it('refuses a pod that is not running, without taking the process down', async () => {
    const log = memoryLogger();
    const tunnel = await openTunnel({ pod: 'missing-0', log });
    try {
      await expect(waitForDocker(tunnel.port, 1_000, new AbortController().signal)).rejects.toThrow(
        'The Docker server in the pod did not answer',
      );
      expect(log.warnings.join('\n')).toContain('HTTP 404 pods "missing-0" not found');
    } finally {
      await tunnel.close();
    }
  });
});
