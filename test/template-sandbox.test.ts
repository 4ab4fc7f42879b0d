import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htpasswdLine } from '../src/model/exposure.js';
import { resourceId } from '../src/model/ids.js';
import { identityLabels } from '../src/model/objects.js';
import type { ExposureTemplateArgs, TemplateArgs } from '../src/model/template-args.js';
import { loadTemplate, renderExposureTemplate, renderTemplate } from '../src/render/template.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import {
  NAMESPACE,
  doubleInputs,
  memoryLogger,
  prepareHello,
  run,
  scratchDir,
  startDouble,
  type HelloProject,
} from './helpers.js';

/**
 * Templates are the pull request's code: nunjucks is no sandbox (`range.constructor("…")()` is a
 * Function built from a string), so they render in a process of their own that holds nothing and may
 * do nothing (src/render/sandbox.ts), and what they render is checked before anything is applied.
 */
const ids = { envId: 'pr-7', id: resourceId('acme/web', 'pr-7') };
const args: TemplateArgs = {
  namespace: NAMESPACE,
  id: ids.id,
  storageClass: undefined,
  storageSize: 5,
  labels: identityLabels(ids),
  envId: ids.envId,
  prNumber: 7,
  repository: 'acme/web',
  sha: 'abc123',
  project: 'web',
  dockerImage: undefined,
  resources: undefined,
  nodeSelector: undefined,
  tolerations: undefined,
  priorityClassName: undefined,
  registryMirrors: [],
};

