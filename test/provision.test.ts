import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { InputName } from '../src/model/inputs.js';
import { resourceId } from '../src/model/ids.js';
import { environmentSelector } from '../src/model/objects.js';
import { rawCall } from './k8s/raw.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { StatusError } from './k8s/status.js';
import {
  NAMESPACE,
  ROOT,
  memoryLogger,
  run,
  scratchDir,
  type HelloProject,
  doubleInputs,
  kafkaTemplate,
  freePort,
} from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/preevy');
/**
 * A name that carries the ids of pr-1 and pr-2 both: the plan lets either environment render it, so
 * only the apply's ownership check stands between one and the other's object.
 */
const SHARED = `${resourceId('acme/web', 'pr-1')}-${resourceId('acme/web', 'pr-2')}`;
const ALL_OURS = 'app.kubernetes.io/managed-by=kube-pod-preview';

let api: FakeKubeApiServer;
let hello: HelloProject;

// `up` goes all the way to running compose: the double's pod reaches this machine's Docker engine.
useDoubleWithHello({ double: 'per-test', hello: 'per-file' }, (made) => ({ api, hello } = made));

function inputs(extra: Partial<Record<InputName, string>> = {}): Partial<Record<InputName, string>> {
  return doubleInputs(api, hello.dir, extra);
}

function objects(selector = ALL_OURS) {
  return api.fixtures.objectsMatching(selector);
}

function uids(): Record<string, string> {
  return Object.fromEntries(
    api.fixtures
      .all()
      .filter((o) => (o.metadata as any).labels?.['app.kubernetes.io/managed-by'])
      .map((o) => [`${String(o.kind)}/${(o.metadata as any).name}`, (o.metadata as any).uid]),
  );
}

