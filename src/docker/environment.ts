import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { homeKubeconfig, listedKubeconfigs, userCredentials } from '../model/kubeconfig.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';

/**
 * What docker and compose need of the runner, and what a project commonly interpolates without being
 * told: PATH (the CLI plugins), HOME and DOCKER_CONFIG (~/.docker: the registry login, buildx's state),
 * the locale, TZ and TMPDIR, CI and GITHUB_ACTIONS, and GitHub's context variables that identify the
 * run and the commit (never a path of the runner's files: GITHUB_ENV, GITHUB_EVENT_PATH, RUNNER_TEMP).
 */
const ALWAYS = [
  'PATH',
  'HOME',
  'DOCKER_CONFIG',
  'LANG',
  'LANGUAGE',
  'LC_*',
  'TZ',
  'TMPDIR',
  'CI',
  'GITHUB_ACTIONS',
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_REF_TYPE',
  'GITHUB_HEAD_REF',
  'GITHUB_BASE_REF',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_SERVER_URL',
  'GITHUB_EVENT_NAME',
  'GITHUB_ACTOR',
  'GITHUB_WORKFLOW',
  'GITHUB_JOB',
];

/**
 * Variables of the action, never the project's even when listed: its inputs (the kubeconfig and the
 * GitHub token among them), the runner's own tokens, the step state, and the path of a kubeconfig.
 */
const NEVER = [/^INPUT_/i, /^ACTIONS_/, /^STATE_/, /^GITHUB_TOKEN$/, /^KUBECONFIG$/];

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*\*?$/;

export interface ComposeEnvironmentOptions {
  /** Input compose-env: the names (and `PREFIX_*` patterns) the workflow passes to compose. */
  listed: string | undefined;
  /** Every credential the action holds (see knownCredentials): a variable holding one is dropped. */
  credentials: string[];
  log?: Logger;
}

/**
 * The environment docker and compose run with: an allow-list, not the runner's environment. It holds
 * the variables of ALWAYS and those input compose-env lists, less the action's own (NEVER) and any
 * whose value contains one of the action's credentials, whatever its length and its name.
 */
export function projectEnvironment(
  env: NodeJS.ProcessEnv,
  options: ComposeEnvironmentOptions,
): Record<string, string> {
  const listed = parseComposeEnv(options.listed);
  const wanted = [...ALWAYS, ...listed].map(pattern);
  const credentials = options.credentials.map(compact).filter(Boolean);
  const kept: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined || !wanted.some((p) => p.test(name))) continue;
    if (NEVER.some((p) => p.test(name))) dropped.push(`${name} (the action's own: never passed)`);
    else if (credentials.some((c) => compact(value).includes(c)))
      dropped.push(`${name} (its value holds a credential the action uses)`);
    else kept[name] = value;
  }
  if (dropped.length > 0) {
    options.log?.warning(
      `Not passed to compose: ${dropped.join(', ')}. Compose gets ${Object.keys(kept).join(', ') || 'no variables'}.`,
    );
  }
  return kept;
}

/** Input compose-env: names and `PREFIX_*` patterns, separated by newlines or commas. */
export function parseComposeEnv(value: string | undefined): string[] {
  const names = (value ?? '')
    .split(/[\n,]/)
    .map((n) => n.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!NAME.test(name)) throw new UserError(explainComposeEnvName(name));
  }
  return names;
}

function explainComposeEnvName(name: string): string {
  return `Input compose-env lists "${name}", which is neither a variable name nor a PREFIX_* pattern. List the variables compose may see, one per line or separated by commas.`;
}

function pattern(name: string): RegExp {
  const literal = name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return new RegExp(`^${name.endsWith('*') ? `${literal.slice(0, -2)}.*` : literal}$`);
}

/** Without whitespace: a PEM key re-wrapped or on one line is still the same key. */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

export interface KnownCredentials {
  /** Input kubeconfig's content; when empty, the files of $KUBECONFIG or ~/.kube/config are read. */
  kubeconfig: string | undefined;
  githubToken: string | undefined;
  basicAuth: string | undefined;
}

/**
 * The credentials the action holds, as values to look for: the kubeconfig whole and each user's token,
 * password, client key and certificate (as given in base64 and decoded), an auth provider's tokens and
 * secret, an exec plugin's environment; the GitHub token; the basic-auth pair and its password.
 */
export function knownCredentials(known: KnownCredentials, env: NodeJS.ProcessEnv): string[] {
  const texts = known.kubeconfig ? [known.kubeconfig] : defaultKubeconfigs(env);
  const password = known.basicAuth?.includes(':')
    ? known.basicAuth.slice(known.basicAuth.indexOf(':') + 1)
    : undefined;
  const values = [
    ...texts,
    ...texts.flatMap(kubeconfigSecrets),
    known.githubToken,
    known.basicAuth,
    password,
  ];
  return values.filter((v): v is string => typeof v === 'string' && v.trim().length > 0);
}

/** The files the action reads cluster credentials from when input kubeconfig is empty. */
function defaultKubeconfigs(env: NodeJS.ProcessEnv): string[] {
  const listed = listedKubeconfigs(env);
  const files = listed.length ? listed : [homeKubeconfig(env)];
  return files.filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8'));
}

/** The credentials of a kubeconfig's users (those src/kube/config.ts masks, and their PEM), from its YAML. */
function kubeconfigSecrets(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch {
    return [];
  }
  const users = (parsed as { users?: unknown } | null)?.users;
  return (Array.isArray(users) ? users : []).flatMap((entry: unknown) =>
    userCredentials((entry as { user?: unknown } | null)?.user, { decoded: true }),
  );
}