/** A ConfigMap of the environment holding `value` (template text) under `data.value`. */
const configMap = (value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "{{ id }}-loot"}\ndata:\n  value: ${value}\n`;

/** `code`, run by the template as JavaScript: the escape the issue reproduced. */
const escape = (code: string) => `{{ range.constructor(${JSON.stringify(code)})() | dump }}`;

/** Renders `text` as a template file in `dir` (a fresh scratch directory by default). */
async function renderText(text: string, options: { dir?: string; limits?: object } = {}) {
  using scratch = scratchDir();
  const dir = options.dir ?? scratch.dir;
  const file = path.join(dir, 't.yaml.njk');
  writeFileSync(file, text);
  // Wrapped, so that a render that does not return a promise (the code before the sandbox) still
  // settles one.
  return await (async () => renderTemplate(loadTemplate(file), args, { limits: options.limits }))();
}

const SANDBOX = /The template .*t\.yaml\.njk does not render: .*Templates render in a sandbox/;

describe('a template cannot reach the action’s process', () => {
  it('cannot read its environment (where INPUT_KUBECONFIG and the tokens are)', async () => {
    process.env.KPP_TEST_CANARY = 'canary-kubeconfig';
    try {
      const rendered = renderText(configMap(escape('return JSON.stringify(process.env)')));
      await expect(rendered).rejects.toThrow(SANDBOX);
      await expect(rendered).rejects.toThrow('Code generation from strings disallowed');
    } finally {
      delete process.env.KPP_TEST_CANARY;
    }
  });

  it('cannot write a file', async () => {
    using scratch = scratchDir();
    const loot = path.join(scratch.dir, 'loot');
    const code = `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(loot)}, JSON.stringify(process.env)); return 'x'`;
    await expect(renderText(configMap(escape(code)))).rejects.toThrow(SANDBOX);
    expect(existsSync(loot)).toBe(false);
  });

  it('cannot run a command', async () => {
    const code = "return process.getBuiltinModule('child_process').execSync('id').toString()";
    await expect(renderText(configMap(escape(code)))).rejects.toThrow(SANDBOX);
  });

  it('cannot load a module to read a file elsewhere', async () => {
    const code =
      "return process.getBuiltinModule('module').createRequire('/')('fs').readFileSync('/etc/hostname', 'utf8')";
    await expect(renderText(configMap(escape(code)))).rejects.toThrow(SANDBOX);
  });

  it('is stopped at its time limit', async () => {
    const loop = '{% for a in range(0, 100000) %}{% for b in range(0, 100000) %}{% endfor %}{% endfor %}';
    const started = Date.now();
    await expect(renderText(loop, { limits: { timeoutMs: 1500 } })).rejects.toThrow(
      /t\.yaml\.njk does not render: it ran longer than 1\.5 s, and was stopped/,
    );
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('is stopped at its memory limit', async () => {
    const hog = '{% set xs = range(0, 80000000) %}{{ xs | length }}';
    await expect(renderText(hog, { limits: { memoryMb: 64 } })).rejects.toThrow(
      /t\.yaml\.njk does not render: it used more than 64 MB of memory, and was stopped/,
    );
  });

  it('includes files beside it, never outside its directory, through a link, or from .git', async () => {
    using scratch = scratchDir();
    using outside = scratchDir();
    const dir = path.join(scratch.dir, 'k8s');
    mkdirSync(path.join(dir, 'parts'), { recursive: true });
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, 'parts', 'data.njk'), '"{{ id }}"');
    writeFileSync(path.join(dir, '.git', 'config'), 'extraheader = AUTHORIZATION: basic c2VjcmV0');
    writeFileSync(path.join(outside.dir, 'credentials'), 'aws_secret_access_key = SECRET-IN-FILE');
    symlinkSync(path.join(outside.dir, 'credentials'), path.join(dir, 'parts', 'link.njk'));
    const rendered = await renderText(configMap('{% include "parts/data.njk" %}'), { dir });
    expect(rendered.objects[0]!.data).toEqual({ value: ids.id });
    for (const name of [`../../${path.basename(outside.dir)}/credentials`, 'parts/link.njk', '.git/config']) {
      const error = await renderText(configMap(`{% include "${name}" %}`), { dir }).catch((e: Error) => e);
      expect(String(error)).toMatch(/t\.yaml\.njk does not render: .*it includes/);
      expect(String(error)).not.toContain('SECRET-IN-FILE');
      expect(String(error)).not.toContain('c2VjcmV0');
    }
  });

  it('never sees the basic-auth line, which replaces a stand-in in what it rendered', async () => {
    using scratch = scratchDir();
    const htpasswd = htpasswdLine('reviewer', 's3cr3t-passw0rd');
    const file = path.join(scratch.dir, 'expose.yaml.njk');
    writeFileSync(
      file,
      `apiVersion: v1\nkind: Secret\nmetadata: {name: "{{ id }}-auth"}\nstringData:\n  auth: {{ basicAuth.htpasswd | dump }}\n  seen: "{{ 'yes' if basicAuth.htpasswd == ${JSON.stringify(htpasswd)} else 'no' }}"\n`,
    );
    const exposure: ExposureTemplateArgs = {
      namespace: NAMESPACE,
      id: ids.id,
      envId: ids.envId,
      labels: identityLabels(ids),
      selector: identityLabels(ids),
      expose: 'ingress',
      entries: [],
      ingressClass: undefined,
      tlsSecret: undefined,
      ingressAnnotations: {},
      basicAuth: { secretName: `${ids.id}-auth`, htpasswd },
    };
    const rendered = await renderExposureTemplate(loadTemplate(file), exposure);
    expect(rendered.objects[0]!.stringData).toEqual({ auth: htpasswd, seen: 'no' });
  });

  it('names the line of a YAML error, never printing the rendered text (a file’s content)', async () => {
    const credentials =
      '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n';
    const error = await renderText(credentials)
      .then((r) => r.objects.map(() => {}))
      .catch((e: Error) => e);
    expect(String(error)).toMatch(/document 1 of the rendered template .* is not valid YAML \(line \d+/);
    expect(String(error)).not.toContain('wJalrXUtnFEMI');
    expect(String(error)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('runs in a process with an empty environment that may read, write, start nothing', async () => {
    const { sandboxProcess } = await import('../src/render/sandbox.js');
    const { flags } = sandboxProcess();
    const probe = `
      const fs = require('node:fs'); const tried = {};
      const attempt = (name, fn) => { try { fn(); tried[name] = 'done'; } catch (e) { tried[name] = e.code || e.name; } };
      attempt('read', () => fs.readFileSync('/etc/hostname'));
      attempt('write', () => fs.writeFileSync('/tmp/kpp-sandbox-probe', 'x'));
      attempt('exec', () => require('node:child_process').execSync('id'));
      attempt('worker', () => new (require('node:worker_threads').Worker)('0', { eval: true }));
      attempt('function', () => new Function('return 1')());
      process.stdout.write(JSON.stringify({ env: process.env, tried }));`;
    const result = spawnSync(process.execPath, [...flags, '-e', probe], { env: {}, encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual({
      env: {},
      tried: {
        read: 'ERR_ACCESS_DENIED',
        write: 'ERR_ACCESS_DENIED',
        exec: 'ERR_ACCESS_DENIED',
        worker: 'ERR_ACCESS_DENIED',
        function: 'EvalError',
      },
    });
  });
});

describe('where a template comes from', () => {
  const compose = (template: string) =>
    `services:\n  web:\n    image: nginx\nx-preevy:\n  drivers:\n    kube-pod:\n      template: ${JSON.stringify(template)}\n`;
  const TEMPLATE = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "{{ id }}"\n  labels: {app.kubernetes.io/component: docker-host}\nspec:\n  selector: {matchLabels: {app: "{{ id }}"}}\n  template:\n    metadata: {labels: {app: "{{ id }}"}}\n    spec: {containers: [{name: docker, image: "docker:dind"}]}\n`;
  const plan = (dir: string, extra: Record<string, string> = {}) => {
    const log = memoryLogger();
    return {
      log,
      outcome: run({ command: 'plan', 'env-id': 'pr-7', 'working-directory': dir, ...extra }, { log }),
    };
  };

  it('refuses an x-preevy template outside the project before reading it, printing none of it', async () => {
    using project = scratchDir();
    using home = scratchDir();
    const credentials = path.join(home.dir, 'credentials');
    writeFileSync(credentials, '[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n');
    symlinkSync(credentials, path.join(project.dir, 'inside.njk'));
    for (const template of [credentials, './inside.njk']) {
      writeFileSync(path.join(project.dir, 'compose.yaml'), compose(template));
      const error = await plan(project.dir).outcome.catch((e: Error) => e);
      expect(String(error)).toContain(
        `x-preevy template is ${path.resolve(project.dir, template)}, which is not a file of the project`,
      );
      expect(String(error)).not.toContain('wJalrXUtnFEMI');
    }
  });

  it('says so in the log when the template is the pull request’s, and not otherwise', async () => {
    using project = scratchDir();
    using workflow = scratchDir();
    writeFileSync(path.join(project.dir, 't.njk'), TEMPLATE);
    writeFileSync(path.join(workflow.dir, 't.njk'), TEMPLATE);
    const line = /^The template .*t\.njk \((x-preevy template|input template)\) comes from the pull request/;
    writeFileSync(path.join(project.dir, 'compose.yaml'), compose('t.njk'));
    const fromCompose = plan(project.dir);
    await fromCompose.outcome;
    expect(fromCompose.log.lines.filter((l) => line.test(l))).toEqual([
      expect.stringContaining('(x-preevy template) comes from the pull request'),
    ]);
    // Input template (the workflow's) may name a file anywhere; inside the checkout it is the PR's.
    const inCheckout = plan(project.dir, { template: 't.njk' });
    await inCheckout.outcome;
    expect(inCheckout.log.lines.filter((l) => line.test(l))).toHaveLength(1);
    const elsewhere = plan(project.dir, { template: path.join(workflow.dir, 't.njk') });
    await elsewhere.outcome;
    expect(elsewhere.log.lines.filter((l) => line.test(l))).toEqual([]);
  });
});

