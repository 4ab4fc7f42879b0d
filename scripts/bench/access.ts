import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkAccess } from '../../src/kube/access.js';
import { KubeClient } from '../../src/kube/client.js';
import { mapInputs } from '../../src/model/inputs.js';
import { permissionsFor } from '../../src/model/permissions.js';
import { resolveSettings } from '../../src/model/resolve-settings.js';
import type { PolicyRule } from '../../test/k8s/rbac.js';
import { StatusError } from '../../test/k8s/status.js';
import { NAMESPACE, ROOT, quiet, startDouble } from './double.js';
import { repeat, secondsSince, show } from './figures.js';

/**
 * The permission check of an `up` with ingress and basic auth (the most kinds), with deploy/rbac.yaml's
 * Role enforced by the double: requests and time, by a new client each run (nothing cached), with the
 * rules review and without it (a server that does not answer it: access reviews only, as before).
 */
export async function permissionCheck(runs: number): Promise<void> {
  const { api } = await startDouble();
  const role = parseAllDocuments(readFileSync(path.join(ROOT, 'deploy/rbac.yaml'), 'utf8'))
    .map((d) => d.toJS() as { kind: string; rules?: PolicyRule[] })
    .find((d) => d.kind === 'Role')!;
  api.rules = role.rules!;
  const expose = resolveSettings(
    mapInputs({ expose: 'ingress', domain: 'example.com', 'basic-auth': 'u:p' }),
    {},
    { workingDirectory: ROOT, composeFiles: [] },
  ).expose;
  const needs = permissionsFor('up', ['v1/ConfigMap', 'apps/v1/StatefulSet'], expose);
  const check = async () => {
    const kubeconfig = { kind: 'content' as const, content: api.kubeconfig() };
    const client = KubeClient.connect(kubeconfig, undefined, NAMESPACE, {
      log: quiet,
      env: {},
    });
    const from = api.requests.length;
    const started = performance.now();
    await checkAccess(client, needs, quiet);
    const seconds = secondsSince(started);
    const requests = api.requests.slice(from);
    const reviews = requests.filter((r) => r.path.includes('/apis/authorization.k8s.io/')).length;
    return { seconds, reviews, discovery: requests.length - reviews };
  };
  try {
    const now = await repeat(runs, check);
    api.interceptor = (r) =>
      r.path.endsWith('/selfsubjectrulesreviews')
        ? new StatusError(404, 'NotFound', 'the server could not find the requested resource')
        : undefined;
    const before = await repeat(runs, check);
    console.log('(4) permission check of an up with ingress and basic auth (deploy/rbac.yaml enforced)');
    console.log(
      show(
        'review requests, rules review (now)',
        now.map((r) => r.reviews),
        '',
        0,
      ),
    );
    console.log(
      show(
        'review requests, access reviews only (before)',
        before.map((r) => r.reviews - 1),
        '',
        0,
      ),
    );
    console.log(
      show(
        'discovery requests (shared with apply)',
        now.map((r) => r.discovery),
        '',
        0,
      ),
    );
    console.log(
      show(
        'time, now',
        now.map((r) => r.seconds * 1000),
        'ms',
        0,
      ),
    );
    console.log(
      show(
        'time, before',
        before.map((r) => r.seconds * 1000),
        'ms',
        0,
      ),
    );
  } finally {
    await api.stop();
  }
}
