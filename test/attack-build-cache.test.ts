import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, watch, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBuildCache } from '../src/docker/build-cache.js';
import { refTag, serviceCaches, withCacheImports } from '../src/docker/build-cache-refs.js';
import { composeUp } from '../src/docker/compose.js';
import { loadComposeModel } from '../src/docker/compose-file.js';
import type { ComposeModel } from '../src/docker/compose-model.js';
import { memoryLogger, scratchDir } from './helpers.js';

/**
 * Attacks on input build-cache and on the cache options compose keeps. Each test states what the
 * trust rule promises; a failing test is a hole.
 */
const scratch = scratchDir();
const environment = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
const localEngine = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
const projects: string[] = [];

afterAll(() => {
  for (const name of projects) {
    execFileSync('docker', ['compose', '-p', name, 'down', '--timeout', '1'], { stdio: 'ignore' });
    // Without the compose file, down does not know the built image: remove it and its cache tags by name.
    execFileSync(
      'sh',
      [
        '-c',
        `docker rmi -f ${name}-app $(docker images -q --filter 'reference=*/cache/${name}/*') 2>/dev/null || true`,
      ],
      { stdio: 'ignore' },
    );
  }
  scratch[Symbol.dispose]();
});

/** A project whose one service builds from scratch, with `build` lines added to its build section. */
function project(build: string): { dir: string; name: string } {
  const name = `attack-${randomBytes(4).toString('hex')}`;
  const dir = path.join(scratch.dir, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync('/bin/busybox', path.join(dir, 'busybox'));
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    `FROM scratch\nCOPY busybox /bin/busybox\nCMD ["/bin/busybox", "sleep", "3600"]\n`,
  );
  writeFileSync(
    path.join(dir, 'compose.yaml'),
    `name: ${name}\nservices:\n  app:\n    init: true\n    build:\n      context: .\n${build}`,
  );
  projects.push(name);
  return { dir, name };
}

