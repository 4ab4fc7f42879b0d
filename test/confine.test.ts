import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputName } from '../src/model/inputs.js';
import { isIgnored, parseDockerignore } from '../src/docker/confine-dockerignore.js';
import { remoteProjectDir } from '../src/docker/sync.js';
import { memoryLogger, prepareHello, run, scratchDir, startDouble, doubleInputs } from './helpers.js';

/**
 * Every file compose reads stays inside the project (and allow-paths): each attack is a compose
 * project from a pull request that tries to read a runner file, run as `plan` (compose config, no
 * cluster) or `up` against the API-server double and the real Docker engine.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A runner file the pull request must not read: what the attacks aim at. */
const MARKER = `runner-secret-${Math.random().toString(36).slice(2, 10)}`;

function dir(files: Record<string, string> = {}): string {
  const scratch = scratchDir();
  cleanups.push(() => scratch[Symbol.dispose]());
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(scratch.dir, name)), { recursive: true });
    writeFileSync(path.join(scratch.dir, name), content);
  }
  return scratch.dir;
}

/** A directory of the runner outside the project, holding a credential in several shapes. */
function runnerFiles(): string {
  return dir({
    'creds.env': `{"aws_secret_access_key": "${MARKER}"}\n`,
    'plain.env': `AWS_SECRET_ACCESS_KEY=${MARKER}\n`,
    'inc.yaml': `services:\n  loot:\n    image: busybox\n    environment: [LOOT=${MARKER}]\n`,
    Dockerfile: 'FROM scratch\nCOPY . /loot\n',
    '.docker/config.json': `{"auths": {"ghcr.io": {"auth": "${MARKER}"}}}\n`,
  });
}

function plan(project: string, extra: Partial<Record<InputName, string>> = {}, log = memoryLogger()) {
  return run({ command: 'plan', 'env-id': 'demo', 'working-directory': project, ...extra }, { log });
}

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => new Error('not refused'),
    (e: Error) => e,
  );
  expect(error.message).not.toBe('not refused');
  expect(error.message).not.toContain(MARKER); // never a file's content
  expect(error.constructor.name).toBe('UserError');
  return error.message;
}

const WEB = 'services:\n  web:\n    image: busybox\n';

describe('build: what the builder receives', () => {
  it('refuses a build context of ${HOME} (the runner’s ~/.docker/config.json)', async () => {
    const project = dir({
      'compose.yaml':
        'services:\n  web:\n    build:\n      context: ${HOME}\n      dockerfile_inline: "FROM scratch\\nCOPY .docker /loot"\n',
    });
    const message = await refused(plan(project));
    expect(message).toContain(
      `Service web's build.context is ${await realHome()}, which is outside the project directory ${project}`,
    );
    expect(message).toContain('input allow-paths');
  });

  it('refuses additional_contexts and a Dockerfile outside the project', async () => {
    const outside = runnerFiles();
    const contexts = dir({
      'compose.yaml': `services:\n  web:\n    build:\n      context: .\n      additional_contexts:\n        loot: ${outside}\n        base: docker-image://busybox\n`,
    });
    expect(await refused(plan(contexts))).toContain(
      `Service web's build.additional_contexts.loot is ${outside}, which is outside`,
    );
    const dockerfile = dir({
      'compose.yaml': `services:\n  web:\n    build:\n      context: .\n      dockerfile: ../${path.basename(outside)}/Dockerfile\n`,
    });
    expect(await refused(plan(dockerfile))).toContain(
      `Service web's build.dockerfile is ${path.join(outside, 'Dockerfile')}, which is outside`,
    );
  });

  it('refuses build.ssh (the runner’s SSH agent) unless compose-env passes SSH_AUTH_SOCK', async () => {
    const project = dir({
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      ssh: [default]\n',
    });
    expect(await refused(plan(project))).toContain(
      "Service web's build.ssh is default: it would give the build the runner's SSH agent",
    );
    const saved = process.env.SSH_AUTH_SOCK;
    process.env.SSH_AUTH_SOCK = '/tmp/ssh-agent.sock';
    try {
      await expect(plan(project, { 'compose-env': 'SSH_AUTH_SOCK' })).resolves.toMatchObject({
        command: 'plan',
      });
    } finally {
      if (saved === undefined) delete process.env.SSH_AUTH_SOCK;
      else process.env.SSH_AUTH_SOCK = saved;
    }
  });

  it('refuses a provider service: compose would run its program on the runner', async () => {
    const project = dir({
      'compose.yaml': 'services:\n  evil:\n    provider:\n      type: sh\n',
      compose: 'id > /tmp/pwned\n',
    });
    expect(await refused(plan(project))).toContain('Service evil is a provider service (provider.type sh)');
  });
});

