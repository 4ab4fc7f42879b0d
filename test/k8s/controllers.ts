import { createHash, randomBytes } from 'node:crypto';
import { deepEqual, type Json, type JsonObject } from './patch.js';
import { groupVersion, typeOfKind, type ResourceType } from './resources.js';
import { KubeletStops } from './kubelet-stops.js';
import { admitServiceAccount } from './service-accounts.js';
import { StatusError } from './status.js';
import { Store, meta, type Meta } from './store.js';

/** How the simulated cluster behaves; tests change it to reproduce failures. */
export interface Behaviour {
  /**
   * `ready`: pods start and pass readiness. `never-ready`: containers run but readiness fails.
   * `image-pull-error`: images cannot be pulled. `pvc-pending`: no volume is ever provisioned.
   * (Pod Security follows the namespace's labels: see `admit`.)
   */
  mode: 'ready' | 'never-ready' | 'image-pull-error' | 'pvc-pending';
  /** How long after its creation a pod becomes ready. */
  readyDelayMs: number;
  /** How long a deleted pod takes to terminate. */
  podTerminationMs: number;
  tickMs: number;
  bookmarkIntervalMs: number;
  /** A watch without timeoutSeconds ends after this, as the API server's own request timeout. */
  watchTimeoutSeconds: number;
  /** How often a recurring Event's count may go up. */
  eventRepeatMs: number;
  /**
   * The address a load-balancer implementation (a cloud provider, MetalLB) gives LoadBalancer Services;
   * undefined: the cluster has none, and they stay pending as on a bare cluster.
   */
  loadBalancerIp: string | undefined;
  /** Called when a pod becomes ready, e.g. to give it a filesystem. */
  onPodReady?: (pod: JsonObject) => void;
  /**
   * Called on every tick while a deleted pod terminates, with the pod and the grace period its stop
   * began with (a later, shorter deletionGracePeriodSeconds does not change it: see KubeletStops); true
   * once what ran in it has stopped. Without it pods stop at once.
   */
  stopPod?: (pod: JsonObject, graceSeconds: number) => boolean;
}

const DEFAULT_BEHAVIOUR: Behaviour = {
  mode: 'ready',
  readyDelayMs: 100,
  podTerminationMs: 50,
  tickMs: 20,
  bookmarkIntervalMs: 1000,
  watchTimeoutSeconds: 30,
  eventRepeatMs: 1000,
  loadBalancerIp: '127.0.0.1',
};

const T = {
  pod: typeOfKind('v1', 'Pod')!,
  namespace: typeOfKind('v1', 'Namespace')!,
  pvc: typeOfKind('v1', 'PersistentVolumeClaim')!,
  event: typeOfKind('v1', 'Event')!,
  sts: typeOfKind('apps/v1', 'StatefulSet')!,
  deploy: typeOfKind('apps/v1', 'Deployment')!,
  rs: typeOfKind('apps/v1', 'ReplicaSet')!,
  service: typeOfKind('v1', 'Service')!,
  runtimeClass: typeOfKind('node.k8s.io/v1', 'RuntimeClass')!,
  priorityClass: typeOfKind('scheduling.k8s.io/v1', 'PriorityClass')!,
};

type Obj = JsonObject;

/**
 * Stands in for kube-controller-manager, the scheduler and the kubelet: level-triggered loops that run
 * every tick and write through the same store as the REST API, so watches see what a real cluster shows.
 */
export class Controllers {
  readonly behaviour: Behaviour;
  private timer: NodeJS.Timeout | undefined;
  /** Each recorded Event by what makes it the same event, and when its count last went up. */
  private readonly emitted = new Map<string, { namespace: string; name: string; at: number }>();
  /** The grace period of each pod stop the kubelet has begun. */
  private readonly stops = new KubeletStops();

  constructor(
    private readonly store: Store,
    behaviour: Partial<Behaviour>,
  ) {
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...behaviour };
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

