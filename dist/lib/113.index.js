export const id = 113;
export const ids = [113,95];
export const modules = {

/***/ 3113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ FIELD_MANAGER),
  W: () => (/* binding */ KubeApiError),
  KubeClient: () => (/* binding */ KubeClient)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 875 modules
var dist = __webpack_require__(7010);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/kube/config.ts
var config = __webpack_require__(2095);
// EXTERNAL MODULE: ./node_modules/ws/lib/stream.js
var stream = __webpack_require__(6412);
// EXTERNAL MODULE: ./node_modules/ws/lib/extension.js
var extension = __webpack_require__(1335);
// EXTERNAL MODULE: ./node_modules/ws/lib/permessage-deflate.js
var permessage_deflate = __webpack_require__(4376);
// EXTERNAL MODULE: ./node_modules/ws/lib/receiver.js
var receiver = __webpack_require__(893);
// EXTERNAL MODULE: ./node_modules/ws/lib/sender.js
var sender = __webpack_require__(7389);
// EXTERNAL MODULE: ./node_modules/ws/lib/subprotocol.js
var subprotocol = __webpack_require__(3332);
// EXTERNAL MODULE: ./node_modules/ws/lib/websocket.js
var websocket = __webpack_require__(6681);
// EXTERNAL MODULE: ./node_modules/ws/lib/websocket-server.js
var websocket_server = __webpack_require__(129);
;// CONCATENATED MODULE: ./node_modules/ws/wrapper.mjs











/* harmony default export */ const wrapper = (websocket);

;// CONCATENATED MODULE: ./src/kube/websocket.ts


/**
 * The channel protocol of exec and port-forward WebSockets: every binary message starts with one byte
 * naming the channel (stdin 0, stdout 1, stderr 2, status 3 for exec; data 0, error 1 for port-forward).
 * v5 adds a close message (channel 255) so the client can end stdin.
 */
const CHANNEL_V5 = 'v5.channel.k8s.io';
const CHANNEL_V4 = 'v4.channel.k8s.io';
const CLOSE_CHANNEL = 255;
/** Above this many bytes queued in a WebSocket, the producer is paused. */
const HIGH_WATER_MARK = 4 * 1024 * 1024;
/**
 * A WebSocket upgrade the API server refused, with its HTTP status. `final`: asking again cannot help
 * (401: the credentials; 403: RBAC, or a server that speaks none of the offered subprotocols), so
 * neither the tunnel nor its callers retry it. Others (500 "error dialing backend", the kubelet's 404
 * "pod does not exist" while it restarts) may pass.
 */
class UpgradeRefused extends errors/* UserError */.yo {
    code;
    name = 'UpgradeRefused';
    constructor(code, message) {
        super(message);
        this.code = code;
    }
    get final() {
        return this.code === 401 || this.code === 403;
    }
}
/**
 * Opens a WebSocket to an API-server path (exec, portforward) with the kubeconfig's credentials.
 * A refused upgrade becomes an UpgradeRefused carrying the server's status and message.
 */
async function openChannelSocket(kc, path, protocols, what) {
    const server = kc.getCurrentCluster()?.server;
    if (!server)
        throw new errors/* UserError */.yo('The kubeconfig names no cluster server.');
    const url = `${server.replace(/^http/, 'ws').replace(/\/$/, '')}${path}`;
    const options = {
        perMessageDeflate: false,
        maxPayload: 0,
        // Masking protects browsers' proxies (RFC 6455 §10.3); over TLS to the API server it only costs a
        // pass over every byte, and an all-zero mask lets ws skip it.
        generateMask: (mask) => void mask.fill(0),
    };
    await kc.applyToHTTPSOptions(options);
    return new Promise((resolve, reject) => {
        const ws = new wrapper(url, protocols, options);
        ws.binaryType = 'nodebuffer';
        // The first outcome wins: a refused upgrade also ends in an 'error' once its response is read.
        let settled = false;
        const fail = (error) => {
            if (!settled)
                reject(error);
            settled = true;
        };
        ws.once('open', () => {
            settled = true;
            resolve(ws);
        });
        ws.once('unexpected-response', (request, response) => {
            let body = '';
            response.on('data', (chunk) => (body += chunk.toString('utf8')));
            response.on('end', () => {
                const code = response.statusCode ?? 0;
                fail(new UpgradeRefused(code, refusal(what, code, body, { path, protocols })));
                request.destroy();
            });
        });
        ws.on('error', (error) => fail(new errors/* UserError */.yo(`Cannot ${what}: ${error.message}`)));
    });
}
/**
 * Why an upgrade was refused, in the server's words. RBAC is named only when the server says Forbidden:
 * a server that speaks none of the offered subprotocols answers a bare 403 with no body
 * (../shared/real-cluster/exec-negotiation.jsonl), which no Role would fix.
 */
function refusal(what, code, body, request) {
    let status = {};
    try {
        status = JSON.parse(body);
    }
    catch {
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
function forbiddenUpgradeHint(message, path) {
    const named = /cannot ([a-z]+) resource "([^"]+)"/.exec(message);
    const subresource = named?.[2] ?? `pods/${/\/pods\/[^/]+\/([a-z]+)/.exec(path)?.[1] ?? 'exec'}`;
    const verb = named?.[1] ?? 'create';
    const why = named
        ? 'a WebSocket upgrade is an HTTP GET, which every API server authorizes as "get"; Kubernetes 1.35 and later also as "create"'
        : 'Kubernetes 1.35 and later authorize a WebSocket upgrade as "create" as well as "get"';
    return `The kubeconfig's identity needs "${verb}" on ${subresource} in the namespace (${why}; deploy/rbac.yaml grants both).`;
}
/** A channel message: the channel byte, then the payload. */
function websocket_frame(channel, payload) {
    const message = Buffer.allocUnsafe(payload.length + 1);
    message[0] = channel;
    payload.copy(message, 1);
    return message;
}
/** What a socket reads at a time: libuv reads into 64 KiB buffers. */
const READ_SIZE = 64 * 1024;
/**
 * Channel messages for a data path, in buffers used again once written. A message is the payload with
 * the channel byte before it, so every chunk is copied once (sending the byte as a frame of its own would
 * split the message, which the kubelet's WebSocket server reads frame by frame). Copying into a warm
 * buffer instead of a fresh 64 KiB allocation per chunk, and the garbage that makes, took about a fifth
 * off the tunnel's CPU time per byte (`npm run bench`).
 */
