import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeKubeApiServer } from './k8s/server.js';
import { doubleInputs, freePort, run, scratchDir, startDouble } from './helpers.js';

/**
 * Private images: compose, run by the action against the pod's Docker server, pulls with the runner's
 * Docker login (what docker/login-action leaves in the Docker config). A real registry (Debian's
 * docker-registry) with htpasswd auth on loopback, which the pod's Docker server (this machine's
 * dockerd) reaches; loopback registries need no TLS for dockerd.
 */
const scratch = scratchDir();
const USER = 'ci';
const PASSWORD = 'pull-only-s3cret';
let registry: ChildProcess;
let port: number;
let api: FakeKubeApiServer;
let image: string;

beforeAll(async () => {
  port = await freePort();
  const dir = scratch.dir;
  execFileSync('sh', ['-c', `htpasswd -Bbn ${USER} ${PASSWORD} > ${dir}/htpasswd`]);
  writeFileSync(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log: {level: error}',
      `storage: {filesystem: {rootdirectory: ${dir}/data}}`,
      `http: {addr: "127.0.0.1:${port}"}`,
      `auth: {htpasswd: {realm: test, path: ${dir}/htpasswd}}`,
      '',
    ].join('\n'),
  );
  registry = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  await waitForRegistry(port);

  // A private image, pushed with a login, then gone from the engine so that compose must pull it.
  image = `127.0.0.1:${port}/private/hello-${Math.random().toString(36).slice(2, 8)}:1`;
  const context = path.join(dir, 'image');
  mkdirSync(context);
  copyFileSync('/bin/busybox', path.join(context, 'busybox'));
  writeFileSync(
    path.join(context, 'Dockerfile'),
    'FROM scratch\nCOPY busybox /bin/busybox\nCMD ["/bin/busybox", "sleep", "3600"]\n',
  );
  execFileSync('docker', ['build', '-q', '-t', image, context], { stdio: 'ignore' });
  const login = loginConfig('pusher');
  execFileSync('docker', ['login', '-u', USER, '--password-stdin', `127.0.0.1:${port}`], {
    input: PASSWORD,
    env: { ...process.env, DOCKER_CONFIG: login },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  execFileSync('docker', ['push', '-q', image], {
    env: { ...process.env, DOCKER_CONFIG: login },
    stdio: 'ignore',
  });
  execFileSync('docker', ['rmi', image], { stdio: 'ignore' });
  ({ api } = await startDouble());
}, 120_000);

afterAll(async () => {
  registry?.kill();
  await api?.stop();
  execFileSync('sh', [
    '-c',
    `docker rm -f $(docker ps -aq --filter label=com.docker.compose.project=${project}) 2>/dev/null; docker rmi ${image} 2>/dev/null; true`,
  ]);
  scratch[Symbol.dispose]();
});

const project = `private-${Math.random().toString(36).slice(2, 8)}`;

/** A Docker config dir: empty (no login), or holding a login made with `docker login`. */
function loginConfig(name: string): string {
  const dir = path.join(scratch.dir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('private images', () => {
  it('compose pulls a private image with the runner’s docker login, and fails without one', async () => {
    const dir = path.join(scratch.dir, 'project');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'compose.yaml'),
      `name: ${project}\nservices:\n  app:\n    image: ${image}\n`,
    );
    const inputs = doubleInputs(api, dir, { command: 'up', 'env-id': 'private' });
    const saved = process.env.DOCKER_CONFIG;
    try {
      // No login: the registry refuses the pull, and the run says so.
      process.env.DOCKER_CONFIG = loginConfig('anonymous');
      await expect(run(inputs)).rejects.toThrow(
        /no basic auth credentials|unauthorized|authentication required/,
      );
      // The runner logged in (docker/login-action writes the same config): compose's pull succeeds.
      const runner = loginConfig('runner');
      execFileSync('docker', ['login', '-u', USER, '--password-stdin', `127.0.0.1:${port}`], {
        input: PASSWORD,
        env: { ...process.env, DOCKER_CONFIG: runner },
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      process.env.DOCKER_CONFIG = runner;
      const outcome = await run(inputs);
      expect(outcome.command).toBe('up');
      expect(execFileSync('docker', ['image', 'inspect', '-f', '{{.Id}}', image]).toString()).toMatch(
        /^sha256:/,
      );
      await run({ ...inputs, command: 'down' });
    } finally {
      if (saved === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved;
    }
  }, 120_000);
});

async function waitForRegistry(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/v2/`);
      if (answer.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer on port ${port}`);
}
