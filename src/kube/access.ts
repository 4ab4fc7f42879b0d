import { UserError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ExposeSettings } from '../settings.js';
import { KubeApiError, type KubeClient } from './client.js';
import { WORKLOAD_KIND_KEYS, parseKindKey } from './object.js';

/** Verbs a run needs on one kind (given as `apiVersion/Kind`) or on a resource (given by group and name). */
export interface Need {
  kind?: string;
  group?: string;
  resource?: string;
  verbs: string[];
}

const WRITE = ['get', 'list', 'create', 'patch', 'delete'];

/**
 * Every permission a command needs in the namespace: its template's kinds, the docker-host's pod and
 * what runs in it (exec, port-forward), the lease, and what diagnosis and teardown read. The exposure
 * kinds are known for the bundled exposure template; a custom one is checked when it is applied.
 */
export function permissionsFor(command: 'up' | 'down', kinds: string[], expose?: ExposeSettings): Need[] {
  const needs: Need[] = [
    ...kinds.map((kind) => ({ kind, verbs: command === 'up' ? WRITE : ['get', 'list', 'delete'] })),
    ...WORKLOAD_KIND_KEYS.map((kind) => ({
      kind,
      verbs: command === 'up' ? ['get', 'list', 'watch'] : ['list', 'delete'],
    })),
    { group: 'apps', resource: 'replicasets', verbs: ['get', 'list'] },
    { group: '', resource: 'pods', verbs: ['get', 'list', 'watch'] },
    {
      group: '',
      resource: 'persistentvolumeclaims',
      verbs: command === 'up' ? ['list'] : ['list', 'delete'],
    },
    { group: '', resource: 'events', verbs: ['list'] },
    { group: 'coordination.k8s.io', resource: 'leases', verbs: ['get', 'create', 'update', 'delete'] },
    // Exec (file sync) and port-forward (Docker) go over WebSocket upgrades of a GET; older API servers
    // authorize them as `get`, newer ones as `create`.
    { group: '', resource: 'pods/exec', verbs: ['create', 'get'] },
    { group: '', resource: 'pods/portforward', verbs: ['create', 'get'] },
  ];
  if (command === 'up' && expose && expose.mode !== 'none' && expose.template === 'expose') {
    needs.push({ kind: 'v1/Service', verbs: WRITE });
    if (expose.mode === 'ingress') {
      needs.push({ kind: 'networking.k8s.io/v1/Ingress', verbs: WRITE });
      if (expose.basicAuth) needs.push({ kind: 'v1/Secret', verbs: WRITE });
    }
  }
  return needs;
}

interface Rule {
  group: string;
  resource: string;
  verb: string;
}

/**
 * Asks the API server (SelfSubjectAccessReview) for every permission before anything changes, and fails
 * once listing all that are missing with the Role rules that grant them. An API server that does not
 * answer reviews leaves the calls themselves to fail.
 */
export async function checkAccess(client: KubeClient, needs: Need[], log: Logger): Promise<void> {
  const rules = new Map<string, Rule>();
  for (const need of needs) {
    let group = need.group ?? '';
    let resource = need.resource;
    if (need.kind) {
      const { apiVersion, kind } = parseKindKey(need.kind);
      const served = await client.resource(apiVersion, kind);
      if (!served) continue; // applying says which kind the cluster lacks
      group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
      resource = served.name;
    }
    for (const verb of need.verbs)
      rules.set(`${group}|${resource}|${verb}`, { group, resource: resource!, verb });
  }

  let answers: boolean[];
  try {
    answers = await Promise.all(
      [...rules.values()].map(({ group, resource, verb }) => {
        const [name, subresource] = resource.split('/');
        return client.canI({ verb, group, resource: name!, ...(subresource ? { subresource } : {}) });
      }),
    );
  } catch (error) {
    if (error instanceof KubeApiError && [403, 404, 405].includes(error.code)) {
      log.warning(`Cannot check permissions in advance (${error.message}); going ahead.`);
      return;
    }
    throw error;
  }
  const missing = [...rules.values()].filter((_, i) => !answers[i]);
  if (missing.length === 0) return;

  // pods/exec and pods/portforward need either verb, depending on the API server's version.
  const either = (r: Rule) => r.resource.includes('/');
  const granted = new Set(
    [...rules.values()].filter((_, i) => answers[i]).map((r) => `${r.group}|${r.resource}`),
  );
  const lacking = missing.filter((r) => !(either(r) && granted.has(`${r.group}|${r.resource}`)));
  if (lacking.length === 0) return;

  const byResource = new Map<string, string[]>();
  for (const r of lacking) {
    const key = `${r.group}|${r.resource}`;
    byResource.set(key, [...(byResource.get(key) ?? []), r.verb]);
  }
  const list = [...byResource].map(([key, verbs]) => {
    const [group, resource] = key.split('|');
    return `${verbs.join(', ')} ${resource}${group ? `.${group}` : ''}`;
  });
  const yaml = [...byResource].map(([key, verbs]) => {
    const [group, resource] = key.split('|');
    return `  - apiGroups: ["${group}"]\n    resources: ["${resource}"]\n    verbs: [${verbs.map((v) => `"${v}"`).join(', ')}]`;
  });
  throw new UserError(
    `The kubeconfig's identity lacks ${lacking.length} permission${lacking.length > 1 ? 's' : ''} in namespace "${client.namespace}": ${list.join('; ')}. Nothing was changed. Add these rules to its Role (deploy/rbac.yaml has the complete Role):\n${yaml.join('\n')}`,
  );
}