  /** Admission: defaults and policies applied to every create, from the API or from a controller. */
  admit(type: ResourceType, object: Obj): void {
    if (type === T.pvc) {
      const m = meta(object);
      m.finalizers = [...new Set([...(m.finalizers ?? []), 'kubernetes.io/pvc-protection'])];
      object.status = { phase: 'Pending' };
    }
    if (type === T.pod) {
      object.status = { phase: 'Pending', conditions: [] };
      admitServiceAccount(this.store, object);
      this.admitPodSecurity(object);
      // The RuntimeClass admission plugin rejects a pod whose runtimeClassName names no RuntimeClass.
      const runtimeClass = (object.spec as Obj | undefined)?.runtimeClassName;
      if (typeof runtimeClass === 'string' && !this.store.get(T.runtimeClass, undefined, runtimeClass)) {
        throw new StatusError(
          403,
          'Forbidden',
          `pods "${meta(object).name}" is forbidden: pod rejected: RuntimeClass "${runtimeClass}" not found`,
        );
      }
      // The Priority admission plugin: a priorityClassName must name a PriorityClass (the two system
      // classes always exist).
      const priorityClass = (object.spec as Obj | undefined)?.priorityClassName;
      const system = ['system-cluster-critical', 'system-node-critical'];
      if (
        typeof priorityClass === 'string' &&
        !system.includes(priorityClass) &&
        !this.store.get(T.priorityClass, undefined, priorityClass)
      ) {
        throw new StatusError(
          403,
          'Forbidden',
          `pods "${meta(object).name}" is forbidden: no PriorityClass with name ${priorityClass} was found`,
        );
      }
    }
  }

