import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type WebSocket from 'ws';
import { KUBELET_MIN_GRACE_SECONDS } from './kubelet-stops.js';
import type { JsonObject } from './patch.js';

const run = promisify(execFile);
/** Docker's default stop timeout: how long dockerd waits for a container after SIGTERM. */
const DOCKER_STOP_TIMEOUT_S = 10;
const PROJECT_LABEL = Buffer.from('"com.docker.compose.project":"');
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*/;

interface PodEngine {
  /** The compose projects created through this pod's port-forward (the labels of what was created). */
  projects: Set<string>;
  /** Its exec and port-forward WebSockets, which end when its containers stop. */
  sockets: Set<WebSocket>;
  stopping?: { killAt: number; done: boolean };
}

/**
 * What each pod's Docker server ran, and what deleting the pod does to it. In the double every pod's
 * Docker server is the one local engine, but on a cluster each pod has its own dockerd, which dies with
 * the pod and takes its containers along. So the double remembers the compose projects created through a
 * pod's port-forward (the compose labels in what the client sends) and, when the pod is deleted, stops
 * them as the kubelet and dockerd would: SIGTERM first, everything removed once they have exited or
 * when the grace period its stop began with (at least 2 s, at most Docker's stop timeout) is over; then
 * its streams end.
 */
export class PodEngines {
  private readonly pods = new Map<string, PodEngine>();

  constructor(private readonly dockerSocket: string) {}

  /** Registers a WebSocket of the pod `uid`; it is cut when the pod stops. */
  attach(uid: string, ws: WebSocket): void {
    const pod = this.podOf(uid);
    pod.sockets.add(ws);
    ws.on('close', () => pod.sockets.delete(ws));
  }

  /** A sniffer for what a port-forward client sends to the pod `uid`'s Docker server. */
  sniffer(uid: string): (data: Buffer) => void {
    const pod = this.podOf(uid);
    let tail = Buffer.alloc(0);
    return (data) => {
      // The label may straddle two messages: look in the seam as well (indexOf is native and fast).
      for (const chunk of [Buffer.concat([tail, data.subarray(0, 128)]), data]) {
        for (let at = chunk.indexOf(PROJECT_LABEL); at >= 0; at = chunk.indexOf(PROJECT_LABEL, at + 1)) {
          const rest = chunk.subarray(at + PROJECT_LABEL.length, at + PROJECT_LABEL.length + 128);
          const name = PROJECT_NAME.exec(rest.toString('latin1'))?.[0];
          if (name && rest.includes('"', name.length)) pod.projects.add(name);
        }
      }
      tail = Buffer.from(data.subarray(-128));
    };
  }

  /**
   * Behaviour.stopPod: true once what ran in the deleted pod has stopped. `graceSeconds` is what the
   * kubelet's stop began with; a later, shorter one does not hurry it (teardown-timings.json). What
   * ignores SIGTERM is killed after the grace period, no sooner than the kubelet's 2 s, and no later
   * than Docker's stop timeout, after which dockerd kills it itself and exits.
   */
  stop(pod: JsonObject, graceSeconds: number): boolean {
    const { uid } = pod.metadata as { uid: string };
    const engine = this.pods.get(uid);
    if (!engine) return true;
    if (!engine.stopping) {
      const seconds = Math.min(Math.max(graceSeconds, KUBELET_MIN_GRACE_SECONDS), DOCKER_STOP_TIMEOUT_S);
      engine.stopping = { killAt: Date.now() + seconds * 1000, done: false };
      void this.terminate(engine).finally(() => {
        for (const ws of engine.sockets) ws.terminate();
        engine.stopping!.done = true;
        this.pods.delete(uid);
      });
    }
    return engine.stopping.done;
  }

  private podOf(uid: string): PodEngine {
    let pod = this.pods.get(uid);
    if (!pod) this.pods.set(uid, (pod = { projects: new Set(), sockets: new Set() }));
    return pod;
  }

  private async terminate(engine: PodEngine): Promise<void> {
    const docker = (...args: string[]) =>
      run('docker', ['-H', `unix://${this.dockerSocket}`, ...args]).then(
        ({ stdout }) => stdout.split('\n').filter(Boolean),
        () => [] as string[],
      );
    for (const project of engine.projects) {
      const label = `label=com.docker.compose.project=${project}`;
      const running = await docker('ps', '-q', '--filter', label);
      if (running.length) await docker('kill', '--signal', 'TERM', ...running);
      while (Date.now() < engine.stopping!.killAt && (await docker('ps', '-q', '--filter', label)).length) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const all = await docker('ps', '-aq', '--filter', label);
      if (all.length) await docker('rm', '--force', '--volumes', ...all);
      const networks = await docker('network', 'ls', '-q', '--filter', label);
      if (networks.length) await docker('network', 'rm', ...networks);
      const volumes = await docker('volume', 'ls', '-q', '--filter', label);
      if (volumes.length) await docker('volume', 'rm', '--force', ...volumes);
    }
  }
}