function outsideDir(): string {
  const dir = path.join(scratch.dir, `outside-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.json'), '{"schemaVersion": 2, "manifests": []}');
  return dir;
}

const load = (dir: string) => loadComposeModel({ workingDirectory: dir, composeFiles: [] }, environment);

describe('a local build cache outside the project is refused, however its options are spelled', () => {
  // buildx reads each cache entry as CSV and lower-cases its keys (CacheOptionsEntry.UnmarshalText):
  // these all mean type=local,src=<outside> to the builder's client, which runs on the runner.
  it.each([
    ['type=local,src=OUT', 'the plain spelling (control)'],
    ['TYPE=local,SRC=OUT', 'upper-case keys'],
    ['"type=local",src=OUT', 'a quoted type field'],
    ['type=local,"src=OUT"', 'a quoted src field'],
  ])('cache_from %s (%s)', async (entry) => {
    const out = outsideDir();
    const { dir } = project(`      cache_from: ['${entry.replace('OUT', out)}']\n`);
    await expect(load(dir)).rejects.toThrow(/cache_from/);
  });

  it('cache_to type=local checks dest, the directory it writes, even when src is given too', async () => {
    const out = outsideDir();
    const { dir } = project(`      cache_to: ['type=local,src=.,dest=${out}']\n`);
    await expect(load(dir)).rejects.toThrow(/cache_to/);
  });

  it('the runner opens no directory outside the project for TYPE=local,SRC=… (real compose)', async () => {
    const out = outsideDir();
    const { dir } = project(`      cache_from: ['TYPE=local,SRC=${out}']\n`);
    const touched: string[] = [];
    const watcher = watch(out, (_event, file) => touched.push(String(file)));
    // Refused while loading, before compose builds: buildx's client would create index.json.lock
    // (and an fsverity probe) there, then read and parse index.json.
    const said = await load(dir)
      .then((model) =>
        composeUp(model, {
          dockerHost: localEngine,
          environment,
          workingDirectory: dir,
          log: memoryLogger(),
        }),
      )
      .then(
        () => 'built',
        (error: Error) => error.message.split('\n')[0],
      );
    watcher.close();
    expect(said).toMatch(/cache_from/);
    expect(touched, `compose: ${said}`).toEqual([]);
  }, 120_000);
});

describe('what a pull request exports to', () => {
  const prefix = 'registry.example.com:5000/cache/web';

  it('its compose file cannot send its build cache to a tag the base branch’s pull requests import', () => {
    const model = {
      name: 'web',
      services: {
        app: {
          build: {
            context: '/project',
            cache_to: [`type=registry,ref=${prefix}/web/app:${refTag('refs/heads/main')},mode=max`],
          },
        },
      },
    } as ComposeModel;
    const caches = serviceCaches(model, { prefix, envId: 'acme-web-pr-7-0123abcd', baseRef: 'main' });
    const built = withCacheImports(model, caches).services.app!.build as { cache_to: string[] };
    // With a Docker server that can export caches (the containerd image store, docker 29's default),
    // BuildKit pushes this with the runner's login to the registry: the README's defence.
    expect(built.cache_to.filter((e) => e.includes(prefix))).toEqual([]);
  });

  it('no branch name shares the tag of another branch (release/2.0 is protected, a writer can create any other)', () => {
    const digest = createHash('sha256').update('release/2.0').digest('hex').slice(0, 8);
    expect(refTag('refs/heads/release/2.0')).toBe(`branch_release-2.0-${digest}`);
    expect(refTag(`refs/heads/release-2.0-${digest}`)).not.toBe(refTag('refs/heads/release/2.0'));
  });
});

describe('a registry that stops answering', () => {
  it('does not hold up past the probe: an export that hangs ends with a warning', async () => {
    const registry = await hangingRegistry();
    const { dir } = project('');
    const model = await load(dir);
    const controller = new AbortController();
    const log = memoryLogger();
    const started = Date.now();
    const upped = composeUp(model, {
      dockerHost: localEngine,
      environment,
      workingDirectory: dir,
      log,
      signal: controller.signal,
      buildCache: { prefix: `127.0.0.1:${registry.port}/cache`, envId: 'hang', exportTimeoutMs: 5000 },
    });
    try {
      const ended = await Promise.race([
        upped.then(() => 'ended'),
        new Promise((r) => setTimeout(() => r('still pushing'), 60_000)),
      ]);
      expect(registry.requests.some((r) => r.startsWith('HEAD') || r.startsWith('POST'))).toBe(true);
      expect(ended, `after ${Math.round((Date.now() - started) / 1000)} s`).toBe('ended');
    } finally {
      controller.abort();
      await upped.catch(() => {});
      registry.stop();
    }
  }, 120_000);
});

describe('the credentials of the cache registry', () => {
  it('are not sent in clear to the pod’s loopback, where a container with network_mode: host reads them', async () => {
    const daemon = await recordingDockerApi();
    const config = path.join(scratch.dir, 'docker-config');
    mkdirSync(config, { recursive: true });
    const host = 'registry.example.com:5000';
    writeFileSync(
      path.join(config, 'config.json'),
      JSON.stringify({ auths: { [host]: { auth: Buffer.from('ci:s3cret-push').toString('base64') } } }),
    );
    try {
      await exportBuildCache(
        [
          {
            service: 'app',
            image: 'web-app',
            repository: `${host}/cache/web/web/app`,
            imports: [],
            exports: ['env-x'],
          },
        ],
        {
          cwd: scratch.dir,
          environment: { ...environment, DOCKER_CONFIG: config },
          env: { DOCKER_HOST: `tcp://127.0.0.1:${daemon.port}` },
        },
        memoryLogger(),
      );
      const auth = daemon.registryAuth.map((h) => Buffer.from(h, 'base64').toString('utf8')).join('\n');
      expect(auth).not.toContain('s3cret-push');
    } finally {
      daemon.stop();
    }
  }, 60_000);
});

/** A registry that answers the probe ("manifest unknown") and then never answers a push. */
async function hangingRegistry(): Promise<{ port: number; requests: string[]; stop(): void }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.setHeader('Docker-Distribution-API-Version', 'registry/2.0');
    if (req.url === '/v2/') return res.end('{}');
    if (/\/manifests\//.test(req.url ?? '') && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      return res.end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
    }
    // Blob checks and uploads: no answer, ever.
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { port, requests, stop: () => (server.closeAllConnections(), server.close()) };
}

/** A Docker API on loopback, as the pod's dockerd is to the tunnel: records X-Registry-Auth. */
async function recordingDockerApi(): Promise<{ port: number; registryAuth: string[]; stop(): void }> {
  const registryAuth: string[] = [];
  const server = http.createServer((req, res) => {
    res.setHeader('Api-Version', '1.41');
    const auth = req.headers['x-registry-auth'];
    if (typeof auth === 'string') registryAuth.push(auth.replace(/-/g, '+').replace(/_/g, '/'));
    if (req.url?.endsWith('/_ping')) return res.end('OK');
    if (req.url?.includes('/tag')) return res.writeHead(201).end();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"status":"pushed"}\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { port, registryAuth, stop: () => (server.closeAllConnections(), server.close()) };
}
