import { spawn } from 'node:child_process';
import net from 'node:net';
import type { Duplex, Readable } from 'node:stream';
import type http from 'node:http';
import WebSocket, { WebSocketServer } from 'ws';
import type { JsonObject } from './patch.js';
import { PodEngines } from './pod-engines.js';
import type { FakeKubeApiServer } from './server.js';

export interface StreamOptions {
  /** Where port-forward to port 2375 connects: the real local Docker engine. */
  dockerSocket: string;
  /**
   * Channel protocols the exec endpoint accepts, in preference order. The default is a v1.28 server's,
   * which offers no v5 (../shared/real-cluster/exec-negotiation.jsonl); add v5 to act as a newer one.
   */
  execProtocols: string[];
  /**
   * The share of port-forward connections on which the two port messages that open the data and error
   * channels are left out (both together, as recorded). A real v1.28 cluster left them out on 16 of 40
   * connections when the client sent at once and 7 of 40 when it waited 100 ms
   * (../shared/real-cluster/portforward-*.jsonl); clients send at once, so the default is 16/40.
   */
  portMessagesOmitted: number;
  /** Seeds the choices above, so that a failing run can be replayed. */
  seed: number;
}

const DEFAULTS: StreamOptions = {
  dockerSocket: '/var/run/docker.sock',
  execProtocols: ['v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'],
  portMessagesOmitted: 16 / 40,
  seed: 1,
};
export const EXEC_V5 = 'v5.channel.k8s.io';
const PORT_FORWARD_PROTOCOLS = ['v4.channel.k8s.io', 'portforward.k8s.io'];
const HIGH_WATER = 1024 * 1024;

/**
 * The exec and port-forward WebSocket endpoints of the API-server double. The "pod" is this machine:
 * exec runs the real command here (so `tar` writes where the local Docker engine can bind-mount from),
 * and port-forward to 2375 reaches the local Docker engine's socket. Framing follows the channel
 * protocol: one leading channel byte per message; port-forward opens each channel with the port as two
 * little-endian bytes; exec ends with a Status on channel 3; v5 lets the client close stdin (255, 0).
 */
