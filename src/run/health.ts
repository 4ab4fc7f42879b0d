import { sleep } from '../util/sleep.js';

import type { UrlState } from '../model/urls.js';

export interface UrlCheck {
  state: UrlState;
  /** `HTTP 200`, or why the last attempt failed. */
  detail: string;
}

const ATTEMPT_TIMEOUT_MS = 5000;
const POLL_MS = 2000;

/**
 * The health gate: requests each URL until it answers with a status below 500 or `timeoutMs` passes.
 * A 4xx counts as answering: the preview is up, the path or the credentials are the reviewer's business.
 * The URLs are checked side by side; the result is in the order given.
 */
export async function checkUrls(
  urls: string[],
  options: { timeoutMs: number; signal: AbortSignal },
): Promise<UrlCheck[]> {
  const deadline = Date.now() + options.timeoutMs;
  return Promise.all(urls.map((url) => checkUrl(url, deadline, options)));
}

async function checkUrl(url: string, deadline: number, options: { signal: AbortSignal }): Promise<UrlCheck> {
  let detail: string;
  while (true) {
    options.signal.throwIfAborted();
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.any([
          options.signal,
          AbortSignal.timeout(Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, deadline - Date.now()))),
        ]),
      });
      await response.body?.cancel();
      detail = `HTTP ${response.status}`;
      if (response.status < 500) return { state: 'ready', detail };
    } catch (error) {
      options.signal.throwIfAborted();
      detail = describeFetchError(error);
    }
    if (Date.now() + POLL_MS > deadline) return { state: 'unreachable', detail };
    await sleep(POLL_MS, options.signal);
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return cause?.message ?? (error as Error).message;
}
