import { ApiException, KubernetesObjectApi, type V1APIResource } from '@kubernetes/client-node';

/**
 * The client library's API for objects of any kind, with its discovery exposed (the library keeps it
 * protected), so we can learn a kind's plural and scope.
 */
export class ObjectApi extends KubernetesObjectApi {
  async discover(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    try {
      return await this.resource(apiVersion, kind);
    } catch (error) {
      // A group/version the cluster does not serve (a CRD not installed) answers discovery with 404.
      if (error instanceof ApiException && error.code === 404) return undefined;
      throw error;
    }
  }
}

/** The REST path of a namespace's collection of a discovered resource (`plural`, as discovery names it). */
export function collectionPath(apiVersion: string, namespace: string, plural: string): string {
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  return `${base}/namespaces/${encodeURIComponent(namespace)}/${plural}`;
}