describe('files compose reads while it loads the project', () => {
  it('refuses an env_file outside the project without printing it, and a broken one inside without its line', async () => {
    const outside = runnerFiles();
    const project = dir({ 'compose.yaml': `${WEB}    env_file: ${outside}/creds.env\n` });
    expect(await refused(plan(project))).toContain(
      `Service web's env_file is ${outside}/creds.env, which is outside`,
    );
    // However the key is spelled, or merged in from an anchor.
    const escaped = dir({ 'compose.yaml': `${WEB}    "env\\u005ffile": ${outside}/creds.env\n` });
    expect(await refused(plan(escaped))).toContain(`Service web's env_file is ${outside}/creds.env`);
    const merged = dir({
      'compose.yaml': `x-env: &env\n  env_file: ${outside}/creds.env\n${WEB}    <<: *env\n`,
    });
    expect(await refused(plan(merged))).toContain(`Service web's env_file is ${outside}/creds.env`);
    const labels = dir({ 'compose.yaml': `${WEB}    label_file: ../${path.basename(outside)}/plain.env\n` });
    expect(await refused(plan(labels))).toContain(
      `Service web's label_file is ${outside}/plain.env, which is outside`,
    );
    const broken = dir({
      'compose.yaml': `${WEB}    env_file: app.env\n`,
      'app.env': `{"password": "${MARKER}"}\n`,
    });
    expect(await refused(plan(broken))).toContain('line 1: not a valid env file (its content is not shown)');
    const variable = dir({ 'compose.yaml': `${WEB}    env_file: \${ENV_DIR:-.}/app.env\n` });
    expect(await refused(plan(variable))).toContain("Service web's env_file is");
  });

  it('refuses include and extends outside the project before compose reads them', async () => {
    const outside = runnerFiles();
    const cases: [string, string][] = [
      [
        `include:\n  - ${outside}/inc.yaml\n${WEB}`,
        `compose.yaml's include[0].path is ${outside}/inc.yaml, which is outside`,
      ],
      [
        `include:\n  - path: ./inc.yaml\n    env_file: ${outside}/plain.env\n${WEB}`,
        `compose.yaml's include[0].env_file is ${outside}/plain.env, which is outside`,
      ],
      [
        `${WEB}    extends:\n      file: ../${path.basename(outside)}/inc.yaml\n      service: loot\n`,
        `Service web's extends.file (in compose.yaml) is ${outside}/inc.yaml, which is outside`,
      ],
      [`include:\n  - \${HOME}/inc.yaml\n${WEB}`, 'uses a variable'],
      [`include:\n  - oci://registry.example/compose:1\n${WEB}`, 'a remote file'],
      [`include:\n  - git@github.com:acme/compose.git\n${WEB}`, 'a remote file'],
    ];
    for (const [compose, message] of cases) {
      const project = dir({
        'compose.yaml': compose,
        'inc.yaml': 'services:\n  other:\n    image: busybox\n',
      });
      expect(await refused(plan(project))).toContain(message);
    }
    // An include inside the project that reaches out is caught too, however deep.
    const nested = dir({
      'compose.yaml': `include:\n  - sub/inc.yaml\n${WEB}`,
      'sub/inc.yaml': `include:\n  - path: ${outside}/inc.yaml\nservices:\n  other:\n    image: busybox\n`,
    });
    expect(await refused(plan(nested))).toContain(`sub/inc.yaml's include[0].path is ${outside}/inc.yaml`);
  });

  it('refuses a symlink in the project that points out: .env, a build context, a compose file', async () => {
    const outside = runnerFiles();
    const dotEnv = dir({ 'compose.yaml': WEB });
    symlinkSync(path.join(outside, 'plain.env'), path.join(dotEnv, '.env'));
    expect(await refused(plan(dotEnv))).toContain(
      `The .env file of the project is ${dotEnv}/.env (a symlink to ${outside}/plain.env)`,
    );
    const context = dir({ 'compose.yaml': 'services:\n  web:\n    build: ./app\n' });
    symlinkSync(outside, path.join(context, 'app'));
    expect(await refused(plan(context))).toContain(
      `Service web's build.context is ${context}/app (a symlink to ${outside})`,
    );
    const ignore = dir({ 'compose.yaml': 'services:\n  web:\n    build: .\n' });
    symlinkSync(path.join(outside, 'plain.env'), path.join(ignore, '.dockerignore'));
    expect(await refused(plan(ignore))).toContain(
      `Service web's build.context's .dockerignore is ${ignore}/.dockerignore (a symlink to ${outside}/plain.env)`,
    );
    const composeFile = dir({});
    symlinkSync(path.join(outside, 'inc.yaml'), path.join(composeFile, 'compose.yaml'));
    expect(await refused(plan(composeFile))).toContain(
      `The compose file is ${composeFile}/compose.yaml (a symlink to ${outside}/inc.yaml)`,
    );
  });

  it('refuses COMPOSE_FILE in the project’s .env naming a file outside', async () => {
    const outside = runnerFiles();
    const project = dir({ 'compose.yaml': WEB, '.env': `COMPOSE_FILE=compose.yaml:${outside}/inc.yaml\n` });
    expect(await refused(plan(project))).toContain(
      `The compose file is ${outside}/inc.yaml, which is outside`,
    );
  });

  it('refuses secret and config files outside the project already at plan', async () => {
    const outside = runnerFiles();
    const project = dir({
      'compose.yaml': `${WEB}    secrets: [aws]\nsecrets:\n  aws:\n    file: ${outside}/plain.env\n`,
    });
    expect(await refused(plan(project))).toContain(
      `Secret aws's file is ${outside}/plain.env, which is outside`,
    );
  });

  it('refuses the project’s .git as a bind mount or an env file', async () => {
    const project = dir({
      'compose.yaml': `${WEB}    volumes:\n      - ./.git:/repo/.git:ro\n`,
      '.git/config': 'token\n',
    });
    expect(await refused(plan(project))).toContain(
      `Service web's volumes source is ${project}/.git, inside the project's .git directory`,
    );
    await expect(plan(project, { 'allow-paths': '.git' })).resolves.toMatchObject({ command: 'plan' });
  });

  it('keeps working for a project that reads only its own files', async () => {
    const project = dir({
      'compose.yaml': [
        'include:',
        '  - path: shared/db.yaml',
        '    env_file: shared/db.env',
        'services:',
        '  web:',
        '    build:',
        '      context: .',
        '      dockerfile: docker/Dockerfile',
        '    env_file: [app.env, {path: missing.env, required: false}]',
        '    extends: {file: shared/base.yaml, service: base}',
        '    volumes: [./site:/www:ro]',
        '    secrets: [token]',
        'secrets:',
        '  token:',
        '    file: ./token.txt',
        '',
      ].join('\n'),
      'compose.override.yaml': 'services:\n  web:\n    environment: [FROM_OVERRIDE=1]\n',
      '.env': 'TAG=1\n',
      'shared/db.yaml': 'services:\n  db:\n    image: busybox\n    env_file: db.env\n',
      'shared/db.env': 'DB=1\n',
      'shared/base.yaml': 'services:\n  base:\n    image: busybox\n    env_file: base.env\n',
      'shared/base.env': 'BASE=1\n',
      'docker/Dockerfile': 'FROM scratch\n',
      'app.env': 'APP=1\n',
      'site/index.html': 'hi\n',
      'token.txt': 'x\n',
      '.git/config': 'token\n',
      '.dockerignore': '.git\n',
    });
    await expect(plan(project)).resolves.toMatchObject({
      command: 'plan',
      project: path.basename(project).toLowerCase(),
    });
  });
});

