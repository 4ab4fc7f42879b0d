import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { parseArgs } from '../src/entry/cli-args.js';
import { resourceId } from '../src/model/ids.js';
import { ROOT, node, scratchDir } from './helpers.js';

const CLI = path.join(ROOT, 'dist/cli/index.js');
const ACTION = path.join(ROOT, 'dist/index.js');
const HELLO = path.join(ROOT, 'examples/hello');

function project(dir: string, compose: string, files: Record<string, string> = {}): string {
  writeFileSync(path.join(dir, 'compose.yaml'), compose);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SERVICE = 'services:\n  web:\n    image: nginx\n';

describe('kube-pod-preview plan (the built CLI)', () => {
  it('prints the labelled objects of the bundled example as YAML and needs no cluster', async () => {
    const result = await node(CLI, ['plan', '--env-id', 'demo'], {
      cwd: HELLO,
      env: { KUBECONFIG: '/nonexistent' },
    });
    expect(result.stderr).toContain('Environment demo');
    expect(result.code).toBe(0);
    const objects = parseAllDocuments(result.stdout).map((d) => d.toJS());
    expect(objects.map((o) => o.kind)).toEqual(['ConfigMap', 'StatefulSet']);
    for (const o of objects) {
      expect(o.metadata.namespace).toBe('default');
      expect(o.metadata.labels['kube-pod-preview/env-id']).toBe('demo');
    }
    // x-preevy in examples/hello/compose.yaml sets storage-size: 2.
    expect(objects[1].spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('2Gi');
  });

  it("puts the pod inputs into the Docker server's pod, without a template of one's own", async () => {
    const result = await node(
      CLI,
      [
        'plan',
        '--env-id',
        'demo',
        '--docker-image',
        'docker:27-dind',
        '--resources',
        'limits: {memory: 4Gi}',
        '--node-selector',
        'pool: previews',
        '--tolerations',
        '[{key: previews, operator: Exists}]',
        '--priority-class',
        'previews-low',
        '--registry-mirrors',
        'https://mirror.example.com',
      ],
      { cwd: HELLO },
    );
    expect(result.code).toBe(0);
    const [config, sts] = parseAllDocuments(result.stdout).map((d) => d.toJS());
    const spec = sts.spec.template.spec;
    expect(spec.containers[0].image).toBe('docker:27-dind');
    expect(spec.containers[0].resources).toEqual({ limits: { memory: '4Gi' } });
    expect(spec.nodeSelector).toEqual({ pool: 'previews' });
    expect(spec.tolerations).toEqual([{ key: 'previews', operator: 'Exists' }]);
    expect(spec.priorityClassName).toBe('previews-low');
    expect(JSON.parse(config.data['daemon.json'])['registry-mirrors']).toEqual([
      'https://mirror.example.com',
    ]);
  });

  it('takes flags as --name value and --name=value', async () => {
    const result = await node(
      CLI,
      ['plan', '--env-id=demo', '--namespace', 'previews', '--storage-size=1.5'],
      { cwd: HELLO },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('namespace: previews');
    expect(result.stdout).toContain('storage: 1.5Gi');
  });

  it.each([
    [['plan', '--env-id', 'Not_A_Label'], 'Input env-id must be a DNS label'],
    [['plan'], 'No environment id: this run is not for a pull_request event. Set input env-id'],
    [
      ['plan', '--env-id', 'demo', '--storage-size', 'lots'],
      'Input storage-size must be a positive number of GiB',
    ],
    [['plan', '--env-id', 'demo', '--template', 'missing.njk'], 'Cannot read the template'],
    [['deploy'], 'Unknown command "deploy"'],
    [['plan', '--colour', 'red'], 'Unknown flag --colour'],
  ])('exits non-zero with a clear message for %j', async (args, message) => {
    const result = await node(CLI, args, { cwd: HELLO });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a user error, not a stack trace
  });

  it('fails clearly when there is no compose file', async () => {
    using scratch = scratchDir();
    const result = await node(CLI, ['plan', '--env-id', 'demo'], { cwd: scratch.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not read a compose file in ${scratch.dir}`);
    expect(result.stderr).toContain('Set input compose-file');
  });

  it('fails clearly when x-preevy has the wrong type', async () => {
    using scratch = scratchDir();
    project(scratch.dir, `${SERVICE}x-preevy:\n  drivers:\n    kube-pod:\n      storage-size: [1, 2]\n`);
    const result = await node(CLI, ['plan', '--env-id', 'demo'], { cwd: scratch.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'x-preevy.drivers.kube-pod.storage-size in the compose file must be a non-empty string, got a list.',
    );
  });

  it.each([
    ['syntax error', '{% for x in %}', 'does not render'],
    [
      'no docker-host',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "{{ id }}"}\n',
      'found none among no StatefulSet or Deployment',
    ],
    [
      'cluster-scoped object',
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: "{{ id }}"}\n',
      'Namespace/',
    ],
    [
      'another namespace',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: other}\n',
      'in namespace "other"',
    ],
  ])('fails for a template with a %s, set from x-preevy', async (_case, template, message) => {
    using scratch = scratchDir();
    project(scratch.dir, `${SERVICE}x-preevy:\n  drivers:\n    kube-pod:\n      template: k8s/t.njk\n`, {
      'k8s/t.njk': template,
    });
    const result = await node(CLI, ['plan', '--env-id', 'demo'], { cwd: scratch.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('reads a merged model from several compose files, resolving variables', async () => {
    using scratch = scratchDir();
    project(scratch.dir, SERVICE, {
      'override.yaml': 'x-preevy:\n  drivers:\n    kube-pod:\n      namespace: ${PREVIEW_NS}\n',
    });
    const result = await node(
      CLI,
      [
        ...['plan', '--env-id', 'demo', '--compose-env', 'PREVIEW_NS'],
        ...['--compose-file', 'compose.yaml', '--compose-file', 'override.yaml'],
      ],
      {
        cwd: scratch.dir,
        env: { PREVIEW_NS: 'from-env' },
      },
    );
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('namespace: from-env');
  });

  it('parses arguments', () => {
    expect(
      parseArgs(['up', '--env-id', 'a', '--compose-file', 'x.yaml', '--compose-file=y.yaml']).inputs,
    ).toEqual({
      command: 'up',
      'env-id': 'a',
      'compose-file': 'x.yaml\ny.yaml',
    });
    expect(() => parseArgs(['up', '--env-id'])).toThrow('Flag --env-id needs a value.');
    expect(parseArgs(['plan', '--server', '--env-id', 'a']).server).toBe(true);
    expect(() => parseArgs(['up', '--server'])).toThrow('--server goes with plan only.');
  });
});

describe('the action (dist/index.js) on a pull_request event', () => {
  it('derives the environment from the PR and sets its outputs', async () => {
    using scratch = scratchDir();
    const event = path.join(scratch.dir, 'event.json');
    const output = path.join(scratch.dir, 'output');
    writeFileSync(output, '');
    writeFileSync(
      event,
      JSON.stringify({
        action: 'opened',
        number: 12,
        pull_request: {
          number: 12,
          html_url: 'https://github.com/acme/web/pull/12',
          head: { sha: 'c0ffee', repo: { full_name: 'acme/web' } },
          base: { repo: { full_name: 'acme/web' } },
        },
      }),
    );
    const result = await node(ACTION, [], {
      cwd: ROOT,
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_OUTPUT: output,
        INPUT_COMMAND: 'plan',
        'INPUT_WORKING-DIRECTORY': 'examples/hello',
        INPUT_NAMESPACE: 'previews',
      },
    });
    expect(result.stdout).toContain('Environment pr-12');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('kube-pod-preview/pr-url: https://github.com/acme/web/pull/12');
    expect(result.stdout).toContain('kube-pod-preview/sha: c0ffee');
    const outputs = readFileSync(output, 'utf8');
    expect(outputs).toMatch(/env-id<<.*\npr-12\n/);
    expect(outputs).toMatch(/namespace<<.*\npreviews\n/);
    expect(outputs).toMatch(/\nid<<.*\nweb-pr-12-[0-9a-f]{8}\n/);
  });

  it('fails the step with the message, not a stack trace', async () => {
    const result = await node(ACTION, [], {
      cwd: ROOT,
      env: { INPUT_COMMAND: 'plan', 'INPUT_WORKING-DIRECTORY': 'examples/hello' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::No environment id');
  });
});

describe('the environment the CLI addresses', () => {
  const idOf = (stdout: string) =>
    parseAllDocuments(stdout).map((d) => d.toJS())[0].metadata.labels['kube-pod-preview/id'] as string;

  it('is the action’s: --repository, else GITHUB_REPOSITORY, else the origin remote', async () => {
    const expected = resourceId('acme/web', 'pr-7');
    const flag = await node(CLI, ['plan', '--env-id', 'pr-7', '--repository', 'acme/web'], { cwd: HELLO });
    expect(flag.code).toBe(0);
    expect(idOf(flag.stdout)).toBe(expected);
    const variable = await node(CLI, ['plan', '--env-id', 'pr-7'], {
      cwd: HELLO,
      env: { GITHUB_REPOSITORY: 'acme/web' },
    });
    expect(idOf(variable.stdout)).toBe(expected);

    for (const remote of [
      'git@github.com:acme/web.git',
      'https://github.com/acme/web.git',
      'ssh://git@github.example.com:2222/acme/web',
    ]) {
      using checkout = scratchDir(HELLO);
      execFileSync('git', ['init', '-q'], { cwd: checkout.dir });
      execFileSync('git', ['remote', 'add', 'origin', remote], { cwd: checkout.dir });
      const fromGit = await node(CLI, ['plan', '--env-id', 'pr-7'], { cwd: checkout.dir });
      expect(fromGit.code, fromGit.stderr).toBe(0);
      expect(idOf(fromGit.stdout)).toBe(expected);
      expect(fromGit.stderr).not.toContain('notice: No repository');
    }
    // None of them: local/<compose project>, said as a notice, since no action run reaches it.
    using bare = scratchDir(HELLO);
    const local = await node(CLI, ['plan', '--env-id', 'pr-7'], { cwd: bare.dir });
    expect(idOf(local.stdout)).toBe(resourceId('local/hello', 'pr-7'));
    expect(local.stderr).toContain(
      "notice: No repository (--repository, GITHUB_REPOSITORY or a git origin remote): the environment's id derives from local/hello, which no action run uses.",
    );
  });

  it('refuses a --repository that is not owner/name', async () => {
    const result = await node(CLI, ['plan', '--env-id', 'demo', '--repository', 'web'], { cwd: HELLO });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--repository must be owner/name');
  });
});

describe('an older Node.js', () => {
  /** A Node older than 24: the machine's own when there is one, else Node 24 told it is 20. */
  function olderNode(): { command: string; args: string[] } {
    for (const dir of (process.env.PATH ?? '').split(':')) {
      if (dir.includes('node_modules')) continue;
      const candidate = path.join(dir, 'node');
      try {
        const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' });
        if (Number(/^v(\d+)/.exec(version)?.[1]) < 24) return { command: candidate, args: [] };
      } catch {
        // not there
      }
    }
    const pretend = 'Object.defineProperty(process.versions,"node",{value:"20.20.2"})';
    return { command: process.execPath, args: ['--import', `data:text/javascript,${pretend}`] };
  }

  it.each([
    ['the CLI', CLI, ['--help']],
    ['the action', ACTION, []],
  ])('%s says which Node it needs instead of crashing while loading', (_, script, args) => {
    const older = olderNode();
    const result = spawnSync(older.command, [...older.args, script, ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, GITHUB_ACTIONS: script === ACTION ? 'true' : '' },
    });
    expect(result.status).toBe(1);
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toMatch(/kube-pod-preview needs Node\.js 24 or newer; this is Node\.js v?20\./);
    expect(output).not.toContain('TypeError');
    if (script === ACTION) expect(result.stdout).toMatch(/^::error::kube-pod-preview needs Node\.js 24/m);
  });
});
