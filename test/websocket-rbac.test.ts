import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeClient } from '../src/kube/client.js';
import { connectToPod } from '../src/kube/connection.js';
import type { InputName } from '../src/model/inputs.js';
import type { PolicyRule } from './k8s/rbac.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { NAMESPACE, ROOT, doubleInputs, memoryLogger, run, type HelloProject } from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/**
 * What exec and port-forward need of RBAC: their WebSocket upgrades are GETs, authorized as `get` by
 * every API server and as `create` too from 1.35 (../shared/real-cluster/api/rbac-ws-*.json; the double
 * acts as the version it is told, test/k8s/upgrades.ts).
 */
let api: FakeKubeApiServer;
let hello: HelloProject;

useDoubleWithHello({ double: 'per-test', hello: 'per-file' }, (made) => ({ api, hello } = made));

function inputs(extra: Partial<Record<InputName, string>> = {}): Partial<Record<InputName, string>> {
  return doubleInputs(api, hello.dir, extra);
}

/** deploy/rbac.yaml's Role, with `verbs` on pods/exec and pods/portforward instead of its own. */
function roleWith(verbs: string[]): PolicyRule[] {
  const docs = parseAllDocuments(readFileSync(path.join(ROOT, 'deploy/rbac.yaml'), 'utf8')).map(
    (d) => d.toJS() as { kind: string; rules?: PolicyRule[] },
  );
  const rules = docs.find((d) => d.kind === 'Role')!.rules!;
  return rules.map((r) => (r.resources.includes('pods/portforward') ? { ...r, verbs } : r));
}

/** What a refused run left: objects and writes that were not dry runs or reviews. */
function writes() {
  return api.requests.filter(
    (r) => r.method !== 'GET' && !r.query.get('dryRun') && !/accessreviews|rulesreviews/.test(r.path),
  );
}

describe('the permission check of up', () => {
  it('refuses a Role granting only create on exec and port-forward, naming get, before changing anything', async () => {
    api.rules = roleWith(['create']);
    const error = await run(inputs({ command: 'up' })).catch((e: Error) => e);
    const message = String(error);
    expect(message).toContain(
      'lacks 2 permissions in namespace "previews" (input namespace): get pods/exec; get pods/portforward',
    );
    expect(message).toContain('pods/exec and pods/portforward are WebSocket upgrades of an HTTP GET');
    expect(message).toContain('resources: ["pods/portforward"]\n    verbs: ["get"]');
    expect(writes()).toEqual([]);
    expect(api.fixtures.objectsIn(NAMESPACE)).toEqual([]);
    expect(api.requests.filter((r) => r.path === '/version')).toHaveLength(1);
  });

  it('on Kubernetes 1.35, refuses a Role granting only get, naming create and the server’s version', async () => {
    api.kubernetesVersion = 'v1.35.0';
    api.rules = roleWith(['get']);
    const message = String(await run(inputs({ command: 'up' })).catch((e: Error) => e));
    expect(message).toContain('create pods/exec; create pods/portforward');
    expect(message).toContain('Kubernetes 1.35 and later (this server is v1.35.0) also authorize');
    expect(writes()).toEqual([]);
  });

  it('on Kubernetes 1.35, deploys with deploy/rbac.yaml’s Role (get and create)', async () => {
    api.kubernetesVersion = 'v1.35.0';
    api.rules = roleWith(['create', 'get']);
    const outcome = await run(inputs({ command: 'up' }));
    expect(outcome.command).toBe('up');
    await run(inputs({ command: 'down' }));
  });
});

describe('an upgrade refused with 403', () => {
  const pod = { name: 'docker-0', container: 'docker' };
  const client = () => {
    const kc = new KubeConfig();
    kc.loadFromString(api.kubeconfig());
    return new KubeClient(kc, NAMESPACE, { log: memoryLogger() });
  };

  it('fails the tunnel at once, not after the ping timeout, with the verb the Status names', async () => {
    await api.fixtures.runningPod(pod.name, NAMESPACE);
    api.rules = roleWith(['create']);
    const started = Date.now();
    const log = memoryLogger();
    const error = await connectToPod(client(), pod, {
      log,
      signal: new AbortController().signal,
      pingTimeoutMs: 20_000,
    }).catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(String(error)).toContain(
      `pods "docker-0" is forbidden: User "${api.user}" cannot get resource "pods/portforward"`,
    );
    expect(String(error)).toContain('needs "get" on pods/portforward');
    expect(String(error)).not.toContain('did not answer');
    // The pool stopped asking once the first refusals came back.
    const upgrades = api.requests.filter((r) => r.path.endsWith('/portforward')).length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(api.requests.filter((r) => r.path.endsWith('/portforward')).length).toBe(upgrades);
  });

  it('names get for an exec a create-only Role refuses', async () => {
    await api.fixtures.runningPod(pod.name, NAMESPACE);
    api.rules = roleWith(['create']);
    const error = await client()
      .exec({ pod: pod.name, container: pod.container }, ['true'])
      .catch((e: Error) => e);
    expect(String(error)).toContain('cannot get resource "pods/exec"');
    expect(String(error)).toContain('needs "get" on pods/exec');
  });

  it('on Kubernetes 1.35, names create when the refusal names no verb (the pod registry’s own check)', async () => {
    api.kubernetesVersion = 'v1.35.0';
    await api.fixtures.runningPod(pod.name, NAMESPACE);
    api.rules = roleWith(['get']);
    const error = await connectToPod(client(), pod, {
      log: memoryLogger(),
      signal: new AbortController().signal,
      pingTimeoutMs: 20_000,
    }).catch((e: Error) => e);
    expect(String(error)).toContain('Cannot port-forward to pod docker-0: pods "docker-0" is forbidden.');
    expect(String(error)).toContain('needs "create" on pods/portforward');
  });
});
