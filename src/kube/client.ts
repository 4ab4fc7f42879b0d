import {
  ApiException,
  AuthorizationV1Api,
  KubernetesObjectApi,
  PatchStrategy,
  VersionApi,
  type KubeConfig,
  type V1APIResource,
} from '@kubernetes/client-node';
import type WebSocket from 'ws';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import type { Readable } from 'node:stream';
import type { KubeconfigSource } from '../model/settings.js';
import { loadKubeConfig } from './config.js';
import { execInPod, type ExecResult } from './exec.js';
import type { PoolOptions } from './channel-pool.js';
import { Reachability } from './outage.js';
import { PortForwardTunnel } from './port-forward.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';
import { startWatch, type WatchEnd, type WatchEvent } from './watch.js';
import { openChannelSocket } from './websocket.js';
import { describeRef, refOf, type KubeObject, type ObjectRef } from '../model/objects.js';

export type { WatchEnd, WatchEvent } from './watch.js';

/** A rule of a SelfSubjectRulesReview's answer. */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/** A Kubernetes `Status` as the API server returns it with an error. */
interface Status {
  message?: string;
  reason?: string;
  details?: {
    kind?: string;
    name?: string;
    causes?: { reason?: string; message?: string; field?: string }[];
  };
}

/** An API call that failed: the API server's own message, what we were doing, and what to do about it. */
export class KubeApiError extends UserError {
  override name = 'KubeApiError';
  constructor(
    readonly code: number,
    message: string,
    /** The Status the server answered with, when it sent one. */
    readonly status: Status = {},
  ) {
    super(message);
  }

  /** The other field managers a server-side apply conflicted with (409 Conflict), from its causes. */
  get conflictingManagers(): string[] {
    if (this.code !== 409 || this.status.reason !== 'Conflict') return [];
    const names = (this.status.details?.causes ?? []).map(
      (c) => /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1],
    );
    return [...new Set(names.filter((n): n is string => n !== undefined))];
  }

  /**
   * A 403 of RBAC ("User … cannot create resource …"), not of admission (Pod Security, a quota, a
   * webhook refusing the object itself): the two have different fixes.
   */
  get rbacDenied(): boolean {
    return this.code === 403 && isRbacDenial(this.status.message ?? this.message);
  }

  /** The namespace itself does not exist (404 naming `namespaces`), not merely the object. */
  get namespaceMissing(): boolean {
    return this.code === 404 && this.status.details?.kind === 'namespaces';
  }
}

/** Lists come back with their items and the resourceVersion a watch continues from. */
export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
}

export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

/** Exposes discovery, which the client library keeps protected, so we can learn a kind's plural and scope. */
class ObjectApi extends KubernetesObjectApi {
  async discover(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    try {
      return await this.resource(apiVersion, kind);
    } catch (error) {
      // A group/version the cluster does not serve (a CRD not installed) answers discovery with 404.
      if (error instanceof ApiException && error.code === 404) return undefined;
      throw error;
    }
  }
}

export const FIELD_MANAGER = 'kube-pod-preview';

/** Options of the calls that write. */
export interface WriteOptions {
  /** `dryRun=All`: the request goes through admission and validation, and nothing is stored. */
  dryRun?: boolean;
}

const dryRun = (options: WriteOptions) => (options.dryRun ? 'All' : undefined);

export interface ClientOptions {
  log?: Logger;
  retry?: RetryPolicy;
  /** Cancels the run: checked before every call, and it ends the pauses between retries. */
  signal?: AbortSignal;
  /**
   * How long an outage of the API server (or of a pod's kubelet, for exec and port-forward) is ridden
   * out from its first failure: the run's input timeout. Default: that input's default, 5 minutes.
   */
  patienceMs?: number;
  /** Shared by the clients derived from one (until, withPatience, detached): one outage, said once. */
  reachability?: { apiServer: Reachability; kubelet: Reachability };
}

/** The default of input timeout. */
const DEFAULT_PATIENCE_MS = 5 * 60_000;
/** What releasing a lease is worth waiting for: it expires by itself in as long. */
const DETACHED_PATIENCE_MS = 30_000;

