import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCall, type Reply } from './k8s/raw.js';
import { FakeKubeApiServer } from './k8s/server.js';
import WebSocket from 'ws';

/**
 * The API-server double must behave as the documented API server does, not as our code happens to
 * call it. These tests speak plain HTTPS to it and check status codes, Status bodies and semantics.
 */
let api: FakeKubeApiServer;

beforeAll(async () => {
  api = new FakeKubeApiServer();
  await api.start();
});
afterAll(() => api.stop());

function call(
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
  token = api.token,
): Promise<Reply> {
  return rawCall(api, method, path, { body, contentType, token });
}

/** Reads a watch stream until `count` events arrived or the server ended it. */
function watch(path: string, count: number, whileOpen?: () => Promise<void>): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const events: any[] = [];
    const req = https.get(
      `${api.url}${path}`,
      { ca: api.ca, headers: { authorization: `Bearer ${api.token}` } },
      (res) => {
        let buffer = '';
        res.on('data', (chunk) => {
          buffer += chunk;
          let nl;
          while ((nl = buffer.indexOf('\n')) >= 0) {
            events.push(JSON.parse(buffer.slice(0, nl)));
            buffer = buffer.slice(nl + 1);
            if (events.length === count) {
              req.destroy();
              resolve(events);
            }
          }
        });
        res.on('end', () => resolve(events));
        void whileOpen?.();
      },
    );
    req.on('error', (e) => (events.length >= count ? resolve(events) : reject(e)));
  });
}

const cm = (name: string, data: Record<string, string> = {}, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data,
});
const CM = '/api/v1/namespaces/default/configmaps';

describe('errors are Status objects with the documented codes', () => {
  it('401 without a valid token', async () => {
    const r = await call('GET', CM, undefined, undefined, 'nope');
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 });
  });

  it('404 NotFound names the resource, with details', async () => {
    const r = await call('GET', `${CM}/missing`);
    expect(r.status).toBe(404);
    expect(r.type).toBe('application/json');
    expect(r.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'configmaps "missing" not found',
      reason: 'NotFound',
      details: { name: 'missing', kind: 'configmaps' },
      code: 404,
    });
    const sts = await call('GET', '/apis/apps/v1/namespaces/default/statefulsets/x');
    expect(sts.body.message).toBe('statefulsets.apps "x" not found');
    expect(sts.body.details).toEqual({ name: 'x', group: 'apps', kind: 'statefulsets' });
  });

  it('409 AlreadyExists on a second create; 404 for a missing namespace; 400 for a namespace mismatch', async () => {
    expect((await call('POST', CM, cm('dup'))).status).toBe(201);
    const again = await call('POST', CM, cm('dup'));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ reason: 'AlreadyExists', message: 'configmaps "dup" already exists' });
    const ns = await call('POST', '/api/v1/namespaces/ghost/configmaps', cm('x'));
    expect(ns.status).toBe(404);
    expect(ns.body.details).toEqual({ name: 'ghost', kind: 'namespaces' });
    const mismatch = await call('POST', CM, {
      ...cm('y'),
      metadata: { name: 'y', namespace: 'kube-system' },
    });
    expect(mismatch.status).toBe(400);
  });

  it('422 Invalid with causes for a bad name, labels or workload', async () => {
    const r = await call('POST', CM, cm('Bad_Name'));
    expect(r.status).toBe(422);
    expect(r.body.reason).toBe('Invalid');
    expect(r.body.details.causes[0].field).toBe('metadata.name');
    expect((await call('POST', CM, cm('ok', {}, { 'bad key!': 'x' }))).status).toBe(422);
    const sts = await call('POST', '/apis/apps/v1/namespaces/default/statefulsets', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        template: { metadata: { labels: { a: 'c' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
      },
    });
    expect(sts.status).toBe(422);
    expect(sts.body.message).toContain('`selector` does not match template `labels`');
  });

  it('404 for an unknown resource or group, 405 for an unsupported method', async () => {
    expect((await call('GET', '/apis/example.com/v1')).status).toBe(404);
    expect((await call('GET', '/api/v1/namespaces/default/widgets')).status).toBe(404);
    expect((await call('POST', `${CM}/x`, cm('x'))).status).toBe(405);
  });
});

