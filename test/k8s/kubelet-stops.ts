/**
 * The grace period each deleted pod's stop began with, as the kubelet keeps it
 * (../shared/real-cluster/teardown-timings.json). The first DELETE of a pod sets its
 * deletionGracePeriodSeconds, and the kubelet takes the deletion up at once with that grace period; a
 * later DELETE with a shorter one still lowers the object's deletionGracePeriodSeconds, but the stop
 * already begun keeps its own: the recorded grace-1 DELETEs that came 0.3 s or 1 s after the garbage
 * collector's (grace 30) never shortened it, 0.1 s after in 1 run of 3. The double takes the side of
 * that race the recording shows most: the kubelet has always taken up the first DELETE.
 */
export class KubeletStops {
  private readonly begun = new Map<string, number>();

  /** The pod `uid` was deleted: the kubelet's stop begins with `graceSeconds` unless one began already. */
  takeUp(uid: string, graceSeconds: number): void {
    if (!this.begun.has(uid)) this.begun.set(uid, graceSeconds);
  }

  /** The grace period the pod's stop began with, if it began. */
  graceOf(uid: string): number | undefined {
    return this.begun.get(uid);
  }

  /** The pod is gone. */
  forget(uid: string): void {
    this.begun.delete(uid);
  }
}

/** The kubelet kills a pod's containers no sooner than 2 s after SIGTERM, even with grace 1 (recorded). */
export const KUBELET_MIN_GRACE_SECONDS = 2;
