import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { KubeconfigSource, NamespaceLookup } from '../model/settings.js';

/** The in-cluster service account's namespace, as kubectl and the client library read it. */
export const IN_CLUSTER_NAMESPACE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

interface KubeconfigFile {
  'current-context'?: unknown;
  contexts?: unknown;
}

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
    const parsed = files.map(parse).filter((f): f is KubeconfigFile => f !== undefined);
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

/** The kubeconfig texts `source` names, in kubectl's order of precedence. */
function kubeconfigTexts(source: KubeconfigSource, env: NodeJS.ProcessEnv): string[] | 'in-cluster' {
  if (source.kind === 'content') return [source.content];
  if (source.kind === 'file') return [readText(source.path)].filter((t): t is string => t !== undefined);
  const fromEnv = env.KUBECONFIG?.split(path.delimiter).filter(Boolean);
  if (fromEnv?.length) return fromEnv.map(readText).filter((t): t is string => t !== undefined);
  const home = readText(path.join(env.HOME ?? os.homedir(), '.kube', 'config'));
  if (home !== undefined) return [home];
  return env.KUBERNETES_SERVICE_HOST ? 'in-cluster' : [];
}

function readText(file: string): string | undefined {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function parse(text: string): KubeconfigFile | undefined {
  try {
    const parsed: unknown = parseYaml(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as KubeconfigFile) : undefined;
  } catch {
    return undefined;
  }
}