/**
 * The thin adapter over @kubernetes/client-node that the rest of kube-pod-preview talks to, bound to
 * one namespace. It returns plain data and turns the library's exceptions into KubeApiErrors that say
 * what was being done.
 */
export class KubeClient {
  private readonly objects: ObjectApi;
  private readonly server: string;
  private readonly reachability: { apiServer: Reachability; kubelet: Reachability };

  constructor(
    private readonly kc: KubeConfig,
    readonly namespace: string,
    private readonly options: ClientOptions = {},
  ) {
    this.objects = kc.makeApiClient(ObjectApi);
    this.server = kc.getCurrentCluster()?.server ?? '(no server)';
    const first = (options.retry ?? DEFAULT_RETRY).firstContactMs;
    this.reachability = options.reachability ?? {
      apiServer: new Reachability(`The Kubernetes API server at ${this.server}`, options.log, first),
      kubelet: new Reachability('The kubelet of the pod (through the API server)', options.log, first),
    };
  }

  /** A client for the credentials of `source` (see loadKubeConfig), bound to `namespace`. */
  static connect(
    source: KubeconfigSource,
    context: string | undefined,
    namespace: string,
    options: ClientOptions & { log: Logger; env: NodeJS.ProcessEnv },
  ): KubeClient {
    return new KubeClient(loadKubeConfig(source, context, options.log, options.env), namespace, options);
  }

  /**
   * The same client without the run's signal, for what a cancelled run still owes the cluster: releasing
   * its lease, so that the next run need not wait for it to expire.
   */
  detached(): KubeClient {
    const { signal: _, ...options } = this.options;
    const patienceMs = Math.min(this.patienceMs, DETACHED_PATIENCE_MS);
    return new KubeClient(this.kc, this.namespace, {
      ...options,
      patienceMs,
      reachability: this.reachability,
    });
  }

  /** The same client, riding out an outage for `patienceMs` (the run's input timeout). */
  withPatience(patienceMs: number): KubeClient {
    return new KubeClient(this.kc, this.namespace, {
      ...this.options,
      patienceMs,
      reachability: this.reachability,
    });
  }

