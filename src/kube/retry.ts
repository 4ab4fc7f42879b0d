import { ApiException } from '@kubernetes/client-node';
import { formatDuration } from '../util/duration.js';
import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import { sleep } from '../util/sleep.js';
import type { Reachability } from './outage.js';

/** Capped exponential backoff with full jitter, and how long each kind of failure is ridden out. */
export interface RetryPolicy {
  baseMs: number;
  /** The longest pause between two tries: also how late a call may notice that the server is back. */
  capMs: number;
  /** The most a server's Retry-After is honoured for. */
  maxRetryAfterMs: number;
  /** Tries of an answer not known to be passing (a 500 InternalError, a 502): it may well be a bug. */
  attempts: number;
  /**
   * How long a server that has not answered once in this run is waited for: a refused connection then
   * is as likely a wrong address in the kubeconfig as a restart.
   */
  firstContactMs: number;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 250,
  // A refused connection costs a restarting server nothing; the cap is how late a run notices it is back.
  capMs: 2000,
  maxRetryAfterMs: 30_000,
  attempts: 6,
  firstContactMs: 30_000,
  random: Math.random,
};

/**
 * What a failure means for trying again:
 * - `unsent`: the request never reached the server (connection refused, a TLS handshake cut): always
 *   safe to send again;
 * - `lost`: the connection broke after the request may have been sent: the answer is lost, and only an
 *   idempotent request may be sent again;
 * - `unavailable`: 503, the API server "unable to handle the request": nothing was done;
 * - `throttled`: 429 (priority and fairness), nothing was done; Retry-After says when to come back;
 * - `backend`: the API server could not reach the pod's kubelet ("error dialing backend"), or the
 *   kubelet just restarted and does not know its pods yet: WebSocket upgrades only;
 * - `server`: another 5xx, which may or may not have been applied: a few tries, idempotent calls only.
 */
export type FailureKind = 'unsent' | 'lost' | 'unavailable' | 'throttled' | 'backend' | 'server';

export interface Failure {
  kind: FailureKind;
  /** For the log: `ECONNREFUSED`, `HTTP 503`. */
  reason: string;
  retryAfterMs?: number;
}

const UNSENT = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const LOST = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
/** The API server's words for a kubelet it cannot reach (../shared/real-cluster/kubelet-restart.jsonl). */
const BACKEND = /error dialing backend|:10250: .*(connection refused|connection reset by peer)/;

/** What went wrong, or undefined when trying again would not change the answer (403, 404, 409, 422…). */
export function classify(error: unknown): Failure | undefined {
  const answer = answerOf(error);
  if (answer) return classifyAnswer(answer);
  const cause = networkCause(error);
  if (!cause?.code) return undefined;
  // A connection that breaks while it is made (`connect ECONNRESET`: a TLS handshake cut) sent nothing.
  const connecting =
    cause.message?.startsWith('connect ') || /before secure TLS connection/.test(cause.message ?? '');
  if (UNSENT.has(cause.code) || (connecting && LOST.has(cause.code)))
    return { kind: 'unsent', reason: cause.code };
  if (LOST.has(cause.code)) return { kind: 'lost', reason: cause.code };
  return undefined;
}

/** An HTTP answer as the library's errors carry it: REST calls, watches and WebSocket upgrades. */
interface Answer {
  code: number;
  body: string;
  contentType?: string;
  retryAfter?: string;
}

function classifyAnswer({ code, body, contentType, retryAfter }: Answer): Failure | undefined {
  const reason = `HTTP ${code}`;
  const after = retryAfterMs(retryAfter);
  const withAfter = after === undefined ? {} : { retryAfterMs: after };
  if (code === 429) return { kind: 'throttled', reason, ...withAfter };
  if (code === 503 || /unable to handle the request/.test(body))
    return { kind: 'unavailable', reason, ...withAfter };
  if (code === 500 && BACKEND.test(body)) return { kind: 'backend', reason: `${reason}: ${messageOf(body)}` };
  // A kubelet that has just started answers upgrades so for a pod that runs: plain text, not a Status.
  if (code === 404 && body.trim() === 'pod does not exist' && !contentType?.includes('json'))
    return { kind: 'backend', reason: `${reason}: pod does not exist` };
  if (code === 500 || code === 502 || code === 504) return { kind: 'server', reason };
  return undefined;
}

function answerOf(error: unknown): Answer | undefined {
  if (error instanceof ApiException) {
    const headers = (error.headers ?? {}) as Record<string, string>;
    return {
      code: error.code as number,
      body: typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? ''),
      contentType: headers['content-type'],
      retryAfter: headers['retry-after'],
    };
  }
  const e = error as { statusCode?: unknown; answer?: Answer } | null;
  if (e?.answer) return e.answer;
  if (typeof e?.statusCode === 'number') return { code: e.statusCode, body: '' };
  return undefined;
}