describe('discovery', () => {
  it('lists resources with scope, verbs and the exec and portforward subresources', async () => {
    const r = await call('GET', '/api/v1');
    expect(r.body.kind).toBe('APIResourceList');
    const names = r.body.resources.map((x: any) => x.name);
    expect(names).toEqual(
      expect.arrayContaining(['pods', 'pods/exec', 'pods/portforward', 'configmaps', 'namespaces']),
    );
    expect(r.body.resources.find((x: any) => x.name === 'namespaces').namespaced).toBe(false);
    const groups = await call('GET', '/apis');
    expect(groups.body.groups.map((g: any) => g.name)).toContain('apps');
  });
});

describe('server-side apply', () => {
  const path = `${CM}/applied`;
  const apply = (body: unknown, query: string) =>
    call('PATCH', `${path}?${query}`, body, 'application/apply-patch+yaml');

  it('requires a field manager (422) and allows force only for apply (422)', async () => {
    const r = await apply(cm('applied'), '');
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('fieldManager: Required value');
    const merge = await call('PATCH', `${path}?force=true`, {}, 'application/merge-patch+json');
    expect(merge.status).toBe(422);
  });

  it('creates (201), updates (200), removes fields the manager dropped, and accepts YAML', async () => {
    expect((await apply(cm('applied', { a: '1', b: '2' }), 'fieldManager=me')).status).toBe(201);
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: "1"\n';
    const r = await apply(yaml, 'fieldManager=me');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ a: '1' });
    expect(r.body.metadata.managedFields[0]).toMatchObject({
      manager: 'me',
      operation: 'Apply',
      fieldsType: 'FieldsV1',
    });
  });

  it('reports a conflict with another manager (409) unless forced', async () => {
    await call(
      'PATCH',
      `${path}?fieldManager=kubectl-edit`,
      { data: { a: 'edited' } },
      'application/merge-patch+json',
    );
    const conflict = await apply(cm('applied', { a: '1' }), 'fieldManager=me');
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ reason: 'Conflict' });
    expect(conflict.body.message).toContain('conflict with "kubectl-edit": .data.a');
    const forced = await apply(cm('applied', { a: '1' }), 'fieldManager=me&force=true');
    expect(forced.status).toBe(200);
    expect(forced.body.data.a).toBe('1');
  });

  it('415 for a patch type it does not know', async () => {
    expect((await call('PATCH', path, {}, 'application/x-unknown')).status).toBe(415);
  });
});

describe('patches and updates', () => {
  it('merge patch (null deletes), strategic merge (containers by name) and JSON patch', async () => {
    await call('POST', CM, cm('p', { a: '1', b: '2' }));
    const merged = await call(
      'PATCH',
      `${CM}/p`,
      { data: { a: null, c: '3' } },
      'application/merge-patch+json',
    );
    expect(merged.body.data).toEqual({ b: '2', c: '3' });
    const json = await call(
      'PATCH',
      `${CM}/p`,
      [{ op: 'replace', path: '/data/b', value: 'x' }],
      'application/json-patch+json',
    );
    expect(json.body.data.b).toBe('x');
    const badJson = await call(
      'PATCH',
      `${CM}/p`,
      [{ op: 'remove', path: '/data/nope' }],
      'application/json-patch+json',
    );
    expect(badJson.status).toBe(422);

    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'smp' },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'smp' } },
        template: {
          metadata: { labels: { app: 'smp' } },
          spec: {
            containers: [
              { name: 'a', image: 'a:1' },
              { name: 'b', image: 'b:1' },
            ],
          },
        },
      },
    };
    await call('POST', '/apis/apps/v1/namespaces/default/deployments', deploy);
    const smp = await call(
      'PATCH',
      '/apis/apps/v1/namespaces/default/deployments/smp',
      { spec: { template: { spec: { containers: [{ name: 'b', image: 'b:2' }] } } } },
      'application/strategic-merge-patch+json',
    );
    expect(smp.body.spec.template.spec.containers).toEqual([
      { name: 'a', image: 'a:1' },
      { name: 'b', image: 'b:2' },
    ]);
    expect(smp.body.metadata.generation).toBe(2);
  });

  it('409 Conflict for an update with a stale resourceVersion', async () => {
    const created = (await call('POST', CM, cm('rv'))).body;
    await call('PUT', `${CM}/rv`, { ...created, data: { v: '1' } });
    const stale = await call('PUT', `${CM}/rv`, { ...created, data: { v: '2' } });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('the object has been modified');
  });
});

