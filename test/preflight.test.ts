import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { InputName } from '../src/model/inputs.js';
import type { PolicyRule } from './k8s/rbac.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import {
  NAMESPACE,
  ROOT,
  doubleInputs,
  memoryLogger,
  node,
  run,
  scratchDir,
  type HelloProject,
} from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

let api: FakeKubeApiServer;
let hello: HelloProject;

useDoubleWithHello({ double: 'per-test', hello: 'per-file' }, (made) => ({ api, hello } = made));

function inputs(extra: Partial<Record<InputName, string>> = {}): Partial<Record<InputName, string>> {
  return doubleInputs(api, hello.dir, extra);
}

/** Everything in the namespace and every write that was not a dry run: what a refused preflight leaves. */
function traces() {
  return {
    objects: api.fixtures.objectsIn(NAMESPACE),
    writes: api.requests.filter(
      (r) =>
        ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) &&
        !r.query.get('dryRun') &&
        !/selfsubject\w+reviews/.test(r.path),
    ),
  };
}

async function refusal(extra: Partial<Record<InputName, string>>): Promise<string> {
  const error = await run(inputs({ command: 'up', ...extra })).catch((e: Error) => e);
  expect(error).toBeInstanceOf(Error);
  expect(traces()).toEqual({ objects: [], writes: [] });
  return String(error);
}

describe('the preflight of up', () => {
  it('refuses a priority-class the cluster does not have, in the Priority plugin’s words', async () => {
    const message = await refusal({ 'priority-class': 'previews-low' });
    expect(message).toMatch(/forbidden: no PriorityClass with name previews-low was found/);
    api.fixtures.seed('PriorityClass', { metadata: { name: 'previews-low' }, value: 10 });
    const outcome = await run(inputs({ command: 'up', 'priority-class': 'previews-low' }));
    expect(outcome.command).toBe('up');
    await run(inputs({ command: 'down' }));
  });

  it('names input storage-class when the StorageClass does not exist, with the ones there are', async () => {
    const message = await refusal({ 'storage-class': 'fast-ssd' });
    expect(message).toContain('StorageClass "fast-ssd" (from input storage-class) does not exist');
    expect(message).toContain('The cluster has "standard" (default "standard").');
  });

  it('says to set storage-class on a cluster without a default StorageClass', async () => {
    api.fixtures.remove('StorageClass', 'standard');
    const message = await refusal({});
    expect(message).toContain('No StorageClass is named and the cluster has no default one');
    expect(message).toContain('Set input storage-class');
  });

  it('names input ingress-class and input tls-secret when the cluster lacks them', async () => {
    const message = await refusal({
      domain: 'preview.example.com',
      'ingress-class': 'nginx',
      'tls-secret': 'wildcard-tls',
    });
    expect(message).toContain('IngressClass "nginx" (input ingress-class) does not exist');
    expect(message).toContain(
      `Secret "wildcard-tls" (input tls-secret) does not exist in namespace ${NAMESPACE}`,
    );
  });

  it('dry-runs the exposure of the ports compose declares: an object the API server refuses fails it', async () => {
    using scratch = scratchDir();
    const template = path.join(scratch.dir, 'expose.yaml.njk');
    // A label value the API server's validation refuses (no space allowed), which the plan lets through.
    const bundled = readFileSync(path.join(ROOT, 'templates/expose.yaml.njk'), 'utf8');
    writeFileSync(
      template,
      bundled.replace(
        '  namespace: {{ namespace }}\n',
        '  namespace: {{ namespace }}\n  labels: { team: "web team" }\n',
      ),
    );
    const message = await refusal({ domain: 'preview.example.com', 'expose-template': template });
    expect(message).toContain('dry run: exposure objects');
    expect(message).toMatch(
      /Service "preview-web-demo-[0-9a-f]{8}" is invalid: metadata.labels: Invalid value: "web team"/,
    );
  });
});

