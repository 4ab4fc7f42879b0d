import type { JsonObject } from './patch.js';
import { typeOfKind } from './resources.js';
import { StatusError } from './status.js';
import { meta, type Store } from './store.js';

const SERVICE_ACCOUNT = typeOfKind('v1', 'ServiceAccount')!;

/**
 * The ServiceAccount admission plugin: a pod's ServiceAccount must exist when the pod is created, in a
 * dry run too, and a dry-run ServiceAccount does not count (../shared/real-cluster/api/dryrun-pod-missing-sa*.json:
 * 403 Forbidden with details {name, kind: pods}). It is a mutating plugin, so it answers before Pod
 * Security and the other validating ones. `default` stands for the account the ServiceAccount
 * controller creates in every namespace; the double does not store it.
 */
export function admitServiceAccount(store: Store, pod: JsonObject): void {
  const spec = (pod.spec ?? {}) as { serviceAccountName?: string; serviceAccount?: string };
  const account = spec.serviceAccountName || spec.serviceAccount || 'default';
  const m = meta(pod);
  if (account === 'default' || store.get(SERVICE_ACCOUNT, m.namespace, account)) return;
  const name = m.name || m.generateName || '';
  throw new StatusError(
    403,
    'Forbidden',
    `pods "${name}" is forbidden: error looking up service account ${m.namespace}/${account}: serviceaccount "${account}" not found`,
    { name, kind: 'pods' },
  );
}
