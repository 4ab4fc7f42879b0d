import { PatchStrategy, VersionApi, type KubeConfig, type V1APIResource } from '@kubernetes/client-node';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import type { Readable } from 'node:stream';
import type { KubeconfigSource } from '../model/settings.js';
import { reviewAccess, reviewRules, type AccessAttributes, type ResourceRule } from './access-review.js';
import { ifNotFound } from './api-error.js';
import { ObjectApi } from './discovery.js';
import { loadKubeConfig } from './config.js';
import { execInPod, type ExecResult } from './exec.js';
import type { PoolOptions } from './channel-pool.js';
import { PortForwardTunnel } from './port-forward.js';
import { ApiSession, type ClientOptions } from './session.js';
import { watchCollection, type WatchEnd, type WatchEvent, type WatchQuery } from './watch.js';
import {
  describeRef,
  refOf,
  type KubeObject,
  type NamedObject,
  type ObjectPatch,
  type ObjectRef,
} from '../model/objects.js';

/** Lists come back with their items and the resourceVersion a watch continues from. */
export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
}

export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

export const FIELD_MANAGER = 'kube-pod-preview';
const MERGE = PatchStrategy.MergePatch;

/** Options of the calls that write. */
export interface WriteOptions {
  /** `dryRun=All`: the request goes through admission and validation, and nothing is stored. */
  dryRun?: boolean;
}

/**
 * The thin adapter over @kubernetes/client-node that the rest of kube-pod-preview talks to, bound to
 * one namespace. It returns plain data and turns the library's exceptions into KubeApiErrors that say
 * what was being done.
 */
export class KubeClient {
  private readonly objects: ObjectApi;
  private readonly session: ApiSession;

  constructor(
    kc: KubeConfig,
    /** The namespace the client works in: every object it reads or sends is there. */
    readonly namespace: string,
    options: ClientOptions = {},
    /** A derived client's parent's: its discovery cache is shared, not asked for again. */
    objects?: ObjectApi,
  ) {
    this.objects = objects ?? kc.makeApiClient(ObjectApi);
    this.session = new ApiSession(kc, namespace, options);
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
    return this.derived(this.session.detachedOptions());
  }

  /** The same client, riding out an outage for `patienceMs` (the run's input timeout). */
  withPatience(patienceMs: number): KubeClient {
    return this.derived(this.session.patientOptions(patienceMs));
  }

  /**
   * The same client for the calls of one wait: they also end when `deadline` aborts (with its reason),
   * however long an outage may still be ridden out.
   */
  until(deadline: AbortSignal): KubeClient {
    return this.derived(this.session.untilOptions(deadline));
  }

  private derived(options: ClientOptions): KubeClient {
    return new KubeClient(this.session.kc, this.namespace, options, this.objects);
  }

  /** The outage of the API server under way, for a wait that ends during it: `… unreachable since …`. */
  get outage(): string | undefined {
    return this.session.outage;
  }

  /** Runs a command in a container of a pod of the namespace (the exec subresource). */
  exec(
    target: { pod: string; container: string },
    command: string[],
    options: { stdin?: Readable } = {},
  ): Promise<ExecResult> {
    const { signal } = this.session;
    return execInPod(this.session.kc, { namespace: this.namespace, ...target }, command, {
      ...options,
      ...(signal ? { signal } : {}),
      dial: (path, protocols, what, patience) => this.session.dial(path, protocols, what, patience),
    });
  }

  /** A local port whose connections reach `port` of a pod of the namespace (the portforward subresource). */
  portForward(
    pod: string,
    port: number,
    log: Logger,
    pool: Partial<PoolOptions> = {},
  ): Promise<PortForwardTunnel> {
    return PortForwardTunnel.open(this.session.kc, { namespace: this.namespace, pod, port }, log, {
      ...pool,
      dial: (path, protocols, what, patience) => this.session.dial(path, protocols, what, patience),
    });
  }

  /** The kind's REST resource, or undefined when the cluster does not serve it. */
  async resource(apiVersion: string, kind: string): Promise<V1APIResource | undefined> {
    return this.session.call(`discover ${apiVersion} ${kind}`, () => this.objects.discover(apiVersion, kind));
  }

  async read<T = KubeObject>(ref: ObjectRef): Promise<T | undefined> {
    return ifNotFound(
      this.session.call(`read ${describeRef(ref)}`, () => this.objects.read(this.header(ref)) as Promise<T>),
      undefined,
    );
  }

