import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DAY_MS, parseDuration } from '../util/duration.js';
import { UserError } from '../util/errors.js';
import type { InputSource } from './inputs.js';
import { DNS_SUBDOMAIN, dnsSubdomain } from './names.js';
import { podSettings, type PodSettings } from './pod-settings.js';
import { parseCommandPermission, type TriggerSettings } from './trigger.js';
import type { Logger } from '../util/log.js';

export type Command = 'auto' | 'up' | 'down' | 'plan' | 'doctor' | 'cleanup';
const COMMANDS: readonly Command[] = ['auto', 'up', 'down', 'plan', 'doctor', 'cleanup'];

export type ExposeMode = 'ingress' | 'loadbalancer' | 'none';

/** How the published ports become URLs. */
export interface ExposeSettings {
  mode: ExposeMode;
  domain: string | undefined;
  /** A host name pattern with {service}, {port}, {id}, {env-id}, {domain}. */
  urlTemplate: string;
  /** Absolute path of the exposure template, or the name of a bundled one. */
  template: string;
  ingressClass: string | undefined;
  tlsSecret: string | undefined;
  ingressAnnotations: Record<string, string>;
  basicAuth: { user: string; password: string } | undefined;
  urlTimeoutMs: number;
}

/** What the run tells the pull request. */
export interface ReportSettings {
  comment: boolean;
  deployment: boolean;
  /** Default: `preview/<env-id>`. */
  deploymentEnvironment: string | undefined;
  primaryService: string | undefined;
}

/** Where the cluster credentials come from, in the order the action looks for them. */
export type KubeconfigSource =
  { kind: 'content'; content: string } | { kind: 'file'; path: string; from: string } | { kind: 'default' };

/** Everything a run needs from its inputs, validated once. */
export interface Settings {
  command: Command;
  kubeconfig: KubeconfigSource;
  context: string | undefined;
  namespace: string;
  /**
   * Where `namespace` came from, for the messages that name it (an input, x-preevy, the kubeconfig):
   * a namespace the compose file chose is named as such in the log.
   */
  namespaceFrom: string;
  /** Absolute path of the nunjucks template, or the name of a bundled one. */
  template: string;
  /**
   * Who named it: the compose file (`x-preevy template`, the pull request's: confined to the project
   * when read) or the workflow (`input template`, anywhere), or nobody (the default).
   */
  templateFrom: 'x-preevy template' | 'input template' | 'default';
  serverSideApply: boolean;
  storageClass: string | undefined;
  /** GiB; fractions allowed. */
  storageSize: number;
  composeFiles: string[];
  workingDirectory: string;
  /**
   * Absolute directories outside working-directory whose files the project may bind-mount (input
   * allow-paths); everything else outside it stays on the runner.
   */
  allowPaths: string[];
  envId: string | undefined;
  timeoutMs: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  githubToken: string | undefined;
  /** The Docker server's pod as inputs describe it (image, resources, scheduling, registry mirrors). */
  pod: PodSettings;
  expose: ExposeSettings;
  report: ReportSettings;
  /** What a pull request from a fork, which gets no secrets, does: skip with a notice, or fail. */
  onFork: 'skip' | 'fail';
  /** Deploy another repository's code on events that carry this repository's secrets. */
  allowForkCode: boolean;
  /** Which pull requests get a preview (inputs drafts and label). */
  triggers: TriggerSettings;
  /**
   * Whether the comment lists the `/preview` commands: input command-permission is set (and not
   * `none`), so the workflow listens to issue_comment. Who may run them is read from the input by the
   * issue_comment run itself, before any settings.
   */
  commandsListed: boolean;
  /** How long an environment lives after its last deploy before `cleanup` removes it. */
  ttlMs: number | undefined;
  /** The latest expiry `/preview extend` may set, from now (input max-ttl). */
  maxTtlMs: number;
  /** How long after its last deploy `cleanup` scales an environment to zero (input sleep-after). */
  sleepAfterMs: number | undefined;
  /** `cleanup` only lists what it would remove. */
  dryRun: boolean;
}

/**
 * The namespace the kubeconfig's context names, and which context (or the in-cluster service account)
 * named it; undefined when there is no kubeconfig or it names none. Reads files: the caller gives it.
 */
export type NamespaceLookup = (
  source: KubeconfigSource,
  context: string | undefined,
) => { namespace: string; from: string } | undefined;

/** The options a compose file's `x-preevy` section may set, by the names of Preevy's kube-pod driver docs. */
export interface DriverOptions {
  namespace?: string;
  kubeconfig?: string;
  context?: string;
  template?: string;
  serverSideApply?: boolean;
  storageClass?: string;
  storageSize?: number;
}

