import path from 'node:path';
import { DAY_MS, parseDuration } from '../util/duration.js';
import { UserError } from '../util/errors.js';
import { buildCachePrefixProblem } from './build-cache-prefix.js';
import { exposeSettings } from './expose-settings.js';
import type { InputSource } from './inputs.js';
import { boolean, dnsLabel, lines, optional, stringMap, storageSize } from './input-parsers.js';
import { dnsSubdomain } from './names.js';
import { podSettings } from './pod-settings.js';
import { allowsForkCode, readCommand, readOnFork, readTriggers } from './run-inputs.js';
import {
  BUNDLED_TEMPLATES,
  DEFAULTS,
  type DriverOptions,
  type KubeconfigSource,
  type NamespaceLookup,
  type ProjectInputs,
  type Settings,
} from './settings.js';
import { parseCommandPermission } from './trigger.js';

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
    buildCache: optional(input('build-cache'), buildCachePrefix),
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
    throw new UserError(explainSystemNamespace(where, namespace));
  return namespace;
}

function explainSystemNamespace(where: string, namespace: string): string {
  return `${where} is "${namespace}", a namespace of the cluster's own: previews go in a namespace of their own (e.g. previews, with deploy/rbac.yaml applied to it). Set input namespace.`;
}

function templateFrom(input: string | undefined, compose: string | undefined): Settings['templateFrom'] {
  return input ? 'input template' : compose ? 'x-preevy template' : 'default';
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

/** Input build-cache, checked: a registry host and a path, without scheme or tag. */
function buildCachePrefix(value: string): string {
  const prefix = value.trim().replace(/\/+$/, '');
  const problem = buildCachePrefixProblem(prefix);
  if (problem) throw new UserError(`Input build-cache is a registry reference prefix: ${problem}.`);
  return prefix;
}
