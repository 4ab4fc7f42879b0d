import { admit } from './admission.js';
import { DEFAULT_BEHAVIOUR, type Behaviour } from './behaviour.js';
import { T, timestamp, type Cluster, type Obj } from './controller-kit.js';
import { reconcileDeployment, reconcileReplicaSet } from './deployments.js';
import { EventRecorder } from './events.js';
import { collectGarbage } from './garbage-collector.js';
import { KubeletStops } from './kubelet-stops.js';
import { bindClaim, runPod } from './kubelet.js';
import { deepEqual, type Json } from './patch.js';
import type { ResourceType } from './resources.js';
import { reconcileStatefulSet } from './statefulsets.js';
import { meta, type Store } from './store.js';

/**
 * Stands in for kube-controller-manager, the scheduler and the kubelet: level-triggered loops that run
 * every tick and write through the same store as the REST API, so watches see what a real cluster shows.
 */
export class Controllers implements Cluster {
  readonly behaviour: Behaviour;
  private timer: NodeJS.Timeout | undefined;
  private readonly events: EventRecorder;
  /** The grace period of each pod stop the kubelet has begun. */
  private readonly stops = new KubeletStops();

  constructor(
    readonly store: Store,
    behaviour: Partial<Behaviour>,
  ) {
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...behaviour };
    this.events = new EventRecorder(store, this.behaviour);
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), this.behaviour.tickMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  kick(): void {
    setImmediate(() => this.tick());
  }

  admit(type: ResourceType, object: Obj): void {
    admit(this.store, type, object);
  }

  event(type: ResourceType, object: Obj, kind: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.record(type, object, kind, reason, message);
  }

  /**
   * DELETE semantics shared by the API and the controllers: finalizers, propagation, graceful pods. A
   * pod's grace period is the request's gracePeriodSeconds, else its spec's terminationGracePeriodSeconds
   * (30 s by default); a later delete may shorten it, never lengthen it (ObjectMeta's
   * deletionGracePeriodSeconds: "May only be shortened"), but not the stop the kubelet began with the
   * first (KubeletStops).
   */
  requestDeletion(
    type: ResourceType,
    live: Obj,
    propagationPolicy: string,
    gracePeriodSeconds?: number,
  ): Obj | undefined {
    const next = structuredClone(live);
    const m = meta(next);
    if (type === T.pod) {
      const own = ((live.spec as Obj | undefined)?.terminationGracePeriodSeconds as number | undefined) ?? 30;
      m.deletionGracePeriodSeconds = Math.min(m.deletionGracePeriodSeconds ?? own, gracePeriodSeconds ?? own);
      this.stops.takeUp(m.uid, m.deletionGracePeriodSeconds);
    }
    const finalizers = new Set(m.finalizers ?? []);
    if (propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
    if (propagationPolicy === 'Orphan') finalizers.add('orphan');
    if (finalizers.size === 0 && type !== T.pod) {
      this.store.remove(type, live);
      return undefined;
    }
    m.finalizers = [...finalizers];
    if (m.finalizers.length === 0) delete m.finalizers;
    m.deletionTimestamp ??= timestamp();
    this.kick();
    return deepEqual(next, live) ? live : this.store.update(type, next);
  }

  private tick(): void {
    try {
      collectGarbage(this, this.stops);
      for (const sts of this.store.list(T.sts)) reconcileStatefulSet(this, sts);
      for (const deploy of this.store.list(T.deploy)) reconcileDeployment(this, deploy);
      for (const rs of this.store.list(T.rs)) reconcileReplicaSet(this, rs);
      for (const pvc of this.store.list(T.pvc)) bindClaim(this, pvc);
      for (const pod of this.store.list(T.pod)) runPod(this, pod);
      for (const service of this.store.list(T.service)) this.balanceLoad(service);
    } catch (error) {
      // A controller bug must not take the double down silently: surface it in the test output.
      console.error('API server double: controller error', error);
    }
  }

  /** The Service controller of a load-balancer implementation: LoadBalancer Services get its address. */
  private balanceLoad(service: Obj): void {
    const ip = this.behaviour.loadBalancerIp;
    const spec = service.spec as Obj | undefined;
    const status = (service.status ?? {}) as Obj;
    const wanted: Obj = spec?.type === 'LoadBalancer' && ip ? { ingress: [{ ip, ipMode: 'VIP' }] } : {};
    if (deepEqual((status.loadBalancer ?? {}) as Json, wanted)) return;
    const copy = structuredClone(service);
    copy.status = { ...status, loadBalancer: wanted };
    this.store.update(T.service, copy);
  }
}