describe('names belong to their environment', () => {
  const other = resourceId('acme/web', 'pr-11');
  const dockerHost = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: "{{ id }}"\n  labels: {app.kubernetes.io/component: docker-host}\nspec:\n  selector: {matchLabels: {app: "{{ id }}"}}\n  template:\n    metadata: {labels: {app: "{{ id }}"}}\n    spec: {containers: [{name: docker, image: "docker:dind"}]}\n`;
  const withObject = (object: string) => `${dockerHost}---\n${object}`;
  const planOf = async (text: string) => {
    using scratch = scratchDir();
    writeFileSync(path.join(scratch.dir, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n');
    writeFileSync(path.join(scratch.dir, 't.njk'), text);
    return await run(
      { command: 'plan', 'env-id': 'pr-7', template: path.join(scratch.dir, 't.njk') },
      {
        cwd: scratch.dir,
        context: { repository: 'acme/web' },
      },
    );
  };

  it('refuses an object whose name lacks the id, naming it and saying to put {{ id }} in it', async () => {
    const error = await planOf(
      withObject('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shared}\n'),
    ).catch((e: Error) => e);
    expect(String(error)).toContain(
      `The template creates ConfigMap/shared, whose name does not contain the environment's id (${ids.id})`,
    );
    expect(String(error)).toContain('Put {{ id }} in its name, e.g. name: {{ id }}-shared.');
  });

  it('refuses the lease of another environment, and its own', async () => {
    for (const name of [`kube-pod-preview-${other}`, 'kube-pod-preview-{{ id }}']) {
      const lease = `apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: "${name}"}\nspec: {holderIdentity: me}\n`;
      await expect(planOf(withObject(lease))).rejects.toThrow(
        /The template creates Lease\/kube-pod-preview-/,
      );
    }
  });

  describe('against the cluster', () => {
    let api: FakeKubeApiServer;
    let hello: HelloProject;
    beforeAll(async () => {
      ({ api } = await startDouble());
      hello = await prepareHello();
    });
    afterAll(async () => {
      await api.stop();
      hello.remove();
    });

    it.each([
      [
        "the Lease of another environment (pr-7's)",
        `apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: "kube-pod-preview-${ids.id}"}\nspec: {holderIdentity: pr-11, leaseDurationSeconds: 31536000}\n`,
      ],
      [
        'a template that runs code',
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "{{ id }}-env"}\ndata: {env: ${escape('return JSON.stringify(process.env)')}}\n`,
      ],
    ])('up with %s fails before anything is created', async (_, object) => {
      using scratch = scratchDir();
      const template = path.join(scratch.dir, 't.njk');
      writeFileSync(template, withObject(object));
      await expect(
        run(doubleInputs(api, hello.dir, { command: 'up', 'env-id': 'pr-11', template }), {
          context: { repository: 'acme/web' },
        }),
      ).rejects.toThrow(/The template/);
      expect(api.fixtures.objects('Lease')).toEqual([]);
      expect(api.fixtures.objectsMatching('app.kubernetes.io/managed-by=kube-pod-preview')).toEqual([]);
    });
  });
});