  async list<T>(
    apiVersion: string,
    kind: string,
    selectors: { labelSelector?: string; fieldSelector?: string } = {},
  ): Promise<ListResult<T>> {
    const list = await this.session.call(`list ${kind} in namespace ${this.namespace}`, () =>
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
    return this.write('create', object, options, (addressed, dryRun) =>
      this.objects.create(addressed, undefined, dryRun, FIELD_MANAGER),
    );
  }

  /**
   * PUT of a whole object; its resourceVersion makes it fail with 409 if the object changed meanwhile.
   * Not sent again when its answer was lost (a 409 would then not tell whether it was applied): that is
   * an AnswerLostError, and the caller reads the object again.
   */
  async replace<T extends KubeObject>(object: T): Promise<T> {
    return this.write(
      'update',
      object,
      {},
      (addressed) => this.objects.replace(addressed, undefined, undefined, FIELD_MANAGER),
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
    const { manager, force } = options;
    return this.write('apply', object, options, (addressed, dryRun) =>
      this.objects.patch(addressed, undefined, dryRun, manager, force, PatchStrategy.ServerSideApply),
    );
  }

  /**
   * A JSON merge patch (RFC 7386) with the whole object, or the fields to change (a null annotation
   * removes it): works for built-in kinds and custom resources alike.
   */
  async mergePatch<T extends KubeObject>(object: T | ObjectPatch, options: WriteOptions = {}): Promise<T> {
    return this.write<T | ObjectPatch, T>('patch', object, options, (addressed, dryRun) =>
      // The library's object type has no nulls, which a merge patch sends to remove what they name.
      this.objects.patch(addressed as KubeObject, undefined, dryRun, FIELD_MANAGER, undefined, MERGE),
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
    const grace = options.gracePeriodSeconds;
    return ifNotFound(
      this.session.call(`delete ${describeRef(ref)}`, () =>
        this.objects
          .delete(this.header(ref), undefined, undefined, grace, undefined, propagationPolicy)
          .then(() => true),
      ),
      false,
    );
  }

  /** The API server's version (`GET /version`): the cheapest request that proves it answers. */
  async version(): Promise<string> {
    const api = this.session.kc.makeApiClient(VersionApi);
    const info = await this.session.call('read the server version', () => api.getCode());
    return info.gitVersion;
  }

  /** The API server's address, from the kubeconfig. */
  get serverUrl(): string {
    return this.session.server;
  }

  /** SelfSubjectRulesReview: what the kubeconfig's identity may do in the namespace, in one request. */
  rulesReview(): Promise<ResourceRule[]> {
    return reviewRules(this.session);
  }

  /** SelfSubjectAccessReview: whether the kubeconfig's identity may do `verb` on `resource` in the namespace. */
  canI(attributes: AccessAttributes): Promise<boolean> {
    return reviewAccess(this.session, attributes);
  }

  /**
   * Watches a kind in the namespace from `resourceVersion` until the server ends the watch, `onEvent`
   * returns true, or `signal` aborts (see WatchEnd). Starting it rides out an outage like any call.
   */
  async watch<T>(
    apiVersion: string,
    kind: string,
    query: WatchQuery,
    onEvent: (event: WatchEvent<T>) => boolean,
    signal: AbortSignal,
  ): Promise<WatchEnd> {
    const resource = await this.resource(apiVersion, kind);
    if (!resource) throw new UserError(`The cluster does not serve ${apiVersion} ${kind}.`);
    return watchCollection(this.session, { apiVersion, kind, plural: resource.name }, query, onEvent, signal);
  }

  /**
   * The object as it is sent: in this client's namespace. The library builds the URL from
   * metadata.namespace and falls back to `default` without it, where a real API server creates the
   * object; an object that names another namespace is a bug, refused before any request.
   */
  private inNamespace<T extends NamedObject>(object: T): T {
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
   * Sends `object`, in this client's namespace, with `send`: the call is named `verb` and the object in
   * errors (`dry-run create Service/web`), and the API server's answer is the object it stored.
   */
  private write<S extends NamedObject, T = S>(
    verb: string,
    object: S,
    options: WriteOptions,
    send: (addressed: S, dryRun: 'All' | undefined) => Promise<unknown>,
    call: { idempotent?: boolean } = {},
  ): Promise<T> {
    const addressed = this.inNamespace(object);
    const what = `${options.dryRun ? 'dry-run ' : ''}${verb} ${describeRef(refOf(object))}`;
    return this.session.call(
      what,
      () => send(addressed, options.dryRun ? 'All' : undefined) as Promise<T>,
      call,
    );
  }
}