describe('input allow-paths', () => {
  it('refuses /, the runner’s home and its parents, which would turn confinement off', async () => {
    const project = dir({ 'compose.yaml': WEB });
    expect(await refused(plan(project, { 'allow-paths': '/' }))).toContain(
      'Input allow-paths lists /, the root directory',
    );
    const home = path.join(dir(), 'home', 'runner');
    mkdirSync(home, { recursive: true });
    const saved = process.env.HOME;
    process.env.HOME = home;
    try {
      for (const entry of [home, path.dirname(home), `${home}/../runner/`]) {
        const message = await refused(plan(project, { 'allow-paths': entry }));
        expect(message).toContain(`Input allow-paths lists ${path.resolve(entry)}`);
        expect(message).toContain("the runner's home directory or contains it");
      }
      // A directory inside the home is a choice the workflow may make.
      mkdirSync(path.join(home, 'shared'));
      await expect(plan(project, { 'allow-paths': path.join(home, 'shared') })).resolves.toMatchObject({
        command: 'plan',
      });
    } finally {
      process.env.HOME = saved;
    }
  });
});

describe('compose’s environment', () => {
  /** The project name interpolates a variable: `plan` reports it, so it shows what compose saw. */
  async function seen(variable: string, value: string, inputs: Partial<Record<InputName, string>>) {
    const project = dir({ 'compose.yaml': `name: p\${${variable}:-none}\n${WEB}` });
    const log = memoryLogger();
    process.env[variable] = value;
    try {
      return { project: (await plan(project, inputs, log)).project, log };
    } finally {
      delete process.env[variable];
    }
  }
  const kubeconfig = (token: string) =>
    `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]\nusers: [{name: u, user: {token: ${token}}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\n`;

  it('gets a listed variable, and not one the workflow did not list', async () => {
    expect((await seen('APP_MODE', 'preview', { 'compose-env': 'APP_*' })).project).toBe('ppreview');
    expect((await seen('APP_MODE', 'preview', {})).project).toBe('pnone');
  });

  it('never gets the kubeconfig’s token under another name (KUBE_TOKEN), even listed', async () => {
    const { project, log } = await seen('KUBE_TOKEN', 'k8stoken0value', {
      kubeconfig: kubeconfig('k8stoken0value'),
      'compose-env': 'KUBE_TOKEN',
    });
    expect(project).toBe('pnone');
    expect(log.warnings.join('\n')).toContain('KUBE_TOKEN (its value holds a credential the action uses)');
  });

  it('never gets a short basic-auth password', async () => {
    const { project } = await seen('APP_PASSWORD', 'hunt3r', {
      'basic-auth': 'reviewer:hunt3r',
      domain: 'preview.example.com',
      'compose-env': 'APP_PASSWORD',
    });
    expect(project).toBe('pnone');
  });
});

