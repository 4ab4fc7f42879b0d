import net from 'node:net';
import type { KubeConfig } from '@kubernetes/client-node';
import type WebSocket from 'ws';
import type { Logger } from '../util/log.js';
import { CHANNEL_V4, HIGH_WATER_MARK, frame, openChannelSocket } from './websocket.js';

const DATA = 0;
const ERROR = 1;

/**
 * A local TCP listener on 127.0.0.1 whose every connection is carried over its own port-forward
 * WebSocket to one port of a pod. Unlike the client library's helper it closes each side when the
 * other closes, never writes after the peer ended, turns failures into a failed connection rather than
 * an uncaught exception, and applies backpressure both ways.
 */
export class PortForwardTunnel {
  private readonly connections = new Set<{ socket: net.Socket; ws?: WebSocket }>();
  private closed = false;

  private constructor(private readonly server: net.Server) {}

  /** The local port, on 127.0.0.1. */
  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  static async open(
    kc: KubeConfig,
    target: { namespace: string; pod: string; port: number },
    log: Logger,
  ): Promise<PortForwardTunnel> {
    const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/portforward?ports=${target.port}`;
    const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true });
    const tunnel = new PortForwardTunnel(server);
    const connect = () => openChannelSocket(kc, path, [CHANNEL_V4], `port-forward to pod ${target.pod}`);
    const portMessage = Buffer.alloc(2);
    portMessage.writeUInt16LE(target.port);
    server.on('connection', (socket) => void tunnel.forward(socket, connect, portMessage, log));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return tunnel;
  }

  /** `DOCKER_HOST` for a Docker client that should reach the pod. */
  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  get activeConnections(): number {
    return this.connections.size;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const { socket, ws } of this.connections) {
      socket.destroy();
      ws?.terminate();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async forward(
    socket: net.Socket,
    connect: () => Promise<WebSocket>,
    portMessage: Buffer,
    log: Logger,
  ): Promise<void> {
    const connection: { socket: net.Socket; ws?: WebSocket } = { socket };
    this.connections.add(connection);
    socket.once('close', () => this.connections.delete(connection));
    socket.on('error', (error) => log.debug(`port-forward: local connection error: ${error.message}`));

    let ws: WebSocket;
    try {
      ws = await connect();
    } catch (error) {
      log.warning(`port-forward: ${(error as Error).message}`);
      socket.destroy();
      return;
    }
    if (socket.destroyed || this.closed) {
      ws.terminate();
      return;
    }
    connection.ws = ws;
    podToLocal(ws, socket, portMessage, log);

    socket.on('data', (chunk: Buffer) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(frame(DATA, chunk), (error) => {
        if (error) socket.destroy(error);
        else if (socket.isPaused() && ws.bufferedAmount < HIGH_WATER_MARK / 2) socket.resume();
      });
      if (ws.bufferedAmount > HIGH_WATER_MARK) socket.pause();
    });
    // v4 port-forward has no half-close: keep carrying the response until the pod's side closes.
    socket.on('close', () => {
      // A WebSocket paused for backpressure would not read the pod's close frame: resume it first.
      ws.resume();
      if (ws.readyState === ws.OPEN) ws.close();
      else if (ws.readyState === ws.CONNECTING) ws.terminate();
    });
    socket.resume();
  }
}

/**
 * Carries what the pod sends to the local connection, with backpressure, and ends or fails it when the
 * WebSocket closes. The protocol opens each channel with the port number (2 bytes, little endian) before
 * any data, but a real API server leaves both port messages out on some connections
 * (../shared/real-cluster/README.md): a first message is the port only when it is exactly that.
 */
function podToLocal(ws: WebSocket, socket: net.Socket, portMessage: Buffer, log: Logger): void {
  const firstMessage = [true, true];
  let remoteError = '';
  ws.on('message', (message: Buffer) => {
    const channel = message[0];
    const payload = message.subarray(1);
    if (channel === DATA || channel === ERROR) {
      const first = firstMessage[channel];
      firstMessage[channel] = false;
      if (first && payload.equals(portMessage)) return;
    }
    if (payload.length === 0) return;
    if (channel === ERROR) {
      remoteError += payload.toString('utf8');
    } else if (channel === DATA && socket.writable && !socket.writableEnded) {
      if (!socket.write(payload) && !ws.isPaused) {
        ws.pause();
        socket.once('drain', () => ws.resume());
      }
    }
  });
  ws.on('close', () => {
    if (remoteError) {
      log.warning(`port-forward: ${remoteError.trim()}`);
      socket.destroy(new Error(remoteError.trim()));
    } else if (!socket.destroyed) {
      socket.end();
    }
  });
  ws.on('error', (error) => {
    log.debug(`port-forward: WebSocket error: ${error.message}`);
    socket.destroy(error);
  });
}
