import { DAY_MS } from '../util/duration.js';
import type { PodSettings } from './pod-settings.js';
import type { TriggerSettings } from './trigger.js';

export type Command = 'auto' | 'up' | 'down' | 'plan' | 'doctor' | 'cleanup';
export const COMMANDS: readonly Command[] = ['auto', 'up', 'down', 'plan', 'doctor', 'cleanup'];

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
  /** Input build-cache: the registry prefix of the shared build cache, when there is one. */
  buildCache: string | undefined;
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

export const BUNDLED_TEMPLATES: readonly string[] = ['default', 'sysbox'];

/** The inputs that do not depend on the compose file: enough to find and read it. */
export interface ProjectInputs {
  workingDirectory: string;
  composeFiles: string[];
  /** Input allow-paths, absolute: compose may read files there too (checked before compose runs). */
  allowPaths?: string[];
}
