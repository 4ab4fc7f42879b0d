import os from 'node:os';
import path from 'node:path';

/**
 * Where kubectl finds its kubeconfig when it is given none: the files $KUBECONFIG lists (merged, the
 * first to set a value winning), else ~/.kube/config. Paths only: src/kube/kubeconfig-file.ts reads
 * them for the cluster, src/docker/environment.ts for the credentials compose must not see.
 */
export function listedKubeconfigs(env: NodeJS.ProcessEnv): string[] {
  return env.KUBECONFIG?.split(path.delimiter).filter(Boolean) ?? [];
}

/** ~/.kube/config, the kubeconfig when $KUBECONFIG lists none. */
export function homeKubeconfig(env: NodeJS.ProcessEnv): string {
  return path.join(env.HOME ?? os.homedir(), '.kube', 'config');
}

/** The fields of a kubeconfig user that hold a credential, as the file spells them. */
const USER_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];
/** Of those, the ones that hold a PEM key or certificate in base64. */
const PEM_FIELDS = ['client-key-data', 'client-certificate-data'];
/** The fields of an auth provider's config that hold a credential. */
const AUTH_PROVIDER_FIELDS = ['id-token', 'refresh-token', 'client-secret', 'access-token'];

/**
 * Every credential one user of a kubeconfig carries (its `user` mapping, as the file has it): token,
 * password, client key and certificate data, an auth provider's tokens and secret, and the values an
 * exec plugin gets in its environment. With `decoded`, each key's and certificate's PEM text follows
 * its base64, for a search of values that may hold it decoded.
 */
export function userCredentials(user: unknown, options: { decoded?: boolean } = {}): string[] {
  const fields = (typeof user === 'object' && user !== null ? user : {}) as Record<string, unknown>;
  const secrets: unknown[] = [];
  for (const field of USER_FIELDS) {
    const value = fields[field];
    secrets.push(value);
    if (options.decoded && PEM_FIELDS.includes(field) && typeof value === 'string') {
      const pem = Buffer.from(value, 'base64').toString('utf8');
      if (pem.includes('-----BEGIN')) secrets.push(pem);
    }
  }
  const provider = (fields['auth-provider'] as { config?: Record<string, unknown> } | null | undefined)
    ?.config;
  for (const field of AUTH_PROVIDER_FIELDS) secrets.push(provider?.[field]);
  const exec = fields.exec as { env?: unknown } | null | undefined;
  for (const variable of Array.isArray(exec?.env) ? exec.env : [])
    secrets.push((variable as { value?: unknown } | null)?.value);
  return secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
}