describe('lists, selectors and watches', () => {
  it('filters by label selector (=, !=, in, notin, exists, !exists) and rejects bad selectors', async () => {
    await call('POST', CM, cm('l1', {}, { tier: 'web', env: 'a' }));
    await call('POST', CM, cm('l2', {}, { tier: 'db', env: 'b' }));
    const names = async (selector: string) =>
      (await call('GET', `${CM}?labelSelector=${encodeURIComponent(selector)}`)).body.items.map(
        (i: any) => i.metadata.name,
      );
    expect(await names('tier=web')).toEqual(['l1']);
    expect(await names('tier in (web,db),env!=b')).toEqual(['l1']);
    // notin also matches objects without the key, as on a real server.
    expect(await names('tier notin (web),tier')).toEqual(['l2']);
    expect(await names('tier notin (web)')).toContain('dup');
    expect(await names('env')).toEqual(['l1', 'l2']);
    expect(await names('!tier,env')).toEqual([]);
    expect((await call('GET', `${CM}?labelSelector=${encodeURIComponent('a in b')}`)).status).toBe(400);
    expect((await call('GET', `${CM}?fieldSelector=spec.x%3Dy`)).status).toBe(400);
    const list = await call('GET', `${CM}?fieldSelector=metadata.name%3Dl2`);
    expect(list.body).toMatchObject({ kind: 'ConfigMapList', apiVersion: 'v1' });
    expect(Number(list.body.metadata.resourceVersion)).toBeGreaterThan(0);
  });

  it('replays changes after a resourceVersion and sends DELETED when an object stops matching', async () => {
    const rv = (await call('GET', CM)).body.metadata.resourceVersion;
    await call('POST', CM, cm('w1', {}, { watch: 'me' }));
    await call(
      'PATCH',
      `${CM}/w1`,
      { metadata: { labels: { watch: 'no' } } },
      'application/merge-patch+json',
    );
    const events = await watch(
      `${CM}?watch=true&resourceVersion=${rv}&labelSelector=watch%3Dme&timeoutSeconds=1`,
      2,
    );
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED w1', 'DELETED w1']);
  });

  it('answers a watch from a compacted resourceVersion with a 410 Expired ERROR event', async () => {
    const rv = (await call('GET', CM)).body.metadata.resourceVersion;
    await call('POST', CM, cm('c1'));
    api.fixtures.compact();
    const [event] = await watch(`${CM}?watch=true&resourceVersion=${rv}`, 1);
    expect(event).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    // The version a list answers right after is never too old: a watch from it carries what follows.
    const now = (await call('GET', CM)).body.metadata.resourceVersion;
    setTimeout(() => void call('POST', CM, cm('c2')), 100);
    const [next] = await watch(`${CM}?watch=true&resourceVersion=${now}`, 1);
    expect(next).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'c2' } } });
  });
});