describe('the project’s .git with the real engine', () => {
  it('is neither copied into the pod by a bind mount of the project nor sent in its build context', async () => {
    const { api } = await startDouble();
    cleanups.push(() => void api.stop());
    const hello = await prepareHello(
      [
        'services:',
        '  web:',
        '    build:',
        '      context: .',
        '      dockerfile_inline: "FROM scratch\\nCOPY busybox /bin/busybox\\nCOPY . /ctx"',
        '    volumes:',
        '      - .:/app:ro',
        '',
      ].join('\n'),
    );
    cleanups.push(hello.remove);
    mkdirSync(path.join(hello.dir, '.git'));
    writeFileSync(
      path.join(hello.dir, '.git/config'),
      `[http]\n  extraheader = AUTHORIZATION: basic ${MARKER}\n`,
    );
    // The project's own patterns still apply; one that re-includes .git/config does not win.
    writeFileSync(path.join(hello.dir, '.dockerignore'), 'site\n!.git/config\n');
    const log = memoryLogger();
    const up = await run(doubleInputs(api, hello.dir, { command: 'up', timeout: '30s' }), { log });
    expect(up.synced?.sent).toContain(path.join(hello.dir, 'compose.yaml'));
    expect(up.synced?.sent.filter((f) => f.includes('/.git/'))).toEqual([]);
    expect(existsSync(`${remoteProjectDir(hello.name)}${hello.dir}/.git`)).toBe(false);
    const text = log.lines.join('\n');
    expect(text).toContain(`not sent: ${hello.dir}/.git`);
    expect(text).toContain('Service web: .git is left out of the build context');
    expect(inContainer(hello, '/app')).toEqual(expect.arrayContaining(['compose.yaml', 'site']));
    expect(inContainer(hello, '/app')).not.toContain('.git');
    expect(inContainer(hello, '/ctx')).toContain('compose.yaml');
    expect(inContainer(hello, '/ctx')).not.toContain('.git');
    expect(inContainer(hello, '/ctx')).not.toContain('site');

    // Listed in allow-paths, it is sent both ways.
    await run(doubleInputs(api, hello.dir, { command: 'up', timeout: '30s', 'allow-paths': '.git' }));
    expect(inContainer(hello, '/app')).toContain('.git');
    expect(inContainer(hello, '/ctx')).toContain('.git');
    await run(doubleInputs(api, hello.dir, { command: 'down', timeout: '30s', 'allow-paths': '.git' }));
  });
});

/** The entries of a directory in the web service's container. */
function inContainer(hello: { dir: string; name: string }, dir: string): string[] {
  return execFileSync(
    'docker',
    ['compose', '-p', hello.name, 'exec', '-T', 'web', '/bin/busybox', 'ls', '-a', dir],
    { cwd: hello.dir, encoding: 'utf8' },
  )
    .split(/\s+/)
    .filter(Boolean);
}

describe('.dockerignore as the builder reads it', () => {
  it.each([
    ['.git', true],
    ['/.git/', true],
    ['**/.git', true],
    ['.g?t', true],
    ['*', true],
    ['.git/config', false], // .git/config is left out, .git itself is not
    ['*\n!.git/config', false],
    ['.git\n!.git', false],
    ['# .git', false],
    ['git', false],
  ])('%j leaves .git and .git/config out: %s', (text, expected) => {
    const patterns = parseDockerignore(text);
    expect(isIgnored(patterns, '.git') && isIgnored(patterns, '.git/config')).toBe(expected);
  });
});

async function realHome(): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(process.env.HOME ?? os.homedir());
}
