import type { Reach } from './reach.js';
import { dig, list, strings } from './spec-walk.js';

/**
 * A template's RoleBinding binds its own Role to its own ServiceAccounts, never a ClusterRole nor a
 * ServiceAccount of another namespace.
 */
export function roleBindingReach({ object, at, refuse }: Reach): void {
  const record = object as unknown as Record<string, unknown>;
  const roleRef = dig(record, 'roleRef');
  if (roleRef?.kind !== 'Role')
    at('roleRef (a ClusterRole)', `${String(roleRef?.kind)}/${String(roleRef?.name)}`);
  at('roleRef.name', roleRef?.name);
  for (const subject of list(record.subjects)) {
    if (subject.kind !== 'ServiceAccount')
      at('subjects[] (not a ServiceAccount)', `${String(subject.kind)}/${String(subject.name)}`);
    at('subjects[].name', subject.name);
    if (subject.namespace !== undefined && subject.namespace !== object.metadata.namespace)
      refuse(
        'subjects[].namespace',
        `is "${String(subject.namespace)}": a template binds only ServiceAccounts of its own namespace. Leave it out.`,
      );
  }
}

const READ_VERBS = ['get', 'list', 'watch'];

/**
 * A template's Role may read what the namespace holds, but not its Secrets, and change nothing. No
 * subresource: exec, attach and port-forward are WebSocket upgrades of a GET, authorized as `get` before
 * Kubernetes 1.35, so `get` on pods/exec is a shell in every pod of the namespace.
 */
export function roleRulesReach({ object, refuse }: Reach): void {
  for (const rule of list((object as unknown as Record<string, unknown>).rules)) {
    const verbs = strings(rule.verbs);
    const resources = strings(rule.resources);
    const granted = [
      ...verbs.filter((v) => !READ_VERBS.includes(v)),
      ...resources.filter(
        (r) => r === '*' || r === 'secrets' || r.startsWith('serviceaccounts') || r.includes('/'),
      ),
    ];
    if (granted.length > 0)
      refuse(
        'rules',
        `grant ${granted.map((v) => `"${v}"`).join(', ')}: a template's Role may only read (get, list, watch) resources, never subresources (pods/exec is a shell in every pod), Secrets or ServiceAccounts, or the pull request's code would gain what the action's identity holds. Narrow its rules.`,
      );
  }
}
