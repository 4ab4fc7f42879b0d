import type { JsonObject } from './patch.js';
import { StatusError } from './status.js';

/** The version of the cluster the recordings come from (../shared/real-cluster/README.md). */
export const RECORDED_VERSION = 'v1.28.7';

/** GET /version of a server of `gitVersion` (`v1.28.7`): what doctor prints and the access check reads. */
export function versionInfo(gitVersion: string): JsonObject {
  const [, major = '1', minor = '0'] = /^v(\d+)\.(\d+)/.exec(gitVersion) ?? [];
  return {
    major,
    minor,
    gitVersion,
    gitTreeState: 'clean',
    goVersion: 'go1.21.7',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** The attributes of one upgrade request, as RBAC sees them. */
interface Upgrade {
  namespace: string;
  name: string;
  subresource: string;
}

/**
 * How kube-apiserver authorizes an exec, attach or port-forward WebSocket upgrade, a GET:
 * - Every version: the authorization filter checks verb `get` on the subresource
 *   (../shared/real-cluster/api/rbac-ws-*.json: a Role granting only `create` gets a 403 Status "pods
 *   "dind-0" is forbidden: User … cannot get resource "pods/portforward" …", details {name, kind: pods},
 *   before any upgrade; `get` alone is enough on v1.28).
 * - From 1.35 (feature gate AuthorizePodWebsocketUpgradeCreatePermission, beta and on by default), the
 *   pod registry's Connect checks `create` too (pkg/registry/core/pod/rest/subresources.go,
 *   ensureAuthorizedForVerb) and refuses with apierrors.NewForbidden(pods, name, reason). RBAC gives a
 *   denial no reason, so that message names no verb: "pods "dind-0" is forbidden: ". Not recorded.
 * `forbidden` is RBAC's answer for one verb: the 403 it sends, or undefined when allowed.
 */
export function upgradeDenial(
  gitVersion: string,
  request: Upgrade,
  forbidden: (verb: string) => StatusError | undefined,
): StatusError | undefined {
  const denied = forbidden('get');
  if (denied) return denied;
  const [, major = 1, minor = 0] = (/^v(\d+)\.(\d+)/.exec(gitVersion) ?? []).map(Number);
  if (major === 1 && minor < 35) return undefined;
  if (!forbidden('create')) return undefined;
  return new StatusError(403, 'Forbidden', `pods "${request.name}" is forbidden: `, {
    name: request.name,
    kind: 'pods',
  });
}
