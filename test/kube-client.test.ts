import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubeClient } from '../src/kube/client.js';
import type { FakeKubeApiServer } from './k8s/server.js';
import { NAMESPACE, memoryLogger, startDouble } from './helpers.js';

/**
 * The client is bound to one namespace and addresses every call there, whatever the object carries: the
 * client library builds the URL from metadata.namespace and falls back to `default` when it is absent
 * (../shared/real-cluster/README.md, lease-create-no-ns).
 */
let api: FakeKubeApiServer;
let client: KubeClient;

beforeEach(async () => {
  ({ api } = await startDouble());
  const kc = new KubeConfig();
  kc.loadFromString(api.kubeconfig());
  client = new KubeClient(kc, NAMESPACE, { log: memoryLogger() });
});
afterEach(() => api.stop()); // fails if anything landed in `default`

const configMap = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  ...extra,
});

describe('the namespace is the client’s', () => {
  it('creates, replaces, patches and applies objects without a namespace in its own', async () => {
    await client.create(configMap('created', { data: { a: '1' } }));
    const read = (await client.read<ReturnType<typeof configMap>>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'created',
    }))!;
    const { namespace: _, ...metadata } = read.metadata as { namespace?: string; name: string };
    await client.replace({ ...read, metadata, data: { a: '2' } });
    await client.mergePatch(configMap('created', { data: { b: '3' } }));
    await client.serverSideApply(configMap('applied', { data: { c: '4' } }));
    expect(api.fixtures.objectsIn(NAMESPACE)).toEqual(['ConfigMap/applied', 'ConfigMap/created']);
    expect(api.fixtures.objectsIn('default')).toEqual([]);
    const stored = await client.read<{ data: Record<string, string> }>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      name: 'created',
    });
    expect(stored!.data).toEqual({ a: '2', b: '3' });
  });

  it('refuses an object that names another namespace, before sending anything', async () => {
    const before = api.requests.length;
    const other = { ...configMap('x'), metadata: { name: 'x', namespace: 'default' } };
    for (const call of [
      () => client.create(other),
      () => client.replace(other),
      () => client.mergePatch(other),
      () => client.serverSideApply(other),
    ]) {
      await expect(call()).rejects.toThrow(
        'ConfigMap/x names namespace "default", but this client works in namespace "previews"',
      );
    }
    expect(api.requests.length).toBe(before);
  });
});
