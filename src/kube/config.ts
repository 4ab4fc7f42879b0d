import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KubeConfig, type User } from '@kubernetes/client-node';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { userCredentials } from '../model/kubeconfig.js';
import type { KubeconfigSource } from '../model/settings.js';
import {
  findDefaultKubeconfig,
  inClusterCredentials,
  parseKubeconfig,
  type KubeconfigYaml,
} from './kubeconfig-file.js';

/**
 * Every credential the kubeconfig's users carry (see userCredentials), or `only` that user's. Read from
 * the users as the client library holds them, so a token it read from a token file is one too.
 */
function credentialsOf(kc: KubeConfig, only?: User | null): string[] {
  const users = (JSON.parse(kc.exportConfig()) as { users: { name: string; user: unknown }[] }).users;
  const chosen =
    only === undefined ? users : only ? users.filter((u) => u.name === only.name).slice(0, 1) : [];
  return chosen.flatMap((u) => userCredentials(u.user));
}

/**
 * Loads cluster credentials: the `kubeconfig` input's content, else a path from `x-preevy`, else
 * `$KUBECONFIG`, `~/.kube/config`, and finally the in-cluster service account. Every secret in it is
 * masked before anything can print it.
 */
export function loadKubeConfig(
  source: KubeconfigSource,
  context: string | undefined,
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): KubeConfig {
  const kc = new KubeConfig();
  const origin = load(kc, source, env);
  for (const secret of credentialsOf(kc)) log.mask(secret);
  if (context) {
    if (!kc.getContextObject(context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new UserError(
        `Input context "${context}" is not in ${origin}; it has ${known.length ? known.map((n) => `"${n}"`).join(', ') : 'no contexts'}.`,
      );
    }
    kc.setCurrentContext(context);
  }
  const cluster = currentCluster(kc, origin);
  // Without credentials (kubectl proxy) plain HTTP is harmless, but the client library takes it only with TLS checks off.
  const withCredentials = credentialsOf(kc, kc.getCurrentUser()).length > 0;
  if (/^http:\/\//i.test(cluster.server) && (withCredentials || !cluster.skipTLSVerify)) {
    throw new UserError(
      `The cluster server in ${origin} is ${cluster.server}: plain HTTP would send the credentials in clear (skipping TLS verification changes nothing there). Use the API server's https:// address.`,
    );
  }
  if (cluster.skipTLSVerify && withCredentials) {
    log.warning(
      `${capitalize(origin)} sets insecure-skip-tls-verify for ${cluster.server}: anyone between this runner and the API server can read the credentials. Give the cluster's certificate-authority-data instead.`,
    );
  }
  return kc;
}

/** The current context's cluster, or an error that says what the file lacks. */
function currentCluster(
  kc: KubeConfig,
  origin: string,
): NonNullable<ReturnType<KubeConfig['getCurrentCluster']>> {
  if (kc.clusters.length === 0 || kc.getContexts().length === 0) {
    throw new UserError(
      `${capitalize(origin)} has no ${kc.clusters.length === 0 ? 'clusters' : 'contexts'}: is it a kubeconfig? Give a whole kubeconfig file (clusters, users, contexts and current-context), e.g. from a secret: kubeconfig: \${{ secrets.KUBECONFIG }}.`,
    );
  }
  const context = kc.getCurrentContext();
  if (!context) {
    const known = kc.getContexts().map((c) => `"${c.name}"`);
    throw new UserError(
      `${capitalize(origin)} has no current-context. Set input context to one of its contexts: ${known.join(', ')}.`,
    );
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new UserError(
      `${capitalize(origin)} names no cluster for context "${context}". Set input context to one of its contexts.`,
    );
  }
  return cluster;
}

function load(kc: KubeConfig, source: KubeconfigSource, env: NodeJS.ProcessEnv): string {
  const parse = (origin: string, fn: () => void) => {
    try {
      fn();
    } catch (error) {
      throw new UserError(
        `${capitalize(origin)} is not a valid kubeconfig: ${(error as Error).message.split('\n')[0]}. Give the whole file, e.g. from a secret: kubeconfig: \${{ secrets.KUBECONFIG }}.`,
      );
    }
    return origin;
  };
  switch (source.kind) {
    case 'content':
      return parse('the kubeconfig input', () => kc.loadFromString(source.content));
    case 'file': {
      if (!existsSync(source.path))
        throw new UserError(`The ${source.from} file ${source.path} does not exist.`);
      const origin = `the kubeconfig file ${source.path} (${source.from})`;
      const text = readFileSync(source.path, 'utf8');
      // Before loading: the client library reads a token-file while it loads.
      refuseRunnerAccess(parseKubeconfig(text), origin);
      return parse(origin, () => loadText(kc, source.path, text));
    }
    case 'default':
      return loadDefault(kc, env, parse);
  }
}

/** `$KUBECONFIG`'s files, else `~/.kube/config`, else the in-cluster service account (see load). */
function loadDefault(
  kc: KubeConfig,
  env: NodeJS.ProcessEnv,
  parse: (origin: string, fn: () => void) => string,
): string {
  const found = findDefaultKubeconfig(env);
  if (found.from === 'KUBECONFIG') {
    const { listed, files } = found;
    if (files.length === 0)
      throw new UserError(`KUBECONFIG names ${listed.join(', ')}; none of them exists.`);
    // Like kubectl: the first file gives the current context, the others add to it.
    return parse(`the kubeconfig from KUBECONFIG (${listed.join(path.delimiter)})`, () => {
      loadFile(kc, files[0]!);
      for (const file of files.slice(1)) {
        const other = new KubeConfig();
        loadFile(other, file);
        mergeFirstWins(kc, other);
      }
    });
  }
  if (found.from === 'home')
    return parse(`the kubeconfig file ${found.file}`, () => loadFile(kc, found.file));
  if (found.from === 'in-cluster' && inClusterCredentials(env)) {
    kc.loadFromCluster();
    return 'the in-cluster service account';
  }
  throw new UserError(
    'No cluster credentials: set input kubeconfig to the content of a kubeconfig file (from a secret), or provide $KUBECONFIG or ~/.kube/config.',
  );
}

/** The client library's loadFromFile, from a text already read: relative paths are the file's. */
function loadText(kc: KubeConfig, file: string, text: string): void {
  kc.loadFromString(text);
  kc.makePathsAbsolute(path.dirname(file));
}

function loadFile(kc: KubeConfig, file: string): void {
  loadText(kc, file, readFileSync(file, 'utf8'));
}

/**
 * kubectl's merge of KUBECONFIG's files: the first file to set the current context, or to define a
 * cluster, user or context of a name, wins. The client library's own merge lets the last file's current
 * context win and refuses a name two files define.
 */
function mergeFirstWins(kc: KubeConfig, other: KubeConfig): void {
  if (!kc.currentContext && other.currentContext) kc.setCurrentContext(other.currentContext);
  const missing = <T extends { name: string }>(mine: T[], theirs: T[]) =>
    theirs.filter((t) => !mine.some((m) => m.name === t.name));
  for (const cluster of missing(kc.clusters, other.clusters)) kc.addCluster(cluster);
  for (const user of missing(kc.users, other.users)) kc.addUser(user);
  for (const context of missing(kc.contexts, other.contexts)) kc.addContext(context);
}

/**
 * A kubeconfig from a path in the repository may not make the runner run a command or read its files
 * (and send them to a server the file names): no exec plugin, token file or auth provider command.
 */
function refuseRunnerAccess(parsed: KubeconfigYaml | undefined, origin: string): void {
  // One that does not parse: loading says what is wrong with it.
  const users = (parsed?.users ?? []) as {
    name?: string;
    user?: Record<string, unknown> | null;
  }[];
  for (const { name, user } of Array.isArray(users) ? users : []) {
    const provider = user?.['auth-provider'] as { config?: Record<string, unknown> } | undefined;
    const what = user?.exec
      ? 'an exec plugin'
      : user?.['token-file'] || user?.tokenFile
        ? 'a token file'
        : provider?.config?.['cmd-path']
          ? "an auth provider's command"
          : undefined;
    if (what) {
      throw new UserError(
        `${capitalize(origin)} gives user ${name ?? '?'} ${what}, which runs or reads something on the runner. Such a kubeconfig is taken only from input kubeconfig or $KUBECONFIG, not from a path in the repository.`,
      );
    }
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
