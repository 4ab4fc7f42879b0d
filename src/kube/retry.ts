import { ApiException } from '@kubernetes/client-node';
import { sleep } from '../util/sleep.js';

/** Capped exponential backoff with full jitter. */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  capMs: number;
  /** The most a server's Retry-After is honoured for. */
  maxRetryAfterMs: number;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 6,
  baseMs: 250,
  capMs: 8000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
};

/** Connection failures worth another try; a refused connection or unknown host is a configuration error. */
const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);

/**
 * How long to wait before trying a failed call again, or undefined when it should not be retried:
 * throttling (429, honouring Retry-After), server errors and dropped connections are transient; 4xx
 * answers (403, 404, 409, 422…) are not.
 */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy): number | undefined {
  if (attempt + 1 >= policy.attempts) return undefined;
  const backoff = () => policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  if (error instanceof ApiException) {
    if (!TRANSIENT_STATUS.has(error.code as number)) return undefined;
    const after = retryAfterMs((error.headers as Record<string, string> | undefined)?.['retry-after']);
    return after !== undefined ? Math.min(after, policy.maxRetryAfterMs) : backoff();
  }
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code && TRANSIENT_NETWORK.has(code) ? backoff() : undefined;
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Runs an idempotent call, trying again on transient failures, until `signal` (if any) aborts. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (error: unknown, delayMs: number, attempt: number) => void,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const delay = retryDelay(error, attempt, policy);
      if (delay === undefined) throw error;
      onRetry(error, delay, attempt + 1);
      await sleep(delay, signal);
    }
  }
}
