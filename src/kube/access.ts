import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import type { ResourceRule } from './access-review.js';
import { KubeApiError } from './api-error.js';
import type { KubeClient } from './client.js';
import { parseKindKey } from '../model/objects.js';
import { parseServerVersion, type Need, type ServerVersion } from '../model/permissions.js';

interface Rule {
  group: string;
  resource: string;
  verb: string;
  /** Why an optional permission helps; a missing one is then a note, not a failure. */
  optional?: string;
  /** Why it is needed, said when it is missing. */
  why?: string;
}

const keyOf = (r: Rule) => `${r.group}|${r.resource}|${r.verb}`;

/**
 * Asks the API server for every permission before anything changes, and fails once listing all that are
 * missing with the Role rules that grant them. One SelfSubjectRulesReview settles what its rules grant
 * (rules are additive: a listed rule is a grant even in an incomplete list); only what it leaves
 * undecided is asked one SelfSubjectAccessReview each, so a denial is always the server's own answer.
 * An API server that answers neither review leaves the calls themselves to fail.
 */
export async function checkAccess(
  client: KubeClient,
  needs: Need[],
  log: Logger,
  /** Where the namespace came from (input, x-preevy, the kubeconfig's context, the default). */
  namespaceFrom?: string,
): Promise<void> {
  const rules = await rulesFor(client, needs);
  let answers: Map<string, boolean>;
  try {
    answers = await review(client, rules);
  } catch (error) {
    if (error instanceof KubeApiError && [403, 404, 405].includes(error.code)) {
      log.warning(`Cannot check permissions in advance (${error.message}); going ahead.`);
      return;
    }
    throw error;
  }
  const lacking = rules.filter((r) => !answers.get(keyOf(r)));
  for (const r of lacking.filter((r) => r.optional)) {
    log.info(`Without "${r.verb}" on ${r.resource}${r.group ? `.${r.group}` : ''}, ${r.optional}.`);
  }
  const missing = lacking.filter((r) => !r.optional);
  if (missing.length > 0)
    throw lackingError(client.namespace, namespaceFrom, missing, rules.filter((r) => !r.optional).length);
}

/**
 * The API server's version, read once per run: what exec and port-forward need depends on it
 * (upgradeNeeds). Undefined when the server will not say (a 403 or 404 on /version).
 */
export async function serverVersion(client: KubeClient): Promise<ServerVersion | undefined> {
  try {
    return parseServerVersion(await client.version());
  } catch (error) {
    if (error instanceof KubeApiError && [403, 404].includes(error.code)) return undefined;
    throw error;
  }
}

/** The needs as RBAC rules: kinds become their resource names, as discovery gives them. */
async function rulesFor(client: KubeClient, needs: Need[]): Promise<Rule[]> {
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
    for (const verb of need.verbs) {
      const rule: Rule = {
        group,
        resource: resource!,
        verb,
        ...(need.optional ? { optional: need.optional } : {}),
        ...(need.why ? { why: need.why } : {}),
      };
      rules.set(keyOf(rule), rule);
    }
  }
  return [...rules.values()];
}

/** Whether each rule is granted: by the rules review where it says so, else by an access review. */
async function review(client: KubeClient, rules: Rule[]): Promise<Map<string, boolean>> {
  const listed = await rulesReviewOrNone(client);
  const answers = new Map(rules.map((r) => [keyOf(r), listed.some((l) => grants(l, r))]));
  const undecided = rules.filter((r) => !answers.get(keyOf(r)));
  const reviewed = await Promise.all(
    undecided.map(({ group, resource, verb }) => {
      const [name, subresource] = resource.split('/');
      return client.canI({ verb, group, resource: name!, ...(subresource ? { subresource } : {}) });
    }),
  );
  undecided.forEach((r, i) => answers.set(keyOf(r), reviewed[i]!));
  return answers;
}

/** The rules review's resource rules; none when the server does not answer it (access reviews decide). */
async function rulesReviewOrNone(client: KubeClient): Promise<ResourceRule[]> {
  try {
    return await client.rulesReview();
  } catch (error) {
    if (error instanceof KubeApiError && [403, 404, 405].includes(error.code)) return [];
    throw error;
  }
}

/**
 * RBAC's matching (k8s.io/apiserver's rbac helpers): `*` matches any verb, group or resource, and a
 * resource written as `*` slash `exec` matches every resource's exec subresource. A rule naming objects
 * (resourceNames) grants nothing to a request without a name, which is what a run's list and create are.
 */
export function grants(
  rule: ResourceRule,
  wanted: { group: string; resource: string; verb: string },
): boolean {
  if (rule.resourceNames?.length) return false;
  const has = (list: string[] | undefined, value: string) =>
    !!list && (list.includes('*') || list.includes(value));
  const [, subresource] = wanted.resource.split('/');
  const resourceMatches =
    has(rule.resources, wanted.resource) || (!!subresource && !!rule.resources?.includes(`*/${subresource}`));
  return has(rule.verbs, wanted.verb) && has(rule.apiGroups, wanted.group) && resourceMatches;
}

/**
 * The missing rules, after the namespace they were asked in and where it came from: an identity that
 * lacks everything there was more likely given the wrong namespace than too small a Role.
 */
function lackingError(
  namespace: string,
  namespaceFrom: string | undefined,
  lacking: Rule[],
  needed: number,
): UserError {
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
  const where = `namespace "${namespace}"${namespaceFrom ? ` (${namespaceFrom})` : ''}`;
  const wrongNamespace =
    lacking.length === needed
      ? ` It has none of the permissions a run needs there: if its Role is in another namespace, set input namespace (or the kubeconfig context's namespace) to that one.`
      : '';
  const whys = [...new Set(lacking.flatMap((r) => (r.why ? [`${r.why}.`] : [])))];
  return new UserError(
    `The kubeconfig's identity lacks ${lacking.length} permission${lacking.length > 1 ? 's' : ''} in ${where}: ${list.join('; ')}. Nothing was changed.${whys.length ? ` ${whys.join(' ')}` : ''}${wrongNamespace} ${wrongNamespace ? 'Otherwise add' : 'Add'} these rules to its Role in namespace "${namespace}" (deploy/rbac.yaml has the complete Role):\n${yaml.join('\n')}`,
  );
}
