import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { KubeConfig } from '@kubernetes/client-node';
import WebSocket from 'ws';
import { UserError } from '../util/errors.js';

/**
 * The channel protocol of exec and port-forward WebSockets: every binary message starts with one byte
 * naming the channel (stdin 0, stdout 1, stderr 2, status 3 for exec; data 0, error 1 for port-forward).
 * v5 adds a close message (channel 255) so the client can end stdin.
 */
export const CHANNEL_V5 = 'v5.channel.k8s.io';
export const CHANNEL_V4 = 'v4.channel.k8s.io';
export const CLOSE_CHANNEL = 255;

/** Above this many bytes queued in a WebSocket, the producer is paused. */
export const HIGH_WATER_MARK = 4 * 1024 * 1024;

/**
 * An upgrade the server answered with an HTTP status instead of 101: the answer, for classify().
 * `final`: asking again cannot help (401: the credentials; 403: RBAC, or a server that speaks none of
 * the offered subprotocols), so neither the tunnel nor its callers retry it. Others (500 "error dialing
 * backend", the kubelet's 404 "pod does not exist" while it restarts) may pass.
 */
export class UpgradeError extends UserError {
  override name = 'UpgradeError';
  constructor(
    message: string,
    readonly answer: { code: number; body: string; contentType?: string },
  ) {
    super(message);
  }

  get code(): number {
    return this.answer.code;
  }

  get final(): boolean {
    return this.code === 401 || this.code === 403;
  }
}

/**
 * Opens one channel WebSocket to an API-server path. With `patience`, transient failures are ridden out
 * until it aborts (a local connection or a command waits for the channel); without, one try (a pool,
 * which backs off by itself).
 */
export type Dial = (
  path: string,
  protocols: string[],
  what: string,
  patience?: AbortSignal,
) => Promise<WebSocket>;

/** How long an upgrade may take: a restarting API server holds requests for seconds, never minutes. */
const HANDSHAKE_TIMEOUT_MS = 30_000;

/**
 * Opens a WebSocket to an API-server path (exec, portforward) with the kubeconfig's credentials.
 * A refused upgrade becomes an UpgradeError carrying the server's answer and message.
 */
export async function openChannelSocket(
  kc: KubeConfig,
  path: string,
  protocols: string[],
  what: string,
): Promise<WebSocket> {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new UserError('The kubeconfig names no cluster server.');
  const url = `${server.replace(/^http/, 'ws').replace(/\/$/, '')}${path}`;
  const options: WebSocket.ClientOptions = {
    perMessageDeflate: false,
    maxPayload: 0,
    // The mask keeps a browser's scripts from poisoning proxies' caches (RFC 6455 §10.3); no browser
    // writes here, over TLS or plain http. All zeros let ws skip that pass over every byte (1.7× the CPU).
    generateMask: (mask: Buffer) => void mask.fill(0),
    handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
  };
  await kc.applyToHTTPSOptions(options);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, options);
    ws.binaryType = 'nodebuffer';
    ws.once('upgrade', (response: IncomingMessage) => upgraded.set(ws, response.socket));
    // The first outcome wins: a refused upgrade also ends in an 'error' once its response is read.
    let settled = false;
    const fail = (error: Error) => {
      if (!settled) reject(error);
      settled = true;
    };
    ws.once('open', () => {
      settled = true;
      resolve(ws);
    });
    ws.once('unexpected-response', (request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => {
        const code = response.statusCode ?? 0;
        const answer = { code, body, contentType: response.headers['content-type'] };
        fail(new UpgradeError(refusal(what, code, body, { path, protocols }), answer));
        request.destroy();
      });
      response.on('error', (error) =>
        fail(new UserError(`Cannot ${what}: ${error.message}`, { cause: error })),
      );
    });
    // The network error (ECONNREFUSED…) is kept as the cause: it says whether to try again. ws words a
    // handshake that took too long without a code.
    ws.on('error', (error: Error & { code?: string }) => {
      const cause = /handshake has timed out/.test(error.message)
        ? Object.assign(error, { code: 'ETIMEDOUT' })
        : error;
      fail(new UserError(`Cannot ${what}: ${error.message}`, { cause }));
    });
  });
}

/** The connection each WebSocket opened here runs on, for ChannelWriter's frames. */
const upgraded = new WeakMap<WebSocket, Duplex>();

/** The connection under a WebSocket openChannelSocket opened; undefined for one opened elsewhere. */
export function upgradedSocket(ws: WebSocket): Duplex | undefined {
  return upgraded.get(ws);
}

/**
 * Why an upgrade was refused, in the server's words. RBAC is named only when the server says Forbidden:
 * a server that speaks none of the offered subprotocols answers a bare 403 with no body
 * (../shared/real-cluster/exec-negotiation.jsonl), which no Role would fix.
 */
function refusal(
  what: string,
  code: number,
  body: string,
  request: { path: string; protocols: string[] },
): string {
  let status: { message?: string; reason?: string } = {};
  try {
    status = JSON.parse(body) as typeof status;
  } catch {
    // not a Status object: the text is the message
  }
  if (code === 403 && status.reason === 'Forbidden') {
    // A refusal without the authorizer's reason ends in ": " (see forbiddenUpgradeHint).
    const said = (status.message ?? '').trim().replace(/:$/, '');
    return `Cannot ${what}: ${said}. ${forbiddenUpgradeHint(said, request.path)}`;
  }
  const protocols = request.protocols;
  const message = (status.message ?? body).trim();
  if (!message) {
    return `Cannot ${what}: the API server refused the WebSocket upgrade with HTTP ${code} and no reason. It may not speak the offered subprotocols (${protocols.join(', ')}), or a proxy between the runner and the cluster does not pass WebSocket upgrades.`;
  }
  return `Cannot ${what}: HTTP ${code} ${message}.`;
}

/**
 * The verb a Forbidden upgrade lacks. RBAC's filter names it: an upgrade is a GET, authorized as `get`
 * ("cannot get resource "pods/portforward"", ../shared/real-cluster/api/rbac-ws-create-*.json). From
 * Kubernetes 1.35 the pod registry also checks `create`, and its refusal names no verb
 * (`pods "x" is forbidden: ` and the authorizer's reason): get has passed by then, so create is missing.
 */
function forbiddenUpgradeHint(message: string, path: string): string {
  const named = /cannot ([a-z]+) resource "([^"]+)"/.exec(message);
  const subresource = named?.[2] ?? `pods/${/\/pods\/[^/]+\/([a-z]+)/.exec(path)?.[1] ?? 'exec'}`;
  const verb = named?.[1] ?? 'create';
  const why = named
    ? 'a WebSocket upgrade is an HTTP GET, which every API server authorizes as "get"; Kubernetes 1.35 and later also as "create"'
    : 'Kubernetes 1.35 and later authorize a WebSocket upgrade as "create" as well as "get"';
  return `The kubeconfig's identity needs "${verb}" on ${subresource} in the namespace (${why}; deploy/rbac.yaml grants both).`;
}

/** A channel message: the channel byte, then the payload. */
export function frame(channel: number, payload: Buffer): Buffer {
  const message = Buffer.allocUnsafe(payload.length + 1);
  message[0] = channel;
  payload.copy(message, 1);
  return message;
}
