import { LEASE_PREFIX } from './objects.js';

/** What the plan's checks tell a template's author, each with what to do. */

export function explainOpenDockerServer(ref: string, open: string): string {
  return `The docker-host container of ${ref} runs dockerd, which listens on every address (${open}) without TLS: any pod in the cluster can drive it. Use --host=tcp://127.0.0.1:2375 (port-forward connects from inside the pod) and a readiness probe that asks from inside the pod too, as the bundled templates do.`;
}

export function explainClusterScoped(what: string, ref: string, namespace: string): string {
  return `The ${what} creates ${ref}, which is cluster-scoped. Every object must live in the namespace "${namespace}"; remove it from the ${what} and create it once, outside the preview.`;
}

export function explainOtherNamespace(what: string, ref: string, own: string, namespace: string): string {
  return `The ${what} puts ${ref} in namespace "${own}", but the environment's namespace is "${namespace}". Use {{ namespace }} in the ${what}, or set input namespace.`;
}

export function explainOwnLeaseName(what: string, ref: string): string {
  return `The ${what} creates ${ref}: names of Leases starting with ${LEASE_PREFIX} are kube-pod-preview's own (the lease that lets one run at a time change an environment). Rename it: put {{ id }} in its name, without that prefix.`;
}

export function explainNameWithoutId(what: string, ref: string, id: string, name: string): string {
  return `The ${what} creates ${ref}, whose name does not contain the environment's id (${id}): every pull request's environment would create the same object, and one could take over or lock out another. Put {{ id }} in its name, e.g. name: {{ id }}-${name}.`;
}

export function explainDockerHostCount(label: string, found: string): string {
  return `Exactly one StatefulSet or Deployment in the template must carry the label "${label}" (it runs the Docker server); ${found}.`;
}

export function explainNoContainers(ref: string): string {
  return `The docker-host ${ref} has no containers; its first container must run the Docker server and have tar.`;
}
