import { basicAuthSecretName } from './exposure.js';
import type { KubeObject } from './objects.js';
import type { Reach } from './reach.js';
import { dig, list, strings } from './spec-walk.js';

/**
 * The annotations a pull request's Ingress may carry besides the workflow's: the basic auth of the
 * bundled exposure template (its Secret is the environment's). Every other annotation configures the
 * controller that serves every namespace (server-alias serves another host, snippets rewrite its
 * configuration, auth-url makes it fetch any address): refused, not filtered.
 */
const INGRESS_ANNOTATIONS = new Map<string, (value: string, id: string) => boolean>([
  ['nginx.ingress.kubernetes.io/auth-type', (value) => value === 'basic'],
  ['nginx.ingress.kubernetes.io/auth-secret', (value, id) => value === basicAuthSecretName(id)],
  ['nginx.ingress.kubernetes.io/auth-realm', () => true],
]);

/** An Ingress or route from a pull request serves only its environment's hosts, through its own Services. */
export function routeReach(reach: Reach): void {
  const { object, ids, refuse, allowance } = reach;
  const host = (field: string, name: unknown): void => {
    if (typeof name === 'string' && ((allowance.hosts ?? []).includes(name) || name.includes(ids.id))) return;
    refuse(
      field,
      `${
        typeof name === 'string' && name !== ''
          ? `is "${name}", which is not this environment's host: the preview would take over that host's route`
          : 'names no host: the preview would answer for every host without a route of its own'
      }. Serve only the hosts url-template gives this environment (the entries' host) or host names that contain ${ids.id}.`,
    );
  };
  if (object.kind === 'Ingress') {
    ingressHosts(object, host);
    // Its own Services only: another environment's app on this host would skip that one's basic auth.
    for (const rule of list(dig(object, 'spec')?.rules))
      for (const path of list(dig(rule, 'http')?.paths))
        reach.at('spec.rules[].http.paths[].backend.service.name', dig(path, 'backend', 'service')?.name);
    ingressAnnotations(reach, allowance.ingressAnnotations ?? {});
  }
  if (isRoute(object)) routeHosts(object, host, reach);
}

/**
 * A rule without a host, or a default backend, would answer for every host the controller has no rule
 * for; another host name would take over a route that is not the preview's.
 */
function ingressHosts(object: KubeObject, host: (field: string, name: unknown) => void): void {
  const spec = dig(object, 'spec');
  if (spec?.defaultBackend !== undefined) host('spec.defaultBackend', undefined);
  for (const rule of list(spec?.rules)) host('spec.rules[].host', rule.host);
  for (const tls of list(spec?.tls)) for (const name of strings(tls.hosts)) host('spec.tls[].hosts[]', name);
}

function ingressAnnotations(
  { object, ids, refuse }: Reach,
  workflows: Readonly<Record<string, string>>,
): void {
  for (const [key, value] of Object.entries(object.metadata.annotations ?? {})) {
    const text = String(value);
    if (
      Object.hasOwn(workflows, key) ? workflows[key] === text : INGRESS_ANNOTATIONS.get(key)?.(text, ids.id)
    )
      continue;
    refuse(
      `metadata.annotations["${key}"]`,
      "is not one the workflow set: an Ingress's annotations configure the ingress controller, which serves every namespace. Set it in input ingress-annotations, or leave it out.",
    );
  }
}

/** A Gateway API route (HTTPRoute, GRPCRoute): without hostnames it takes every listener's. */
function isRoute(object: KubeObject): boolean {
  return object.apiVersion.startsWith('gateway.networking.k8s.io/') && object.kind.endsWith('Route');
}

function routeHosts(object: KubeObject, host: (field: string, name: unknown) => void, reach: Reach): void {
  const { refuse } = reach;
  const spec = dig(object, 'spec');
  const names = strings(spec?.hostnames);
  if (names.length === 0) host('spec.hostnames', undefined);
  for (const name of names) host('spec.hostnames[]', name);
  for (const rule of list(spec?.rules)) {
    const backends = [
      ...list(rule.backendRefs),
      ...list(rule.filters).flatMap((f) => list([dig(f, 'requestMirror', 'backendRef')])),
    ];
    if (backends.some((backend) => backend.namespace !== undefined))
      refuse(
        'spec.rules[] backendRefs',
        "name another namespace's Service: a route serves only its own namespace's. Leave the namespace out.",
      );
    for (const backend of backends) reach.at('spec.rules[].backendRefs[].name', backend.name);
  }
}