class FrameBuffers {
    keep;
    free = [];
    /** Keeps up to `keep` free buffers: with HIGH_WATER_MARK, what one busy channel has in flight. */
    constructor(keep = HIGH_WATER_MARK / READ_SIZE) {
        this.keep = keep;
    }
    frame(channel, payload) {
        const size = payload.length + 1;
        const whole = size <= READ_SIZE + 1 ? (this.free.pop() ?? Buffer.allocUnsafeSlow(READ_SIZE + 1)) : undefined;
        const message = whole ? whole.subarray(0, size) : Buffer.allocUnsafe(size);
        message[0] = channel;
        payload.copy(message, 1);
        return message;
    }
    /** Gives back a message's buffer once the WebSocket has written it (its send callback ran). */
    release(message) {
        const reusable = message.byteOffset === 0 && message.buffer.byteLength === READ_SIZE + 1;
        if (reusable && this.free.length < this.keep)
            this.free.push(Buffer.from(message.buffer, 0, READ_SIZE + 1));
    }
}

;// CONCATENATED MODULE: ./src/kube/exec.ts


const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const STATUS = 3;
/**
 * Runs a command in a container through the exec WebSocket, streaming `stdin` with backpressure.
 * With the v5 protocol stdin is closed when the stream ends; older servers get no close, which is why
 * callers send input (a tar archive) whose end the command recognises by itself.
 */