describe('up', () => {
  it('provisions the pod, and is idempotent when run again (server-side apply)', async () => {
    const first = await run(inputs({ command: 'up' }));
    const id = first.ids.id;
    expect(first.pod).toEqual({ name: `${id}-0`, container: 'docker' });
    const after = objects();
    expect(after).toEqual([
      `ConfigMap/${id}-dc`,
      `PersistentVolumeClaim/data-${id}-0`,
      `Pod/${id}-0`,
      `StatefulSet/${id}`,
    ]);
    const before = uids();
    const sts = api.fixtures.get('StatefulSet', id, NAMESPACE)!;

    const log = memoryLogger();
    const second = await run(inputs({ command: 'up' }), { log });
    expect(second.pod).toEqual(first.pod);
    expect(objects()).toEqual(after);
    expect(uids()).toEqual(before); // updated in place, nothing recreated
    expect(log.lines).toContain(`  StatefulSet/${id} configured`);
    const again = api.fixtures.get('StatefulSet', id, NAMESPACE)!;
    expect((again.metadata as any).generation).toBe((sts.metadata as any).generation); // no rollout
    const applies = api.requests.filter((r) => r.method === 'PATCH');
    expect(
      applies.every(
        (r) =>
          r.contentType === 'application/apply-patch+yaml' &&
          // One manager per environment: two environments conflict instead of taking over.
          r.query.get('fieldManager') === `kube-pod-preview/${id}`,
      ),
    ).toBe(true);
  });

  it('is idempotent with client-side apply (create, then patch)', async () => {
    const first = await run(inputs({ command: 'up', 'server-side-apply': 'false' }));
    const before = uids();
    await run(inputs({ command: 'up', 'server-side-apply': 'false' }));
    expect(uids()).toEqual(before);
    expect(objects()).toHaveLength(4);
    const writes = api.requests
      .filter(
        (r) =>
          (r.method === 'POST' || r.method === 'PATCH') &&
          !r.path.includes('/leases') &&
          !/\/selfsubject\w+reviews/.test(r.path),
      )
      .map(
        (r) =>
          `${r.query.get('dryRun') ? 'dry-run ' : ''}${r.method} ${r.contentType} ${/namespaces\/[^/]+\/(\w+)/.exec(r.path)?.[1]}`,
      );
    // Each run's preflight sends the same write as a dry run first; the first also the pod it will make.
    expect(writes).toEqual([
      'dry-run POST application/json configmaps',
      'dry-run POST application/json statefulsets',
      'dry-run POST application/json pods',
      'POST application/json configmaps',
      'POST application/json statefulsets',
      'dry-run PATCH application/merge-patch+json configmaps',
      'dry-run PATCH application/merge-patch+json statefulsets',
      'PATCH application/merge-patch+json configmaps',
      'PATCH application/merge-patch+json statefulsets',
    ]);
    expect(first.pod?.name).toBe(`${first.ids.id}-0`);
  });

  it('works with a Deployment docker-host, finding the pod through its ReplicaSet', async () => {
    const outcome = await run(
      inputs({ command: 'up', template: path.join(FIXTURES, 'announcement-sysbox.yaml.njk') }),
    );
    expect(outcome.pod?.name).toMatch(new RegExp(`^${outcome.ids.id}-[0-9a-f]{10}-[0-9a-z]{5}$`));
    await run(inputs({ command: 'down', template: path.join(FIXTURES, 'announcement-sysbox.yaml.njk') }));
    expect(objects()).toEqual([]);
    expect(api.fixtures.objects('ReplicaSet')).toEqual([]);
    expect(api.fixtures.objects('Pod')).toEqual([]);
  });

  it('refuses to take over an object another environment owns, saying to put {{ id }} in the name', async () => {
    using scratch = scratchDir();
    const kafka = kafkaTemplate(scratch.dir, SHARED);
    await run(inputs({ command: 'up', template: kafka, 'env-id': 'pr-1' }));
    const error = await run(inputs({ command: 'up', template: kafka, 'env-id': 'pr-2' })).catch(
      (e: Error) => e,
    );
    expect(String(error)).toContain(
      `Deployment/${SHARED} belongs to another preview environment (kube-pod-preview/env-id=pr-1`,
    );
    expect(String(error)).toContain(`put {{ id }} in metadata.name of Deployment/${SHARED} in the template`);
    // Nothing of pr-2 was created: the check runs before any write.
    expect(objects('kube-pod-preview/env-id=pr-2')).toEqual([]);
  });

  it.each([
    [
      'server-side apply',
      'true',
      `Deployment/${SHARED} is also managed by "kube-pod-preview/${resourceId('acme/web', 'pr-1')}" (another preview environment)`,
    ],
    [
      'client-side apply',
      'false',
      `Deployment/${SHARED} belongs to another preview environment (kube-pod-preview/env-id=pr-1`,
    ],
  ])(
    'refuses another environment’s object even when its read raced past the check (%s)',
    async (_, ssa, message) => {
      using scratch = scratchDir();
      const kafka = kafkaTemplate(scratch.dir, SHARED);
      await run(inputs({ command: 'up', template: kafka, 'env-id': 'pr-1', 'server-side-apply': ssa }));
      // pr-2's ownership check reads before pr-1 created the object: that one read sees nothing.
      let raced = false;
      api.interceptor = (request) => {
        if (raced || request.method !== 'GET' || !request.path.endsWith(`/deployments/${SHARED}`))
          return undefined;
        raced = true;
        return new StatusError(404, 'NotFound', `deployments.apps "${SHARED}" not found`, {
          name: SHARED,
          group: 'apps',
          kind: 'deployments',
        });
      };
      const error = await run(
        inputs({ command: 'up', template: kafka, 'env-id': 'pr-2', 'server-side-apply': ssa }),
      ).catch((e: Error) => e);
      api.interceptor = undefined;
      expect(String(error)).toContain(message);
      const deployment = api.fixtures.get('Deployment', SHARED, NAMESPACE)!;
      expect((deployment.metadata as any).labels['kube-pod-preview/env-id']).toBe('pr-1'); // not taken over
    },
  );

  it('takes over fields of the manager name earlier versions used, and no one else’s', async () => {
    const { ids } = await run(inputs({ command: 'up' }));
    const apply = (manager: string) =>
      rawCall(
        api,
        'PATCH',
        `/api/v1/namespaces/${NAMESPACE}/configmaps/${ids.id}-dc?fieldManager=${manager}&force=true`,
        {
          body: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${ids.id}-dc\n  annotations:\n    kube-pod-preview/deployed-at: "2020-01-01T00:00:00.000Z"\n`,
          contentType: 'application/apply-patch+yaml',
        },
      );
    expect((await apply('kube-pod-preview')).status).toBe(200); // as an earlier version left it
    await run(inputs({ command: 'up' }));
    expect((await apply('kubectl-edit')).status).toBe(200); // someone edited it by hand
    await expect(run(inputs({ command: 'up' }))).rejects.toThrow(
      `ConfigMap/${ids.id}-dc is also managed by "kubectl-edit"; refusing to take it over. Someone changed it outside kube-pod-preview`,
    );
  });

  it('refuses to take over an object kube-pod-preview did not create', async () => {
    const { ids } = await run(inputs({ command: 'plan' }));
    api.fixtures.seed('ConfigMap', {
      metadata: { name: `${ids.id}-dc`, namespace: NAMESPACE },
      data: { keep: 'me' },
    });
    await expect(run(inputs({ command: 'up' }))).rejects.toThrow(
      `ConfigMap/${ids.id}-dc already exists in namespace "previews" and was not created by kube-pod-preview; refusing to take it over.`,
    );
    expect(api.fixtures.get('ConfigMap', `${ids.id}-dc`, NAMESPACE)!.data).toEqual({ keep: 'me' });
  });

  it('says to create a namespace that does not exist', async () => {
    await expect(run(inputs({ command: 'up', namespace: 'nope' }))).rejects.toThrow(
      'Create the namespace (kubectl create namespace nope) or set input namespace to an existing one.',
    );
  });

  it('explains that a StatefulSet volume cannot be resized in place', async () => {
    await run(inputs({ command: 'up' }));
    await expect(run(inputs({ command: 'up', 'storage-size': '7' }))).rejects.toThrow(
      'A StatefulSet cannot change its volumeClaimTemplates (storage-size, storage-class) or selector in place: run `down` for this environment first',
    );
  });

  it('survives a watch that expires (410 Gone) or is closed by the server', async () => {
    api.behaviour.readyDelayMs = 2000;
    let watches = 0;
    api.interceptor = (request) => {
      if (request.query.get('watch') === 'true' && ++watches === 1) api.fixtures.compact();
      return undefined;
    };
    const closer = setInterval(() => api.endWatches(), 400);
    try {
      const outcome = await run(inputs({ command: 'up' }));
      expect(outcome.pod?.name).toBe(`${outcome.ids.id}-0`);
    } finally {
      clearInterval(closer);
    }
    // The first watch found its resourceVersion compacted; later ones were cut by the server.
    expect(watches).toBeGreaterThanOrEqual(3);
  });
});

describe('waiting for a Docker server that does not become ready', () => {
  it.each([
    ['never-ready', ['Ready=False', 'Readiness probe failed']],
    [
      'image-pull-error',
      [
        'waiting: ImagePullBackOff: Back-off pulling image "docker:28-dind"',
        'Failed to pull image "docker:28-dind"',
      ],
    ],
    [
      'pvc-pending',
      [
        'PersistentVolumeClaim/data-',
        ': Pending',
        'FailedScheduling',
        'unbound immediate PersistentVolumeClaims',
      ],
    ],
  ] as const)('fails after the timeout with a diagnosis (%s)', async (mode, expected) => {
    api.behaviour.mode = mode;
    const started = Date.now();
    const error = await run(inputs({ command: 'up', timeout: '2s' })).catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    const message = String(error);
    expect(message).toMatch(/StatefulSet\/web-demo-[0-9a-f]{8} was not ready after 2\.0s \(input timeout\)/);
    for (const text of expected) expect(message).toContain(text);
  });
});

describe('a cluster that refuses to create the pod', () => {
  // The bundled sysbox template sets runtimeClassName on the pod (the announcement's example sets it on
  // the Deployment, where a real API server drops it as an unknown field).
  const sysbox = 'sysbox';
  const BASELINE = { 'pod-security.kubernetes.io/enforce': 'baseline' };
  const leases = () => api.fixtures.objectsIn(NAMESPACE).filter((o) => o.startsWith('Lease/'));

  it('fails the preflight within 2 s in a namespace enforcing Pod Security baseline, changing nothing', async () => {
    api.fixtures.labelNamespace(NAMESPACE, BASELINE);
    const started = Date.now();
    const error = await run(inputs({ command: 'up', timeout: '60s' })).catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    const message = String(error);
    expect(message).toContain('The cluster would refuse this preview (nothing was changed)');
    // The API server's own words, for the pod the StatefulSet would create.
    expect(message).toMatch(
      /pods "web-demo-[0-9a-f]{8}-preflight" is forbidden: violates PodSecurity "baseline:latest": privileged \(container "docker" must not set securityContext.privileged=true\)/,
    );
    // Admission's refusal, not RBAC's: the fix is the namespace's policy or the template, not a Role.
    expect(message).toContain("The namespace's Pod Security level forbids the Docker server's pod");
    expect(message).not.toContain('lacks this permission');
    expect(objects()).toEqual([]);
    expect(leases()).toEqual([]); // refused before the lease
  });

  it('fails the preflight for a Deployment whose RuntimeClass does not exist', async () => {
    const error = await run(inputs({ command: 'up', template: sysbox, timeout: '60s' })).catch(
      (e: Error) => e,
    );
    expect(String(error)).toContain('pod rejected: RuntimeClass "sysbox-runc" not found');
    expect(objects()).toEqual([]);
  });

  it('ends the wait at once for a Deployment whose new pods lose their RuntimeClass, with its ReplicaSet’s event', async () => {
    api.fixtures.addRuntimeClass('sysbox-runc');
    await run(inputs({ command: 'up', template: sysbox }));
    // The runtime goes away; the next deploy changes the pod template, so new pods are made.
    api.fixtures.remove('RuntimeClass', 'sysbox-runc');
    const started = Date.now();
    const changed = inputs({
      command: 'up',
      template: sysbox,
      timeout: '60s',
      resources: 'requests: {cpu: 100m}',
    });
    const error = await run(changed).catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(10_000); // not the 60 s timeout
    const message = String(error);
    expect(message).toMatch(/The cluster refuses to create the pods of Deployment\/web-demo-[0-9a-f]{8}:/);
    expect(message).toContain('pod rejected: RuntimeClass "sysbox-runc" not found');
    // The diagnosis shows the ReplicaSet's FailedCreate event, not only the Deployment's scaling.
    expect(message).toMatch(
      /Warning FailedCreate ReplicaSet\/web-demo-[0-9a-f]{8}-[0-9a-f]{10}: Error creating/,
    );
    await run(inputs({ command: 'down', template: sysbox }));
    expect(objects()).toEqual([]);
  });

  it('ends the wait at once when Pod Security, enforced since the last deploy, forbids the new pod', async () => {
    await run(inputs({ command: 'up' }));
    api.fixtures.labelNamespace(NAMESPACE, BASELINE);
    const started = Date.now();
    const changed = inputs({ command: 'up', timeout: '60s', resources: 'requests: {cpu: 100m}' });
    const error = await run(changed).catch((e: Error) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    const message = String(error);
    expect(message).toMatch(/The cluster refuses to create the pods of StatefulSet\/web-demo-[0-9a-f]{8}:/);
    expect(message).toContain('violates PodSecurity "baseline:latest": privileged');
    expect(message).toContain('no pod of StatefulSet/');
  });

  it('does not hold an earlier refusal against a run after the cluster was fixed', async () => {
    await run(inputs({ command: 'up', template: sysbox, timeout: '60s' })).catch(() => undefined);
    api.fixtures.addRuntimeClass('sysbox-runc'); // the operator installs the runtime
    const outcome = await run(inputs({ command: 'up', template: sysbox, timeout: '60s' }));
    expect(outcome.pod?.name).toMatch(new RegExp(`^${outcome.ids.id}-`));
    await run(inputs({ command: 'down', template: sysbox }));
  });
});

describe('down', () => {
  it('deletes every object of the environment, pods and claims included, and waits for them to go', async () => {
    await run(inputs({ command: 'up' }));
    await run(inputs({ command: 'up', 'env-id': 'other' }));
    const outcome = await run(inputs({ command: 'down' }));
    expect(outcome.deleted).toContain(`StatefulSet/${outcome.ids.id}`);
    expect(objects(environmentSelector(outcome.ids.id))).toEqual([]);
    expect(objects('kube-pod-preview/env-id=other')).toHaveLength(4); // another environment is untouched
  });

  it('succeeds with a notice when the environment does not exist', async () => {
    const log = memoryLogger();
    const outcome = await run(inputs({ command: 'down' }), { log });
    expect(outcome.deleted).toEqual([]);
    expect(log.lines).toContain(
      'notice: Environment demo does not exist in namespace previews; nothing to delete.',
    );
  });

  it('removes kinds the deploy recorded even when the template has changed since', async () => {
    using scratch = scratchDir();
    const kafka = kafkaTemplate(scratch.dir);
    const { ids } = await run(inputs({ command: 'up', template: kafka }));
    expect(objects(environmentSelector(ids.id))).toContain(`Service/${ids.id}-kafka`);
    const log = memoryLogger();
    await run(inputs({ command: 'down', template: path.join(ROOT, 'missing.njk') }), { log });
    expect(log.warnings[0]).toContain('The template does not render');
    expect(objects(environmentSelector(ids.id))).toEqual([]);
  });

  it('uses the auto command: down for a closed pull request', async () => {
    const context = { eventName: 'pull_request', prNumber: 5, repository: 'acme/web' };
    const up = await run(inputs({ 'env-id': '' }), { context: { ...context, action: 'opened' } });
    expect(up.command).toBe('up');
    expect(up.ids.envId).toBe('pr-5');
    const down = await run(inputs({ 'env-id': '' }), { context: { ...context, action: 'closed' } });
    expect(down.command).toBe('down');
    expect(objects()).toEqual([]);
  });
});

describe('cluster access errors', () => {
  it('names rejected credentials', async () => {
    const kubeconfig = api.kubeconfig().replace(api.token, 'wrong-token');
    await expect(run(inputs({ command: 'up', kubeconfig }))).rejects.toThrow(
      'The cluster rejected the credentials',
    );
  });

  it('names an unusable API server address at once', async () => {
    const kubeconfig = api.kubeconfig().replace(api.url, 'https://127.0.0.1:1'); // a port fetch refuses
    await expect(run(inputs({ command: 'up', kubeconfig }))).rejects.toThrow(
      'Cannot reach the Kubernetes API server at https://127.0.0.1:1',
    );
  });

  it('names an unreachable API server, once it has been given its time (it may be restarting)', async () => {
    // A port nothing listens on: refused, as while an API server restarts.
    const address = `https://127.0.0.1:${await freePort()}`;
    const kubeconfig = api.kubeconfig().replace(api.url, address);
    const log = memoryLogger();
    const failure = run(inputs({ command: 'up', kubeconfig, timeout: '2s' }), { log });
    await expect(failure).rejects.toThrow(
      /The Kubernetes API server at https:\/\/127\.0\.0\.1:\d+ has been unreachable since .* \(ECONNREFUSED\), and the deadline was reached after [\d.]+s \(input timeout, 2\.0s\)\. It has not answered once in this run: check the cluster address of the kubeconfig/,
    );
    expect(log.warnings).toEqual([
      expect.stringMatching(/^The Kubernetes API server at https:\/\/127\.0\.0\.1:\d+ is unreachable since/),
    ]);
  });

  it('names an unknown context and the ones there are', async () => {
    await expect(run(inputs({ command: 'up', context: 'prod' }))).rejects.toThrow(
      'Input context "prod" is not in the kubeconfig input; it has "double".',
    );
  });

  it('names a malformed kubeconfig', async () => {
    await expect(run(inputs({ command: 'up', kubeconfig: 'clusters: [' }))).rejects.toThrow(
      'The kubeconfig input is not a valid kubeconfig',
    );
  });

  it('reads the kubeconfig from KUBECONFIG when the input is empty, masking its token', async () => {
    using scratch = scratchDir();
    const file = path.join(scratch.dir, 'config');
    writeFileSync(file, api.kubeconfig());
    const log = memoryLogger();
    const outcome = await run(
      { ...inputs({ command: 'up' }), kubeconfig: undefined },
      { env: { KUBECONFIG: file }, log },
    );
    expect(outcome.pod).toBeDefined();
    expect(log.masked).toContain(api.token);
  });

  it('reports a forbidden call with the API message and what to do', async () => {
    api.interceptor = (r) =>
      r.method === 'PATCH'
        ? new StatusError(
            403,
            'Forbidden',
            `configmaps is forbidden: User "ci" cannot patch resource "configmaps" in API group "" in the namespace "previews"`,
          )
        : undefined;
    await expect(run(inputs({ command: 'up' }))).rejects.toThrow(
      /User "ci" cannot patch resource "configmaps".*grant it with a Role in the namespace/,
    );
  });
});

it('documents the kubeconfig shape the double serves', () => {
  // Guards the tests above: the double is reached over HTTPS, verified against its own CA.
  const config = api.kubeconfig();
  expect(config).toContain('certificate-authority-data');
  expect(config).toContain(api.url.replace('http:', 'https:'));
  expect(stringify({})).toBe('{}\n');
});

it('refuses a template kind the cluster does not serve, before writing anything', async () => {
  using scratch = scratchDir();
  const template = path.join(scratch.dir, 't.njk');
  writeFileSync(
    template,
    `${readFileSync(path.join(ROOT, 'templates/default.yaml.njk'), 'utf8')}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: "{{ id }}-w"\n`,
  );
  await expect(run(inputs({ command: 'up', template }))).rejects.toThrow(
    'The cluster does not serve Widget in example.com/v1, which the template uses.',
  );
  expect(objects()).toEqual([]);
});
