import net from 'node:net';
import type { KubeConfig } from '@kubernetes/client-node';
import type WebSocket from 'ws';
import type { Logger } from '../util/log.js';
import { ChannelPool, DEFAULT_POOL, type PoolOptions } from './channel-pool.js';
import { ChannelWriter, FRAME_SIZE, FrameBuffers } from './channel-writer.js';
import { CHANNEL_V4, HIGH_WATER_MARK, openChannelSocket, type Dial } from './websocket.js';

const DATA = 0;
const ERROR = 1;
/** The close code of a WebSocket that ended without a close frame. */
const ABNORMAL = 1006;

/** What a tunnel did, for the log and the benchmark. */
export interface TunnelStats {
  /** Local connections accepted. */
  connections: number;
  /** WebSocket upgrades asked for: one per channel, opened ahead for the pool or on demand. */
  upgrades: number;
  /** Local connections that started on a pooled, already upgraded channel. */
  fromPool: number;
  /**
   * Local connections whose channel the server cut (closed without a close frame: a kubelet or API
   * server restart, a network blip) while they were open: what the Docker client saw fail.
   */
  cut: number;
}

/** Failures after which no channel will be opened: RBAC refuses the upgrade, or the deadline passed. */
function final(error: unknown): boolean {
  const e = error as { name?: string; answer?: { code: number } };
  return e.name === 'DeadlineError' || e.answer?.code === 401 || e.answer?.code === 403;
}

/**
 * A local TCP listener on 127.0.0.1 whose every connection is carried over its own port-forward
 * WebSocket (a channel) to one port of a pod. Each channel costs a WebSocket upgrade through the API
 * server and the kubelet, and compose and buildx open many short connections, so a few channels are
 * kept open ahead of demand (see ChannelPool). Unlike the client library's helper it closes each side
 * when the other closes, never writes after the peer ended, turns failures into a failed connection
 * rather than an uncaught exception, and applies backpressure both ways.
 */
export class PortForwardTunnel {
  private readonly bound = new Set<{ socket: net.Socket; channel?: Channel }>();
  private closed = false;
  /** Ends the waits of connections for a channel when the tunnel closes. */
  private readonly closing = new AbortController();
  /** Why no channel can be opened any more, once that is so: the error a step that failed should report. */
  fatal: Error | undefined;

  private constructor(
    private readonly server: net.Server,
    private readonly pool: ChannelPool<Channel>,
    readonly stats: TunnelStats,
    private readonly log: Logger,
  ) {}