async function execInPod(kc, target, command, options = {}) {
    const query = new URLSearchParams({ container: target.container, stdout: 'true', stderr: 'true' });
    if (options.stdin)
        query.set('stdin', 'true');
    for (const part of command)
        query.append('command', part);
    const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/exec?${query}`;
    const ws = await openChannelSocket(kc, path, [CHANNEL_V5, CHANNEL_V4], `exec in pod ${target.pod}`);
    const stdout = [];
    const stderr = [];
    let status;
    const what = `exec ${command[0]} in pod ${target.pod}`;
    return new Promise((resolve, reject) => {
        const abort = () => ws.terminate();
        options.signal?.addEventListener('abort', abort, { once: true });
        ws.on('message', (message) => {
            const payload = message.subarray(1);
            if (message[0] === STDOUT)
                stdout.push(Buffer.from(payload));
            else if (message[0] === STDERR)
                stderr.push(Buffer.from(payload));
            else if (message[0] === STATUS)
                status = JSON.parse(payload.toString('utf8'));
        });
        ws.on('error', (error) => reject(new errors/* UserError */.yo(`${what} failed: ${error.message}`)));
        ws.on('close', () => {
            options.signal?.removeEventListener('abort', abort);
            options.stdin?.destroy();
            if (options.signal?.aborted)
                return reject(options.signal.reason);
            try {
                resolve({
                    exitCode: exitCodeOf(status, what),
                    stdout: Buffer.concat(stdout),
                    stderr: Buffer.concat(stderr),
                });
            }
            catch (error) {
                reject(error);
            }
        });
        if (options.stdin)
            streamStdin(ws, options.stdin, reject);
    });
}
/** The command's exit code from its Status; a missing or failed Status is an error of its own. */
function exitCodeOf(status, what) {
    if (!status)
        throw new errors/* UserError */.yo(`${what} ended without a status: the connection was cut.`);
    if (status.status === 'Success')
        return 0;
    const code = status.details?.causes?.find((c) => c.reason === 'ExitCode')?.message;
    if (status.reason === 'NonZeroExitCode' && code !== undefined)
        return Number(code);
    throw new errors/* UserError */.yo(`${what} failed: ${status.message ?? JSON.stringify(status)}`);
}
/**
 * Streams stdin on channel 0 with backpressure. With the v5 protocol stdin is closed when the stream
 * ends; older servers get no close.
 */
function streamStdin(ws, stdin, reject) {
    stdin.on('data', (chunk) => {
        if (ws.readyState !== ws.OPEN)
            return;
        ws.send(websocket_frame(STDIN, chunk), () => {
            if (stdin.isPaused() && ws.bufferedAmount < HIGH_WATER_MARK / 2)
                stdin.resume();
        });
        if (ws.bufferedAmount > HIGH_WATER_MARK)
            stdin.pause();
    });
    stdin.on('end', () => {
        if (ws.readyState === ws.OPEN && ws.protocol === CHANNEL_V5)
            ws.send(Buffer.from([CLOSE_CHANNEL, STDIN]));
    });
    stdin.on('error', (error) => {
        ws.terminate();
        reject(error);
    });
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./src/kube/channel-pool.ts
/**
 * An `up` of examples/hello makes 9 connections, in bursts of a few within milliseconds: with 4 channels
 * ready every one of them started on a pooled channel (`npm run bench` prints both figures).
 */
const DEFAULT_POOL = { size: 4, maxIdleMs: 60_000, backoffMs: 250, maxBackoffMs: 5_000 };
/**
 * Keeps up to `size` channels open ahead of demand, so that a new connection starts on an already
 * upgraded WebSocket instead of waiting for an upgrade through the API server and the kubelet. It never
 * hands out a channel that has closed or gone stale; it refills as channels are taken, pauses (with
 * backoff) while channels cannot be opened or do not stay open (the pod's port is not listening yet), and
 * closes every channel it holds, and every one still opening, on close.
 */
class ChannelPool {
    open;
    options;
    log;
    idle = [];
    opening = new Set();
    backoffMs;
    /** After a failure the pool probes with one channel, and fills up only once one works again. */
    failing = false;
    retryTimer;
    sweeper;
    closed = false;
    /** An error no retry can mend (one whose `final` is true: a refused upgrade); the pool opens no more. */
    refused;
    constructor(open, options, log) {
        this.open = open;
        this.options = options;
        this.log = log;
        this.backoffMs = options.backoffMs;
        this.sweeper = setInterval(() => this.sweep(), Math.max(options.maxIdleMs / 2, 100));
        this.sweeper.unref();
    }
    get idleCount() {
        return this.idle.length;
    }
    /** A usable pooled channel, or undefined when there is none; the pool refills behind it. */
    take() {
        let channel;
        while ((channel = this.idle.shift()) && !this.fresh(channel))
            channel.terminate();
        if (channel)
            this.backoffMs = this.options.backoffMs; // channels work again
        this.fill();
        return channel;
    }
    /** Why channels cannot be opened at all (a 403 on the upgrade), once one was refused so. */
    get refusal() {
        return this.refused;
    }
    /** A channel opened for the caller now, when the pool had none. */
    openNow() {
        if (this.refused)
            return Promise.reject(this.refused);
        return this.open().catch((error) => {
            this.noteFinal(error);
            throw error;
        });
    }
    /** Opens channels until `size` are idle or opening (one while failing); waits out the backoff first. */
    fill() {
        if (this.closed || this.retryTimer || this.refused)
            return;
        const target = this.failing ? Math.min(1, this.options.size) : this.options.size;
        while (this.idle.length + this.opening.size < target) {
            const opening = this.open().then((channel) => {
                this.opening.delete(opening);
                this.add(channel);
                return channel;
            }, (error) => {
                this.opening.delete(opening);
                if (!this.noteFinal(error))
                    this.failed(`opening a channel failed: ${error.message}`);
                return undefined;
            });
            this.opening.add(opening);
        }
    }
    /** Closes every idle channel and every one still opening; the pool opens no more. */
    async close() {
        this.closed = true;
        clearInterval(this.sweeper);
        clearTimeout(this.retryTimer);
        for (const channel of this.idle.splice(0))
            channel.terminate();
        // Those still opening are terminated by add() as they open (or fail on their own).
        await Promise.all(this.opening);
    }
    add(channel) {
        if (this.closed || !channel.usable) {
            channel.terminate();
            if (!this.closed)
                this.failed('a new channel was closed at once');
            return;
        }
        this.idle.push(channel);
        if (this.failing) {
            this.failing = false;
            this.fill();
        }
        channel.onClose(() => {
            const index = this.idle.indexOf(channel);
            if (index < 0)
                return; // taken, or swept
            this.idle.splice(index, 1);
            this.failed('an idle channel was closed by the server');
        });
    }
    /** Keeps an error marked `final`, and says whether it was one. */
    noteFinal(error) {
        if (error?.final !== true)
            return false;
        this.refused ??= error;
        return true;
    }
    fresh(channel) {
        return channel.usable && Date.now() - channel.openedAt < this.options.maxIdleMs;
    }
    /** Replaces idle channels that closed or went stale. */
    sweep() {
        for (const channel of [...this.idle]) {
            if (this.fresh(channel))
                continue;
            this.idle.splice(this.idle.indexOf(channel), 1);
            channel.terminate();
        }
        this.fill();
    }
    failed(why) {
        this.failing = true;
        // Channels opened together fail together: one pause for all of them.
        if (this.closed || this.retryTimer)
            return;
        this.log.debug(`port-forward pool: ${why}; trying again in ${this.backoffMs} ms`);
        this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.fill();
        }, this.backoffMs);
        this.retryTimer.unref();
        this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs);
    }
}

;// CONCATENATED MODULE: ./src/kube/port-forward.ts



const DATA = 0;
const ERROR = 1;
/**
 * A local TCP listener on 127.0.0.1 whose every connection is carried over its own port-forward
 * WebSocket (a channel) to one port of a pod. Each channel costs a WebSocket upgrade through the API
 * server and the kubelet, and compose and buildx open many short connections, so a few channels are
 * kept open ahead of demand (see ChannelPool). Unlike the client library's helper it closes each side
 * when the other closes, never writes after the peer ended, turns failures into a failed connection
 * rather than an uncaught exception, and applies backpressure both ways.
 */
class PortForwardTunnel {
    server;
    pool;
    stats;
    log;
    bound = new Set();
    closed = false;
    constructor(server, pool, stats, log) {
        this.server = server;
        this.pool = pool;
        this.stats = stats;
        this.log = log;
    }
    /** The local port, on 127.0.0.1. */
    get port() {
        return this.server.address().port;
    }
    static async open(kc, target, log, options = {}) {
        const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods/${encodeURIComponent(target.pod)}/portforward?ports=${target.port}`;
        const portMessage = Buffer.alloc(2);
        portMessage.writeUInt16LE(target.port);
        const stats = { connections: 0, upgrades: 0, fromPool: 0 };
        const frames = new FrameBuffers();
        const openChannel = async () => {
            stats.upgrades++;
            const ws = await openChannelSocket(kc, path, [CHANNEL_V4], `port-forward to pod ${target.pod}`);
            return new Channel(ws, portMessage, frames, log);
        };
        // noDelay: Docker's API is many small requests and answers; Nagle's algorithm would hold them back.
        const server = external_node_net_default().createServer({ allowHalfOpen: true, pauseOnConnect: true, noDelay: true });
        const pool = new ChannelPool(openChannel, { ...DEFAULT_POOL, ...options }, log);
        const tunnel = new PortForwardTunnel(server, pool, stats, log);
        server.on('connection', (socket) => void tunnel.forward(socket));
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(0, '127.0.0.1', () => resolve());
        });
        pool.fill();
        return tunnel;
    }
    /** `DOCKER_HOST` for a Docker client that should reach the pod. */
    get url() {
        return `tcp://127.0.0.1:${this.port}`;
    }
    get activeConnections() {
        return this.bound.size;
    }
    /** Why no channel can be opened (the API server refused the upgrade for good, e.g. RBAC's 403). */
    get refusal() {
        return this.pool.refusal;
    }
    /** Channels open ahead of demand right now. */
    get pooledChannels() {
        return this.pool.idleCount;
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        for (const { socket, channel } of this.bound) {
            socket.destroy();
            channel?.terminate();
        }
        await this.pool.close();
        await new Promise((resolve) => this.server.close(() => resolve()));
        const { connections, upgrades, fromPool } = this.stats;
        this.log.debug(`port-forward: ${connections} connections, ${fromPool} of them on a channel opened ahead; ${upgrades} WebSocket upgrades`);
    }
    async forward(socket) {
        const entry = { socket };
        this.bound.add(entry);
        this.stats.connections++;
        socket.once('close', () => this.bound.delete(entry));
        socket.on('error', (error) => this.log.debug(`port-forward: local connection error: ${error.message}`));
        let channel = this.pool.take();
        if (channel) {
            this.stats.fromPool++;
        }
        else {
            try {
                channel = await this.pool.openNow();
            }
            catch (error) {
                this.log.warning(`port-forward: ${error.message}`);
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
    ws;
    portMessage;
    frames;
    log;
    openedAt = Date.now();
    socket;
    /** Data the pod sent before a local connection was bound (a server speaking first). */
    early = [];
    remoteError = '';
    firstMessage = [true, true];
    done = false;
    constructor(ws, portMessage, frames, log) {
        this.ws = ws;
        this.portMessage = portMessage;
        this.frames = frames;
        this.log = log;
        ws.on('message', (message) => this.receive(message));
        ws.on('close', () => this.ended());
        ws.on('error', (error) => {
            log.debug(`port-forward: WebSocket error: ${error.message}`);
            this.socket?.destroy(error);
        });
    }
    /** Open, and no error from the pod's side: a local connection may be bound to it. */
    get usable() {
        return this.ws.readyState === this.ws.OPEN && !this.remoteError;
    }
    /** Calls `listener` once when the WebSocket closes. */
    onClose(listener) {
        if (this.ws.readyState === this.ws.CLOSED)
            listener();
        else
            this.ws.once('close', listener);
    }
    terminate() {
        this.ws.terminate();
    }
    /** Carries `socket` over this channel, both ways, with backpressure; ends each side with the other. */
    bind(socket) {
        const ws = this.ws;
        this.socket = socket;
        for (const data of this.early.splice(0))
            this.toLocal(data);
        socket.on('data', (chunk) => {
            if (ws.readyState !== ws.OPEN)
                return;
            const message = this.frames.frame(DATA, chunk);
            ws.send(message, (error) => {
                this.frames.release(message);
                if (error)
                    socket.destroy(error);
                else if (socket.isPaused() && ws.bufferedAmount < HIGH_WATER_MARK / 2)
                    socket.resume();
            });
            if (ws.bufferedAmount > HIGH_WATER_MARK)
                socket.pause();
        });
        // v4 port-forward has no half-close: keep carrying the response until the pod's side closes.
        socket.on('close', () => {
            // A WebSocket paused for backpressure would not read the pod's close frame: resume it first.
            ws.resume();
            if (ws.readyState === ws.OPEN)
                ws.close();
            else if (ws.readyState === ws.CONNECTING)
                ws.terminate();
        });
        if (ws.readyState !== ws.OPEN)
            this.ended();
        socket.resume();
    }
    /**
     * The protocol opens each channel with the port number (2 bytes, little endian) before any data, but a
     * real API server leaves both port messages out on some connections (../shared/real-cluster/README.md):
     * a first message is the port only when it is exactly that.
     */
    receive(message) {
        const channel = message[0];
        const payload = message.subarray(1);
        if (channel === DATA || channel === ERROR) {
            const first = this.firstMessage[channel];
            this.firstMessage[channel] = false;
            if (first && payload.equals(this.portMessage))
                return;
        }
        if (payload.length === 0)
            return;
        if (channel === ERROR)
            this.remoteError += payload.toString('utf8');
        else if (channel === DATA)
            this.toLocal(payload);
    }
    toLocal(payload) {
        const socket = this.socket;
        if (!socket) {
            this.early.push(payload);
            return;
        }
        if (!socket.writable || socket.writableEnded)
            return;
        if (!socket.write(payload) && !this.ws.isPaused) {
            this.ws.pause();
            socket.once('drain', () => this.ws.resume());
        }
    }
    /** The WebSocket closed: fail the local connection with the pod's error, or end it. */
    ended() {
        const socket = this.socket;
        if (!socket || this.done)
            return;
        this.done = true;
        if (this.remoteError) {
            this.log.warning(`port-forward: ${this.remoteError.trim()}`);
            socket.destroy(new Error(this.remoteError.trim()));
        }
        else if (!socket.destroyed) {
            socket.end();
        }
    }
}

// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
;// CONCATENATED MODULE: ./src/kube/retry.ts


const DEFAULT_RETRY = {
    attempts: 6,
    baseMs: 250,
    capMs: 8000,
    maxRetryAfterMs: 30_000,
    random: Math.random,
};
/** Connection failures worth another try; a refused connection or unknown host is a configuration error. */
const TRANSIENT_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);
/**
 * How long to wait before trying a failed call again, or undefined when it should not be retried:
 * throttling (429, honouring Retry-After), server errors and dropped connections are transient; 4xx
 * answers (403, 404, 409, 422…) are not.
 */
function retryDelay(error, attempt, policy) {
    if (attempt + 1 >= policy.attempts)
        return undefined;
    const backoff = () => policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
    if (error instanceof dist/* ApiException */.UJ4) {
        if (!TRANSIENT_STATUS.has(error.code))
            return undefined;
        const after = retryAfterMs(error.headers?.['retry-after']);
        return after !== undefined ? Math.min(after, policy.maxRetryAfterMs) : backoff();
    }
    const code = error.cause?.code;
    return code && TRANSIENT_NETWORK.has(code) ? backoff() : undefined;
}
function retryAfterMs(header) {
    if (!header)
        return undefined;
    if (/^\d+$/.test(header.trim()))
        return Number(header) * 1000;
    const at = Date.parse(header);
    return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
/** Runs an idempotent call, trying again on transient failures, until `signal` (if any) aborts. */
async function withRetry(fn, policy, onRetry, signal) {
    for (let attempt = 0;; attempt++) {
        try {
            return await fn();
        }
        catch (error) {
            const delay = retryDelay(error, attempt, policy);
            if (delay === undefined)
                throw error;
            onRetry(error, delay, attempt + 1);
            await (0,sleep/* sleep */.y)(delay, signal);
        }
    }
}

// EXTERNAL MODULE: ./src/model/objects.ts
var objects = __webpack_require__(8045);
;// CONCATENATED MODULE: ./src/kube/client.ts








/** An API call that failed: the API server's own message, what we were doing, and what to do about it. */
class KubeApiError extends errors/* UserError */.yo {
    code;
    status;
    name = 'KubeApiError';
    constructor(code, message, 
    /** The Status the server answered with, when it sent one. */
    status = {}) {
        super(message);
        this.code = code;
        this.status = status;
    }
    /** The other field managers a server-side apply conflicted with (409 Conflict), from its causes. */
    get conflictingManagers() {
        if (this.code !== 409 || this.status.reason !== 'Conflict')
            return [];
        const names = (this.status.details?.causes ?? []).map((c) => /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1]);
        return [...new Set(names.filter((n) => n !== undefined))];
    }
    /**
     * A 403 of RBAC ("User … cannot create resource …"), not of admission (Pod Security, a quota, a
     * webhook refusing the object itself): the two have different fixes.
     */
    get rbacDenied() {
        return this.code === 403 && isRbacDenial(this.status.message ?? this.message);
    }
    /** The namespace itself does not exist (404 naming `namespaces`), not merely the object. */
    get namespaceMissing() {
        return this.code === 404 && this.status.details?.kind === 'namespaces';
    }
}
/** Exposes discovery, which the client library keeps protected, so we can learn a kind's plural and scope. */
class ObjectApi extends dist/* KubernetesObjectApi */.e1Y {
    async discover(apiVersion, kind) {
        try {
            return await this.resource(apiVersion, kind);
        }
        catch (error) {
            // A group/version the cluster does not serve (a CRD not installed) answers discovery with 404.
            if (error instanceof dist/* ApiException */.UJ4 && error.code === 404)
                return undefined;
            throw error;
        }
    }
}
const FIELD_MANAGER = 'kube-pod-preview';
const dryRun = (options) => (options.dryRun ? 'All' : undefined);
/**
 * The thin adapter over @kubernetes/client-node that the rest of kube-pod-preview talks to, bound to
 * one namespace. It returns plain data and turns the library's exceptions into KubeApiErrors that say
 * what was being done.
 */
class KubeClient {
    kc;
    namespace;
    options;
    objects;
    server;
    constructor(kc, namespace, options = {}) {
        this.kc = kc;
        this.namespace = namespace;
        this.options = options;
        this.objects = kc.makeApiClient(ObjectApi);
        this.server = kc.getCurrentCluster()?.server ?? '(no server)';
    }
    /** A client for the credentials of `source` (see loadKubeConfig), bound to `namespace`. */
    static connect(source, context, namespace, options) {
        return new KubeClient((0,config/* loadKubeConfig */.u)(source, context, options.log, options.env), namespace, options);
    }
    /**
     * The same client without the run's signal, for what a cancelled run still owes the cluster: releasing
     * its lease, so that the next run need not wait for it to expire.
     */
    detached() {
        const { signal: _, ...options } = this.options;
        return new KubeClient(this.kc, this.namespace, options);
    }
    /** Runs a command in a container of a pod of the namespace (the exec subresource). */
    exec(target, command, options = {}) {
        return execInPod(this.kc, { namespace: this.namespace, ...target }, command, {
            ...options,
            ...(this.options.signal ? { signal: this.options.signal } : {}),
        });
    }
    /** A local port whose connections reach `port` of a pod of the namespace (the portforward subresource). */
    portForward(pod, port, log, pool = {}) {
        return PortForwardTunnel.open(this.kc, { namespace: this.namespace, pod, port }, log, pool);
    }
    /** The kind's REST resource, or undefined when the cluster does not serve it. */
    async resource(apiVersion, kind) {
        return this.call(`discover ${apiVersion} ${kind}`, () => this.objects.discover(apiVersion, kind));
    }
    async read(ref) {
        return ifNotFound(this.call(`read ${(0,objects/* describeRef */.Ro)(ref)}`, () => this.objects.read(this.header(ref))), undefined);
    }
    async list(apiVersion, kind, selectors = {}) {
        const list = await this.call(`list ${kind} in namespace ${this.namespace}`, () => this.objects.list(apiVersion, kind, this.namespace, undefined, undefined, undefined, selectors.fieldSelector, selectors.labelSelector));
        return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
    }
    /** Creates the object; with `dryRun`, the API server admits and validates it, and stores nothing. */
    async create(object, options = {}) {
        const addressed = this.inNamespace(object);
        return this.call(`${options.dryRun ? 'dry-run ' : ''}create ${(0,objects/* describeRef */.Ro)((0,objects/* refOf */.H8)(object))}`, () => this.objects.create(addressed, undefined, dryRun(options), FIELD_MANAGER));
    }
    /** PUT of a whole object; its resourceVersion makes it fail with 409 if the object changed meanwhile. */
    async replace(object) {
        const addressed = this.inNamespace(object);
        return this.call(`update ${(0,objects/* describeRef */.Ro)((0,objects/* refOf */.H8)(object))}`, () => this.objects.replace(addressed, undefined, undefined, FIELD_MANAGER));
    }
    /**
     * Server-side apply as `manager`. Without `force`, a field another manager set to another value is
     * a 409 Conflict naming that manager (see conflictingManagers); with it, the field is taken over.
     */
    async serverSideApply(object, options = { manager: FIELD_MANAGER, force: true }) {
        const addressed = this.inNamespace(object);
        return this.call(`${options.dryRun ? 'dry-run ' : ''}apply ${(0,objects/* describeRef */.Ro)((0,objects/* refOf */.H8)(object))}`, () => this.objects.patch(addressed, undefined, dryRun(options), options.manager, options.force, dist/* PatchStrategy */.Qve.ServerSideApply));
    }
    /** A JSON merge patch (RFC 7386) with the whole object: works for built-in kinds and custom resources alike. */
    async mergePatch(object, options = {}) {
        const addressed = this.inNamespace(object);
        return this.call(`${options.dryRun ? 'dry-run ' : ''}patch ${(0,objects/* describeRef */.Ro)((0,objects/* refOf */.H8)(object))}`, () => this.objects.patch(addressed, undefined, dryRun(options), FIELD_MANAGER, undefined, dist/* PatchStrategy */.Qve.MergePatch));
    }
    /**
     * Deletes an object; false when it was already gone. `gracePeriodSeconds` shortens a pod's termination
     * (its spec's terminationGracePeriodSeconds "may be decreased in delete request").
     */
    async delete(ref, propagationPolicy, options = {}) {
        return ifNotFound(this.call(`delete ${(0,objects/* describeRef */.Ro)(ref)}`, () => this.objects
            .delete(this.header(ref), undefined, undefined, options.gracePeriodSeconds, undefined, propagationPolicy)
            .then(() => true)), false);
    }
    /** The API server's version (`GET /version`): the cheapest request that proves it answers. */
    async version() {
        const api = this.kc.makeApiClient(dist/* VersionApi */.Nq_);
        const info = await this.call('read the server version', () => api.getCode());
        return info.gitVersion;
    }
    /** The API server's address, from the kubeconfig. */
    get serverUrl() {
        return this.server;
    }
    /** SelfSubjectRulesReview: what the kubeconfig's identity may do in the namespace, in one request. */
    async rulesReview() {
        const api = this.kc.makeApiClient(dist/* AuthorizationV1Api */.NwU);
        const review = await this.call('review the rules of this identity', () => api.createSelfSubjectRulesReview({
            body: {
                apiVersion: 'authorization.k8s.io/v1',
                kind: 'SelfSubjectRulesReview',
                spec: { namespace: this.namespace },
            },
        }));
        // Rules are additive: what is listed is granted even when the list is incomplete, so `incomplete`
        // changes nothing for a caller that asks access reviews about the rest.
        return review.status?.resourceRules ?? [];
    }
    /** SelfSubjectAccessReview: whether the kubeconfig's identity may do `verb` on `resource` in the namespace. */
    async canI(attributes) {
        const api = this.kc.makeApiClient(dist/* AuthorizationV1Api */.NwU);
        const what = `${attributes.verb} ${attributes.resource}${attributes.subresource ? `/${attributes.subresource}` : ''}`;
        const review = await this.call(`review access (${what})`, () => api.createSelfSubjectAccessReview({
            body: {
                apiVersion: 'authorization.k8s.io/v1',
                kind: 'SelfSubjectAccessReview',
                spec: { resourceAttributes: { ...attributes, namespace: this.namespace } },
            },
        }));
        return review.status?.allowed === true;
    }
    /**
     * Watches a kind in the namespace from `resourceVersion` until the server ends the watch, `onEvent`
     * returns true, or `signal` aborts. Resolves with why it ended; `expired` means the resourceVersion is
     * too old (410 Gone) and the caller should list again.
     */
    async watch(apiVersion, kind, query, onEvent, signal) {
        const resource = await this.resource(apiVersion, kind);
        if (!resource)
            throw new errors/* UserError */.yo(`The cluster does not serve ${apiVersion} ${kind}.`);
        const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
        const path = `${base}/namespaces/${encodeURIComponent(this.namespace)}/${resource.name}`;
        return new Promise((resolve, reject) => {
            let outcome = 'closed';
            let controller;
            const stop = () => controller?.abort();
            signal.addEventListener('abort', stop, { once: true });
            new dist/* Watch */.ox1(this.kc)
                .watch(path, { ...query, allowWatchBookmarks: true }, (type, object) => {
                if (outcome !== 'closed')
                    return;
                if (type === 'ERROR') {
                    const status = object;
                    if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone')
                        outcome = 'expired';
                    else
                        outcome = 'closed';
                    stop();
                    return;
                }
                if (onEvent({ type: type, object: object })) {
                    outcome = 'done';
                    stop();
                }
            }, (error) => {
                signal.removeEventListener('abort', stop);
                const code = error?.statusCode;
                if (code === 410)
                    resolve('expired');
                // Throttled or a server error: the caller lists again after a pause, as after any close.
                else if (code === 429 || (code !== undefined && code >= 500))
                    resolve('closed');
                else if (error && outcome === 'closed' && !signal.aborted && code !== undefined) {
                    reject(new KubeApiError(code, `Watching ${kind} failed: HTTP ${code}.`));
                }
                else
                    resolve(outcome);
            })
                .then((c) => {
                controller = c;
                if (signal.aborted)
                    c.abort();
            }, reject);
        });
    }
    /**
     * The object as it is sent: in this client's namespace. The library builds the URL from
     * metadata.namespace and falls back to `default` without it, where a real API server creates the
     * object; an object that names another namespace is a bug, refused before any request.
     */
    inNamespace(object) {
        const named = object.metadata.namespace;
        if (named !== undefined && named !== this.namespace) {
            throw new Error(`${(0,objects/* describeRef */.Ro)((0,objects/* refOf */.H8)(object))} names namespace "${named}", but this client works in namespace "${this.namespace}"; refusing to send it.`);
        }
        return { ...object, metadata: { ...object.metadata, namespace: this.namespace } };
    }
    /** What the library needs to address one object of the namespace. */
    header(ref) {
        return {
            apiVersion: ref.apiVersion,
            kind: ref.kind,
            metadata: { name: ref.name, namespace: this.namespace },
        };
    }
    /**
     * Runs one API call, turning its failure into an error that names the call and what to do. Every
     * call kube-pod-preview makes is idempotent (reads, apply, whole-object patches, deletes, and creates
     * whose conflict falls back to a patch), so transient failures are retried.
     */
    async call(what, fn) {
        const { signal } = this.options;
        signal?.throwIfAborted();
        try {
            return await withRetry(fn, this.options.retry ?? DEFAULT_RETRY, (error, delay, attempt) => this.options.log?.info(`  ${what}: ${transientReason(error)}; trying again in ${(0,duration/* formatDuration */.a3)(delay)} (attempt ${attempt + 1})`), signal);
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
            throw this.explain(what, error);
        }
    }
    explain(what, error) {
        if (error instanceof dist/* ApiException */.UJ4) {
            const code = error.code;
            const status = parseStatus(error.body);
            const message = status.message ?? (typeof error.body === 'string' && error.body ? error.body : `HTTP ${code}`);
            return new KubeApiError(code, `Cannot ${what}: ${message}${hint(code, status, this.namespace)}`, status);
        }
        const cause = error.cause;
        if (error instanceof TypeError && cause) {
            return new errors/* UserError */.yo(`Cannot reach the Kubernetes API server at ${this.server} (${cause.code ?? cause.message}). Check the kubeconfig's cluster address and that the runner can reach it.`);
        }
        return error instanceof Error ? error : new Error(String(error));
    }
}
function hint(code, status, namespace) {
    switch (code) {
        case 401:
            return '. The cluster rejected the credentials: renew the token or certificate in the kubeconfig.';
        case 403:
            return forbiddenHint(status.message ?? '');
        case 404:
            return status.details?.kind === 'namespaces'
                ? `. Create the namespace (kubectl create namespace ${namespace}) or set input namespace to an existing one.`
                : '';
        case 422:
            return /updates to statefulset spec for fields other than/.test(status.message ?? '')
                ? '. A StatefulSet cannot change its volumeClaimTemplates (storage-size, storage-class) or selector in place: run `down` for this environment first, then `up`.'
                : '. The template produced an object the API server rejects: fix the template.';
        default:
            return '';
    }
}
/** RBAC's authorizer words every denial "User "…" cannot <verb> resource "…" in API group …". */
function isRbacDenial(message) {
    return / cannot [a-z]+ resource /.test(message);
}
/**
 * A 403 is RBAC's ("User … cannot create resource …") or admission's: Pod Security, a quota, a policy
 * webhook refusing the object itself. Each has its own fix.
 */
function forbiddenHint(message) {
    if (isRbacDenial(message))
        return ". The kubeconfig's identity lacks this permission: grant it with a Role in the namespace (see deploy/rbac.yaml).";
    if (/violates PodSecurity/.test(message))
        return ". The namespace's Pod Security level forbids the Docker server's pod: give previews a namespace of their own labelled pod-security.kubernetes.io/enforce=privileged, or use a template that runs unprivileged (template: sysbox).";
    return ". The cluster's admission refused it (a quota, a LimitRange, a policy or webhook): change the template or inputs to fit, or ask the cluster's operator.";
}
/** The library hands over the error body as text; the API server sends a Status object as JSON. */
function parseStatus(body) {
    if (typeof body === 'object' && body !== null)
        return body;
    if (typeof body !== 'string')
        return {};
    try {
        const parsed = JSON.parse(body);
        return typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch {
        return {};
    }
}
/** The call's result, or `fallback` when the API server answered 404 Not Found. */
async function ifNotFound(call, fallback) {
    try {
        return await call;
    }
    catch (error) {
        if (error instanceof KubeApiError && error.code === 404)
            return fallback;
        throw error;
    }
}
function transientReason(error) {
    if (error instanceof dist/* ApiException */.UJ4)
        return `HTTP ${error.code}`;
    return error.cause?.code ?? 'connection error';
}


/***/ }),