  /**
   * Pod Security admission's `enforce` mode, from the namespace's labels: it judges pods only (workloads
   * get warnings in `warn` mode, which the double does not send). Only the baseline level's `privileged`
   * control is modelled; its message is the one a real API server sends (Pod Security Standards,
   * "Privileged Containers"; kubernetes/pod-security-admission's check_privileged.go).
   */
  private admitPodSecurity(pod: Obj): void {
    const ns = this.store.get(T.namespace, undefined, meta(pod).namespace!);
    const labels = (ns ? meta(ns).labels : undefined) ?? {};
    const level = labels['pod-security.kubernetes.io/enforce'];
    if (level === undefined || level === 'privileged') return;
    if (level !== 'baseline')
      throw new Error(`The double models Pod Security's baseline level only, not "${level}".`);
    const version = labels['pod-security.kubernetes.io/enforce-version'] ?? 'latest';
    const spec = (pod.spec ?? {}) as Obj;
    const containers = [...((spec.initContainers ?? []) as Obj[]), ...((spec.containers ?? []) as Obj[])];
    const privileged = containers
      .filter((c) => (c.securityContext as Obj | undefined)?.privileged === true)
      .map((c) => `"${String(c.name)}"`);
    if (privileged.length === 0) return;
    throw new StatusError(
      403,
      'Forbidden',
      `pods "${meta(pod).name}" is forbidden: violates PodSecurity "${level}:${version}": privileged (${privileged.length === 1 ? 'container' : 'containers'} ${privileged.join(', ')} must not set securityContext.privileged=true)`,
    );
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
      this.collectGarbage();
      for (const sts of this.store.list(T.sts)) this.reconcileStatefulSet(sts);
      for (const deploy of this.store.list(T.deploy)) this.reconcileDeployment(deploy);
      for (const rs of this.store.list(T.rs)) this.reconcileReplicaSet(rs);
      for (const pvc of this.store.list(T.pvc)) this.bindClaim(pvc);
      for (const pod of this.store.list(T.pod)) this.runPod(pod);
      for (const service of this.store.list(T.service)) this.balanceLoad(service);
    } catch (error) {
      // A controller bug must not take the double down silently: surface it in the test output.
      console.error('API server double: controller error', error);
    }
  }

  // ── Service controller (a load-balancer implementation) ──────────────────────────────────────────

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

  // ── Garbage collector ──────────────────────────────────────────────────────────────────────────

  private collectGarbage(): void {
    for (const { resource, object } of this.store.all()) {
      const m = meta(object);
      if (m.deletionTimestamp) {
        this.finalize(resource, object);
        continue;
      }
      const owners = m.ownerReferences ?? [];
      if (owners.length && owners.every((o) => !this.store.findByUid(o.uid))) {
        this.requestDeletion(resource, object, 'Background');
      }
    }
  }

  private finalize(type: ResourceType, object: Obj): void {
    const m = meta(object);
    let finalizers = [...(m.finalizers ?? [])];
    const dependents = this.store
      .all()
      .filter((e) => (meta(e.object).ownerReferences ?? []).some((o) => o.uid === m.uid));
    if (finalizers.includes('foregroundDeletion')) {
      for (const d of dependents)
        if (!meta(d.object).deletionTimestamp) this.requestDeletion(d.resource, d.object, 'Foreground');
      if (dependents.length === 0) finalizers = finalizers.filter((f) => f !== 'foregroundDeletion');
    }
    if (finalizers.includes('orphan')) {
      for (const d of dependents) {
        const copy = structuredClone(d.object);
        meta(copy).ownerReferences = (meta(copy).ownerReferences ?? []).filter((o) => o.uid !== m.uid);
        this.store.update(d.resource, copy);
      }
      finalizers = finalizers.filter((f) => f !== 'orphan');
    }
    if (finalizers.includes('kubernetes.io/pvc-protection')) {
      const used = this.store.list(T.pod, m.namespace).some((pod) => claimsOf(pod).includes(m.name));
      if (!used) finalizers = finalizers.filter((f) => f !== 'kubernetes.io/pvc-protection');
    }
    if (type === T.pod && finalizers.length === 0) {
      const since = Date.now() - new Date(m.deletionTimestamp!).getTime();
      // The kubelet removes a pod once its containers have stopped (within its grace period).
      const grace = this.stops.graceOf(m.uid) ?? m.deletionGracePeriodSeconds ?? 30;
      if (this.behaviour.stopPod && !this.behaviour.stopPod(object, grace)) return;
      if (since < this.behaviour.podTerminationMs) return;
    }
    if (finalizers.length === 0) {
      this.store.remove(type, object);
      if (type === T.pod) this.stops.forget(m.uid);
    } else if (finalizers.length !== (m.finalizers ?? []).length) {
      const copy = structuredClone(object);
      meta(copy).finalizers = finalizers;
      this.store.update(type, copy);
    }
  }

  // ── Workload controllers ───────────────────────────────────────────────────────────────────────

  private reconcileStatefulSet(sts: Obj): void {
    const m = meta(sts);
    if (m.deletionTimestamp) return;
    const spec = sts.spec as Obj;
    const replicas = (spec.replicas as number | undefined) ?? 1;
    const template = spec.template as Obj;
    const revision = `${m.name}-${hash(template)}`;
    const claims = (spec.volumeClaimTemplates ?? []) as Obj[];
    const selector = matchLabels(spec);
    const deleteClaims =
      ((spec.persistentVolumeClaimRetentionPolicy as Obj | undefined)?.whenDeleted ?? 'Retain') === 'Delete';

    for (let i = 0; i < replicas; i++) {
      for (const claim of claims) {
        const cm = claim.metadata as Obj;
        const name = `${String(cm.name)}-${m.name}-${i}`;
        if (this.store.get(T.pvc, m.namespace, name)) continue;
        this.createOwned(
          T.pvc,
          {
            metadata: {
              name,
              namespace: m.namespace!,
              labels: { ...((cm.labels as Record<string, string>) ?? {}), ...selector },
              ...(deleteClaims ? { ownerReferences: [ownerRef(T.sts, sts)] } : {}),
            },
            spec: structuredClone(claim.spec ?? {}),
          },
          sts,
          T.sts,
        );
      }
      const podName = `${m.name}-${i}`;
      const pod = this.store.get(T.pod, m.namespace, podName);
      if (pod) {
        if (meta(pod).labels?.['controller-revision-hash'] !== revision && !meta(pod).deletionTimestamp) {
          this.requestDeletion(T.pod, pod, 'Background');
        }
        continue;
      }
      const podSpec = structuredClone((template.spec ?? {}) as Obj);
      podSpec.volumes = [
        ...((podSpec.volumes ?? []) as Obj[]),
        ...claims.map((c) => ({
          name: (c.metadata as Obj).name!,
          persistentVolumeClaim: { claimName: `${String((c.metadata as Obj).name)}-${m.name}-${i}` },
        })),
      ];
      podSpec.hostname = podName;
      this.createOwned(
        T.pod,
        {
          metadata: {
            name: podName,
            namespace: m.namespace!,
            labels: {
              ...(((template.metadata as Obj | undefined)?.labels as Record<string, string>) ?? {}),
              'controller-revision-hash': revision,
              'statefulset.kubernetes.io/pod-name': podName,
              'apps.kubernetes.io/pod-index': String(i),
            },
            ownerReferences: [ownerRef(T.sts, sts)],
          },
          spec: podSpec,
        },
        sts,
        T.sts,
        {
          created: `create Pod ${podName} in StatefulSet ${m.name} successful`,
          failed: (message) => `create Pod ${podName} in StatefulSet ${m.name} failed error: ${message}`,
        },
      );
    }
    const pods = this.owned(T.pod, sts);
    for (const pod of pods) {
      const ordinal = Number(meta(pod).name.slice(m.name.length + 1));
      if (ordinal >= replicas && !meta(pod).deletionTimestamp) this.requestDeletion(T.pod, pod, 'Background');
    }
    const live = pods.filter((p) => !meta(p).deletionTimestamp);
    const updated = live.filter((p) => meta(p).labels?.['controller-revision-hash'] === revision);
    const ready = live.filter(isReady).length;
    this.setStatus(T.sts, sts, {
      observedGeneration: m.generation!,
      replicas: live.length,
      readyReplicas: ready,
      currentReplicas: updated.length,
      updatedReplicas: updated.length,
      availableReplicas: ready,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
    });
  }

  private reconcileDeployment(deploy: Obj): void {
    const m = meta(deploy);
    if (m.deletionTimestamp) return;
    const spec = deploy.spec as Obj;
    const replicas = (spec.replicas as number | undefined) ?? 1;
    const template = spec.template as Obj;
    const templateHash = hash(template);
    const name = `${m.name}-${templateHash}`;
    const owned = this.owned(T.rs, deploy);
    let current = owned.find((rs) => meta(rs).name === name);
    if (!current) {
      const labels = {
        ...(((template.metadata as Obj | undefined)?.labels as Record<string, string>) ?? {}),
        'pod-template-hash': templateHash,
      };
      current = this.createOwned(
        T.rs,
        {
          metadata: {
            name,
            namespace: m.namespace!,
            labels,
            annotations: { 'deployment.kubernetes.io/revision': String(owned.length + 1) },
            ownerReferences: [ownerRef(T.deploy, deploy)],
          },
          spec: {
            replicas,
            selector: { matchLabels: { ...matchLabels(spec), 'pod-template-hash': templateHash } },
            template: {
              ...structuredClone(template),
              metadata: { ...((template.metadata as Obj) ?? {}), labels },
            },
          },
        },
        deploy,
        T.deploy,
        {
          reason: 'ScalingReplicaSet',
          created: `Scaled up replica set ${name} to ${replicas}`,
          failed: (message) => `Failed to create new replica set "${name}": ${message}`,
        },
      );
      if (!current) return;
    }
    for (const rs of this.owned(T.rs, deploy)) {
      const want = meta(rs).name === name ? replicas : 0;
      if ((rs.spec as Obj).replicas !== want) {
        const copy = structuredClone(rs);
        (copy.spec as Obj).replicas = want;
        this.store.update(T.rs, copy);
      }
    }
    const sets = this.owned(T.rs, deploy);
    const sum = (field: string) =>
      sets.reduce((n, rs) => n + (((rs.status as Obj | undefined)?.[field] as number) ?? 0), 0);
    const fresh = this.store.get(T.rs, m.namespace, name);
    const available = sum('availableReplicas');
    this.setStatus(T.deploy, deploy, {
      observedGeneration: m.generation!,
      replicas: sum('replicas'),
      updatedReplicas: ((fresh?.status as Obj | undefined)?.replicas as number) ?? 0,
      readyReplicas: sum('readyReplicas'),
      availableReplicas: available,
      conditions: [
        {
          type: 'Available',
          status: available >= replicas ? 'True' : 'False',
          reason: available >= replicas ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        },
      ],
    });
  }

  private reconcileReplicaSet(rs: Obj): void {
    const m = meta(rs);
    if (m.deletionTimestamp) return;
    const spec = rs.spec as Obj;
    const replicas = (spec.replicas as number | undefined) ?? 1;
    const template = spec.template as Obj;
    const pods = this.owned(T.pod, rs).filter((p) => !meta(p).deletionTimestamp);
    for (let i = pods.length; i < replicas; i++) {
      const podName = `${m.name}-${randomBytes(3).toString('hex').slice(0, 5)}`;
      this.createOwned(
        T.pod,
        {
          metadata: {
            name: podName,
            namespace: m.namespace!,
            labels: structuredClone(((template.metadata as Obj | undefined)?.labels as Obj) ?? {}),
            ownerReferences: [ownerRef(T.rs, rs)],
          },
          spec: structuredClone((template.spec ?? {}) as Obj),
        },
        rs,
        T.rs,
        {
          created: `Created pod: ${podName}`,
          // The ReplicaSet controller names its pods with generateName, so its errors name the prefix.
          failed: (message) => `Error creating: ${message.replace(`"${podName}"`, `"${m.name}-"`)}`,
        },
      );
    }
    for (const pod of pods.slice(replicas)) this.requestDeletion(T.pod, pod, 'Background');
    const live = this.owned(T.pod, rs).filter((p) => !meta(p).deletionTimestamp);
    const ready = live.filter(isReady).length;
    this.setStatus(T.rs, rs, {
      replicas: live.length,
      fullyLabeledReplicas: live.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: m.generation!,
    });
  }

  // ── Volume binding, scheduler and kubelet ──────────────────────────────────────────────────────

  private bindClaim(pvc: Obj): void {
    const m = meta(pvc);
    if (m.deletionTimestamp || (pvc.status as Obj | undefined)?.phase === 'Bound') return;
    if (this.behaviour.mode === 'pvc-pending') {
      this.event(
        T.pvc,
        pvc,
        'Warning',
        'ProvisioningFailed',
        'storageclass.storage.k8s.io "standard" not found',
      );
      return;
    }
    const copy = structuredClone(pvc);
    (copy.spec as Obj).volumeName = `pvc-${m.uid}`;
    copy.status = {
      phase: 'Bound',
      accessModes: ((pvc.spec as Obj).accessModes ?? []) as Json,
      capacity: ((((pvc.spec as Obj).resources as Obj | undefined)?.requests as Obj | undefined) ??
        {}) as Json,
    };
    this.store.update(T.pvc, copy);
  }

  private runPod(pod: Obj): void {
    const m = meta(pod);
    if (m.deletionTimestamp) return;
    const spec = pod.spec as Obj;
    const containers = (spec.containers ?? []) as Obj[];
    const unbound = claimsOf(pod).filter(
      (claim) => (this.store.get(T.pvc, m.namespace, claim)?.status as Obj | undefined)?.phase !== 'Bound',
    );
    if (unbound.length) {
      this.event(
        T.pod,
        pod,
        'Warning',
        'FailedScheduling',
        '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
      );
      this.setStatus(T.pod, pod, {
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims.',
          },
        ],
      });
      return;
    }
    if (!spec.nodeName) {
      const copy = structuredClone(pod);
      (copy.spec as Obj).nodeName = 'double-node';
      this.store.update(T.pod, copy);
      this.event(
        T.pod,
        pod,
        'Normal',
        'Scheduled',
        `Successfully assigned ${m.namespace}/${m.name} to double-node`,
      );
      return;
    }
    const scheduled = { type: 'PodScheduled', status: 'True' };
    if (this.behaviour.mode === 'image-pull-error') {
      for (const c of containers) {
        this.event(
          T.pod,
          pod,
          'Warning',
          'Failed',
          `Failed to pull image "${String(c.image)}": rpc error: code = NotFound desc = failed to pull and unpack image "${String(c.image)}": not found`,
        );
      }
      this.event(T.pod, pod, 'Normal', 'BackOff', `Back-off pulling image "${String(containers[0]?.image)}"`);
      this.setStatus(T.pod, pod, {
        phase: 'Pending',
        conditions: [
          scheduled,
          {
            type: 'Ready',
            status: 'False',
            reason: 'ContainersNotReady',
            message: `containers with unready status: [${containers.map((c) => c.name).join(' ')}]`,
          },
        ],
        containerStatuses: containers.map((c) => ({
          name: c.name!,
          image: c.image!,
          ready: false,
          restartCount: 0,
          state: {
            waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${String(c.image)}"` },
          },
        })),
      });
      return;
    }
    const age = Date.now() - new Date(m.creationTimestamp).getTime();
    const ready = this.behaviour.mode !== 'never-ready' && age >= this.behaviour.readyDelayMs;
    if (this.behaviour.mode === 'never-ready') {
      this.event(
        T.pod,
        pod,
        'Warning',
        'Unhealthy',
        'Readiness probe failed: Get "http://10.0.0.1:2375/_ping": dial tcp 10.0.0.1:2375: connect: connection refused',
      );
    }
    const wasReady = isReady(pod);
    this.setStatus(T.pod, pod, {
      phase: 'Running',
      podIP: '10.0.0.1',
      conditions: [
        scheduled,
        { type: 'Initialized', status: 'True' },
        { type: 'ContainersReady', status: ready ? 'True' : 'False' },
        { type: 'Ready', status: ready ? 'True' : 'False' },
      ],
      containerStatuses: containers.map((c) => ({
        name: c.name!,
        image: c.image!,
        ready,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: m.creationTimestamp } },
      })),
    });
    if (ready && !wasReady) {
      this.event(T.pod, pod, 'Normal', 'Started', `Started container ${String(containers[0]?.name)}`);
      this.behaviour.onPodReady?.(this.store.get(T.pod, m.namespace, m.name)!);
    }
  }

  // ── Helpers ────────────────────────────────────────────────────────────────────────────────────

  private owned(type: ResourceType, owner: Obj): Obj[] {
    const uid = meta(owner).uid;
    return this.store
      .list(type, meta(owner).namespace)
      .filter((o) => (meta(o).ownerReferences ?? []).some((r) => r.uid === uid));
  }

  /**
   * Creates an object on behalf of a controller, recording SuccessfulCreate or FailedCreate on the owner
   * in the words of that controller (`events`; without it, only failures are recorded).
   */
  private createOwned(
    type: ResourceType,
    object: Obj,
    owner: Obj,
    ownerType: ResourceType,
    events?: { created: string; failed: (message: string) => string; reason?: string },
  ): Obj | undefined {
    try {
      this.admit(type, object);
      const created = this.store.create(type, object, type.hasStatus);
      if (events) this.event(ownerType, owner, 'Normal', events.reason ?? 'SuccessfulCreate', events.created);
      return created;
    } catch (error) {
      if (!(error instanceof StatusError)) throw error;
      const failed = events?.failed ?? ((message: string) => `create ${type.kind} failed error: ${message}`);
      this.event(ownerType, owner, 'Warning', 'FailedCreate', failed(error.message));
      return undefined;
    }
  }

  private setStatus(type: ResourceType, object: Obj, status: Obj): void {
    if (deepEqual(object.status, status)) return;
    const copy = structuredClone(object);
    copy.status = status;
    this.store.update(type, copy);
  }

  /**
   * Records an Event, or counts it again when the same one (object, reason, message) recurs, as the
   * event recorder's correlator does: `count` goes up and `lastTimestamp` moves, at most once per
   * `eventRepeatMs` here, since controllers retry with backoff rather than every tick.
   */
  private event(
    type: ResourceType,
    object: Obj,
    kind: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
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

function ownerRef(
  type: ResourceType,
  owner: Obj,
): Meta['ownerReferences'] extends (infer R)[] | undefined ? R : never {
  return {
    apiVersion: groupVersion(type),
    kind: type.kind,
    name: meta(owner).name,
    uid: meta(owner).uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function matchLabels(spec: Obj): Record<string, string> {
  return ((spec.selector as Obj | undefined)?.matchLabels ?? {}) as Record<string, string>;
}

function claimsOf(pod: Obj): string[] {
  return (((pod.spec as Obj | undefined)?.volumes ?? []) as Obj[])
    .map((v) => (v.persistentVolumeClaim as Obj | undefined)?.claimName as string | undefined)
    .filter((c): c is string => Boolean(c));
}

export function isReady(pod: Obj): boolean {
  const conditions = ((pod.status as Obj | undefined)?.conditions ?? []) as Obj[];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 10);
}

function timestamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}