export const DEFAULTS = {
  namespace: 'default',
  template: 'default',
  serverSideApply: true,
  storageSize: 5,
  timeoutMs: 5 * 60_000,
  urlTemplate: '{service}-{port}-{id}.{domain}',
  urlTimeoutMs: 2 * 60_000,
  maxTtlMs: 7 * DAY_MS,
} as const;

/** The inputs that do not depend on the compose file: enough to find and read it. */
export interface ProjectInputs {
  workingDirectory: string;
  composeFiles: string[];
  /** Input allow-paths, absolute: compose may read files there too (checked before compose runs). */
  allowPaths?: string[];
}

export function readProjectInputs(input: InputSource, cwd: string): ProjectInputs {
  const workingDirectory = path.resolve(cwd, input('working-directory') ?? '.');
  const composeFiles = lines(input('compose-file')).map((f) => path.resolve(workingDirectory, f));
  const allowPaths = lines(input('allow-paths')).map((p) => path.resolve(workingDirectory, p));
  return { workingDirectory, composeFiles, allowPaths };
}

/** The non-empty lines of a newline-separated input. */
function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Input allow-fork-code: deploy another repository's code on events that carry this one's secrets. */
export function allowsForkCode(input: InputSource): boolean {
  return optional(input('allow-fork-code'), (v) => boolean(v, 'Input allow-fork-code')) ?? false;
}

/**
 * In a workflow, the compose file comes from the pull request: it may not choose the credentials. Its
 * `kubeconfig` and `context` are dropped with a warning there; the CLI, run by someone on their own
 * checkout, keeps them.
 */
export function withoutRepositoryCredentials(
  options: DriverOptions,
  inWorkflow: boolean,
  log: Logger,
): DriverOptions {
  if (!inWorkflow) return options;
  const { kubeconfig, context, ...rest } = options;
  for (const [key, value] of [
    ['kubeconfig', kubeconfig],
    ['context', context],
  ] as const) {
    if (value !== undefined)
      log.warning(
        `Ignoring x-preevy ${key} in the compose file: in a workflow the credentials come from input kubeconfig (or $KUBECONFIG) and input context, never from the repository.`,
      );
  }
  return rest;
}

/**
 * Resolves the settings: a built-in default is overridden by the compose file's `x-preevy` section,
 * which is overridden by an input the workflow (or CLI) gave explicitly.
 */
export function resolveSettings(
  input: InputSource,
  fromCompose: DriverOptions,
  project: ProjectInputs,
  kubeconfigNamespace: NamespaceLookup = () => undefined,
): Settings {
  const explicit = {
    namespace: optional(input('namespace'), (v) => dnsLabel(v, 'Input namespace')),
    context: input('context'),
    template: input('template'),
    serverSideApply: optional(input('server-side-apply'), (v) => boolean(v, 'Input server-side-apply')),
    storageClass: optional(input('storage-class'), (v) => dnsSubdomain(v, 'Input storage-class')),
    storageSize: optional(input('storage-size'), (v) => storageSize(v, 'Input storage-size')),
  };
  const pick = <K extends keyof typeof explicit>(key: K) => explicit[key] ?? fromCompose[key];
  const template = pick('template') ?? DEFAULTS.template;
  const kubeconfig = kubeconfigSource(input('kubeconfig'), fromCompose, project);

  return {
    command: readCommand(input),
    kubeconfig,
    context: pick('context'),
    ...namespaceOf(explicit.namespace, fromCompose.namespace, () =>
      kubeconfigNamespace(kubeconfig, pick('context')),
    ),
    template: BUNDLED_TEMPLATES.includes(template)
      ? template
      : path.resolve(project.workingDirectory, template),
    templateFrom: templateFrom(explicit.template, fromCompose.template),
    serverSideApply: pick('serverSideApply') ?? DEFAULTS.serverSideApply,
    storageClass: pick('storageClass'),
    storageSize: pick('storageSize') ?? DEFAULTS.storageSize,
    composeFiles: project.composeFiles,
    workingDirectory: project.workingDirectory,
    allowPaths: lines(input('allow-paths')).map((p) => path.resolve(project.workingDirectory, p)),
    envId: optional(input('env-id'), (v) => dnsLabel(v, 'Input env-id')),
    timeoutMs: optional(input('timeout'), (v) => parseDuration(v, 'timeout')) ?? DEFAULTS.timeoutMs,
    labels: optional(input('labels'), (v) => stringMap(v, 'labels')) ?? {},
    annotations: optional(input('annotations'), (v) => stringMap(v, 'annotations')) ?? {},
    githubToken: input('github-token'),
    pod: podSettings(input),
    expose: exposeSettings(input, project),
    report: {
      comment: optional(input('comment'), (v) => boolean(v, 'Input comment')) ?? true,
      deployment: optional(input('deployment'), (v) => boolean(v, 'Input deployment')) ?? true,
      deploymentEnvironment: input('deployment-environment'),
      primaryService: input('primary-service'),
    },
    onFork: readOnFork(input),
    allowForkCode: allowsForkCode(input),
    ...pullRequestSettings(input),
    ...lifetimeSettings(input),
    dryRun: optional(input('dry-run'), (v) => boolean(v, 'Input dry-run')) ?? false,
  };
}

