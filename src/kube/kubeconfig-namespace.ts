import type { NamespaceLookup } from '../model/settings.js';
import {
  IN_CLUSTER_NAMESPACE,
  kubeconfigTexts,
  parseKubeconfig,
  readText,
  type KubeconfigYaml,
} from './kubeconfig-file.js';

/**
 * The namespace the kubeconfig's context names, as kubectl finds it: the context of input `context`,
 * else the current one, from the same place loadKubeConfig takes the credentials (the input's content,
 * x-preevy's path, `$KUBECONFIG` merged with the first file winning, `~/.kube/config`, the in-cluster
 * service account). Reads with the YAML parser only, so `plan`, which needs no cluster, does not load
 * the Kubernetes client; undefined when there is no kubeconfig or it names no namespace (loading it
 * later says what is wrong with a broken one).
 */
export function kubeconfigNamespace(env: NodeJS.ProcessEnv = process.env): NamespaceLookup {
  return (source, context) => {
    const files = kubeconfigTexts(source, env);
    if (files === 'in-cluster') {
      const namespace = readText(IN_CLUSTER_NAMESPACE)?.trim();
      return namespace ? { namespace, from: "the in-cluster service account's namespace" } : undefined;
    }
    const parsed = files.map(parseKubeconfig).filter((f): f is KubeconfigYaml => f !== undefined);
    const name = context ?? parsed.map((f) => f['current-context']).find((c) => typeof c === 'string' && c);
    if (typeof name !== 'string') return undefined;
    // kubectl's merge: the first file that defines a context by that name wins.
    for (const file of parsed) {
      const entry = (Array.isArray(file.contexts) ? file.contexts : []).find(
        (c: { name?: unknown }) => c?.name === name,
      ) as { context?: { namespace?: unknown } } | undefined;
      if (!entry) continue;
      const namespace = entry.context?.namespace;
      return typeof namespace === 'string' && namespace
        ? { namespace, from: `the kubeconfig's context "${name}"` }
        : undefined;
    }
    return undefined;
  };
}