function networkCause(error: unknown): { code?: string; message?: string } | undefined {
  const e = error as {
    code?: unknown;
    message?: string;
    cause?: { code?: unknown; message?: string };
  } | null;
  if (typeof e?.cause?.code === 'string') return e.cause as { code: string; message?: string };
  if (typeof e?.code === 'string') return e as { code: string; message?: string };
  if (e?.cause) return networkCause(e.cause);
  return undefined;
}

function messageOf(body: string): string {
  try {
    return (JSON.parse(body) as { message?: string }).message ?? body;
  } catch {
    return body;
  }
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The pause before try `attempt + 1` (full jitter: racing clients do not come back in step). */
export function backoff(attempt: number, policy: RetryPolicy): number {
  return policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
}

/** A transient failure outlasted the time it may be ridden out for. */
export class DeadlineError extends UserError {
  override name = 'DeadlineError';
}

/** The connection broke after a request that is not safe to send twice was sent: it may have been applied. */
export class AnswerLostError extends UserError {
  override name = 'AnswerLostError';
}

export interface RetryOptions {
  /** What the call does, for messages: `list Pod in namespace previews`. */
  what: string;
  policy: RetryPolicy;
  /** The API server's reachability (one per server, shared by every call). */
  apiServer: Reachability;
  /** The kubelets', behind it: for WebSocket upgrades only, which go through them. */
  kubelet?: Reachability;
  /** How long an outage is ridden out from its first failure: the run's input timeout. */
  patienceMs: number;
  /** May a request whose answer was lost be sent again (a read, an apply, a delete)? */
  idempotent: boolean;
  /** One try only: the failure is recorded (the outage is said in the log) and thrown. */
  once?: boolean;
  /** Cancellation, or the deadline of the wait the call belongs to: it ends the pauses. */
  signal?: AbortSignal;
  log?: Logger;
}

/**
 * Runs `fn`, trying again after transient failures with capped exponential backoff and jitter, until
 * the outage has lasted `patienceMs` (or `signal` aborts). Every call of kube-pod-preview goes through
 * here: REST calls, the start of watches, and WebSocket upgrades.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    options.signal?.throwIfAborted();
    let failure: Failure | undefined;
    try {
      const result = await fn();
      options.apiServer.answered();
      options.kubelet?.answered();
      return result;
    } catch (error) {
      failure = classify(error);
      // An answer, even a refusal, shows the API server is there; a 503 only that its address is right.
      if (answerOf(error)) {
        if (failure?.kind === 'unavailable') options.apiServer.reached();
        else options.apiServer.answered();
      }
      if (!failure) throw error;
      const delay = nextDelay(error, failure, attempt, started, options);
      if (options.once) throw error;
      await sleep(delay, options.signal);
    }
  }
}

/** The pause before the next try, or throws when there is to be none. */
function nextDelay(
  error: unknown,
  failure: Failure,
  attempt: number,
  started: number,
  options: RetryOptions,
): number {
  const { what, policy, patienceMs } = options;
  if ((failure.kind === 'lost' || failure.kind === 'server') && !options.idempotent) {
    if (failure.kind === 'server') throw error;
    throw new AnswerLostError(
      `Cannot ${what}: the connection to the Kubernetes API server broke (${failure.reason}) after the request was sent; it may or may not have been applied.`,
    );
  }
  if (failure.kind === 'server' && attempt + 1 >= policy.attempts) throw error;
  const tracker = failure.kind === 'backend' ? options.kubelet : options.apiServer;
  let deadline: number;
  if (tracker && failure.kind !== 'throttled' && failure.kind !== 'server') {
    tracker.failed(failure.reason, patienceMs);
    deadline = tracker.deadline(patienceMs);
    if (Date.now() >= deadline) throw new DeadlineError(`Cannot ${what}: ${tracker.gaveUp(patienceMs)}`);
  } else {
    deadline = started + patienceMs;
    if (Date.now() >= deadline)
      throw new DeadlineError(
        `Cannot ${what}: the Kubernetes API server kept answering ${failure.reason} for ${formatDuration(patienceMs)} (input timeout).`,
      );
  }
  const pause = Math.min(
    failure.retryAfterMs !== undefined
      ? Math.min(failure.retryAfterMs, policy.maxRetryAfterMs)
      : backoff(attempt, policy),
    Math.max(0, deadline - Date.now()),
  );
  if (failure.kind === 'throttled' || failure.kind === 'server')
    options.log?.info(
      `  ${what}: ${failure.reason}; trying again in ${formatDuration(pause)} (attempt ${attempt + 2})`,
    );
  return pause;
}