/** How long environments live, wait and sleep (inputs ttl, max-ttl, sleep-after). */
function lifetimeSettings(input: InputSource): Pick<Settings, 'ttlMs' | 'maxTtlMs' | 'sleepAfterMs'> {
  // An environment may live a year between deploys: longer is surely a typo (and no longer a Date).
  const span = (name: 'ttl' | 'max-ttl' | 'sleep-after') =>
    optional(input(name), (v) => parseDuration(v, name, 365 * DAY_MS));
  return {
    ttlMs: span('ttl'),
    maxTtlMs: span('max-ttl') ?? DEFAULTS.maxTtlMs,
    sleepAfterMs: span('sleep-after'),
  };
}

/** The kubeconfig input's content, else x-preevy's path, else kubectl's places (see loadKubeConfig). */
function kubeconfigSource(
  content: string | undefined,
  fromCompose: DriverOptions,
  project: ProjectInputs,
): KubeconfigSource {
  if (content) return { kind: 'content', content };
  if (!fromCompose.kubeconfig) return { kind: 'default' };
  const file = path.resolve(project.workingDirectory, fromCompose.kubeconfig);
  return { kind: 'file', path: file, from: 'x-preevy kubeconfig' };
}

/**
 * As kubectl: input namespace, else x-preevy's, else the one the kubeconfig's context names, else
 * `default` (also what `plan` uses without any kubeconfig).
 */
function namespaceOf(
  fromInput: string | undefined,
  fromCompose: string | undefined,
  fromKubeconfig: () => ReturnType<NamespaceLookup>,
): Pick<Settings, 'namespace' | 'namespaceFrom'> {
  if (fromInput)
    return { namespace: notSystem(fromInput, 'Input namespace'), namespaceFrom: 'input namespace' };
  if (fromCompose)
    return {
      namespace: notSystem(fromCompose, "The compose file's x-preevy namespace"),
      namespaceFrom: 'x-preevy namespace of the compose file',
    };
  const found = fromKubeconfig();
  if (found)
    return {
      namespace: dnsLabel(found.namespace, `The namespace of ${found.from}`),
      namespaceFrom: found.from,
    };
  return {
    namespace: DEFAULTS.namespace,
    namespaceFrom: 'the default: neither input namespace, x-preevy nor the kubeconfig names one',
  };
}

/**
 * Neither input nor x-preevy may name a system namespace: a preview's objects there would sit next to
 * the cluster's own, and the compose file comes from the pull request.
 */
function notSystem(namespace: string, where: string): string {
  if (namespace === 'default' || namespace.startsWith('kube-'))
    throw new UserError(
      `${where} is "${namespace}", a namespace of the cluster's own: previews go in a namespace of their own (e.g. previews, with deploy/rbac.yaml applied to it). Set input namespace.`,
    );
  return namespace;
}

function templateFrom(input: string | undefined, compose: string | undefined): Settings['templateFrom'] {
  return input ? 'input template' : compose ? 'x-preevy template' : 'default';
}

const URL_PLACEHOLDERS = ['service', 'port', 'id', 'env-id', 'domain'];

