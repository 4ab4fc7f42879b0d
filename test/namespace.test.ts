import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { loadKubeConfig } from '../src/kube/config.js';
import { kubeconfigNamespace } from '../src/kube/kubeconfig-namespace.js';
import { mapInputs } from '../src/model/inputs.js';
import { resolveSettings } from '../src/model/resolve-settings.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { NAMESPACE, ROOT, memoryLogger, node, run, scratchDir, type HelloProject } from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/** A kubeconfig whose contexts name these namespaces (undefined: none), the first current. */
function kubeconfig(contexts: Record<string, string | undefined>, server = 'https://127.0.0.1:1'): string {
  const names = Object.keys(contexts);
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: names.map((name) => ({ name, cluster: { server, 'insecure-skip-tls-verify': true } })),
    users: names.map((name) => ({ name, user: { token: `token-${name}` } })),
    contexts: names.map((name) => ({
      name,
      context: { cluster: name, user: name, ...(contexts[name] ? { namespace: contexts[name] } : {}) },
    })),
    'current-context': names[0],
  });
}

/** The double's kubeconfig with its context naming `namespace`, as the README's recipe makes it. */
function withNamespace(text: string, namespace: string): string {
  const config = parse(text);
  config.contexts[0].context.namespace = namespace;
  return stringify(config);
}

const project = { workingDirectory: '/work/app', composeFiles: [] };

describe("the namespace of the kubeconfig's context", () => {
  it('is found as kubectl finds it: input context, else the current one; KUBECONFIG merged, the first file winning', () => {
    using scratch = scratchDir();
    const a = path.join(scratch.dir, 'a');
    const b = path.join(scratch.dir, 'b');
    writeFileSync(a, kubeconfig({ ci: 'previews', other: undefined }));
    writeFileSync(b, kubeconfig({ later: 'elsewhere', ci: 'shadowed' }));
    const env = { KUBECONFIG: `${a}:${b}`, HOME: scratch.dir };
    const lookup = kubeconfigNamespace(env);
    const source = { kind: 'default' } as const;
    expect(lookup(source, undefined)).toEqual({
      namespace: 'previews',
      from: `the kubeconfig's context "ci"`,
    });
    expect(lookup(source, 'later')).toEqual({
      namespace: 'elsewhere',
      from: `the kubeconfig's context "later"`,
    });
    expect(lookup(source, 'other')).toBeUndefined();
    // The client connects with that same context: the first file's current context, as kubectl does.
    expect(loadKubeConfig(source, undefined, memoryLogger(), env).getCurrentContext()).toBe('ci');
    expect(
      lookup({ kind: 'content', content: kubeconfig({ x: 'from-content' }) }, undefined)?.namespace,
    ).toBe('from-content');
    expect(lookup({ kind: 'file', path: b, from: 'x-preevy kubeconfig' }, undefined)?.namespace).toBe(
      'elsewhere',
    );
    // No kubeconfig at all, or one that does not parse: nothing (plan still runs, in `default`).
    expect(kubeconfigNamespace({ HOME: scratch.dir })(source, undefined)).toBeUndefined();
    expect(lookup({ kind: 'content', content: '{[' }, undefined)).toBeUndefined();
  });

  it('comes after input namespace and x-preevy, before the default; each says where it came from', () => {
    const lookup = () => ({ namespace: 'from-kubeconfig', from: `the kubeconfig's context "ci"` });
    const pick = (inputs: Record<string, string>, compose: { namespace?: string }) => {
      const s = resolveSettings(mapInputs(inputs), compose, project, lookup);
      return [s.namespace, s.namespaceFrom];
    };
    expect(pick({ namespace: 'from-input' }, { namespace: 'from-compose' })).toEqual([
      'from-input',
      'input namespace',
    ]);
    expect(pick({}, { namespace: 'from-compose' })).toEqual([
      'from-compose',
      'x-preevy namespace of the compose file',
    ]);
    expect(pick({}, {})).toEqual(['from-kubeconfig', `the kubeconfig's context "ci"`]);
    const none = resolveSettings(mapInputs({}), {}, project, () => undefined);
    expect([none.namespace, none.namespaceFrom]).toEqual([
      'default',
      'the default: neither input namespace, x-preevy nor the kubeconfig names one',
    ]);
    expect(() =>
      resolveSettings(mapInputs({}), {}, project, () => ({
        namespace: 'Bad_NS',
        from: 'the kubeconfig\'s context "x"',
      })),
    ).toThrow(/The namespace of the kubeconfig's context "x" must be a DNS label/);
  });
});

describe('against the API-server double', () => {
  let api: FakeKubeApiServer;
  let hello: HelloProject;
  useDoubleWithHello({ double: 'per-file', hello: 'per-file' }, (made) => ({ api, hello } = made));

  it('doctor uses the namespace of the kubeconfig’s context when no input names one', async () => {
    const log = memoryLogger();
    const outcome = await run(
      {
        command: 'doctor',
        'env-id': 'demo',
        kubeconfig: withNamespace(api.kubeconfig(), NAMESPACE),
        'working-directory': hello.dir,
      },
      { log },
    );
    expect(outcome.namespace).toBe(NAMESPACE);
    expect(outcome.checks?.filter((c) => c.state === 'failed')).toEqual([]);
    expect(log.lines).toContain(
      `Environment demo (id ${outcome.ids.id}) in namespace ${NAMESPACE} (the kubeconfig's context "double"): doctor`,
    );
  });

  it('a namespace the identity has no rights in is named, with where it came from, before any rule', async () => {
    api.rules = [];
    try {
      const failure = await run({
        command: 'up',
        'env-id': 'demo',
        kubeconfig: withNamespace(api.kubeconfig(), NAMESPACE),
        'working-directory': hello.dir,
      }).then(
        () => '',
        (e: Error) => e.message,
      );
      expect(failure).toMatch(
        /^The kubeconfig's identity lacks \d+ permissions in namespace "previews" \(the kubeconfig's context "double"\): /,
      );
      expect(failure).toContain(
        'It has none of the permissions a run needs there: if its Role is in another namespace, set input namespace',
      );
      expect(failure.indexOf('set input namespace')).toBeLessThan(failure.indexOf('apiGroups'));
    } finally {
      api.rules = undefined;
    }
  });
});

describe('plan (the built CLI) without a cluster', () => {
  const cli = path.join(ROOT, 'dist/cli/index.js');
  const hello = path.join(ROOT, 'examples/hello');
  const namespaces = (stdout: string) => [
    ...new Set(parseAllDocuments(stdout).map((d) => d.toJS().metadata.namespace as string)),
  ];

  it("renders into the kubeconfig context's namespace, and into default without a kubeconfig, saying so", async () => {
    using scratch = scratchDir();
    const file = path.join(scratch.dir, 'config');
    writeFileSync(file, kubeconfig({ ci: 'previews' }));
    const withConfig = await node(cli, ['plan', '--env-id', 'demo'], {
      cwd: hello,
      env: { KUBECONFIG: file },
    });
    expect(withConfig.code).toBe(0);
    expect(namespaces(withConfig.stdout)).toEqual(['previews']);
    expect(withConfig.stderr).toContain(`in namespace previews (the kubeconfig's context "ci")`);

    const without = await node(cli, ['plan', '--env-id', 'demo'], {
      cwd: hello,
      env: { KUBECONFIG: '/nonexistent', HOME: scratch.dir },
    });
    expect(without.code).toBe(0);
    expect(namespaces(without.stdout)).toEqual(['default']);
    expect(without.stderr).toContain(
      'in namespace default (the default: neither input namespace, x-preevy nor the kubeconfig names one)',
    );
  });
});