describe('deletion', () => {
  it('Foreground: 202 with deletionTimestamp, dependents removed first, then the owner', async () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'fg' },
      spec: {
        selector: { matchLabels: { app: 'fg' } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain' },
        template: { metadata: { labels: { app: 'fg' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    };
    await call('POST', '/apis/apps/v1/namespaces/default/statefulsets', sts);
    await waitFor(async () => (await call('GET', '/api/v1/namespaces/default/pods/fg-0')).status === 200);
    const r = await call(
      'DELETE',
      '/apis/apps/v1/namespaces/default/statefulsets/fg?propagationPolicy=Foreground',
    );
    expect(r.status).toBe(202);
    expect(r.body.metadata.deletionTimestamp).toBeTruthy();
    expect(r.body.metadata.finalizers).toContain('foregroundDeletion');
    await waitFor(
      async () => (await call('GET', '/apis/apps/v1/namespaces/default/statefulsets/fg')).status === 404,
    );
    expect((await call('GET', '/api/v1/namespaces/default/pods/fg-0')).status).toBe(404);
    // Retained by the policy, and protected until no pod uses it.
    const pvc = await call('GET', '/api/v1/namespaces/default/persistentvolumeclaims/data-fg-0');
    expect(pvc.status).toBe(200);
    expect(pvc.body.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const del = await call('DELETE', '/api/v1/namespaces/default/persistentvolumeclaims/data-fg-0');
    expect(del.status).toBe(202);
    await waitFor(
      async () =>
        (await call('GET', '/api/v1/namespaces/default/persistentvolumeclaims/data-fg-0')).status === 404,
    );
  });

  it('Background: 200 Success Status at once for an object without finalizers', async () => {
    await call('POST', CM, cm('bg'));
    const r = await call('DELETE', `${CM}/bg`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'bg', kind: 'configmaps' },
    });
    expect((await call('DELETE', `${CM}/bg`)).status).toBe(404);
  });
});

describe('graceful pod deletion', () => {
  const pod = (name: string, grace?: number) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      containers: [{ name: 'c', image: 'i' }],
      ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
    },
  });
  const PODS = '/api/v1/namespaces/default/pods';

  it("takes the request's grace period, else the pod's own (30 s by default); a later delete lowers the object's, not the stop begun", async () => {
    // ObjectMeta.deletionGracePeriodSeconds: "May only be shortened"; PodSpec.terminationGracePeriodSeconds:
    // "May be decreased in delete request". But the kubelet keeps the grace period its stop began with
    // (../shared/real-cluster/teardown-timings.json, variants d, e, g).
    const began = new Map<string, number>();
    api.behaviour.stopPod = (p, grace) => {
      began.set((p.metadata as { name: string }).name, grace);
      return grace <= 5; // longer stands for a kubelet still waiting
    };
    try {
      await call('POST', PODS, pod('grace-default'));
      await call('POST', PODS, pod('grace-own', 7));
      await call('POST', PODS, pod('grace-short'));
      const first = await call('DELETE', `${PODS}/grace-default`);
      expect(first.status).toBe(200);
      expect(first.body.metadata.deletionGracePeriodSeconds).toBe(30);
      expect((await call('DELETE', `${PODS}/grace-own`)).body.metadata.deletionGracePeriodSeconds).toBe(7);
      const longer = await call('DELETE', `${PODS}/grace-own?gracePeriodSeconds=20`);
      expect(longer.body.metadata.deletionGracePeriodSeconds).toBe(7);
      const shorter = await call('DELETE', `${PODS}/grace-default`, { gracePeriodSeconds: 1 });
      expect(shorter.body.metadata.deletionGracePeriodSeconds).toBe(1);
      await call('DELETE', `${PODS}/grace-short?gracePeriodSeconds=1`);
      await waitFor(async () => (await call('GET', `${PODS}/grace-short`)).status === 404);
      await new Promise((resolve) => setTimeout(resolve, 5 * api.behaviour.tickMs));
      // Still stopping with the 30 s it began with, though the object says 1.
      const still = await call('GET', `${PODS}/grace-default`);
      expect(still.status).toBe(200);
      expect(still.body.metadata.deletionGracePeriodSeconds).toBe(1);
      expect(Object.fromEntries(began)).toEqual({ 'grace-default': 30, 'grace-own': 7, 'grace-short': 1 });
    } finally {
      api.behaviour.stopPod = undefined;
    }
  });
});

describe('self-reviews', () => {
  const RULES = '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews';
  const review = (namespace?: string) => ({
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectRulesReview',
    spec: namespace ? { namespace } : {},
  });

  it('a rules review needs a namespace, and lists the Role’s rules (every verb on everything without RBAC)', async () => {
    const missing = await call('POST', RULES, review());
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ reason: 'BadRequest', message: 'no namespace on request' });
    const open = await call('POST', RULES, review('default'));
    expect(open.status).toBe(201);
    expect(open.body.status).toMatchObject({
      incomplete: false,
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    });
    api.rules = [{ apiGroups: [''], resources: ['*/exec'], verbs: ['create'] }];
    try {
      const rbac = await call('POST', RULES, review('default'));
      expect(rbac.body.status.resourceRules).toContainEqual({
        apiGroups: [''],
        resources: ['*/exec'],
        verbs: ['create'],
      });
      // `*/exec` is every resource's exec subresource, and nothing else.
      const exec = await call('POST', '/api/v1/namespaces/default/pods/x/exec?command=true');
      expect(exec.status).not.toBe(403);
      expect((await call('GET', '/api/v1/namespaces/default/pods')).status).toBe(403);
    } finally {
      api.rules = undefined;
    }
  });
});