  /**
   * The same client for the calls of one wait: they also end when `deadline` aborts (with its reason),
   * however long an outage may still be ridden out.
   */
  until(deadline: AbortSignal): KubeClient {
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, deadline]) : deadline;
    return new KubeClient(this.kc, this.namespace, {
      ...this.options,
      signal,
      reachability: this.reachability,
    });
  }

  /** The outage of the API server under way, for a wait that ends during it: `… unreachable since …`. */
  get outage(): string | undefined {
    return this.reachability.apiServer.describe();
  }

  private get patienceMs(): number {
    return this.options.patienceMs ?? DEFAULT_PATIENCE_MS;
  }

  /** Runs a command in a container of a pod of the namespace (the exec subresource). */
  exec(
    target: { pod: string; container: string },
    command: string[],
    options: { stdin?: Readable } = {},
  ): Promise<ExecResult> {
    return execInPod(this.kc, { namespace: this.namespace, ...target }, command, {
      ...options,
      ...(this.options.signal ? { signal: this.options.signal } : {}),
      dial: (path, protocols, what, patience) => this.dial(path, protocols, what, patience),
    });
  }

  /** A local port whose connections reach `port` of a pod of the namespace (the portforward subresource). */
  portForward(
    pod: string,
    port: number,
    log: Logger,
    pool: Partial<PoolOptions> = {},
  ): Promise<PortForwardTunnel> {
    return PortForwardTunnel.open(this.kc, { namespace: this.namespace, pod, port }, log, {
      ...pool,
      dial: (path, protocols, what, patience) => this.dial(path, protocols, what, patience),
    });
  }

  /**
   * A WebSocket upgrade (exec, port-forward). Nothing has begun in the pod when one fails, so it is
   * always safe to try again: with `patience`, until it aborts, an API server or kubelet restart is
   * ridden out as any call's.
   */
  private dial(path: string, protocols: string[], what: string, patience?: AbortSignal): Promise<WebSocket> {
    const own = this.options.signal;
    const signal = patience && own ? AbortSignal.any([own, patience]) : (patience ?? own);
    return withRetry(() => openChannelSocket(this.kc, path, protocols, what), {
      ...this.retryOptions(what, true),
      kubelet: this.reachability.kubelet,
      ...(signal ? { signal } : {}),
      once: !patience,
    });
  }

  /** The kind's REST resource, or undefined when the cluster does not serve it. */
  async resource(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    return this.call(`discover ${apiVersion} ${kind}`, () => this.objects.discover(apiVersion, kind));
  }

  async read<T = KubeObject>(ref: ObjectRef): Promise<T | undefined> {
    return ifNotFound(
      this.call(`read ${describeRef(ref)}`, () => this.objects.read(this.header(ref)) as Promise<T>),
      undefined,
    );
  }

  async list<T>(
    apiVersion: string,
    kind: string,
    selectors: { labelSelector?: string; fieldSelector?: string } = {},
  ): Promise<ListResult<T>> {
    const list = await this.call(`list ${kind} in namespace ${this.namespace}`, () =>
      this.objects.list(
        apiVersion,
        kind,
        this.namespace,
        undefined,
        undefined,
        undefined,
        selectors.fieldSelector,
        selectors.labelSelector,
      ),
    );
    return { items: list.items as T[], resourceVersion: list.metadata?.resourceVersion ?? '' };
  }

  /**
   * Creates the object; with `dryRun`, the API server admits and validates it, and stores nothing. A
   * create whose answer was lost is sent again, and then answers 409 AlreadyExists if the first one was
   * applied: callers check that the object they find is their own (its labels, its holder).
   */
  async create<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    const addressed = this.inNamespace(object);
    return this.call(
      `${options.dryRun ? 'dry-run ' : ''}create ${describeRef(refOf(object))}`,
      () => this.objects.create(addressed, undefined, dryRun(options), FIELD_MANAGER) as Promise<T>,
    );
  }

  /**
   * PUT of a whole object; its resourceVersion makes it fail with 409 if the object changed meanwhile.
   * Not sent again when its answer was lost (a 409 would then not tell whether it was applied): that is
   * an AnswerLostError, and the caller reads the object again.
   */
  async replace<T extends KubeObject>(object: T): Promise<T> {
    const addressed = this.inNamespace(object);
    return this.call(
      `update ${describeRef(refOf(object))}`,
      () => this.objects.replace(addressed, undefined, undefined, FIELD_MANAGER) as Promise<T>,
      { idempotent: false },
    );
  }

  /**
   * Server-side apply as `manager`. Without `force`, a field another manager set to another value is
   * a 409 Conflict naming that manager (see conflictingManagers); with it, the field is taken over.
   */
  async serverSideApply<T extends KubeObject>(
    object: T,
    options: { manager: string; force: boolean } & WriteOptions = { manager: FIELD_MANAGER, force: true },
  ): Promise<T> {
    const addressed = this.inNamespace(object);
    return this.call(
      `${options.dryRun ? 'dry-run ' : ''}apply ${describeRef(refOf(object))}`,
      () =>
        this.objects.patch(
          addressed,
          undefined,
          dryRun(options),
          options.manager,
          options.force,
          PatchStrategy.ServerSideApply,
        ) as Promise<T>,
    );
  }

  /** A JSON merge patch (RFC 7386) with the whole object: works for built-in kinds and custom resources alike. */
  async mergePatch<T extends KubeObject>(object: T, options: WriteOptions = {}): Promise<T> {
    const addressed = this.inNamespace(object);
    return this.call(
      `${options.dryRun ? 'dry-run ' : ''}patch ${describeRef(refOf(object))}`,
      () =>
        this.objects.patch(
          addressed,
          undefined,
          dryRun(options),
          FIELD_MANAGER,
          undefined,
          PatchStrategy.MergePatch,
        ) as Promise<T>,
    );
  }

  /**
   * Deletes an object; false when it was already gone. `gracePeriodSeconds` shortens a pod's termination
   * (its spec's terminationGracePeriodSeconds "may be decreased in delete request").
   */
  async delete(
    ref: ObjectRef,
    propagationPolicy: PropagationPolicy,
    options: { gracePeriodSeconds?: number } = {},
  ): Promise<boolean> {
    return ifNotFound(
      this.call(`delete ${describeRef(ref)}`, () =>
        this.objects
          .delete(
            this.header(ref),
            undefined,
            undefined,
            options.gracePeriodSeconds,
            undefined,
            propagationPolicy,
          )
          .then(() => true),
      ),
      false,
    );
  }

  /** The API server's version (`GET /version`): the cheapest request that proves it answers. */
  async version(): Promise<string> {
    const api = this.kc.makeApiClient(VersionApi);
    const info = await this.call('read the server version', () => api.getCode());
    return info.gitVersion;
  }

  /** The API server's address, from the kubeconfig. */
  get serverUrl(): string {
    return this.server;
  }

  /** SelfSubjectRulesReview: what the kubeconfig's identity may do in the namespace, in one request. */
  async rulesReview(): Promise<ResourceRule[]> {
    const api = this.kc.makeApiClient(AuthorizationV1Api);
    const review = await this.call('review the rules of this identity', () =>
      api.createSelfSubjectRulesReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectRulesReview',
          spec: { namespace: this.namespace },
        },
      }),
    );
    // Rules are additive: what is listed is granted even when the list is incomplete, so `incomplete`
    // changes nothing for a caller that asks access reviews about the rest.
    return review.status?.resourceRules ?? [];
  }

  /** SelfSubjectAccessReview: whether the kubeconfig's identity may do `verb` on `resource` in the namespace. */
  async canI(attributes: {
    verb: string;
    group: string;
    resource: string;
    subresource?: string;
  }): Promise<boolean> {
    const api = this.kc.makeApiClient(AuthorizationV1Api);
    const what = `${attributes.verb} ${attributes.resource}${attributes.subresource ? `/${attributes.subresource}` : ''}`;
    const review = await this.call(`review access (${what})`, () =>
      api.createSelfSubjectAccessReview({
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { ...attributes, namespace: this.namespace } },
        },
      }),
    );
    return review.status?.allowed === true;
  }

  /**
   * Watches a kind in the namespace from `resourceVersion` until the server ends the watch, `onEvent`
   * returns true, or `signal` aborts (see WatchEnd). Starting it rides out an outage like any call.
   */
  async watch<T>(
    apiVersion: string,
    kind: string,
    query: { resourceVersion: string; fieldSelector?: string; labelSelector?: string },
    onEvent: (event: WatchEvent<T>) => boolean,
    signal: AbortSignal,
  ): Promise<WatchEnd> {
    const resource = await this.resource(apiVersion, kind);
    if (!resource) throw new UserError(`The cluster does not serve ${apiVersion} ${kind}.`);
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const path = `${base}/namespaces/${encodeURIComponent(this.namespace)}/${resource.name}`;
    const closed: WatchEnd = { end: 'closed', resourceVersion: query.resourceVersion };
    try {
      const started = await this.until(signal).call(`watch ${kind} in namespace ${this.namespace}`, () =>
        startWatch(this.kc, path, query, onEvent, signal),
      );
      return await started.ended;
    } catch (error) {
      if (signal.aborted) return closed;
      const code = (error as { statusCode?: number }).statusCode;
      if (code === 410) return { ...closed, end: 'expired' };
      if (code !== undefined) throw new KubeApiError(code, `Watching ${kind} failed: HTTP ${code}.`);
      throw error;
    }
  }

  /**
   * The object as it is sent: in this client's namespace. The library builds the URL from
   * metadata.namespace and falls back to `default` without it, where a real API server creates the
   * object; an object that names another namespace is a bug, refused before any request.
   */
  private inNamespace<T extends KubeObject>(object: T): T {
    const named = object.metadata.namespace;
    if (named !== undefined && named !== this.namespace) {
      throw new Error(
        `${describeRef(refOf(object))} names namespace "${named}", but this client works in namespace "${this.namespace}"; refusing to send it.`,
      );
    }
    return { ...object, metadata: { ...object.metadata, namespace: this.namespace } };
  }

  /** What the library needs to address one object of the namespace. */
  private header(ref: ObjectRef) {
    return {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      metadata: { name: ref.name, namespace: this.namespace },
    };
  }

  /**
   * Runs one API call, turning its failure into an error that names the call and what to do. Transient
   * failures are ridden out (see withRetry); a call whose answer was lost is sent again only when it is
   * `idempotent` (reads, apply, whole-object patches, deletes, creates whose conflict the caller checks).
   */
  private async call<T>(
    what: string,
    fn: () => Promise<T>,
    options: { idempotent?: boolean } = {},
  ): Promise<T> {
    const { signal } = this.options;
    signal?.throwIfAborted();
    try {
      return await withRetry(fn, {
        ...this.retryOptions(what, options.idempotent ?? true),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw this.explain(what, error);
    }
  }

  private retryOptions(what: string, idempotent: boolean) {
    return {
      what,
      idempotent,
      policy: this.options.retry ?? DEFAULT_RETRY,
      apiServer: this.reachability.apiServer,
      patienceMs: this.patienceMs,
      ...(this.options.log ? { log: this.options.log } : {}),
    };
  }

  private explain(what: string, error: unknown): Error {
    if (error instanceof ApiException) {
      const code = error.code as number;
      const status = parseStatus(error.body);
      const message =
        status.message ?? (typeof error.body === 'string' && error.body ? error.body : `HTTP ${code}`);
      return new KubeApiError(
        code,
        `Cannot ${what}: ${message}${hint(code, status, this.namespace)}`,
        status,
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (error instanceof TypeError && cause) {
      return new UserError(
        `Cannot reach the Kubernetes API server at ${this.server} (${cause.code ?? cause.message}). Check the kubeconfig's cluster address and that the runner can reach it.`,
      );
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

function hint(code: number, status: Status, namespace: string): string {
  switch (code) {
    case 401:
      return '. The cluster rejected the credentials: renew the token or certificate in the kubeconfig.';
    case 403:
      return forbiddenHint(status.message ?? '');
    case 404:
      return status.details?.kind === 'namespaces'
        ? `. Create the namespace (kubectl create namespace ${namespace}) or set input namespace to an existing one.`
        : '';
    case 422:
      return /updates to statefulset spec for fields other than/.test(status.message ?? '')
        ? '. A StatefulSet cannot change its volumeClaimTemplates (storage-size, storage-class) or selector in place: run `down` for this environment first, then `up`.'
        : '. The template produced an object the API server rejects: fix the template.';
    default:
      return '';
  }
}

/** RBAC's authorizer words every denial "User "…" cannot <verb> resource "…" in API group …". */
function isRbacDenial(message: string): boolean {
  return / cannot [a-z]+ resource /.test(message);
}

/**
 * A 403 is RBAC's ("User … cannot create resource …") or admission's: Pod Security, a quota, a policy
 * webhook refusing the object itself. Each has its own fix.
 */
function forbiddenHint(message: string): string {
  if (isRbacDenial(message))
    return ". The kubeconfig's identity lacks this permission: grant it with a Role in the namespace (see deploy/rbac.yaml).";
  if (/violates PodSecurity/.test(message))
    return ". The namespace's Pod Security level forbids the Docker server's pod: give previews a namespace of their own labelled pod-security.kubernetes.io/enforce=privileged, or use a template that runs unprivileged (template: sysbox).";
  return ". The cluster's admission refused it (a quota, a LimitRange, a policy or webhook): change the template or inputs to fit, or ask the cluster's operator.";
}

/** The library hands over the error body as text; the API server sends a Status object as JSON. */
function parseStatus(body: unknown): Status {
  if (typeof body === 'object' && body !== null) return body as Status;
  if (typeof body !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Status) : {};
  } catch {
    return {};
  }
}

/** The call's result, or `fallback` when the API server answered 404 Not Found. */
async function ifNotFound<T, F>(call: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 404) return fallback;
    throw error;
  }
}
