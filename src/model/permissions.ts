import { WORKLOAD_KIND_KEYS } from './objects.js';
import type { ExposeSettings } from './settings.js';

/** Verbs a run needs on one kind (given as `apiVersion/Kind`) or on a resource (given by group and name). */
export interface Need {
  kind?: string;
  group?: string;
  resource?: string;
  verbs: string[];
  /** Set for a permission the command can do without, to what it would have bought: "… is slower". */
  optional?: string;
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
    { group: '', resource: 'pods', verbs: ['get', 'list'] },
    {
      group: '',
      resource: 'persistentvolumeclaims',
      verbs: command === 'up' ? ['list'] : ['list', 'delete'],
    },
    { group: '', resource: 'events', verbs: ['list'] },
    { group: 'coordination.k8s.io', resource: 'leases', verbs: ['get', 'create', 'update', 'delete'] },
  ];
  if (command === 'down') {
    needs.push({
      group: '',
      resource: 'pods',
      verbs: ['delete'],
      optional:
        "the environment's pods keep their grace period when it is deleted, and deleting can take as long as Docker's stop timeout (10 s)",
    });
  }
  if (command === 'up') {
    needs.push({
      group: '',
      resource: 'pods',
      verbs: ['create'],
      optional:
        "the preflight cannot dry-run the docker-host's pod, so a refusal by Pod Security or a pod quota shows only while waiting for it",
    });
  }
  if (command === 'up') {
    // Exec (file sync) and port-forward (Docker) go over WebSocket upgrades of a GET; older API servers
    // authorize them as `get`, newer ones as `create`. `down` reaches neither: it only deletes.
    needs.push(
      { group: '', resource: 'pods/exec', verbs: ['create', 'get'] },
      { group: '', resource: 'pods/portforward', verbs: ['create', 'get'] },
    );
  }
  if (command === 'up' && expose && expose.mode !== 'none' && expose.template === 'expose') {
    needs.push({ kind: 'v1/Service', verbs: WRITE });
    if (expose.mode === 'ingress') {
      needs.push({ kind: 'networking.k8s.io/v1/Ingress', verbs: WRITE });
      if (expose.basicAuth) needs.push({ kind: 'v1/Secret', verbs: WRITE });
    }
  }
  return needs;
}
