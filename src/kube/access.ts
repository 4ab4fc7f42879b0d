import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { KubeApiError, type KubeClient } from './client.js';
import { parseKindKey } from '../model/objects.js';
import type { Need } from '../model/permissions.js';

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
