import type http from 'node:http';
import type { Behaviour } from './behaviour.js';
import type { Json, JsonObject } from './patch.js';
import { groupVersion, type ResourceType } from './resources.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import { StatusError } from './status.js';
import { meta, type Change, type Store } from './store.js';
import { status } from './wire.js';

/**
 * Lists and watches (API concepts, "Efficient detection of changes"): a list's resourceVersion, a
 * watch's initial ADDED events or its replay from a resourceVersion, 410 Gone once compacted,
 * bookmarks, and the server-side timeout.
 */
export class Watches {
  private readonly open = new Set<http.ServerResponse>();

  constructor(
    private readonly store: Store,
    private readonly behaviour: Behaviour,
  ) {}

  list(type: ResourceType, namespace: string | undefined, q: URLSearchParams): JsonObject {
    const matches = matcher(type, q);
    return {
      kind: `${type.kind}List`,
      apiVersion: groupVersion(type),
      metadata: { resourceVersion: String(this.store.resourceVersion) },
      items: this.store.list(type, namespace).filter(matches),
    };
  }

  watch(
    type: ResourceType,
    namespace: string | undefined,
    q: URLSearchParams,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): void {
    const matches = matcher(type, q);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    this.open.add(res);
    const send = (type: string, object: JsonObject) => res.write(`${JSON.stringify({ type, object })}\n`);
    const rvParam = q.get('resourceVersion');
    const from = rvParam && rvParam !== '0' ? Number(rvParam) : undefined;
    const timers: { bookmarks?: NodeJS.Timeout; timeout?: NodeJS.Timeout } = {};
    const listener = relay(type, namespace, matches, send);
    const finish = () => {
      this.store.listeners.delete(listener);
      clearInterval(timers.bookmarks);
      clearTimeout(timers.timeout);
      this.open.delete(res);
      if (!res.writableEnded) res.end();
    };
    // Compacted through N: the changes up to N are gone, those after it (all a watch from N needs) kept.
    if (from !== undefined && from < this.store.compactedThrough) {
      const gone = `too old resource version: ${from} (${this.store.compactedThrough})`;
      send('ERROR', status(new StatusError(410, 'Expired', gone)));
      return finish();
    }
    if (from === undefined) {
      for (const object of this.store.list(type, namespace).filter(matches)) send('ADDED', object);
    } else {
      for (const change of this.store.changesSince(from)) listener(change);
    }
    this.store.listeners.add(listener);
    if (q.get('allowWatchBookmarks') === 'true') {
      timers.bookmarks = setInterval(
        () => send('BOOKMARK', this.bookmark(type)),
        this.behaviour.bookmarkIntervalMs,
      );
    }
    const seconds = Number(q.get('timeoutSeconds') ?? 0);
    timers.timeout = setTimeout(finish, (seconds > 0 ? seconds : this.behaviour.watchTimeoutSeconds) * 1000);
    req.on('close', finish);
  }

  /** Ends every open watch, as an API server restart or a load balancer's idle timeout does. */
  endAll(): void {
    for (const res of this.open) res.end();
  }

  /** Drops every open watch's connection, without an ERROR event or the body's end. */
  resetAll(): void {
    for (const res of this.open) res.destroy();
  }

  private bookmark(type: ResourceType): JsonObject {
    return {
      kind: type.kind,
      apiVersion: groupVersion(type),
      metadata: { resourceVersion: String(this.store.resourceVersion) } as unknown as Json,
    };
  }
}

/**
 * What a watch sends for a change: ADDED, MODIFIED or DELETED as the object enters, stays in or
 * leaves what the watch selects (a label change can move it in or out).
 */
function relay(
  type: ResourceType,
  namespace: string | undefined,
  matches: (object: JsonObject) => boolean,
  send: (type: string, object: JsonObject) => void,
): (change: Change) => void {
  const inScope = (o: JsonObject) => namespace === undefined || meta(o).namespace === namespace;
  return (change) => {
    if (change.resource !== type || !inScope(change.object)) return;
    const now = change.type !== 'DELETED' && matches(change.object);
    const before = change.previous !== undefined && matches(change.previous);
    if (change.type === 'DELETED') {
      if (before) send('DELETED', change.object);
    } else if (now && before) send('MODIFIED', change.object);
    else if (now) send('ADDED', change.object);
    else if (before) send('DELETED', change.object);
  };
}

/** A list's or watch's labelSelector and fieldSelector, on the fields the resource supports. */
function matcher(type: ResourceType, q: URLSearchParams): (object: JsonObject) => boolean {
  const labels = parseLabelSelector(q.get('labelSelector'));
  const fields = parseFieldSelector(q.get('fieldSelector'), selectableFields(type));
  return (object) => {
    const m = meta(object);
    const involved = (object.involvedObject ?? {}) as Record<string, string>;
    return (
      labels(m.labels ?? {}) &&
      fields({
        'metadata.name': m.name,
        'metadata.namespace': m.namespace,
        'involvedObject.kind': involved.kind,
        'involvedObject.name': involved.name,
        'involvedObject.namespace': involved.namespace,
        'involvedObject.uid': involved.uid,
        reason: object.reason as string,
        type: object.type as string,
        'status.phase': (object.status as JsonObject | undefined)?.phase as string,
        'spec.nodeName': (object.spec as JsonObject | undefined)?.nodeName as string,
      })
    );
  };
}

function selectableFields(type: ResourceType): string[] {
  const supported = ['metadata.name', 'metadata.namespace'];
  if (type.kind === 'Event') {
    supported.push(
      'involvedObject.kind',
      'involvedObject.name',
      'involvedObject.namespace',
      'involvedObject.uid',
      'reason',
      'type',
    );
  }
  if (type.kind === 'Pod') supported.push('status.phase', 'spec.nodeName');
  return supported;
}
