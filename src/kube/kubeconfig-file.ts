import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { homeKubeconfig, listedKubeconfigs } from '../model/kubeconfig.js';
import type { KubeconfigSource } from '../model/settings.js';

/** The in-cluster service account's files, as kubectl and the client library read them. */
const SERVICE_ACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
const IN_CLUSTER_TOKEN = `${SERVICE_ACCOUNT}/token`;
export const IN_CLUSTER_NAMESPACE = `${SERVICE_ACCOUNT}/namespace`;

/** A kubeconfig's YAML, as far as it is read without the client library. */
export interface KubeconfigYaml {
  'current-context'?: unknown;
  contexts?: unknown;
  users?: unknown;
}

/**
 * Where the kubeconfig is when no input names one, as kubectl looks for it: the files $KUBECONFIG lists
 * that exist (`listed`: every one it names), else ~/.kube/config, else the in-cluster service account
 * when the runner runs in a pod (KUBERNETES_SERVICE_HOST).
 */
type DefaultKubeconfig =
  | { from: 'KUBECONFIG'; listed: string[]; files: string[] }
  | { from: 'home'; file: string }
  | { from: 'in-cluster' }
  | { from: 'none' };

export function findDefaultKubeconfig(env: NodeJS.ProcessEnv): DefaultKubeconfig {
  const listed = listedKubeconfigs(env);
  if (listed.length > 0) return { from: 'KUBECONFIG', listed, files: listed.filter((f) => existsSync(f)) };
  const home = homeKubeconfig(env);
  if (existsSync(home)) return { from: 'home', file: home };
  return env.KUBERNETES_SERVICE_HOST ? { from: 'in-cluster' } : { from: 'none' };
}

/** Whether the runner runs in a pod whose service account token is mounted. */
export function inClusterCredentials(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.KUBERNETES_SERVICE_HOST && existsSync(IN_CLUSTER_TOKEN));
}

/**
 * The texts of the kubeconfig `source` names, in kubectl's order of precedence, leaving out the files
 * that cannot be read: for what is read of it without the client library (see loadKubeConfig).
 */
export function kubeconfigTexts(source: KubeconfigSource, env: NodeJS.ProcessEnv): string[] | 'in-cluster' {
  if (source.kind === 'content') return [source.content];
  if (source.kind === 'file') return readable([source.path]);
  const found = findDefaultKubeconfig(env);
  switch (found.from) {
    case 'KUBECONFIG':
      return readable(found.files);
    case 'home':
      return readable([found.file]);
    case 'in-cluster':
      return 'in-cluster';
    case 'none':
      return [];
  }
}

/** The texts of those of `files` that can be read. */
function readable(files: string[]): string[] {
  return files.map(readText).filter((t): t is string => t !== undefined);
}

/** A file's text; undefined when it does not exist or cannot be read. */
export function readText(file: string): string | undefined {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** A kubeconfig text's YAML; undefined when it does not parse, or not to a mapping. */
export function parseKubeconfig(text: string): KubeconfigYaml | undefined {
  try {
    const parsed: unknown = parseYaml(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as KubeconfigYaml) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether any cluster credentials are within reach, without loading them (nor the client library: a
 * fork's run asks it first): false on a pull request from
 * a fork, where the workflow gets no secrets and the runner has no kubeconfig of its own.
 */
export function credentialsAvailable(
  source: KubeconfigSource,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (source.kind !== 'default') return true;
  // Not findDefaultKubeconfig: a KUBECONFIG naming no file that exists leaves ~/.kube/config in reach.
  if (listedKubeconfigs(env).some((f) => existsSync(f))) return true;
  return existsSync(homeKubeconfig(env)) || inClusterCredentials(env);
}