  /** The local port, on 127.0.0.1. */
  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  static async open(
    kc: KubeConfig,
    target: { namespace: string; pod: string; port: number },
    log: Logger,
    options: Partial<PoolOptions> & { dial?: Dial } = {},
  ): Promise<PortForwardTunnel> {
    const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/portforward?ports=${target.port}`;
    const portMessage = Buffer.alloc(2);
    portMessage.writeUInt16LE(target.port);
    const stats: TunnelStats = { connections: 0, upgrades: 0, fromPool: 0, cut: 0 };
    const frames = new FrameBuffers(HIGH_WATER_MARK / FRAME_SIZE + 1, FRAME_SIZE);
    const { dial = (p, protocols, what) => openChannelSocket(kc, p, protocols, what), ...poolOptions } =
      options;
    // Channels are opened once the tunnel exists (pool.fill below), never while it is being made.
    const openChannel = async (patient: boolean) => {
      if (tunnel.fatal) throw tunnel.fatal;
      stats.upgrades++;
      const patience = patient ? tunnel.closing.signal : undefined;
      try {
        const ws = await dial(path, [CHANNEL_V4], `port-forward to pod ${target.pod}`, patience);
        return new Channel(ws, portMessage, frames, log, () => stats.cut++);
      } catch (error) {
        if (!tunnel.fatal && final(error)) tunnel.fatal = error as Error;
        throw error;
      }
    };
    // noDelay: Docker's API is many small requests and answers; Nagle's algorithm would hold them back.
    const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true, noDelay: true });
    const pool = new ChannelPool(openChannel, { ...DEFAULT_POOL, ...poolOptions }, log);
    const tunnel = new PortForwardTunnel(server, pool, stats, log);
    server.on('connection', (socket) => void tunnel.forward(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    pool.fill();
    return tunnel;
  }

  /** `DOCKER_HOST` for a Docker client that should reach the pod. */
  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  get activeConnections(): number {
    return this.bound.size;
  }

  /** Channels open ahead of demand right now. */
  get pooledChannels(): number {
    return this.pool.idleCount;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    for (const { socket, channel } of this.bound) {
      socket.destroy();
      channel?.terminate();
    }
    await this.pool.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    const { connections, upgrades, fromPool, cut } = this.stats;
    this.log.debug(
      `port-forward: ${connections} connections, ${fromPool} of them on a channel opened ahead, ${cut} cut; ${upgrades} WebSocket upgrades`,
    );
  }

  private async forward(socket: net.Socket): Promise<void> {
    const entry: { socket: net.Socket; channel?: Channel } = { socket };
    this.bound.add(entry);
    this.stats.connections++;
    socket.once('close', () => this.bound.delete(entry));
    socket.on('error', (error) => this.log.debug(`port-forward: local connection error: ${error.message}`));

    let channel = this.pool.take();
    if (channel) {
      this.stats.fromPool++;
    } else {
      try {
        // Rides out an API server or kubelet restart: the local connection waits, paused.
        channel = await this.pool.openNow();
      } catch (error) {
        if (!this.closed) this.log.warning(`port-forward: ${(error as Error).message}`);
        socket.destroy();
        return;
      }
    }
    if (socket.destroyed || this.closed) {
      channel.terminate();
      return;
    }
    entry.channel = channel;
    channel.bind(socket);
  }
}

/**
 * One port-forward WebSocket: a data and an error channel to the pod's port. It reads from the moment it
 * opens, so the port messages that open each channel (or the error that ends a pooled one) are taken
 * care of before a local connection is bound to it.
 */
class Channel {
  readonly openedAt = Date.now();
  private socket: net.Socket | undefined;
  /** Data the pod sent before a local connection was bound (a server speaking first). */
  private early: Buffer[] = [];
  private remoteError = '';
  private readonly firstMessage = [true, true];
  private done = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly portMessage: Buffer,
    private readonly frames: FrameBuffers,
    private readonly log: Logger,
    private readonly onCut: () => void,
  ) {
    ws.on('message', (message: Buffer) => this.receive(message));
    ws.on('close', (code: number) => this.ended(code));
    ws.on('error', (error) => {
      log.debug(`port-forward: WebSocket error: ${error.message}`);
      this.socket?.destroy(error);
    });
  }

  /** Open, and no error from the pod's side: a local connection may be bound to it. */
  get usable(): boolean {
    return this.ws.readyState === this.ws.OPEN && !this.remoteError;
  }

  /** Calls `listener` once when the WebSocket closes. */
  onClose(listener: () => void): void {
    if (this.ws.readyState === this.ws.CLOSED) listener();
    else this.ws.once('close', listener);
  }

  terminate(): void {
    this.ws.terminate();
  }

  /** Carries `socket` over this channel, both ways, with backpressure; ends each side with the other. */
  bind(socket: net.Socket): void {
    const ws = this.ws;
    this.socket = socket;
    for (const data of this.early.splice(0)) this.toLocal(data);
    const writer = new ChannelWriter(ws, DATA, this.frames, (error) => {
      if (error) socket.destroy(error);
      else if (socket.isPaused() && writer.queued < HIGH_WATER_MARK / 2) socket.resume();
    });
    // This listener is the reads' only reader: the writer frees their memory.
    socket.on('data', (chunk: Buffer) => {
      if (ws.readyState !== ws.OPEN) return;
      writer.write(chunk);
      if (writer.queued > HIGH_WATER_MARK) socket.pause();
    });
    // v4 port-forward has no half-close: keep carrying the response until the pod's side closes.
    socket.on('close', () => {
      // A WebSocket paused for backpressure would not read the pod's close frame: resume it first.
      ws.resume();
      writer.flush();
      if (ws.readyState === ws.OPEN) ws.close();
      else if (ws.readyState === ws.CONNECTING) ws.terminate();
    });
    if (ws.readyState !== ws.OPEN) this.ended(ws.readyState === ws.CLOSED ? ABNORMAL : undefined);
    socket.resume();
  }

  /**
   * The protocol opens each channel with the port number (2 bytes, little endian) before any data, but a
   * real API server leaves both port messages out on some connections (../shared/real-cluster/README.md):
   * a first message is the port only when it is exactly that.
   */
  private receive(message: Buffer): void {
    const channel = message[0];
    const payload = message.subarray(1);
    if (channel === DATA || channel === ERROR) {
      const first = this.firstMessage[channel];
      this.firstMessage[channel] = false;
      if (first && payload.equals(this.portMessage)) return;
    }
    if (payload.length === 0) return;
    if (channel === ERROR) this.remoteError += payload.toString('utf8');
    else if (channel === DATA) this.toLocal(payload);
  }

  private toLocal(payload: Buffer): void {
    const socket = this.socket;
    if (!socket) {
      this.early.push(payload);
      return;
    }
    if (!socket.writable || socket.writableEnded) return;
    if (!socket.write(payload) && !this.ws.isPaused) {
      this.ws.pause();
      socket.once('drain', () => this.ws.resume());
    }
  }

  /**
   * The WebSocket closed: fail the local connection with the pod's error, or end it. Closed without a
   * close frame (1006), the stream was cut: the local connection is reset, not ended, so that the
   * Docker client does not take a cut stream (a build's output, an attach) for a complete one.
   */
  private ended(code?: number): void {
    const socket = this.socket;
    if (!socket || this.done) return;
    this.done = true;
    if (this.remoteError) {
      this.log.warning(`port-forward: ${this.remoteError.trim()}`);
      socket.destroy(new Error(this.remoteError.trim()));
    } else if (code === ABNORMAL && !socket.destroyed) {
      this.onCut();
      socket.resetAndDestroy();
    } else if (!socket.destroyed) {
      socket.end();
    }
  }
}