/***/ 2095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   credentialsAvailable: () => (/* binding */ credentialsAvailable),
/* harmony export */   u: () => (/* binding */ loadKubeConfig)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7010);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);






/**
 * Every credential a kubeconfig's users carry: tokens, passwords, client keys and certificates, an auth
 * provider's tokens and secret, and the values an exec plugin gets in its environment.
 */
function credentialsOf(kc, only) {
    const secrets = [];
    for (const user of only === undefined ? kc.users : only ? [only] : []) {
        secrets.push(user.token, user.password, user.keyData, user.certData);
        const provider = (user.authProvider?.config ?? {});
        secrets.push(provider['id-token'], provider['refresh-token'], provider['client-secret'], provider['access-token']);
        const exec = user.exec;
        for (const variable of exec?.env ?? [])
            secrets.push(variable.value);
    }
    return secrets.filter((s) => typeof s === 'string' && s.length > 0);
}
/**
 * Loads cluster credentials: the `kubeconfig` input's content, else a path from `x-preevy`, else
 * `$KUBECONFIG`, `~/.kube/config`, and finally the in-cluster service account. Every secret in it is
 * masked before anything can print it.
 */
function loadKubeConfig(source, context, log, env = process.env) {
    const kc = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_4__/* .KubeConfig */ .ypW();
    const origin = load(kc, source, env);
    for (const secret of credentialsOf(kc))
        log.mask(secret);
    if (context) {
        if (!kc.getContextObject(context)) {
            const known = kc.getContexts().map((c) => c.name);
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`Input context "${context}" is not in ${origin}; it has ${known.length ? known.map((n) => `"${n}"`).join(', ') : 'no contexts'}.`);
        }
        kc.setCurrentContext(context);
    }
    const cluster = currentCluster(kc, origin);
    // Without credentials (kubectl proxy) plain HTTP is harmless, but the client library takes it only with TLS checks off.
    const withCredentials = credentialsOf(kc, kc.getCurrentUser()).length > 0;
    if (/^http:\/\//i.test(cluster.server) && (withCredentials || !cluster.skipTLSVerify)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`The cluster server in ${origin} is ${cluster.server}: plain HTTP would send the credentials in clear (skipping TLS verification changes nothing there). Use the API server's https:// address.`);
    }
    if (cluster.skipTLSVerify && withCredentials) {
        log.warning(`${capitalize(origin)} sets insecure-skip-tls-verify for ${cluster.server}: anyone between this runner and the API server can read the credentials. Give the cluster's certificate-authority-data instead.`);
    }
    return kc;
}
/** The current context's cluster, or an error that says what the file lacks. */
function currentCluster(kc, origin) {
    if (kc.clusters.length === 0 || kc.getContexts().length === 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${capitalize(origin)} has no ${kc.clusters.length === 0 ? 'clusters' : 'contexts'}: is it a kubeconfig? Give a whole kubeconfig file (clusters, users, contexts and current-context), e.g. from a secret: kubeconfig: \${{ secrets.KUBECONFIG }}.`);
    }
    const context = kc.getCurrentContext();
    if (!context) {
        const known = kc.getContexts().map((c) => `"${c.name}"`);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${capitalize(origin)} has no current-context. Set input context to one of its contexts: ${known.join(', ')}.`);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${capitalize(origin)} names no cluster for context "${context}". Set input context to one of its contexts.`);
    }
    return cluster;
}
function load(kc, source, env) {
    const parse = (origin, fn) => {
        try {
            fn();
        }
        catch (error) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${capitalize(origin)} is not a valid kubeconfig: ${error.message.split('\n')[0]}. Give the whole file, e.g. from a secret: kubeconfig: \${{ secrets.KUBECONFIG }}.`);
        }
        return origin;
    };
    switch (source.kind) {
        case 'content':
            return parse('the kubeconfig input', () => kc.loadFromString(source.content));
        case 'file': {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(source.path))
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`The ${source.from} file ${source.path} does not exist.`);
            const origin = `the kubeconfig file ${source.path} (${source.from})`;
            // Before loading: the client library reads a token-file while it loads.
            refuseRunnerAccess((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(source.path, 'utf8'), origin);
            return parse(origin, () => kc.loadFromFile(source.path));
        }
        case 'default': {
            const fromEnv = env.KUBECONFIG?.split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)).filter(Boolean);
            if (fromEnv?.length) {
                const present = fromEnv.filter((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f));
                if (present.length === 0)
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`KUBECONFIG names ${fromEnv.join(', ')}; none of them exists.`);
                // Like kubectl: the first file gives the current context, the others add to it.
                return parse(`the kubeconfig from KUBECONFIG (${fromEnv.join((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter))})`, () => {
                    kc.loadFromFile(present[0]);
                    for (const file of present.slice(1)) {
                        const other = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_4__/* .KubeConfig */ .ypW();
                        other.loadFromFile(file);
                        mergeFirstWins(kc, other);
                    }
                });
            }
            const home = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(env.HOME ?? node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.kube', 'config');
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(home))
                return parse(`the kubeconfig file ${home}`, () => kc.loadFromFile(home));
            if (env.KUBERNETES_SERVICE_HOST && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)('/var/run/secrets/kubernetes.io/serviceaccount/token')) {
                kc.loadFromCluster();
                return 'the in-cluster service account';
            }
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo('No cluster credentials: set input kubeconfig to the content of a kubeconfig file (from a secret), or provide $KUBECONFIG or ~/.kube/config.');
        }
    }
}
/**
 * kubectl's merge of KUBECONFIG's files: the first file to set the current context, or to define a
 * cluster, user or context of a name, wins. The client library's own merge lets the last file's current
 * context win and refuses a name two files define.
 */
