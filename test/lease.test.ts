import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resourceId } from '../src/ids.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { typeOfKind } from './k8s/resources.js';
import { memoryLogger, prepareHello, run, startDouble, type HelloProject } from './helpers.js';

/** One run per environment at a time, through a coordination.k8s.io Lease. */
let api: FakeKubeApiServer;
let hello: HelloProject;
const LEASES = typeOfKind('coordination.k8s.io/v1', 'Lease')!;

beforeAll(async () => {
  hello = await prepareHello();
  ({ api } = await startDouble());
});
afterAll(async () => {
  await api.stop();
  hello.remove();
});
beforeEach(() => {
  for (const lease of api.store.list(LEASES)) api.store.remove(LEASES, lease);
});

const inputs = (envId: string, timeout = '60s') => ({
  command: 'up',
  'env-id': envId,
  kubeconfig: api.kubeconfig(),
  'working-directory': hello.dir,
  timeout,
});

function holdLease(envId: string, holder: string, renewedSecondsAgo: number): void {
  const renewTime = new Date(Date.now() - renewedSecondsAgo * 1000).toISOString();
  api.create(
    LEASES,
    'default',
    {
      metadata: { name: `kube-pod-preview-${resourceId('acme/web', envId)}` },
      spec: { holderIdentity: holder, leaseDurationSeconds: 30, acquireTime: renewTime, renewTime },
    },
    new URLSearchParams(),
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
    expect(api.store.list(LEASES)).toEqual([]);
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
    expect(api.objectsMatching('kube-pod-preview/env-id=pr-5')).toEqual([]); // nothing was applied
  });
});