describe('doctor', () => {
  it('prints a line per check and changes nothing', async () => {
    api.fixtures.seed('IngressClass', {
      metadata: { name: 'nginx' },
      spec: { controller: 'k8s.io/ingress-nginx' },
    });
    const log = memoryLogger();
    const outcome = await run(
      inputs({
        command: 'doctor',
        domain: 'preview.example.com',
        'ingress-class': 'nginx',
        'tls-secret': 'wildcard-tls',
      }),
      { log },
    );
    const lines = Object.fromEntries((outcome.checks ?? []).map((c) => [c.name, c.state]));
    expect(lines).toEqual({
      cluster: 'ok',
      'permissions for up': 'ok',
      'permissions for down': 'ok',
      'dry run: objects of the pod template': 'ok',
      'dry run: exposure objects': 'ok',
      'pod admission (Pod Security, RuntimeClass, quotas)': 'ok',
      'storage class': 'ok',
      'ingress class': 'ok',
      'TLS secret': 'failed',
    });
    expect(log.lines).toContain('✔ cluster: Kubernetes v1.28.7 at ' + api.url);
    expect(log.lines.find((l) => l.startsWith('✖ TLS secret:'))).toContain('input tls-secret');
    expect(traces()).toEqual({ objects: [], writes: [] });
  });

  it('with deploy/rbac.yaml’s Role: dry runs and the pod’s admission checked, cluster-scoped classes skipped with a note', async () => {
    const role = parseAllDocuments(readFileSync(path.join(ROOT, 'deploy/rbac.yaml'), 'utf8'))
      .map((d) => d.toJSON() as { kind: string; rules?: PolicyRule[] })
      .find((d) => d.kind === 'Role')!;
    api.rules = role.rules!;
    const outcome = await run(
      inputs({ command: 'doctor', domain: 'preview.example.com', 'ingress-class': 'nginx' }),
    );
    const states = Object.fromEntries((outcome.checks ?? []).map((c) => [c.name, c.state]));
    expect(states).toMatchObject({
      'permissions for up': 'ok',
      'permissions for down': 'ok',
      'dry run: objects of the pod template': 'ok',
      'pod admission (Pod Security, RuntimeClass, quotas)': 'ok',
      'storage class': 'skipped',
      'ingress class': 'skipped',
    });
    expect(outcome.checks?.find((c) => c.name === 'storage class')?.detail).toContain('cluster-scoped');
    // Less create on pods: the pod's dry run is skipped with a note, not failed as a refusal.
    api.rules = role.rules!.map((r) =>
      r.resources?.includes('pods') ? { ...r, verbs: r.verbs.filter((v) => v !== 'create') } : r,
    );
    const without = await run(inputs({ command: 'doctor' }));
    const admission = without.checks?.find((c) => c.name.startsWith('pod admission'));
    expect(admission).toMatchObject({
      state: 'skipped',
      detail: expect.stringContaining('may not create pods'),
    });
  });

  it('checks the cluster’s default IngressClass when input ingress-class is not given', async () => {
    const classOf = async () => {
      const outcome = await run(inputs({ command: 'doctor', domain: 'preview.example.com' }));
      return outcome.checks?.find((c) => c.name === 'ingress class');
    };
    expect(await classOf()).toMatchObject({
      state: 'skipped',
      detail: expect.stringContaining('the cluster has no IngressClass'),
    });
    api.fixtures.seed('IngressClass', {
      metadata: { name: 'nginx' },
      spec: { controller: 'k8s.io/ingress-nginx' },
    });
    expect(await classOf()).toEqual({
      name: 'ingress class',
      state: 'failed',
      detail: expect.stringMatching(
        /^Input ingress-class is not set and the cluster has no default IngressClass, .* Set input ingress-class to one of "nginx", or mark one default/,
      ),
    });
    api.fixtures.seed('IngressClass', {
      metadata: { name: 'traefik', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
      spec: { controller: 'traefik.io/ingress-controller' },
    });
    expect(await classOf()).toMatchObject({
      state: 'ok',
      detail: `the Ingress names no class: the cluster's default IngressClass "traefik" serves it`,
    });
  });

  it('without an environment id (no env-id, no pull request): checks a new one under a placeholder, and says so', async () => {
    const log = memoryLogger();
    const outcome = await run(inputs({ command: 'doctor', 'env-id': '' }), { log });
    expect(outcome.ids.envId).toBe('doctor');
    const states = Object.fromEntries((outcome.checks ?? []).map((c) => [c.name, c.state]));
    expect(states).toMatchObject({
      environment: 'skipped',
      cluster: 'ok',
      'permissions for up': 'ok',
      'permissions for down': 'ok',
      'dry run: objects of the pod template': 'ok',
      'pod admission (Pod Security, RuntimeClass, quotas)': 'ok',
    });
    expect(log.lines).toContain(
      `– environment: none named (no env-id, no pull request): the checks below are of a new environment under the placeholder env-id "doctor" (id ${outcome.ids.id}); pass --env-id to check an existing one`,
    );
    expect(traces()).toEqual({ objects: [], writes: [] });
    // up and down still need one.
    await expect(run(inputs({ command: 'up', 'env-id': '' }))).rejects.toThrow('No environment id');
  });

  it('reports a namespace enforcing Pod Security baseline', async () => {
    api.fixtures.labelNamespace(NAMESPACE, { 'pod-security.kubernetes.io/enforce': 'baseline' });
    const outcome = await run(inputs({ command: 'doctor' }));
    const admission = outcome.checks?.find((c) => c.name.startsWith('pod admission'));
    expect(admission?.state).toBe('failed');
    expect(admission?.detail).toContain('violates PodSecurity "baseline:latest": privileged');
  });
});

describe('the CLI’s doctor (dist/cli/index.js)', () => {
  it('prints each check once (✔/✖ on stderr, nothing on stdout), JSON with --output json; exits 1 when one fails', async () => {
    using scratch = scratchDir();
    const kubeconfig = path.join(scratch.dir, 'kubeconfig');
    writeFileSync(kubeconfig, api.kubeconfig());
    const cli = path.join(ROOT, 'dist/cli/index.js');
    const args = ['doctor', '--env-id', 'demo', '--namespace', NAMESPACE, '--kubeconfig-file', kubeconfig];
    const failing = await node(cli, [...args, '--storage-class', 'gold'], { cwd: hello.dir });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe('');
    expect(failing.stderr.match(/^✔ cluster: Kubernetes v1\.28\.7 at /gm)).toHaveLength(1);
    expect(
      failing.stderr.match(/^✖ storage class: StorageClass "gold" \(from input storage-class\)/gm),
    ).toHaveLength(1);
    expect(failing.stderr).not.toMatch(/^(ok|failed)\t/m);

    const json = await node(cli, [...args, '--storage-class', 'gold', '--output', 'json'], {
      cwd: hello.dir,
    });
    expect(json.code).toBe(1);
    const outcome = JSON.parse(json.stdout) as { command: string; checks: { name: string; state: string }[] };
    expect(outcome.command).toBe('doctor');
    expect(outcome.checks.find((c) => c.name === 'storage class')?.state).toBe('failed');
    expect(outcome.checks.find((c) => c.name === 'cluster')?.state).toBe('ok');

    const passing = await node(cli, args, { cwd: hello.dir });
    expect(passing.stderr).not.toMatch(/^✖/m);
    expect(passing.code).toBe(0);
    const bad = await node(cli, [...args, '--output', 'yaml'], { cwd: hello.dir });
    expect(bad).toMatchObject({ code: 1, stderr: 'error: --output is text or json, got "yaml".\n' });
  });

  it('runs without --env-id outside a pull request, under the placeholder env-id', async () => {
    using scratch = scratchDir();
    const kubeconfig = path.join(scratch.dir, 'kubeconfig');
    writeFileSync(kubeconfig, api.kubeconfig());
    const args = ['doctor', '--namespace', NAMESPACE, '--kubeconfig-file', kubeconfig];
    const result = await node(path.join(ROOT, 'dist/cli/index.js'), args, { cwd: hello.dir });
    expect(`${result.stdout}${result.stderr}`).not.toContain('No environment id');
    expect(result.stderr).toContain('placeholder env-id "doctor"');
    expect(result.stderr).toMatch(/^✔ pod admission/m);
    expect(result.code).toBe(0);
  });
});

describe('plan --server', () => {
  it('prints the objects as the API server would store them, and stores nothing', async () => {
    const outcome = await run(inputs({ command: 'plan', domain: 'preview.example.com' }), {
      planOnServer: true,
    });
    const docs = parseAllDocuments(outcome.manifest ?? '').map((d) => d.toJSON());
    expect(docs.map((d) => d.kind)).toEqual(['ConfigMap', 'StatefulSet', 'Service', 'Ingress']);
    // Set by the server, not by the template: the field manager's record of the apply.
    expect(docs[1].metadata.managedFields[0].manager).toMatch(/^kube-pod-preview\//);
    expect(traces()).toEqual({ objects: [], writes: [] });
  });

  it('masks the basic-auth Secret’s data', async () => {
    const outcome = await run(
      inputs({ command: 'plan', domain: 'preview.example.com', 'basic-auth': 'reviewer:s3cr3t-passw0rd' }),
      { planOnServer: true },
    );
    const secret = parseAllDocuments(outcome.manifest ?? '')
      .map((d) => d.toJSON())
      .find((d) => d.kind === 'Secret');
    expect(secret.data).toEqual({ auth: expect.stringMatching(/^\(masked: \d+ bytes\)$/) });
    expect(outcome.manifest).not.toMatch(/cmV2aWV3ZXI6/); // base64 of "reviewer:"
    expect(traces()).toEqual({ objects: [], writes: [] });
  });
});

describe('plan without a cluster', () => {
  it('shows the exposure of the declared ports (Service, Ingress with its hosts, the Secret masked)', async () => {
    const outcome = await run(
      inputs({
        command: 'plan',
        domain: 'preview.example.com',
        'basic-auth': 'reviewer:s3cr3t-passw0rd',
        kubeconfig: '',
      }),
    );
    const docs = parseAllDocuments(outcome.manifest ?? '').map((d) => d.toJSON());
    expect(docs.map((d) => d.kind)).toEqual(['ConfigMap', 'StatefulSet', 'Service', 'Secret', 'Ingress']);
    const ingress = docs.find((d) => d.kind === 'Ingress');
    expect(ingress.spec.rules.map((r: { host: string }) => r.host)).toEqual([
      `web-8080-${outcome.ids.id}.preview.example.com`,
    ]);
    expect(docs.find((d) => d.kind === 'Service').spec.ports[0].port).toBe(hello.port);
    expect(docs.find((d) => d.kind === 'Secret').stringData).toEqual({
      auth: expect.stringMatching(/^\(masked: \d+ bytes\)$/),
    });
    expect(outcome.manifest).not.toContain('{SHA}');
    expect(outcome.manifest).not.toMatch(/cmV2aWV3ZXI6/);
    expect(api.requests).toEqual([]); // plan asks the cluster nothing
  });
});