function mergeFirstWins(kc, other) {
    if (!kc.currentContext && other.currentContext)
        kc.setCurrentContext(other.currentContext);
    const missing = (mine, theirs) => theirs.filter((t) => !mine.some((m) => m.name === t.name));
    for (const cluster of missing(kc.clusters, other.clusters))
        kc.addCluster(cluster);
    for (const user of missing(kc.users, other.users))
        kc.addUser(user);
    for (const context of missing(kc.contexts, other.contexts))
        kc.addContext(context);
}
/**
 * A kubeconfig from a path in the repository may not make the runner run a command or read its files
 * (and send them to a server the file names): no exec plugin, token file or auth provider command.
 */
function refuseRunnerAccess(text, origin) {
    let parsed;
    try {
        parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(text);
    }
    catch {
        return; // loading says what is wrong with it
    }
    const users = (parsed?.users ?? []);
    for (const { name, user } of Array.isArray(users) ? users : []) {
        const provider = user?.['auth-provider'];
        const what = user?.exec
            ? 'an exec plugin'
            : user?.['token-file'] || user?.tokenFile
                ? 'a token file'
                : provider?.config?.['cmd-path']
                    ? "an auth provider's command"
                    : undefined;
        if (what) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${capitalize(origin)} gives user ${name ?? '?'} ${what}, which runs or reads something on the runner. Such a kubeconfig is taken only from input kubeconfig or $KUBECONFIG, not from a path in the repository.`);
        }
    }
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
/**
 * Whether any cluster credentials are within reach, without loading them: false on a pull request from
 * a fork, where the workflow gets no secrets and the runner has no kubeconfig of its own.
 */
function credentialsAvailable(source, env = process.env) {
    if (source.kind !== 'default')
        return true;
    if (env.KUBECONFIG?.split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)).some((f) => f && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f)))
        return true;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(env.HOME ?? node_os__WEBPACK_IMPORTED_MODULE_2___default().homedir(), '.kube', 'config')))
        return true;
    return Boolean(env.KUBERNETES_SERVICE_HOST && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)('/var/run/secrets/kubernetes.io/serviceaccount/token'));
}


/***/ }),

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/**
 * Resolves after `ms`; rejects with the signal's reason as soon as `signal` aborts (at once when it
 * already has), so that a loop that sleeps ends with its run's cancellation instead of spinning.
 */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const abort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', abort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', abort, { once: true });
    });
}


/***/ })

};