export class PodStreams {
  readonly options: StreamOptions;
  private readonly sockets = new Set<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 0 });
  private readonly random: () => number;
  private readonly engines: PodEngines;
  /** Port-forward connections served, and on how many the port messages were left out. */
  readonly portForwards = { total: 0, withoutPortMessages: 0 };

  constructor(api: FakeKubeApiServer, options: Partial<StreamOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.random = seededRandom(this.options.seed);
    this.engines = new PodEngines(this.options.dockerSocket);
    api.upgradeHandler = (req, socket, head, target) => this.upgrade(req, socket, head, target);
    // Deleting a pod stops its Docker server and what runs in it, and ends its streams.
    api.behaviour.stopPod = (pod, grace) => this.engines.stop(pod, grace);
  }

  /** Cuts every open exec and port-forward WebSocket, as a dropped connection would. */
  cutAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  /** How many exec and port-forward WebSockets are still open. */
  get open(): number {
    return this.sockets.size;
  }

  /** Resolves once every WebSocket has closed (a closing handshake takes a moment), or after `ms`. */
  async settled(ms = 2000): Promise<number> {
    for (const deadline = Date.now() + ms; this.sockets.size > 0 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.sockets.size;
  }

  private upgrade(
    req: http.IncomingMessage,
    socket: Duplex,
    head: Buffer,
    target: { namespace: string; pod: JsonObject; subresource: string; query: URLSearchParams },
  ): void {
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const supported = target.subresource === 'exec' ? this.options.execProtocols : PORT_FORWARD_PROTOCOLS;
    const protocol = offered.find((p) => supported.includes(p));
    const phase = (target.pod.status as JsonObject | undefined)?.phase;
    const containers = (((target.pod.spec as JsonObject).containers ?? []) as JsonObject[]).map(
      (c) => c.name,
    );
    const reject = (code: number, message: string) => {
      const body = JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message,
        reason: 'BadRequest',
        code,
      });
      socket.end(
        `HTTP/1.1 ${code} Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    };
    if (phase !== 'Running')
      return reject(400, `pod ${String((target.pod.metadata as JsonObject).name)} is not running`);
    if (target.subresource === 'exec') {
      const container = target.query.get('container') ?? containers[0];
      if (!containers.includes(container))
        return reject(
          400,
          `container ${container} is not valid for pod ${String((target.pod.metadata as JsonObject).name)}`,
        );
      if (target.query.getAll('command').length === 0)
        return reject(400, 'you must specify at least 1 command');
    } else if (target.subresource === 'portforward' && !/^\d+$/.test(target.query.get('ports') ?? '')) {
      return reject(400, `this double forwards one port at a time, got ${target.query.get('ports')}`);
    }
    if (!protocol) {
      // A v1.28 server offered only v5.channel.k8s.io for exec refuses the upgrade with a bare 403: no
      // Status, no body (../shared/real-cluster/exec-negotiation.jsonl). Not recorded for port-forward.
      if (target.subresource === 'exec')
        return void socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return reject(400, `none of the offered subprotocols is supported: ${offered.join(', ')}`);
    }
    this.wss.options.handleProtocols = () => protocol;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const uid = (target.pod.metadata as { uid: string }).uid;
      this.sockets.add(ws);
      this.engines.attach(uid, ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('error', () => ws.terminate());
      if (target.subresource === 'exec') this.exec(ws, target.query);
      else this.portForward(ws, Number(target.query.get('ports')), uid);
    });
  }

  private exec(ws: WebSocket, query: URLSearchParams): void {
    const command = query.getAll('command');
    const withStdin = query.get('stdin') === 'true';
    const child = spawn(command[0]!, command.slice(1), {
      stdio: [withStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    const send = (channel: number, data: Buffer | string) => {
      if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(data)]));
    };
    // A real server's first stdout message can be empty (../shared/real-cluster/exec-negotiation.jsonl).
    if (this.random() < 0.5) send(1, '');
    relay(child.stdout!, 1, ws);
    relay(child.stderr!, 2, ws);
    ws.on('message', (message: Buffer) => {
      if (message[0] === 0 && child.stdin?.writable) {
        if (!child.stdin.write(message.subarray(1)) && !ws.isPaused) {
          ws.pause();
          child.stdin.once('drain', () => ws.resume());
        }
      } else if (message[0] === 255 && message[1] === 0 && ws.protocol === 'v5.channel.k8s.io') {
        child.stdin?.end();
      }
    });
    child.stdin?.on('error', () => {}); // the command may exit without reading all of stdin
    ws.on('close', () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    child.stdin?.on('close', () => ws.resume());
    let spawnError: Error | undefined;
    child.on('error', (error) => (spawnError = error));
    child.on('close', (code) => {
      const status = spawnError
        ? {
            metadata: {},
            status: 'Failure',
            message: `exec: "${command[0]}": executable file not found in $PATH`,
            reason: 'InternalError',
          }
        : code === 0
          ? { metadata: {}, status: 'Success' }
          : {
              metadata: {},
              status: 'Failure',
              message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
              reason: 'NonZeroExitCode',
              details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
            };
      send(3, JSON.stringify(status));
      ws.close(1000);
    });
  }

  /**
   * Port 2375 reaches the local Docker engine's socket (the pod's dockerd); any other port connects to
   * that port on this machine's loopback, as the kubelet connects inside the pod's network namespace,
   * where the pod's Docker server publishes the compose services' ports. Nothing listening there ends
   * the channel with an error message, worded as containerd's CRI words it (not recorded).
   */
  private portForward(ws: WebSocket, portNumber: number, uid: string): void {
    this.portForwards.total++;
    if (this.random() < this.options.portMessagesOmitted) {
      this.portForwards.withoutPortMessages++;
    } else {
      const port = Buffer.alloc(2);
      port.writeUInt16LE(portNumber);
      ws.send(Buffer.concat([Buffer.from([0]), port]));
      ws.send(Buffer.concat([Buffer.from([1]), port]));
    }
    const toDocker = portNumber === 2375;
    const sniff = toDocker ? this.engines.sniffer(uid) : () => {};
    const docker = toDocker ? net.connect(this.options.dockerSocket) : net.connect(portNumber, '127.0.0.1');
    relay(docker, 0, ws);
    docker.on('error', (error) => {
      if (ws.readyState === ws.OPEN)
        ws.send(
          Buffer.concat([
            Buffer.from([1]),
            Buffer.from(
              toDocker
                ? `error forwarding port 2375 to pod: ${error.message}`
                : `error forwarding port ${portNumber} to pod ${uid}, uid : failed to execute portforward in network namespace: failed to connect to localhost:${portNumber} inside namespace, IPv4: dial tcp4 127.0.0.1:${portNumber}: connect: ${/ECONNREFUSED/.test(error.message) ? 'connection refused' : error.message}`,
            ),
          ]),
        );
      ws.close();
    });
    // The pod's side ending is a normal close, 1000 (../shared/real-cluster/api/rbac-ws-get-portforward.json).
    docker.on('end', () => ws.close(1000));
    // A paused WebSocket reads nothing, not even the peer's close frame: resume it when the engine's
    // side goes, or the closing handshake would wait for its timeout.
    docker.on('close', () => {
      ws.resume();
      ws.close(1000);
    });
    ws.on('message', (message: Buffer) => {
      if (message[0] !== 0 || docker.destroyed) return;
      const data = message.subarray(1);
      sniff(data);
      if (!docker.write(data) && !ws.isPaused) {
        ws.pause();
        docker.once('drain', () => ws.resume());
      }
    });
    ws.on('close', () => docker.destroy());
  }
}

/** Sends what `source` reads on a channel, pausing it while the WebSocket has too much queued. */
function relay(source: Readable, channel: number, ws: WebSocket): void {
  source.on('data', (chunk: Buffer) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(Buffer.concat([Buffer.from([channel]), chunk]), () => {
      if (source.isPaused() && ws.bufferedAmount < HIGH_WATER / 2) source.resume();
    });
    if (ws.bufferedAmount > HIGH_WATER) source.pause();
  });
}

/** mulberry32: a small seeded generator, so the double's choices repeat from run to run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
