import { randomBytes } from 'node:crypto';
import type { Behaviour } from './behaviour.js';
import { T, timestamp, type Obj } from './controller-kit.js';
import { groupVersion, type ResourceType } from './resources.js';
import { meta, type Store } from './store.js';

/**
 * The event recorder of the controllers and the kubelet: an Event per occurrence, counted again when
 * the same one (object, reason, message) recurs, as the recorder's correlator does.
 */
export class EventRecorder {
  /** Each recorded Event by what makes it the same event, and when its count last went up. */
  private readonly emitted = new Map<string, { namespace: string; name: string; at: number }>();

  constructor(
    private readonly store: Store,
    private readonly behaviour: Behaviour,
  ) {}

  /**
   * Records an Event, or counts it again: `count` goes up and `lastTimestamp` moves, at most once per
   * `eventRepeatMs` here, since controllers retry with backoff rather than every tick.
   */
  record(type: ResourceType, object: Obj, kind: 'Normal' | 'Warning', reason: string, message: string): void {
    const m = meta(object);
    const key = `${m.uid}/${reason}/${message}`;
    const seen = this.emitted.get(key);
    if (seen) {
      if (Date.now() - seen.at < this.behaviour.eventRepeatMs) return;
      seen.at = Date.now();
      const recorded = this.store.get(T.event, seen.namespace, seen.name);
      if (!recorded) return;
      const again = structuredClone(recorded);
      again.count = Number(again.count ?? 1) + 1;
      again.lastTimestamp = timestamp();
      this.store.update(T.event, again);
      return;
    }
    const at = timestamp();
    const namespace = m.namespace ?? 'default';
    const name = `${m.name}.${randomBytes(8).toString('hex')}`;
    this.emitted.set(key, { namespace, name, at: Date.now() });
    this.store.create(
      T.event,
      {
        metadata: { name, namespace },
        involvedObject: {
          apiVersion: groupVersion(type),
          kind: type.kind,
          name: m.name,
          namespace: m.namespace ?? '',
          uid: m.uid,
        },
        reason,
        message,
        type: kind,
        count: 1,
        firstTimestamp: at,
        lastTimestamp: at,
        source: { component: type === T.pod ? 'kubelet' : `${type.kind.toLowerCase()}-controller` },
      } as unknown as Obj,
      false,
    );
  }
}
