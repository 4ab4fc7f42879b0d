import type http from 'node:http';
import type https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { UpgradeHandler } from './router.js';
import type { FakeKubeApiServer } from './server.js';
import type { PodStreams } from './streams.js';

/**
 * A kube-apiserver restart as a client saw it (../shared/real-cluster/apiserver-restart.jsonl), in
 * three phases from SIGTERM.
 */
export interface ApiServerRestart {
  /**
   * SIGTERM until SIGKILL: the server stopped listening, so new connections are refused at once, while
   * the open watch (without an event) and the open port-forward (still carrying) go on. Recorded: 5.1 s.
   */
  stopMs: number;
  /**
   * SIGKILL until the new process listens: every open watch, connection and stream is reset (the watch
   * without an ERROR event or its end, the WebSockets without a close frame, 1006); new connections are
   * still refused. Recorded: 1.5–1.9 s.
   */
  downMs: number;
  /** The new process listens and holds every request, then answers them all. Recorded: 1.6–1.9 s. */
  startMs: number;
}

/** The recording's run 1: refused from 0.1 s to 7.0 s, the first 200 at 8.9 s. */
export const RECORDED_APISERVER_RESTART: ApiServerRestart = { stopMs: 5100, downMs: 1900, startMs: 1800 };

/** A kubelet restart as a client saw it (../shared/real-cluster/kubelet-restart.jsonl), from SIGTERM. */
export interface KubeletRestart {
  /**
   * The kubelet is gone: open exec and port-forward streams are cut (1006, nothing on channels 1–3)
   * and new upgrades answer 500 "error dialing backend". API requests are unaffected. Recorded: 1.6–2.0 s.
   */
  downMs: number;
  /** The new kubelet answers upgrades 404 text/plain "pod does not exist" for a running pod. Recorded: 0.8–1.0 s. */
  startMs: number;
}

export const RECORDED_KUBELET_RESTART: KubeletRestart = { downMs: 2000, startMs: 1000 };

/** The API server's answer to an upgrade while the kubelet is down, as recorded. */
const DIALING_BACKEND = JSON.stringify({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'error dialing backend: dial tcp 192.0.2.2:10250: connect: connection refused',
  code: 500,
});

type Phase = 'stopping' | 'down' | 'starting';

/**
 * Fault injection for the API-server double and its pod's streams: restarts of kube-apiserver and of
 * the kubelet, timed as the tests ask (the recorded times by default). Each restart resolves once the
 * server answers again; `heal()` ends one under way at once.
 */
export class Faults {
  /** What happened, in ms since the restart began, for assertions. */
  readonly timeline: { at: number; event: string }[] = [];
  /** WebSocket upgrades asked for (exec, port-forward), whatever the answer. */
  upgrades = 0;
  private apiServer: Phase | undefined;
  private kubelet: 'down' | 'starting' | undefined;
  private answering: Promise<void> | undefined;
  private healing = new AbortController();
  private started = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly api: FakeKubeApiServer,
    private readonly streams: PodStreams,
  ) {
    api.gate = (req, res) => this.gate(req, res);
    const kubelet = api.upgradeHandler;
    if (!kubelet) throw new Error('create the PodStreams before the Faults');
    api.upgradeHandler = this.upgradeHandler(kubelet);
  }

  /**
   * Requests this matches are carried out, but their answer is lost: the connection drops before it (a
   * server killed just then, a load balancer resetting). Undefined: none.
   */
  loseAnswer: ((req: http.IncomingMessage) => boolean) | undefined;

  /** Whether the API server or the kubelet is restarting. */
  get restarting(): boolean {
    return this.apiServer !== undefined || this.kubelet !== undefined;
  }

  restartApiServer(times: Partial<ApiServerRestart> = {}): Promise<void> {
    return this.track(this.apiServerRestart({ ...RECORDED_APISERVER_RESTART, ...times }));
  }

  restartKubelet(times: Partial<KubeletRestart> = {}): Promise<void> {
    return this.track(this.kubeletRestart({ ...RECORDED_KUBELET_RESTART, ...times }));
  }

  /** Ends a restart under way: its next phases follow at once; resolves once it is over. */
  async heal(): Promise<void> {
    this.healing.abort();
    await this.running;
    this.healing = new AbortController();
  }

  private track(restart: Promise<void>): Promise<void> {
    this.running = restart.finally(() => (this.running = undefined));
    return this.running;
  }

  private async apiServerRestart({ stopMs, downMs, startMs }: ApiServerRestart): Promise<void> {
    const server = this.api.listener!;
    const { port } = server.address() as AddressInfo;
    this.begin();
    // Nothing changes in the cluster while its API server is away: the controllers write through it.
    this.api.controllers.stop();
    this.apiServer = 'stopping';
    server.close();
    server.closeIdleConnections();
    this.mark('stopped listening');
    await this.pause(stopMs);
    this.apiServer = 'down';
    this.api.resetWatches();
    this.streams.cutAll();
    server.closeAllConnections();
    this.mark('killed: watches, connections and streams reset');
    await this.pause(downMs);
    await listen(server, port);
    this.apiServer = 'starting';
    this.mark('listening again, holding requests');
    this.answering = this.pause(startMs);
    await this.answering;
    this.apiServer = undefined;
    this.answering = undefined;
    this.api.controllers.start();
    this.mark('answering');
  }

  private async kubeletRestart({ downMs, startMs }: KubeletRestart): Promise<void> {
    this.begin();
    this.kubelet = 'down';
    this.streams.cutAll();
    this.mark('kubelet stopped: streams cut');
    await this.pause(downMs);
    this.kubelet = 'starting';
    this.mark('kubelet started, does not know its pods yet');
    await this.pause(startMs);
    this.kubelet = undefined;
    this.mark('kubelet serving');
  }

  private begin(): void {
    this.started = Date.now();
    this.timeline.length = 0;
  }

  private mark(event: string): void {
    this.timeline.push({ at: Date.now() - this.started, event });
  }

  private pause(ms: number): Promise<void> {
    const healing = this.healing.signal;
    return new Promise((resolve) => {
      if (healing.aborted) return resolve();
      const timer = setTimeout(resolve, ms);
      healing.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }

  /**
   * While stopping, a request on a connection still open is answered and its connection then closed,
   * as Go's graceful shutdown does; once killed, none gets through; a starting server holds them.
   */
  private gate(req: http.IncomingMessage, res: http.ServerResponse | undefined): Promise<void> | undefined {
    if (!res) this.upgrades++;
    if (res && this.loseAnswer?.(req)) {
      res.writeHead = () => res;
      res.end = () => (req.socket.destroy(), res);
    }
    if (this.apiServer === 'stopping') res?.setHeader('Connection', 'close');
    if (this.apiServer === 'down') {
      req.socket.destroy();
      return Promise.resolve();
    }
    return this.answering;
  }

  private upgradeHandler(kubelet: UpgradeHandler): UpgradeHandler {
    return (req, socket, head, target) => {
      if (this.kubelet === 'down') return answer(socket, 500, 'application/json', DIALING_BACKEND);
      if (this.kubelet === 'starting')
        return answer(socket, 404, 'text/plain; charset=utf-8', 'pod does not exist');
      kubelet(req, socket, head, target);
    };
  }
}

function answer(socket: Duplex, code: number, type: string, body: string): void {
  const reason = code === 500 ? 'Internal Server Error' : 'Not Found';
  socket.end(
    `HTTP/1.1 ${code} ${reason}\r\nCache-Control: no-cache, private\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Listens on `port` again; another socket may hold it for a moment. */
async function listen(server: https.Server, port: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