function exposeSettings(input: InputSource, project: ProjectInputs): ExposeSettings {
  const domain = optional(input('domain'), (v) => hostName(v.replace(/^\.+/, ''), 'Input domain'));
  const mode =
    optional(input('expose'), (v) => oneOf(v, ['ingress', 'loadbalancer', 'none'] as const, 'expose')) ??
    (domain ? 'ingress' : 'none');
  const urlTemplate = input('url-template') ?? DEFAULTS.urlTemplate;
  for (const [, name] of urlTemplate.matchAll(/\{([^}]*)\}/g)) {
    if (!URL_PLACEHOLDERS.includes(name!)) {
      throw new UserError(
        `Input url-template has an unknown placeholder {${name}}; it may use ${URL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`,
      );
    }
  }
  if (mode === 'ingress' && !/\{(id|env-id)\}/.test(urlTemplate)) {
    throw new UserError(
      'Input url-template must contain {id} or {env-id}: without it every pull request gets the same host names, and one preview answers for all.',
    );
  }
  if (mode === 'ingress' && !domain && urlTemplate.includes('{domain}')) {
    throw new UserError(
      'Input expose is ingress, whose host names need input domain (e.g. preview.example.com, with a wildcard DNS record pointing at your ingress controller). Set domain, or set expose to loadbalancer or none.',
    );
  }
  const template = input('expose-template') ?? 'expose';
  return {
    mode,
    domain,
    urlTemplate,
    template: template === 'expose' ? template : path.resolve(project.workingDirectory, template),
    ingressClass: optional(input('ingress-class'), (v) => dnsSubdomain(v, 'Input ingress-class')),
    tlsSecret: optional(input('tls-secret'), (v) => dnsSubdomain(v, 'Input tls-secret')),
    ingressAnnotations:
      optional(input('ingress-annotations'), (v) => stringMap(v, 'ingress-annotations')) ?? {},
    basicAuth: optional(input('basic-auth'), (v) => basicAuth(v, mode)),
    urlTimeoutMs:
      optional(input('url-timeout'), (v) => parseDuration(v, 'url-timeout')) ?? DEFAULTS.urlTimeoutMs,
  };
}

function basicAuth(value: string, mode: ExposeMode): { user: string; password: string } {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) {
    // The value is a secret: the message must not repeat it.
    throw new UserError(
      'Input basic-auth must be "user:password" with a non-empty user and password (pass it from a secret).',
    );
  }
  // Each line of an htpasswd file is one user: a line break would add another.
  if (/[\r\n\0]/.test(value)) {
    throw new UserError(
      'Input basic-auth must be one line "user:password": its user and password may not contain a line break.',
    );
  }
  if (mode !== 'ingress') {
    throw new UserError(
      `Input basic-auth protects URLs through the ingress, but input expose is ${mode}: nothing would ask for the password. Set expose to ingress, or remove basic-auth.`,
    );
  }
  return { user: value.slice(0, colon), password: value.slice(colon + 1) };
}

export const BUNDLED_TEMPLATES: readonly string[] = ['default', 'sysbox'];

const DRIVER_NAMES = ['kube-pod', 'kube-docker'];
/** Keys of `x-preevy` that belong to Preevy itself, not to a driver: accepted and left alone. */
const PREEVY_KEYS = ['driver', 'drivers', 'plugins', 'plainOutput', 'snapshot', 'observe'];
const OPTION_KEYS: Record<string, (value: unknown, where: string) => Partial<DriverOptions>> = {
  namespace: (v, w) => ({ namespace: dnsLabel(text(v, w), w) }),
  kubeconfig: (v, w) => ({ kubeconfig: text(v, w) }),
  context: (v, w) => ({ context: text(v, w) }),
  template: (v, w) => ({ template: text(v, w) }),
  // Preevy's docs name the template option `pod-template` in places; both spellings mean the same.
  'pod-template': (v, w) => ({ template: text(v, w) }),
  'server-side-apply': (v, w) => ({ serverSideApply: typeof v === 'boolean' ? v : boolean(text(v, w), w) }),
  'storage-class': (v, w) => ({ storageClass: dnsSubdomain(text(v, w), w) }),
  'storage-size': (v, w) => ({ storageSize: storageSize(typeof v === 'number' ? String(v) : text(v, w), w) }),
};

/**
 * Reads the driver options of a compose file's `x-preevy` section. Both forms of Preevy's docs are
 * accepted: options at the top level (`x-preevy: {driver: kube-pod, namespace: …}`) and the driver-scoped
 * form (`x-preevy: {drivers: {kube-pod: {namespace: …}}}`), the latter winning.
 */
