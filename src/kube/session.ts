import type { KubeConfig } from '@kubernetes/client-node';
import type WebSocket from 'ws';
import type { Logger } from '../util/log.js';
import { apiFailure } from './api-error.js';
import { Reachability } from './outage.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';
import { openChannelSocket } from './websocket.js';
import { anyOf } from '../util/sleep.js';

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
 * One kubeconfig's identity in one namespace, and how its requests go: every request of a KubeClient
 * is one `call` (or `dial`), which checks the run's signal, rides out an outage for the run's patience
 * and turns a failure into an error that says what was being done.
 */
export class ApiSession {
  /** The API server's address, from the kubeconfig. */
  readonly server: string;
  private readonly reachability: { apiServer: Reachability; kubelet: Reachability };

  constructor(
    readonly kc: KubeConfig,
    readonly namespace: string,
    private readonly options: ClientOptions = {},
  ) {
    this.server = kc.getCurrentCluster()?.server ?? '(no server)';
    const first = (options.retry ?? DEFAULT_RETRY).firstContactMs;
    this.reachability = options.reachability ?? {
      apiServer: new Reachability(`The Kubernetes API server at ${this.server}`, options.log, first),
      kubelet: new Reachability('The kubelet of the pod (through the API server)', options.log, first),
    };
  }

  /** The run's signal, when it can be cancelled. */
  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  /** The options of a session without the run's signal, for what a cancelled run still owes the cluster. */
  detachedOptions(): ClientOptions {
    const { signal: _, ...options } = this.options;
    const patienceMs = Math.min(this.patienceMs, DETACHED_PATIENCE_MS);
    return { ...options, patienceMs, reachability: this.reachability };
  }

  /** The options of a session riding out an outage for `patienceMs`. */
  patientOptions(patienceMs: number): ClientOptions {
    return { ...this.options, patienceMs, reachability: this.reachability };
  }

  /** The options of a session whose calls also end when `deadline` aborts (with its reason). */
  untilOptions(deadline: AbortSignal): ClientOptions {
    const signal = anyOf(this.options.signal, deadline);
    return { ...this.options, signal, reachability: this.reachability };
  }

  /** This session for the calls of one wait (see untilOptions). */
  until(deadline: AbortSignal): ApiSession {
    return new ApiSession(this.kc, this.namespace, this.untilOptions(deadline));
  }

  /** The outage of the API server under way, for a wait that ends during it: `… unreachable since …`. */
  get outage(): string | undefined {
    return this.reachability.apiServer.describe();
  }

  private get patienceMs(): number {
    return this.options.patienceMs ?? DEFAULT_PATIENCE_MS;
  }

  /**
   * Runs one API call, turning its failure into an error that names the call and what to do. Transient
   * failures are ridden out (see withRetry); a call whose answer was lost is sent again only when it is
   * `idempotent` (reads, apply, whole-object patches, deletes, creates whose conflict the caller checks).
   */
  async call<T>(what: string, fn: () => Promise<T>, options: { idempotent?: boolean } = {}): Promise<T> {
    const { signal } = this.options;
    signal?.throwIfAborted();
    try {
      return await withRetry(fn, {
        ...this.retryOptions(what, options.idempotent ?? true),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw apiFailure(what, error, this);
    }
  }

  /**
   * A WebSocket upgrade (exec, port-forward). Nothing has begun in the pod when one fails, so it is
   * always safe to try again: with `patience`, until it aborts, an API server or kubelet restart is
   * ridden out as any call's.
   */
  dial(path: string, protocols: string[], what: string, patience?: AbortSignal): Promise<WebSocket> {
    const own = this.options.signal;
    const signal = patience && own ? AbortSignal.any([own, patience]) : (patience ?? own);
    return withRetry(() => openChannelSocket(this.kc, path, protocols, what), {
      ...this.retryOptions(what, true),
      kubelet: this.reachability.kubelet,
      ...(signal ? { signal } : {}),
      once: !patience,
    });
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
}