describe('WebSocket upgrades, authorized as a server of the configured version does', () => {
  // ../shared/real-cluster/api/rbac-ws-*.json (v1.28: `get`); from 1.35 `create` too (test/k8s/upgrades.ts).
  async function upgrade(): Promise<{ status: number; body: any }> {
    const url = `${api.url.replace(/^https/, 'wss')}/api/v1/namespaces/default/pods/ws/portforward?ports=2375`;
    const ws = new WebSocket(url, ['v4.channel.k8s.io'], {
      ca: api.ca,
      headers: { authorization: `Bearer ${api.token}` },
    });
    ws.on('error', () => {});
    return new Promise((resolve) => {
      ws.once('unexpected-response', (_request, response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      ws.once('open', () => {
        ws.terminate();
        resolve({ status: 101, body: '' });
      });
    });
  }
  const role = (verbs: string[]) => [{ apiGroups: [''], resources: ['pods/portforward'], verbs }];

  it('get on every version; get and create from 1.35, whose refusal names no verb', async () => {
    await api.fixtures.runningPod('ws');
    try {
      // No upgrade handler here: an authorized upgrade reaches the stream endpoint's 400.
      api.rules = role(['get']);
      expect((await upgrade()).status).toBe(400);
      api.rules = role(['create']);
      const refused = await upgrade();
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({
        reason: 'Forbidden',
        message: `pods "ws" is forbidden: User "${api.user}" cannot get resource "pods/portforward" in API group "" in the namespace "default"`,
        details: { name: 'ws', kind: 'pods' },
      });
      api.kubernetesVersion = 'v1.35.0';
      expect((await call('GET', '/version')).body).toMatchObject({ major: '1', minor: '35' });
      api.rules = role(['get']);
      const create = await upgrade();
      expect(create.status).toBe(403);
      expect(JSON.parse(create.body)).toMatchObject({
        reason: 'Forbidden',
        message: 'pods "ws" is forbidden: ',
        details: { name: 'ws', kind: 'pods' },
      });
      api.rules = role(['get', 'create']);
      expect((await upgrade()).status).toBe(400);
    } finally {
      api.rules = undefined;
      api.kubernetesVersion = 'v1.28.7';
    }
  });
});

describe('dry run and admission', () => {
  // API concepts, "Dry-run": dryRun=All goes through validation and admission and persists nothing;
  // "All" is the only value. Pod Security's enforce mode judges pods, not their workloads.
  const pod = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'docker', image: 'docker:dind', securityContext: { privileged: true } }] },
  });

  it('stores nothing for dryRun=All, on create, apply and patch, and refuses other values', async () => {
    const created = await call('POST', '/api/v1/namespaces/default/configmaps?dryRun=All', cm('dry'));
    expect(created.status).toBe(201);
    expect(created.body.metadata.name).toBe('dry');
    const applied = await call(
      'PATCH',
      '/api/v1/namespaces/default/configmaps/dry?fieldManager=t&dryRun=All',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dry}\ndata: {a: "1"}\n',
      'application/apply-patch+yaml',
    );
    expect(applied.status).toBe(201);
    expect((await call('GET', '/api/v1/namespaces/default/configmaps/dry')).status).toBe(404);
    await call('POST', '/api/v1/namespaces/default/configmaps', cm('wet', { a: '1' }));
    const patched = await call(
      'PATCH',
      '/api/v1/namespaces/default/configmaps/wet?dryRun=All',
      { data: { a: '2' } },
      'application/merge-patch+json',
    );
    expect(patched.body.data).toEqual({ a: '2' });
    expect((await call('GET', '/api/v1/namespaces/default/configmaps/wet')).body.data).toEqual({ a: '1' });
    const bad = await call('POST', '/api/v1/namespaces/default/configmaps?dryRun=true', cm('x'));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('dryRun: Unsupported value: []string{"true"}: supported values: "All"');
  });

  it('enforces Pod Security baseline on pods (dry run or not) and not on workloads', async () => {
    api.fixtures.addNamespace('locked', { 'pod-security.kubernetes.io/enforce': 'baseline' });
    for (const query of ['?dryRun=All', '']) {
      const refused = await call('POST', `/api/v1/namespaces/locked/pods${query}`, pod('p'));
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ reason: 'Forbidden' });
      expect(refused.body.message).toBe(
        'pods "p" is forbidden: violates PodSecurity "baseline:latest": privileged (container "docker" must not set securityContext.privileged=true)',
      );
    }
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: {
        selector: { matchLabels: { a: 'b' } },
        template: { metadata: { labels: { a: 'b' } }, spec: pod('x').spec },
      },
    };
    const stored = await call('POST', '/apis/apps/v1/namespaces/locked/statefulsets?dryRun=All', sts);
    expect(stored.status).toBe(201);
    api.fixtures.addNamespace('open');
    expect((await call('POST', '/api/v1/namespaces/open/pods?dryRun=All', pod('p'))).status).toBe(201);
  });

  it('refuses a pod whose ServiceAccount does not exist, dry run or not, before Pod Security (dryrun-pod-missing-sa.json)', async () => {
    api.fixtures.addNamespace('accounts', { 'pod-security.kubernetes.io/enforce': 'baseline' });
    const PODS = '/api/v1/namespaces/accounts/pods';
    const withAccount = { ...pod('p'), spec: { ...pod('p').spec, serviceAccountName: 'preview-sa' } };
    const account = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'preview-sa' } };
    for (const query of ['?dryRun=All', '']) {
      const refused = await call('POST', `${PODS}${query}`, withAccount);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'Forbidden',
        code: 403,
        message:
          'pods "p" is forbidden: error looking up service account accounts/preview-sa: serviceaccount "preview-sa" not found',
        details: { name: 'p', kind: 'pods' },
      });
    }
    // A dry-run ServiceAccount does not count.
    await call('POST', '/api/v1/namespaces/accounts/serviceaccounts?dryRun=All', account);
    expect((await call('POST', `${PODS}?dryRun=All`, withAccount)).body.reason).toBe('Forbidden');
    expect((await call('POST', `${PODS}?dryRun=All`, withAccount)).body.message).toContain('service account');
    // Once it exists, the next plugin answers; the namespace's `default` account always exists.
    await call('POST', '/api/v1/namespaces/accounts/serviceaccounts', account);
    expect((await call('POST', `${PODS}?dryRun=All`, withAccount)).body.message).toContain('PodSecurity');
    expect((await call('POST', `${PODS}?dryRun=All`, pod('p'))).body.message).toContain('PodSecurity');
  });

  it('records a StatefulSet’s pod refused for a missing ServiceAccount as FailedCreate', async () => {
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'needs-sa' },
      spec: {
        selector: { matchLabels: { a: 'sa' } },
        template: {
          metadata: { labels: { a: 'sa' } },
          spec: { serviceAccountName: 'missing', containers: [{ name: 'c', image: 'i' }] },
        },
      },
    };
    expect((await call('POST', '/apis/apps/v1/namespaces/default/statefulsets', sts)).status).toBe(201);
    const failed = async () =>
      (await call('GET', '/api/v1/namespaces/default/events?fieldSelector=reason%3DFailedCreate')).body.items
        .map((e: { message: string }) => e.message)
        .find((m: string) => m.includes('needs-sa-0'));
    await waitFor(async () => (await failed()) !== undefined);
    expect(await failed()).toBe(
      'create Pod needs-sa-0 in StatefulSet needs-sa failed error: pods "needs-sa-0" is forbidden: error looking up service account default/missing: serviceaccount "missing" not found',
    );
    expect((await call('GET', '/api/v1/namespaces/default/pods/needs-sa-0')).status).toBe(404);
    await call('DELETE', '/apis/apps/v1/namespaces/default/statefulsets/needs-sa');
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