export function readDriverOptions(xPreevy: unknown, log: Logger): DriverOptions {
  if (xPreevy === undefined || xPreevy === null) return {};
  const section = record(xPreevy, 'x-preevy');
  const options: DriverOptions = {};
  for (const [key, value] of Object.entries(section)) {
    if (key in OPTION_KEYS) Object.assign(options, OPTION_KEYS[key]!(value, `x-preevy.${key}`));
    else if (!PREEVY_KEYS.includes(key))
      log.warning(`Ignoring unknown key x-preevy.${key} in the compose file.`);
  }
  if (section.drivers !== undefined) {
    const drivers = record(section.drivers, 'x-preevy.drivers');
    const name = DRIVER_NAMES.find((n) => drivers[n] !== undefined);
    if (name) {
      const where = `x-preevy.drivers.${name}`;
      for (const [key, value] of Object.entries(record(drivers[name], where))) {
        if (key in OPTION_KEYS) Object.assign(options, OPTION_KEYS[key]!(value, `${where}.${key}`));
        else log.warning(`Ignoring unknown key ${where}.${key} in the compose file.`);
      }
    }
  }
  if (typeof section.driver === 'string' && !DRIVER_NAMES.includes(section.driver)) {
    log.warning(
      `x-preevy.driver is "${section.driver}"; kube-pod-preview reads only the kube-pod driver's options.`,
    );
  }
  return options;
}

function optional<T>(value: string | undefined, parse: (v: string) => T): T | undefined {
  return value === undefined ? undefined : parse(value);
}

/** Which pull requests get a preview, and who may run /preview commands in their comments. */
function pullRequestSettings(input: InputSource): Pick<Settings, 'triggers' | 'commandsListed'> {
  // Validated on every run, so that a typo shows on the pull_request run, not on the first command.
  const permission = optional(input('command-permission'), parseCommandPermission);
  return {
    triggers: readTriggers(input),
    commandsListed: permission !== undefined && permission.length > 0,
  };
}

/** Inputs drafts and label: which pull requests get a preview, known before the compose file is read. */
export function readTriggers(input: InputSource): TriggerSettings {
  return {
    drafts: optional(input('drafts'), (v) => oneOf(v, ['deploy', 'skip'] as const, 'drafts')) ?? 'deploy',
    label: optional(input('label'), labelName),
  };
}

/** Input command, known before the compose file is read. */
export function readCommand(input: InputSource): Command {
  return oneOf(input('command') ?? 'auto', COMMANDS, 'command');
}

/** Input on-fork: what a fork's pull request, which gets no secrets, does. */
export function readOnFork(input: InputSource): 'skip' | 'fail' {
  return optional(input('on-fork'), (v) => oneOf(v, ['skip', 'fail'] as const, 'on-fork')) ?? 'skip';
}

/** A GitHub label's name: at most 50 characters, one line. */
function labelName(value: string): string {
  if (value.length > 50 || /[\r\n]/.test(value))
    throw new UserError(
      `Input label must be one label's name (one line, at most 50 characters); got "${value.slice(0, 60)}".`,
    );
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], inputName: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`Input ${inputName} must be one of ${allowed.join(', ')}; got "${value}".`);
}

function hostName(value: string, where: string): string {
  const host = value.toLowerCase();
  if (host.length > 253 || !DNS_SUBDOMAIN.test(host) || host.split('.').some((label) => label.length > 63)) {
    throw new UserError(`${where} must be a DNS name such as preview.example.com, got "${value}".`);
  }
  return host;
}

function boolean(value: string, where: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new UserError(`${where} must be true or false, got "${value}".`);
}

function storageSize(value: string, where: string): number {
  const size = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(size > 0)) {
    throw new UserError(
      `${where} must be a positive number of GiB (fractions allowed, e.g. 12.5), got "${value}".`,
    );
  }
  return size;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function dnsLabel(value: string, where: string): string {
  if (value.length > 63 || !DNS_LABEL.test(value)) {
    throw new UserError(
      `${where} must be a DNS label (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit), got "${value}".`,
    );
  }
  return value;
}

function stringMap(value: string, inputName: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = parseYaml(value);
  } catch (error) {
    throw new UserError(`Input ${inputName} must be a YAML map of strings: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UserError(`Input ${inputName} must be a YAML map such as "team: web", got "${value}".`);
  }
  return Object.fromEntries(
    Object.entries(parsed).map(([k, v]) => {
      if (v !== null && typeof v === 'object')
        throw new UserError(
          `Input ${inputName}: the value of "${k}" is a ${Array.isArray(v) ? 'list' : 'map'}; each value must be a string (quote it: ${k}: "…").`,
        );
      return [k, String(v ?? '')];
    }),
  );
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`${where} in the compose file must be a map, got ${describeType(value)}.`);
  }
  return value as Record<string, unknown>;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UserError(
      `${where} in the compose file must be a non-empty string, got ${describeType(value)}.`,
    );
  }
  return value.trim();
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}
