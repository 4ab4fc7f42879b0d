import { beforeEach, describe, expect, it } from 'vitest';
import { resourceId } from '../src/model/ids.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { StatusError } from './k8s/status.js';
import { NAMESPACE, doubleInputs, memoryLogger, run, type HelloProject } from './helpers.js';
import { useDoubleWithHello } from './use-double.js';

/** One run per environment at a time, through a coordination.k8s.io Lease. */
let api: FakeKubeApiServer;
let hello: HelloProject;

useDoubleWithHello({ double: 'per-file', hello: 'per-file' }, (made) => ({ api, hello } = made));
beforeEach(() => {
  api.fixtures.removeAll('Lease');
});

const inputs = (envId: string, timeout = '60s') =>
  doubleInputs(api, hello.dir, { command: 'up', 'env-id': envId, timeout });

function holdLease(envId: string, holder: string, renewedSecondsAgo: number): void {
  const renewTime = new Date(Date.now() - renewedSecondsAgo * 1000).toISOString();
  api.fixtures.create(
    'Lease',
    {
      metadata: { name: `kube-pod-preview-${resourceId('acme/web', envId)}` },
      spec: { holderIdentity: holder, leaseDurationSeconds: 30, acquireTime: renewTime, renewTime },
    },
    NAMESPACE,
  );
}

describe('the environment lease', () => {
  it('makes a second run for the same environment wait, then both succeed; the lease is released', async () => {
    const first = memoryLogger();
    const second = memoryLogger();
    const [a, b] = await Promise.all([
      run(inputs('pr-1'), { log: first }),
      run(inputs('pr-1'), { log: second }),
    ]);
    expect(a.pod).toEqual(b.pod);
    const waited = [...first.lines, ...second.lines].filter((l) => l.startsWith('Waiting for another run'));
    expect(waited).toHaveLength(1);
    expect(waited[0]).toContain('the kube-pod-preview CLI');
    expect(api.fixtures.objects('Lease')).toEqual([]);
  });

  it('lets runs for different environments proceed together', async () => {
    const log = memoryLogger();
    await Promise.all([run(inputs('pr-2'), { log }), run(inputs('pr-3'), { log })]);
    expect(log.lines.filter((l) => l.startsWith('Waiting for another run'))).toEqual([]);
  });

  it('takes over a lease whose holder stopped renewing it', async () => {
    holdLease('pr-4', 'https://github.com/acme/web/actions/runs/1', 120);
    const log = memoryLogger();
    await run(inputs('pr-4'), { log });
    expect(log.lines).toContain(
      'Taking over the lease of https://github.com/acme/web/actions/runs/1, which stopped renewing it.',
    );
  });

  it('gives up after the timeout while a live run holds it, naming that run', async () => {
    holdLease('pr-5', 'https://github.com/acme/web/actions/runs/2', 0);
    const started = Date.now();
    await expect(run(inputs('pr-5', '2s'))).rejects.toThrow(
      'Another run of this environment (https://github.com/acme/web/actions/runs/2) still holds the lease',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(api.fixtures.objectsMatching('kube-pod-preview/env-id=pr-5')).toEqual([]); // nothing was applied
  });

  it('stops, with pauses, when the lease reads as missing (404) yet cannot be created (409)', async () => {
    // A real cluster did this when the Lease had been created in another namespace: every read of the
    // environment's namespace said 404, every create said AlreadyExists.
    const requests: string[] = [];
    api.interceptor = (request) => {
      if (!request.path.includes('/leases')) return undefined;
      requests.push(request.method);
      const name = request.path.split('/').pop()!;
      if (request.method === 'GET')
        return new StatusError(404, 'NotFound', `leases.coordination.k8s.io "${name}" not found`);
      if (request.method === 'POST')
        return new StatusError(409, 'AlreadyExists', 'leases.coordination.k8s.io "x" already exists');
      return undefined;
    };
    const started = Date.now();
    try {
      const error = await run(inputs('phantom', '60s')).catch((e: Error) => e);
      expect(String(error)).toMatch(
        /Lease\/kube-pod-preview-\S+ reads as missing \(404\) in namespace "previews", yet creating it answers 409 AlreadyExists/,
      );
    } finally {
      api.interceptor = undefined;
    }
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(15_000); // not the whole timeout
    const posts = requests.filter((m) => m === 'POST').length;
    expect(posts).toBeGreaterThanOrEqual(3);
    expect(posts).toBeLessThanOrEqual(8);
    expect(elapsed).toBeGreaterThan(posts * 50); // it paused between tries
  });
});
