import type { JsonObject } from './patch.js';

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

export const DEFAULT_BEHAVIOUR: Behaviour = {
  mode: 'ready',
  readyDelayMs: 100,
  podTerminationMs: 50,
  tickMs: 20,
  bookmarkIntervalMs: 1000,
  watchTimeoutSeconds: 30,
  eventRepeatMs: 1000,
  loadBalancerIp: '127.0.0.1',
};
