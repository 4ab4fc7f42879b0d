import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { KubeApiError } from './api-error.js';
import { collectionPath } from './discovery.js';
import type { ApiSession } from './session.js';

export interface WatchEvent<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

/**
 * Why a watch ended, and the resourceVersion of the last event it carried (bookmarks included): a
 * watch that was `closed` (the server's timeout, a dropped connection, an API server restart, which
 * resets it without an ERROR event) continues from there; `expired` (410, or an ERROR event Expired)
 * means that version is too old and the caller must list again.
 */
export interface WatchEnd {
  end: 'done' | 'closed' | 'expired';
  resourceVersion: string;
}

interface WatchStatus {
  code?: number;
  reason?: string;
}

/** Where a watch continues from, and what narrows it. */
export type WatchQuery = { resourceVersion: string; fieldSelector?: string; labelSelector?: string };

/**
 * Watches a collection of the session's namespace (`plural`, as discovery names it) from
 * `query.resourceVersion` until the server ends the watch, `onEvent` returns true, or `signal` aborts
 * (see WatchEnd). Starting it rides out an outage like any call.
 */
export async function watchCollection<T>(
  session: ApiSession,
  collection: { apiVersion: string; kind: string; plural: string },
  query: WatchQuery,
  onEvent: (event: WatchEvent<T>) => boolean,
  signal: AbortSignal,
): Promise<WatchEnd> {
  const { apiVersion, kind, plural } = collection;
  const path = collectionPath(apiVersion, session.namespace, plural);
  const closed: WatchEnd = { end: 'closed', resourceVersion: query.resourceVersion };
  try {
    const started = await session
      .until(signal)
      .call(`watch ${kind} in namespace ${session.namespace}`, () =>
        startWatch(session.kc, path, query, onEvent, signal),
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

/** A watch whose response has begun (HTTP 200): its events flow until `ended` resolves. */
interface Started {
  ended: Promise<WatchEnd>;
}

/**
 * Starts a watch of `path` and resolves once the server answered 200, or rejects with why it did not
 * (the library's error: a network error, or one with the HTTP `statusCode`), so that starting it can
 * be retried like any request. `onEvent` returns true to end the watch.
 */
function startWatch<T>(
  kc: KubeConfig,
  path: string,
  query: Record<string, string | boolean>,
  onEvent: (event: WatchEvent<T>) => boolean,
  signal: AbortSignal,
): Promise<Started> {
  let resourceVersion = String(query.resourceVersion ?? '');
  let outcome: WatchEnd['end'] = 'closed';
  let controller: AbortController | undefined;
  const stop = () => controller?.abort();
  return new Promise((resolve, reject) => {
    let started = false;
    let finish: (end: WatchEnd) => void = () => {};
    const ended = new Promise<WatchEnd>((r) => (finish = r));
    const onLine = (type: string, object: unknown) => {
      if (outcome !== 'closed') return;
      const version = (object as { metadata?: { resourceVersion?: string } } | null)?.metadata
        ?.resourceVersion;
      if (type === 'ERROR') {
        const status = object as WatchStatus;
        if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone')
          outcome = 'expired';
        return stop();
      }
      if (version) resourceVersion = version;
      if (onEvent({ type: type as WatchEvent<T>['type'], object: object as T })) {
        outcome = 'done';
        stop();
      }
    };
    const done = (error: unknown) => {
      signal.removeEventListener('abort', stop);
      const code = (error as { statusCode?: number } | null)?.statusCode;
      if (!started) return reject(error ?? new Error('the watch closed before it began'));
      finish({ end: code === 410 ? 'expired' : outcome, resourceVersion });
    };
    signal.addEventListener('abort', stop, { once: true });
    new Watch(kc).watch(path, { ...query, allowWatchBookmarks: true }, onLine, done).then((c) => {
      controller = c;
      // The library calls `done` before it resolves when the request failed: then it never began.
      if (c.signal.aborted && !started) return;
      started = true;
      resolve({ ended });
      if (signal.aborted) c.abort();
    }, reject);
  });
}
