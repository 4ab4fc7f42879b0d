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
  /** Why the verbs are needed, when a Role's author would not guess it. */
  why?: string;
}

/** The API server's version, as `GET /version` gives it; undefined where it could not be read. */
export interface ServerVersion {
  gitVersion: string;
  major: number;
  minor: number;
}

/** `v1.28.7`, `v1.30.2-eks-1552ad0`, `v1.29.4-gke.1043002`; undefined for anything else. */
export function parseServerVersion(gitVersion: string): ServerVersion | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(gitVersion);
  return match ? { gitVersion, major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/** Kubernetes 1.35 made AuthorizePodWebsocketUpgradeCreatePermission beta, on by default. */
const UPGRADE_CREATE_SINCE = { major: 1, minor: 35 };

/**
 * What exec (the file sync) and port-forward (the Docker server) need. They are WebSocket upgrades of
 * an HTTP GET, which every API server authorizes as `get` on the subresource (a Role granting only
 * `create`, the verb of kubectl's older SPDY POSTs, is refused); from 1.35 the API server also checks
 * `create` (feature gate AuthorizePodWebsocketUpgradeCreatePermission). A server whose version is
 * unknown may be either: `create` is then a note, not a failure.
 */
export function upgradeNeeds(server: ServerVersion | undefined): Need[] {
  const since = `${UPGRADE_CREATE_SINCE.major}.${UPGRADE_CREATE_SINCE.minor}`;
  return ['pods/exec', 'pods/portforward'].flatMap((resource): Need[] => {
    const get: Need = {
      group: '',
      resource,
      verbs: ['get'],
      why: explainUpgradeGet(),
    };
    if (server && !upgradesNeedCreate(server)) return [get];
    const create: Need = server
      ? {
          group: '',
          resource,
          verbs: ['create'],
          why: explainUpgradeCreate(since, server),
        }
      : {
          group: '',
          resource,
          verbs: ['create'],
          optional: explainUpgradeCreateUnknown(since),
        };
    return [get, create];
  });
}

function explainUpgradeGet(): string {
  return 'pods/exec and pods/portforward are WebSocket upgrades of an HTTP GET, which every API server authorizes as "get" (a Role granting only "create" is refused)';
}

function explainUpgradeCreate(since: string, server: ServerVersion): string {
  return `Kubernetes ${since} and later (this server is ${server.gitVersion}) also authorize these upgrades as "create"`;
}

function explainUpgradeCreateUnknown(since: string): string {
  return `its WebSocket upgrade fails if the API server is Kubernetes ${since} or later, which authorizes it as "create" too (the server's version could not be read)`;
}

function upgradesNeedCreate(server: ServerVersion): boolean {
  const { major, minor } = UPGRADE_CREATE_SINCE;
  return server.major > major || (server.major === major && server.minor >= minor);
}

function explainPodDeleteOptional(): string {
  return "the environment's pods keep their grace period when it is deleted, and deleting can take as long as Docker's stop timeout (10 s)";
}

function explainPodCreateOptional(): string {
  return "the preflight cannot dry-run the docker-host's pod, so a refusal by Pod Security or a pod quota shows only while waiting for it";
}

const WRITE = ['get', 'list', 'create', 'patch', 'delete'];

/**
 * Every permission a command needs in the namespace: its template's kinds, the docker-host's pod and
 * what runs in it (exec, port-forward: they depend on the `server`'s version), the lease, and what
 * diagnosis and teardown read. The exposure kinds are known for the bundled exposure template; a custom
 * one is checked when it is applied.
 */
export function permissionsFor(
  command: 'up' | 'down',
  kinds: string[],
  expose?: ExposeSettings,
  server?: ServerVersion,
): Need[] {
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
      optional: explainPodDeleteOptional(),
    });
  }
  if (command === 'up') {
    needs.push({
      group: '',
      resource: 'pods',
      verbs: ['create'],
      optional: explainPodCreateOptional(),
    });
  }
  // Exec (file sync) and port-forward (Docker); `down` reaches neither: it only deletes.
  if (command === 'up') needs.push(...upgradeNeeds(server));
  if (command === 'up' && expose && expose.mode !== 'none' && expose.template === 'expose') {
    needs.push({ kind: 'v1/Service', verbs: WRITE });
    if (expose.mode === 'ingress') {
      needs.push({ kind: 'networking.k8s.io/v1/Ingress', verbs: WRITE });
      if (expose.basicAuth) needs.push({ kind: 'v1/Secret', verbs: WRITE });
    }
  }
  return needs;
}
