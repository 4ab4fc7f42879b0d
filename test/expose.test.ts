import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { InputName } from '../src/model/inputs.js';
import type { Kind } from './k8s/resources.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { NAMESPACE, ROOT, memoryLogger, run, type HelloProject, doubleInputs } from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/** Exposure against the API-server double: the objects it makes, pruning, teardown, and its failures. */
let api: FakeKubeApiServer;
let hello: HelloProject;

useDoubleWithHello({ double: 'per-test', hello: 'per-test' }, (made) => ({ api, hello } = made));

function inputs(extra: Partial<Record<InputName, string>> = {}): Partial<Record<InputName, string>> {
  return doubleInputs(api, hello.dir, { 'env-id': 'pr-3', 'url-timeout': '3s', ...extra });
}

const OURS = 'app.kubernetes.io/managed-by=kube-pod-preview';
const get = (kind: Kind, name: string) => api.fixtures.get(kind, name, NAMESPACE) as any;

describe('exposure', () => {
  it('is planned once per run: the preflight and expose share one render of the same ports', async () => {
    // An exposure template inside the project is the pull request's: each render of it says so once.
    copyFileSync(path.join(ROOT, 'templates/expose.yaml.njk'), path.join(hello.dir, 'expose.yaml.njk'));
    api.fixtures.seed('IngressClass', { metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/x' } });
    const log = memoryLogger();
    const given = { command: 'up', domain: 'preview.example.com', 'ingress-class': 'nginx' } as const;
    const deploy = run(inputs({ ...given, 'expose-template': path.join(hello.dir, 'expose.yaml.njk') }), {
      log,
    });
    await expect(deploy).rejects.toThrow(/None of the preview's URLs was ready/);
    const renders = log.lines.filter((l) => /\(input expose-template\) comes from the pull request/.test(l));
    expect(renders).toHaveLength(1);
    expect(
      api.fixtures.get('Ingress', /\(id (\S+)\)/.exec(log.lines.join('\n'))![1]!, NAMESPACE),
    ).toBeDefined();
  });

  it('ingress: a Service for the docker-host pod, an Ingress rule per port with TLS and basic auth; no answer fails the run; down removes it all', async () => {
    // What the preflight checks the cluster has: the ingress class and the TLS secret the inputs name.
    api.fixtures.seed('IngressClass', {
      metadata: { name: 'nginx' },
      spec: { controller: 'k8s.io/ingress-nginx' },
    });
    api.fixtures.seed('Secret', {
      metadata: { name: 'wildcard-tls', namespace: NAMESPACE },
      type: 'kubernetes.io/tls',
      data: { 'tls.crt': '', 'tls.key': '' },
    });
    const log = memoryLogger();
    const failure = run(
      inputs({
        command: 'up',
        domain: 'preview.example.com',
        'ingress-class': 'nginx',
        'tls-secret': 'wildcard-tls',
        'ingress-annotations': 'cert-manager.io/cluster-issuer: letsencrypt',
        'basic-auth': 'reviewer:s3cr3t-passw0rd',
      }),
      { log },
    );
    await expect(failure).rejects.toThrow(
      /None of the preview's URLs was ready within 3s \(input url-timeout\): https:\/\/\S+ not answering \(\w+; the app answers HTTP 200 on port \d+\)\. Check that the wildcard DNS record of input domain/,
    );
    const id = /id=(\S+)|\(id (\S+)\)/.exec(log.lines.join('\n'))![2]!;
    const host = `web-8080-${id}.preview.example.com`;

    const service = get('Service', `preview-${id}`);
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.selector).toMatchObject({
      'app.kubernetes.io/component': 'docker-host',
      'kube-pod-preview/id': id,
    });
    expect(service.spec.ports).toEqual([
      { name: `p-${hello.port}`, protocol: 'TCP', port: hello.port, targetPort: hello.port },
    ]);
    expect(service.metadata.labels['app.kubernetes.io/component']).toBe('preview-exposure');
    // The selector finds the docker-host pod.
    const pods = api.fixtures.objectsMatching(
      'app.kubernetes.io/component=docker-host,kube-pod-preview/id=' + id,
    );
    expect(pods.filter((p) => p.startsWith('Pod/'))).toHaveLength(1);

    const ingress = get('Ingress', id);
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.tls).toEqual([{ secretName: 'wildcard-tls', hosts: [host] }]);
    expect(ingress.spec.rules).toEqual([
      {
        host,
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: `preview-${id}`, port: { number: hello.port } } },
            },
          ],
        },
      },
    ]);
    expect(ingress.metadata.annotations).toMatchObject({
      'cert-manager.io/cluster-issuer': 'letsencrypt',
      'nginx.ingress.kubernetes.io/auth-type': 'basic',
      'nginx.ingress.kubernetes.io/auth-secret': `${id}-basic-auth`,
    });
    const secret = get('Secret', `${id}-basic-auth`);
    expect(Buffer.from(secret.data.auth, 'base64').toString()).toMatch(/^reviewer:\{SHA\}/);
    expect(log.masked).toContain('s3cr3t-passw0rd');
    expect(log.lines.join('\n')).not.toContain('s3cr3t-passw0rd');
    // The app itself answers through a port-forward to its published port; the host does not resolve.
    expect(log.lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^  https://${host.replace(/\./g, '\\.')} \\(web:8080\\): not answering, \\w+; the app answers HTTP 200 on port ${hello.port}$`,
        ),
      ),
    );

    await run(inputs({ command: 'down', domain: 'preview.example.com' }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('loadbalancer: the URL answers; a later deploy with expose none removes the Service', async () => {
    const first = await run(inputs({ command: 'up', expose: 'loadbalancer' }));
    expect(first.state).toBe('ready');
    expect(first.urls).toEqual([
      {
        service: 'web',
        port: 8080,
        url: `http://127.0.0.1:${hello.port}`,
        command: undefined,
        state: 'ready',
        detail: 'HTTP 200',
      },
    ]);
    expect(get('Service', `preview-${first.ids.id}`).spec.type).toBe('LoadBalancer');

    const log = memoryLogger();
    const second = await run(inputs({ command: 'up', expose: 'none' }), { log });
    expect(second.state).toBe('running');
    expect(second.urls![0]!.command).toBe(
      `kubectl --namespace ${NAMESPACE} port-forward pod/${second.pod!.name} ${hello.port}:${hello.port}`,
    );
    expect(get('Service', `preview-${first.ids.id}`)).toBeUndefined();
    expect(log.lines).toContain(`  Service/preview-${first.ids.id} deleted: no longer exposed`);
    await run(inputs({ command: 'down' }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('loadbalancer on a cluster without a load-balancer implementation says what is missing', async () => {
    api.behaviour.loadBalancerIp = undefined;
    await expect(run(inputs({ command: 'up', expose: 'loadbalancer' }))).rejects.toThrow(
      /got no address within 3\.0s \(input url-timeout\)\. Does the cluster have a load-balancer implementation/,
    );
    await run(inputs({ command: 'down' }));
    expect(api.fixtures.objectsMatching(OURS)).toEqual([]);
  });

  it('the health gate never sends the basic-auth credentials (a 401 already answers)', async () => {
    // The preview's host names are not resolvable here, so the requests the gate makes are watched.
    const fetches = vi.spyOn(globalThis, 'fetch');
    try {
      await run(
        inputs({ command: 'up', domain: 'preview.example.com', 'basic-auth': 'reviewer:s3cr3t-passw0rd' }),
      ).catch(() => undefined);
      const checks = fetches.mock.calls.filter(([url]) => String(url).includes('.preview.example.com'));
      expect(checks.length).toBeGreaterThan(0);
      for (const [, init] of checks) {
        expect(new Headers(init?.headers).has('authorization')).toBe(false);
      }
    } finally {
      fetches.mockRestore();
    }
    await run(inputs({ command: 'down' }));
  });

  it('a run cancelled while it waits for a load-balancer address stops at once, without spinning', async () => {
    api.behaviour.loadBalancerIp = undefined;
    const controller = new AbortController();
    const log = memoryLogger();
    let cancelledAt = 0;
    const waiting = run(inputs({ command: 'up', expose: 'loadbalancer', 'url-timeout': '60s' }), {
      signal: controller.signal,
      log: {
        ...log,
        group: (title, fn) => {
          if (title.startsWith('Wait for the address')) {
            setTimeout(() => {
              cancelledAt = Date.now();
              controller.abort();
            }, 300);
          }
          return log.group(title, fn);
        },
      },
    });
    await expect(waiting).rejects.toThrow(/aborted/i);
    expect(Date.now() - cancelledAt).toBeLessThan(2000);
    const reads = api.requests.filter((r) => r.method === 'GET' && /\/services\/[^/]+$/.test(r.path));
    expect(reads.length).toBeLessThan(10); // one read per poll, not a read per tick
    await run(inputs({ command: 'down' }));
  });
});
