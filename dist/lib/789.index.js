export const id = 789;
export const ids = [789];
export const modules = {

/***/ 8789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ FIELD_MANAGER),
  KubeClient: () => (/* binding */ KubeClient)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 875 modules
var dist = __webpack_require__(7010);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/kube/access-review.ts

/** SelfSubjectRulesReview: what the kubeconfig's identity may do in the namespace, in one request. */
async function reviewRules(session) {
    const api = session.kc.makeApiClient(dist/* AuthorizationV1Api */.NwU);
    const review = await session.call('review the rules of this identity', () => api.createSelfSubjectRulesReview({
        body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectRulesReview',
            spec: { namespace: session.namespace },
        },
    }));
    // Rules are additive: what is listed is granted even when the list is incomplete, so `incomplete`
    // changes nothing for a caller that asks access reviews about the rest.
    return review.status?.resourceRules ?? [];
}
/** SelfSubjectAccessReview: whether the kubeconfig's identity may do `verb` on `resource` in the namespace. */
async function reviewAccess(session, attributes) {
    const api = session.kc.makeApiClient(dist/* AuthorizationV1Api */.NwU);
    const what = `${attributes.verb} ${attributes.resource}${attributes.subresource ? `/${attributes.subresource}` : ''}`;
    const review = await session.call(`review access (${what})`, () => api.createSelfSubjectAccessReview({
        body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes: { ...attributes, namespace: session.namespace } },
        },
    }));
    return review.status?.allowed === true;
}

// EXTERNAL MODULE: ./src/kube/api-error.ts
var api_error = __webpack_require__(4662);
;// CONCATENATED MODULE: ./src/kube/discovery.ts

/**
 * The client library's API for objects of any kind, with its discovery exposed (the library keeps it
 * protected), so we can learn a kind's plural and scope.
 */
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
/** The REST path of a namespace's collection of a discovered resource (`plural`, as discovery names it). */
function collectionPath(apiVersion, namespace, plural) {
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    return `${base}/namespaces/${encodeURIComponent(namespace)}/${plural}`;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/model/kubeconfig.ts
var kubeconfig = __webpack_require__(1110);
// EXTERNAL MODULE: ./src/kube/kubeconfig-file.ts
var kubeconfig_file = __webpack_require__(9657);
;// CONCATENATED MODULE: ./src/kube/config.ts






/**
 * Every credential the kubeconfig's users carry (see userCredentials), or `only` that user's. Read from
 * the users as the client library holds them, so a token it read from a token file is one too.
 */
function credentialsOf(kc, only) {
    const users = JSON.parse(kc.exportConfig()).users;
    const chosen = only === undefined ? users : only ? users.filter((u) => u.name === only.name).slice(0, 1) : [];
    return chosen.flatMap((u) => (0,kubeconfig/* userCredentials */.CO)(u.user));
}
/**
 * Loads cluster credentials: the `kubeconfig` input's content, else a path from `x-preevy`, else
 * `$KUBECONFIG`, `~/.kube/config`, and finally the in-cluster service account. Every secret in it is
 * masked before anything can print it.
 */
function loadKubeConfig(source, context, log, env = process.env) {
    const kc = new dist/* KubeConfig */.ypW();
    const origin = load(kc, source, env);
    for (const secret of credentialsOf(kc))
        log.mask(secret);
    if (context) {
        if (!kc.getContextObject(context)) {
            const known = kc.getContexts().map((c) => c.name);
            throw new errors/* UserError */.yo(`Input context "${context}" is not in ${origin}; it has ${known.length ? known.map((n) => `"${n}"`).join(', ') : 'no contexts'}.`);
        }
        kc.setCurrentContext(context);
    }
    const cluster = currentCluster(kc, origin);
    // Without credentials (kubectl proxy) plain HTTP is harmless, but the client library takes it only with TLS checks off.
    const withCredentials = credentialsOf(kc, kc.getCurrentUser()).length > 0;
    if (/^http:\/\//i.test(cluster.server) && (withCredentials || !cluster.skipTLSVerify)) {
        throw new errors/* UserError */.yo(`The cluster server in ${origin} is ${cluster.server}: plain HTTP would send the credentials in clear (skipping TLS verification changes nothing there). Use the API server's https:// address.`);
    }
    if (cluster.skipTLSVerify && withCredentials) {
        log.warning(`${capitalize(origin)} sets insecure-skip-tls-verify for ${cluster.server}: anyone between this runner and the API server can read the credentials. Give the cluster's certificate-authority-data instead.`);
    }
    return kc;
}
/** The current context's cluster, or an error that says what the file lacks. */
function currentCluster(kc, origin) {
    if (kc.clusters.length === 0 || kc.getContexts().length === 0) {
        throw new errors/* UserError */.yo(`${capitalize(origin)} has no ${kc.clusters.length === 0 ? 'clusters' : 'contexts'}: is it a kubeconfig? Give a whole kubeconfig file (clusters, users, contexts and current-context), e.g. from a secret: kubeconfig: \${{ secrets.KUBECONFIG }}.`);
    }
    const context = kc.getCurrentContext();
    if (!context) {
        const known = kc.getContexts().map((c) => `"${c.name}"`);
        throw new errors/* UserError */.yo(`${capitalize(origin)} has no current-context. Set input context to one of its contexts: ${known.join(', ')}.`);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster) {
        throw new errors/* UserError */.yo(`${capitalize(origin)} names no cluster for context "${context}". Set input context to one of its contexts.`);
    }
    return cluster;
}
function load(kc, source, env) {
    const parse = (origin, fn) => {
        try {
            fn();
        }
        catch (error) {
            throw new errors/* UserError */.yo(`${capitalize(origin)} is not a valid kubeconfig: ${error.message.split('\n')[0]}. Give the whole file, e.g. from a secret: kubeconfig: \${{ secrets.KUBECONFIG }}.`);
        }
        return origin;
    };
    switch (source.kind) {
        case 'content':
            return parse('the kubeconfig input', () => kc.loadFromString(source.content));
        case 'file': {
            if (!(0,external_node_fs_.existsSync)(source.path))
                throw new errors/* UserError */.yo(`The ${source.from} file ${source.path} does not exist.`);
            const origin = `the kubeconfig file ${source.path} (${source.from})`;
            const text = (0,external_node_fs_.readFileSync)(source.path, 'utf8');
            // Before loading: the client library reads a token-file while it loads.
            refuseRunnerAccess((0,kubeconfig_file/* parseKubeconfig */.DU)(text), origin);
            return parse(origin, () => loadText(kc, source.path, text));
        }
        case 'default':
            return loadDefault(kc, env, parse);
    }
}
/** `$KUBECONFIG`'s files, else `~/.kube/config`, else the in-cluster service account (see load). */
function loadDefault(kc, env, parse) {
    const found = (0,kubeconfig_file/* findDefaultKubeconfig */.Mf)(env);
    if (found.from === 'KUBECONFIG') {
        const { listed, files } = found;
        if (files.length === 0)
            throw new errors/* UserError */.yo(`KUBECONFIG names ${listed.join(', ')}; none of them exists.`);
        // Like kubectl: the first file gives the current context, the others add to it.
        return parse(`the kubeconfig from KUBECONFIG (${listed.join((external_node_path_default()).delimiter)})`, () => {
            loadFile(kc, files[0]);
            for (const file of files.slice(1)) {
                const other = new dist/* KubeConfig */.ypW();
                loadFile(other, file);
                mergeFirstWins(kc, other);
            }
        });
    }
    if (found.from === 'home')
        return parse(`the kubeconfig file ${found.file}`, () => loadFile(kc, found.file));
    if (found.from === 'in-cluster' && (0,kubeconfig_file/* inClusterCredentials */.ez)(env)) {
        kc.loadFromCluster();
        return 'the in-cluster service account';
    }
    throw new errors/* UserError */.yo('No cluster credentials: set input kubeconfig to the content of a kubeconfig file (from a secret), or provide $KUBECONFIG or ~/.kube/config.');
}
/** The client library's loadFromFile, from a text already read: relative paths are the file's. */
function loadText(kc, file, text) {
    kc.loadFromString(text);
    kc.makePathsAbsolute(external_node_path_default().dirname(file));
}
function loadFile(kc, file) {
    loadText(kc, file, (0,external_node_fs_.readFileSync)(file, 'utf8'));
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
function refuseRunnerAccess(parsed, origin) {
    // One that does not parse: loading says what is wrong with it.
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
            throw new errors/* UserError */.yo(`${capitalize(origin)} gives user ${name ?? '?'} ${what}, which runs or reads something on the runner. Such a kubeconfig is taken only from input kubeconfig or $KUBECONFIG, not from a path in the repository.`);
        }
    }
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

// EXTERNAL MODULE: ./src/kube/exec.ts
var exec = __webpack_require__(8728);
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
    constructor(
    /** Opens a channel: `patient` for a connection waiting for it, else one try (the pool backs off). */
    open, options, log) {
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
    /** A channel opened for the caller now, when the pool had none, riding out transient failures. */
    openNow() {
        if (this.refused)
            return Promise.reject(this.refused);
        return this.open(true).catch((error) => {
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
            const opening = this.open(false).then((channel) => {
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

// EXTERNAL MODULE: ./src/kube/websocket.ts + 1 modules
var websocket = __webpack_require__(6543);
;// CONCATENATED MODULE: ./src/kube/channel-writer.ts

/** What a socket reads at a time: libuv reads into 64 KiB buffers. */
const READ_SIZE = 64 * 1024;
/** Room before a message for the longest header of a client's frame: 2 bytes, 8 of length, 4 of mask. */
const HEADER_ROOM = 14;
/**
 * Channel messages for a data path, in buffers used again once written. A message is the payload with
 * the channel byte before it, so every chunk is copied once (sending the byte as a frame of its own would
 * split the message, which the kubelet's WebSocket server reads frame by frame). Copying into a warm
 * buffer instead of a fresh 64 KiB allocation per chunk, and the garbage that makes, took about a fifth
 * off the tunnel's CPU time per byte (`npm run bench`). Each buffer has room before the message for
 * the frame's header, so that frame and message go out as one buffer (withHeader).
 */
class FrameBuffers {
    keep;
    size;
    free = [];
    /**
     * Keeps up to `keep` free buffers (with HIGH_WATER_MARK, what one busy channel has in flight), each for
     * messages of `size` bytes after the channel byte.
     */
    constructor(keep = websocket/* HIGH_WATER_MARK */.dH / READ_SIZE, size = READ_SIZE) {
        this.keep = keep;
        this.size = size;
    }
    frame(channel, payload) {
        const length = payload.length + 1;
        const whole = payload.length <= this.size
            ? (this.free.pop() ?? Buffer.allocUnsafeSlow(HEADER_ROOM + 1 + this.size))
            : Buffer.allocUnsafeSlow(HEADER_ROOM + length);
        const message = whole.subarray(HEADER_ROOM, HEADER_ROOM + length);
        message[0] = channel;
        payload.copy(message, 1);
        return message;
    }
    /** `message` with `payload` after it, when its buffer has room for it; else undefined. */
    append(message, payload) {
        if (!this.pooled(message) || message.length + payload.length > this.size + 1)
            return undefined;
        const longer = Buffer.from(message.buffer, HEADER_ROOM, message.length + payload.length);
        payload.copy(longer, message.length);
        return longer;
    }
    /** Gives back a message's buffer once the WebSocket has written it (its send callback ran). */
    release(message) {
        if (this.pooled(message) && this.free.length < this.keep)
            this.free.push(Buffer.from(message.buffer, 0, HEADER_ROOM + 1 + this.size));
    }
    /**
     * A message that frame() or append() made, as a whole binary frame from a client (undefined for any
     * other): the header goes into the room before it, with the all-zero mask ws uses here too (see
     * openChannelSocket).
     */
    withHeader(message) {
        if (message.byteOffset !== HEADER_ROOM)
            return undefined;
        const length = message.length;
        const header = length < 126 ? 6 : length < 65536 ? 8 : 14;
        const frame = Buffer.from(message.buffer, HEADER_ROOM - header, length + header);
        frame[0] = 0x82; // the final fragment of a binary message
        frame[1] = 0x80 | (header === 6 ? length : header === 8 ? 126 : 127); // masked, and the length
        if (header === 8)
            frame.writeUInt16BE(length, 2);
        if (header === 14)
            frame.writeBigUInt64BE(BigInt(length), 2);
        frame.writeUInt32BE(0, header - 4);
        return frame;
    }
    pooled(message) {
        return message.byteOffset === HEADER_ROOM && message.buffer.byteLength === HEADER_ROOM + 1 + this.size;
    }
}
/**
 * Frees a socket read's memory at once, once its bytes were copied into a message, for a reader that
 * is the chunk's only one. Node gives every read memory of its own; left to the garbage collector,
 * every ~64 MB of them made V8 mark the whole heap, which took half the tunnel's CPU time
 * (`npm run bench`). Only a chunk that is the whole of its memory is detached.
 */
function discardRead(chunk) {
    const memory = chunk.buffer;
    if (chunk.byteOffset === 0 && memory.byteLength === chunk.length)
        memory.transfer?.(0);
}
/**
 * The most one message of the data path carries: four reads. 256 KiB and 1 MiB cost the same per byte
 * (`npm run bench`); the smaller keeps the kubelet, which reads a frame whole before passing it on,
 * streaming.
 */
const FRAME_SIZE = 256 * 1024;
/**
 * What a local connection sends, onto one channel of a WebSocket, as few large frames written whole.
 * libuv reads a busy socket up to 32 times (64 KiB each) in one turn of the event loop: those reads go
 * out as one message of up to FRAME_SIZE once the turn's reads are in (setImmediate: before the loop
 * waits again, so a lone request is not held back). Each frame is written as one buffer: through ws,
 * the header and the payload went as two, which TLS copies into one. ws writes its own frames (close,
 * pong) whole to the same connection and, without compression, holds none back: frames cannot interleave.
 */
class ChannelWriter {
    ws;
    channel;
    frames;
    written;
    pending;
    flushing;
    constructor(ws, channel, frames, 
    /** Called as each message has been written, with the error that ended the connection if any. */
    written) {
        this.ws = ws;
        this.channel = channel;
        this.frames = frames;
        this.written = written;
    }
    /** Bytes taken and not yet written to the connection. */
    get queued() {
        return this.ws.bufferedAmount + (this.pending?.length ?? 0);
    }
    /** Takes a socket read (copied, and its memory freed: the caller must be its only reader). */
    write(read) {
        const longer = this.pending && this.frames.append(this.pending, read);
        if (!longer)
            this.flush();
        this.pending = longer ?? this.frames.frame(this.channel, read);
        discardRead(read);
        this.flushing ??= setImmediate(() => this.flush());
    }
    /** Sends what was taken; a WebSocket no longer open gets nothing more. */
    flush() {
        clearImmediate(this.flushing);
        this.flushing = undefined;
        const message = this.pending;
        this.pending = undefined;
        if (!message)
            return;
        if (this.ws.readyState !== this.ws.OPEN) {
            this.frames.release(message);
            return;
        }
        const done = (error) => {
            this.frames.release(message);
            this.written(error);
        };
        const frame = this.frames.withHeader(message);
        const socket = frame && (0,websocket/* upgradedSocket */.o3)(this.ws);
        if (socket)
            socket.write(frame, done);
        else
            this.ws.send(message, done);
    }
}

;// CONCATENATED MODULE: ./src/kube/port-forward.ts




const DATA = 0;
const ERROR = 1;
/** The close code of a WebSocket that ended without a close frame. */
const ABNORMAL = 1006;
/** Failures after which no channel will be opened: RBAC refuses the upgrade, or the deadline passed. */
function port_forward_final(error) {
    const e = error;
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
class PortForwardTunnel {
    server;
    pool;
    stats;
    log;
    bound = new Set();
    closed = false;
    /** Ends the waits of connections for a channel when the tunnel closes. */
    closing = new AbortController();
    /** Why no channel can be opened any more, once that is so: the error a step that failed should report. */
    fatal;
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
        const stats = { connections: 0, upgrades: 0, fromPool: 0, cut: 0 };
        const frames = new FrameBuffers(websocket/* HIGH_WATER_MARK */.dH / FRAME_SIZE + 1, FRAME_SIZE);
        const { dial = (p, protocols, what) => (0,websocket/* openChannelSocket */.B)(kc, p, protocols, what), ...poolOptions } = options;
        // Channels are opened once the tunnel exists (pool.fill below), never while it is being made.
        const openChannel = async (patient) => {
            if (tunnel.fatal)
                throw tunnel.fatal;
            stats.upgrades++;
            const patience = patient ? tunnel.closing.signal : undefined;
            try {
                const ws = await dial(path, [websocket/* CHANNEL_V4 */.DA], `port-forward to pod ${target.pod}`, patience);
                return new Channel(ws, portMessage, frames, log, () => stats.cut++);
            }
            catch (error) {
                if (!tunnel.fatal && port_forward_final(error))
                    tunnel.fatal = error;
                throw error;
            }
        };
        // noDelay: Docker's API is many small requests and answers; Nagle's algorithm would hold them back.
        const server = external_node_net_default().createServer({ allowHalfOpen: true, pauseOnConnect: true, noDelay: true });
        const pool = new ChannelPool(openChannel, { ...DEFAULT_POOL, ...poolOptions }, log);
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
    /** Channels open ahead of demand right now. */
    get pooledChannels() {
        return this.pool.idleCount;
    }
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        this.closing.abort();
        for (const { socket, channel } of this.bound) {
            socket.destroy();
            channel?.terminate();
        }
        await this.pool.close();
        await new Promise((resolve) => this.server.close(() => resolve()));
        const { connections, upgrades, fromPool, cut } = this.stats;
        this.log.debug(`port-forward: ${connections} connections, ${fromPool} of them on a channel opened ahead, ${cut} cut; ${upgrades} WebSocket upgrades`);
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
                // Rides out an API server or kubelet restart: the local connection waits, paused.
                channel = await this.pool.openNow();
            }
            catch (error) {
                if (!this.closed)
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
    onCut;
    openedAt = Date.now();
    socket;
    /** Data the pod sent before a local connection was bound (a server speaking first). */
    early = [];
    remoteError = '';
    firstMessage = [true, true];
    done = false;
    constructor(ws, portMessage, frames, log, onCut) {
        this.ws = ws;
        this.portMessage = portMessage;
        this.frames = frames;
        this.log = log;
        this.onCut = onCut;
        ws.on('message', (message) => this.receive(message));
        ws.on('close', (code) => this.ended(code));
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
        const writer = new ChannelWriter(ws, DATA, this.frames, (error) => {
            if (error)
                socket.destroy(error);
            else if (socket.isPaused() && writer.queued < websocket/* HIGH_WATER_MARK */.dH / 2)
                socket.resume();
        });
        // This listener is the reads' only reader: the writer frees their memory.
        socket.on('data', (chunk) => {
            if (ws.readyState !== ws.OPEN)
                return;
            writer.write(chunk);
            if (writer.queued > websocket/* HIGH_WATER_MARK */.dH)
                socket.pause();
        });
        // v4 port-forward has no half-close: keep carrying the response until the pod's side closes.
        socket.on('close', () => {
            // A WebSocket paused for backpressure would not read the pod's close frame: resume it first.
            ws.resume();
            writer.flush();
            if (ws.readyState === ws.OPEN)
                ws.close();
            else if (ws.readyState === ws.CONNECTING)
                ws.terminate();
        });
        if (ws.readyState !== ws.OPEN)
            this.ended(ws.readyState === ws.CLOSED ? ABNORMAL : undefined);
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
    /**
     * The WebSocket closed: fail the local connection with the pod's error, or end it. Closed without a
     * close frame (1006), the stream was cut: the local connection is reset, not ended, so that the
     * Docker client does not take a cut stream (a build's output, an attach) for a complete one.
     */
    ended(code) {
        const socket = this.socket;
        if (!socket || this.done)
            return;
        this.done = true;
        if (this.remoteError) {
            this.log.warning(`port-forward: ${this.remoteError.trim()}`);
            socket.destroy(new Error(this.remoteError.trim()));
        }
        else if (code === ABNORMAL && !socket.destroyed) {
            this.onCut();
            socket.resetAndDestroy();
        }
        else if (!socket.destroyed) {
            socket.end();
        }
    }
}

// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
;// CONCATENATED MODULE: ./src/kube/outage.ts

/** A clock time for the log: `21:59:03 UTC`. */
function clock(at) {
    return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}
/**
 * Whether a server answers, shared by every call to it, so that an outage is said once in the log
 * however many calls ride it out: when it began, until when it is waited for, and when it ended.
 */
class Reachability {
    subject;
    log;
    firstContactMs;
    now;
    outage;
    /** It answered once in this run: its address is right, a refusal now is a restart. */
    contacted = false;
    constructor(
    /** `The Kubernetes API server at https://…`: the subject of the log lines. */
    subject, log, 
    /** How long a server that never answered is waited for (see RetryPolicy.firstContactMs). */
    firstContactMs, now = Date.now) {
        this.subject = subject;
        this.log = log;
        this.firstContactMs = firstContactMs;
        this.now = now;
    }
    /** When the outage under way began, if one is. */
    get since() {
        return this.outage?.since;
    }
    /** A call failed for `reason` (`ECONNREFUSED`): the first failure of an outage is said in the log. */
    failed(reason, patienceMs) {
        if (this.outage) {
            this.outage.reason = reason;
            return;
        }
        // A server that answers 503 is there, but as little use as one that is not.
        const state = reason.startsWith('HTTP ') ? 'unavailable' : 'unreachable';
        this.outage = { since: this.now(), reason, state };
        const until = this.deadline(patienceMs);
        this.log?.warning(`${this.subject} is ${state} since ${clock(this.outage.since)} (${reason}); trying again until ${clock(until)} (${this.budget(patienceMs)}).`);
    }
    /** The server answered, if only to say it cannot serve (503): its address is right. */
    reached() {
        this.contacted = true;
    }
    /** A call got an answer: an outage under way is over, and the log says for how long it lasted. */
    answered() {
        this.contacted = true;
        if (!this.outage)
            return;
        const { since, state } = this.outage;
        this.outage = undefined;
        this.log?.info(`${this.subject} answers again, after ${(0,duration/* formatDuration */.a3)(this.now() - since)} ${state} (since ${clock(since)}).`);
    }
    /** Until when the outage under way is ridden out. */
    deadline(patienceMs) {
        return (this.outage?.since ?? this.now()) + this.patience(patienceMs);
    }
    /** Why a call gives up, once the deadline is reached. */
    gaveUp(patienceMs) {
        const { since, reason, state } = this.outage ?? {
            since: this.now(),
            reason: 'no answer',
            state: 'unreachable',
        };
        const first = this.contacted
            ? ''
            : ' It has not answered once in this run: check the cluster address of the kubeconfig, and that the runner can reach it.';
        return `${this.subject} has been ${state} since ${clock(since)} (${reason}), and the deadline was reached after ${(0,duration/* formatDuration */.a3)(this.now() - since)} (${this.budget(patienceMs)}).${first}`;
    }
    /** What the outage under way looks like, for a wait that ends during it: `unreachable since …`. */
    describe() {
        if (!this.outage)
            return undefined;
        const { since, reason, state } = this.outage;
        return `${this.subject} has been ${state} since ${clock(since)} (${reason})`;
    }
    patience(patienceMs) {
        return this.contacted ? patienceMs : Math.min(patienceMs, this.firstContactMs);
    }
    budget(patienceMs) {
        return this.contacted || patienceMs <= this.firstContactMs
            ? `input timeout, ${(0,duration/* formatDuration */.a3)(patienceMs)}`
            : `${(0,duration/* formatDuration */.a3)(this.firstContactMs)} for a server that has not answered yet`;
    }
}

// EXTERNAL MODULE: ./src/kube/retry.ts
var retry = __webpack_require__(4963);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
;// CONCATENATED MODULE: ./src/kube/session.ts





/** The default of input timeout. */
const DEFAULT_PATIENCE_MS = 5 * 60_000;
/** What releasing a lease is worth waiting for: it expires by itself in as long. */
const DETACHED_PATIENCE_MS = 30_000;
/**
 * One kubeconfig's identity in one namespace, and how its requests go: every request of a KubeClient
 * is one `call` (or `dial`), which checks the run's signal, rides out an outage for the run's patience
 * and turns a failure into an error that says what was being done.
 */
class ApiSession {
    kc;
    namespace;
    options;
    /** The API server's address, from the kubeconfig. */
    server;
    reachability;
    constructor(kc, namespace, options = {}) {
        this.kc = kc;
        this.namespace = namespace;
        this.options = options;
        this.server = kc.getCurrentCluster()?.server ?? '(no server)';
        const first = (options.retry ?? retry/* DEFAULT_RETRY */.vI).firstContactMs;
        this.reachability = options.reachability ?? {
            apiServer: new Reachability(`The Kubernetes API server at ${this.server}`, options.log, first),
            kubelet: new Reachability('The kubelet of the pod (through the API server)', options.log, first),
        };
    }
    /** The run's signal, when it can be cancelled. */
    get signal() {
        return this.options.signal;
    }
    /** The options of a session without the run's signal, for what a cancelled run still owes the cluster. */
    detachedOptions() {
        const { signal: _, ...options } = this.options;
        const patienceMs = Math.min(this.patienceMs, DETACHED_PATIENCE_MS);
        return { ...options, patienceMs, reachability: this.reachability };
    }
    /** The options of a session riding out an outage for `patienceMs`. */
    patientOptions(patienceMs) {
        return { ...this.options, patienceMs, reachability: this.reachability };
    }
    /** The options of a session whose calls also end when `deadline` aborts (with its reason). */
    untilOptions(deadline) {
        const signal = (0,sleep/* anyOf */.EB)(this.options.signal, deadline);
        return { ...this.options, signal, reachability: this.reachability };
    }
    /** This session for the calls of one wait (see untilOptions). */
    until(deadline) {
        return new ApiSession(this.kc, this.namespace, this.untilOptions(deadline));
    }
    /** The outage of the API server under way, for a wait that ends during it: `… unreachable since …`. */
    get outage() {
        return this.reachability.apiServer.describe();
    }
    get patienceMs() {
        return this.options.patienceMs ?? DEFAULT_PATIENCE_MS;
    }
    /**
     * Runs one API call, turning its failure into an error that names the call and what to do. Transient
     * failures are ridden out (see withRetry); a call whose answer was lost is sent again only when it is
     * `idempotent` (reads, apply, whole-object patches, deletes, creates whose conflict the caller checks).
     */
    async call(what, fn, options = {}) {
        const { signal } = this.options;
        signal?.throwIfAborted();
        try {
            return await (0,retry/* withRetry */.bD)(fn, {
                ...this.retryOptions(what, options.idempotent ?? true),
                ...(signal ? { signal } : {}),
            });
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
            throw (0,api_error/* apiFailure */.tF)(what, error, this);
        }
    }
    /**
     * A WebSocket upgrade (exec, port-forward). Nothing has begun in the pod when one fails, so it is
     * always safe to try again: with `patience`, until it aborts, an API server or kubelet restart is
     * ridden out as any call's.
     */
    dial(path, protocols, what, patience) {
        const own = this.options.signal;
        const signal = patience && own ? AbortSignal.any([own, patience]) : (patience ?? own);
        return (0,retry/* withRetry */.bD)(() => (0,websocket/* openChannelSocket */.B)(this.kc, path, protocols, what), {
            ...this.retryOptions(what, true),
            kubelet: this.reachability.kubelet,
            ...(signal ? { signal } : {}),
            once: !patience,
        });
    }
    retryOptions(what, idempotent) {
        return {
            what,
            idempotent,
            policy: this.options.retry ?? retry/* DEFAULT_RETRY */.vI,
            apiServer: this.reachability.apiServer,
            patienceMs: this.patienceMs,
            ...(this.options.log ? { log: this.options.log } : {}),
        };
    }
}

;// CONCATENATED MODULE: ./src/kube/watch.ts



/**
 * Watches a collection of the session's namespace (`plural`, as discovery names it) from
 * `query.resourceVersion` until the server ends the watch, `onEvent` returns true, or `signal` aborts
 * (see WatchEnd). Starting it rides out an outage like any call.
 */
async function watchCollection(session, collection, query, onEvent, signal) {
    const { apiVersion, kind, plural } = collection;
    const path = collectionPath(apiVersion, session.namespace, plural);
    const closed = { end: 'closed', resourceVersion: query.resourceVersion };
    try {
        const started = await session
            .until(signal)
            .call(`watch ${kind} in namespace ${session.namespace}`, () => startWatch(session.kc, path, query, onEvent, signal));
        return await started.ended;
    }
    catch (error) {
        if (signal.aborted)
            return closed;
        const code = error.statusCode;
        if (code === 410)
            return { ...closed, end: 'expired' };
        if (code !== undefined)
            throw new api_error/* KubeApiError */.W3(code, `Watching ${kind} failed: HTTP ${code}.`);
        throw error;
    }
}
/**
 * Starts a watch of `path` and resolves once the server answered 200, or rejects with why it did not
 * (the library's error: a network error, or one with the HTTP `statusCode`), so that starting it can
 * be retried like any request. `onEvent` returns true to end the watch.
 */
function startWatch(kc, path, query, onEvent, signal) {
    let resourceVersion = String(query.resourceVersion ?? '');
    let outcome = 'closed';
    let controller;
    const stop = () => controller?.abort();
    return new Promise((resolve, reject) => {
        let started = false;
        let finish = () => { };
        const ended = new Promise((r) => (finish = r));
        const onLine = (type, object) => {
            if (outcome !== 'closed')
                return;
            const version = object?.metadata
                ?.resourceVersion;
            if (type === 'ERROR') {
                const status = object;
                if (status.code === 410 || status.reason === 'Expired' || status.reason === 'Gone')
                    outcome = 'expired';
                return stop();
            }
            if (version)
                resourceVersion = version;
            if (onEvent({ type: type, object: object })) {
                outcome = 'done';
                stop();
            }
        };
        const done = (error) => {
            signal.removeEventListener('abort', stop);
            const code = error?.statusCode;
            if (!started)
                return reject(error ?? new Error('the watch closed before it began'));
            finish({ end: code === 410 ? 'expired' : outcome, resourceVersion });
        };
        signal.addEventListener('abort', stop, { once: true });
        new dist/* Watch */.ox1(kc).watch(path, { ...query, allowWatchBookmarks: true }, onLine, done).then((c) => {
            controller = c;
            // The library calls `done` before it resolves when the request failed: then it never began.
            if (c.signal.aborted && !started)
                return;
            started = true;
            resolve({ ended });
            if (signal.aborted)
                c.abort();
        }, reject);
    });
}

// EXTERNAL MODULE: ./src/model/objects.ts
var objects = __webpack_require__(8045);
;// CONCATENATED MODULE: ./src/kube/client.ts











const FIELD_MANAGER = 'kube-pod-preview';
const MERGE = dist/* PatchStrategy */.Qve.MergePatch;
/**
 * The thin adapter over @kubernetes/client-node that the rest of kube-pod-preview talks to, bound to
 * one namespace. It returns plain data and turns the library's exceptions into KubeApiErrors that say
 * what was being done.
 */
class KubeClient {
    namespace;
    objects;
    session;
    constructor(kc, 
    /** The namespace the client works in: every object it reads or sends is there. */
    namespace, options = {}, 
    /** A derived client's parent's: its discovery cache is shared, not asked for again. */
    objects) {
        this.namespace = namespace;
        this.objects = objects ?? kc.makeApiClient(ObjectApi);
        this.session = new ApiSession(kc, namespace, options);
    }
    /** A client for the credentials of `source` (see loadKubeConfig), bound to `namespace`. */
    static connect(source, context, namespace, options) {
        return new KubeClient(loadKubeConfig(source, context, options.log, options.env), namespace, options);
    }
    /**
     * The same client without the run's signal, for what a cancelled run still owes the cluster: releasing
     * its lease, so that the next run need not wait for it to expire.
     */
    detached() {
        return this.derived(this.session.detachedOptions());
    }
    /** The same client, riding out an outage for `patienceMs` (the run's input timeout). */
    withPatience(patienceMs) {
        return this.derived(this.session.patientOptions(patienceMs));
    }
    /**
     * The same client for the calls of one wait: they also end when `deadline` aborts (with its reason),
     * however long an outage may still be ridden out.
     */
    until(deadline) {
        return this.derived(this.session.untilOptions(deadline));
    }
    derived(options) {
        return new KubeClient(this.session.kc, this.namespace, options, this.objects);
    }
    /** The outage of the API server under way, for a wait that ends during it: `… unreachable since …`. */
    get outage() {
        return this.session.outage;
    }
    /** Runs a command in a container of a pod of the namespace (the exec subresource). */
    exec(target, command, options = {}) {
        const { signal } = this.session;
        return (0,exec/* execInPod */.Y)(this.session.kc, { namespace: this.namespace, ...target }, command, {
            ...options,
            ...(signal ? { signal } : {}),
            dial: (path, protocols, what, patience) => this.session.dial(path, protocols, what, patience),
        });
    }
    /** A local port whose connections reach `port` of a pod of the namespace (the portforward subresource). */
    portForward(pod, port, log, pool = {}) {
        return PortForwardTunnel.open(this.session.kc, { namespace: this.namespace, pod, port }, log, {
            ...pool,
            dial: (path, protocols, what, patience) => this.session.dial(path, protocols, what, patience),
        });
    }
    /** The kind's REST resource, or undefined when the cluster does not serve it. */
    async resource(apiVersion, kind) {
        return this.session.call(`discover ${apiVersion} ${kind}`, () => this.objects.discover(apiVersion, kind));
    }
    async read(ref) {
        return (0,api_error/* ifNotFound */.rv)(this.session.call(`read ${(0,objects/* describeRef */.Ro)(ref)}`, () => this.objects.read(this.header(ref))), undefined);
    }
    async list(apiVersion, kind, selectors = {}) {
        const list = await this.session.call(`list ${kind} in namespace ${this.namespace}`, () => this.objects.list(apiVersion, kind, this.namespace, undefined, undefined, undefined, selectors.fieldSelector, selectors.labelSelector));
        return { items: list.items, resourceVersion: list.metadata?.resourceVersion ?? '' };
    }
    /**
     * Creates the object; with `dryRun`, the API server admits and validates it, and stores nothing. A
     * create whose answer was lost is sent again, and then answers 409 AlreadyExists if the first one was
     * applied: callers check that the object they find is their own (its labels, its holder).
     */
    async create(object, options = {}) {
        return this.write('create', object, options, (addressed, dryRun) => this.objects.create(addressed, undefined, dryRun, FIELD_MANAGER));
    }
    /**
     * PUT of a whole object; its resourceVersion makes it fail with 409 if the object changed meanwhile.
     * Not sent again when its answer was lost (a 409 would then not tell whether it was applied): that is
     * an AnswerLostError, and the caller reads the object again.
     */
    async replace(object) {
        return this.write('update', object, {}, (addressed) => this.objects.replace(addressed, undefined, undefined, FIELD_MANAGER), { idempotent: false });
    }
    /**
     * Server-side apply as `manager`. Without `force`, a field another manager set to another value is
     * a 409 Conflict naming that manager (see conflictingManagers); with it, the field is taken over.
     */
    async serverSideApply(object, options = { manager: FIELD_MANAGER, force: true }) {
        const { manager, force } = options;
        return this.write('apply', object, options, (addressed, dryRun) => this.objects.patch(addressed, undefined, dryRun, manager, force, dist/* PatchStrategy */.Qve.ServerSideApply));
    }
    /**
     * A JSON merge patch (RFC 7386) with the whole object, or the fields to change (a null annotation
     * removes it): works for built-in kinds and custom resources alike.
     */
    async mergePatch(object, options = {}) {
        return this.write('patch', object, options, (addressed, dryRun) => 
        // The library's object type has no nulls, which a merge patch sends to remove what they name.
        this.objects.patch(addressed, undefined, dryRun, FIELD_MANAGER, undefined, MERGE));
    }
    /**
     * Deletes an object; false when it was already gone. `gracePeriodSeconds` shortens a pod's termination
     * (its spec's terminationGracePeriodSeconds "may be decreased in delete request").
     */
    async delete(ref, propagationPolicy, options = {}) {
        const grace = options.gracePeriodSeconds;
        return (0,api_error/* ifNotFound */.rv)(this.session.call(`delete ${(0,objects/* describeRef */.Ro)(ref)}`, () => this.objects
            .delete(this.header(ref), undefined, undefined, grace, undefined, propagationPolicy)
            .then(() => true)), false);
    }
    /** The API server's version (`GET /version`): the cheapest request that proves it answers. */
    async version() {
        const api = this.session.kc.makeApiClient(dist/* VersionApi */.Nq_);
        const info = await this.session.call('read the server version', () => api.getCode());
        return info.gitVersion;
    }
    /** The API server's address, from the kubeconfig. */
    get serverUrl() {
        return this.session.server;
    }
    /** SelfSubjectRulesReview: what the kubeconfig's identity may do in the namespace, in one request. */
    rulesReview() {
        return reviewRules(this.session);
    }
    /** SelfSubjectAccessReview: whether the kubeconfig's identity may do `verb` on `resource` in the namespace. */
    canI(attributes) {
        return reviewAccess(this.session, attributes);
    }
    /**
     * Watches a kind in the namespace from `resourceVersion` until the server ends the watch, `onEvent`
     * returns true, or `signal` aborts (see WatchEnd). Starting it rides out an outage like any call.
     */
    async watch(apiVersion, kind, query, onEvent, signal) {
        const resource = await this.resource(apiVersion, kind);
        if (!resource)
            throw new errors/* UserError */.yo(`The cluster does not serve ${apiVersion} ${kind}.`);
        return watchCollection(this.session, { apiVersion, kind, plural: resource.name }, query, onEvent, signal);
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
     * Sends `object`, in this client's namespace, with `send`: the call is named `verb` and the object in
     * errors (`dry-run create Service/web`), and the API server's answer is the object it stored.
     */
    write(verb, object, options, send, call = {}) {
        const addressed = this.inNamespace(object);
        const what = `${options.dryRun ? 'dry-run ' : ''}${verb} ${(0,objects/* describeRef */.Ro)((0,objects/* refOf */.H8)(object))}`;
        return this.session.call(what, () => send(addressed, options.dryRun ? 'All' : undefined), call);
    }
}


/***/ }),

/***/ 8728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ StreamCutError),
/* harmony export */   Y: () => (/* binding */ execInPod)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _websocket_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6543);


const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const STATUS = 3;
/**
 * The stream was cut before the command's status arrived (a kubelet or API server restart, a network
 * blip): the command may have run, in part or whole.
 */
class StreamCutError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'StreamCutError';
}
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
    const dial = options.dial ?? ((p, protocols, what) => (0,_websocket_js__WEBPACK_IMPORTED_MODULE_1__/* .openChannelSocket */ .B)(kc, p, protocols, what));
    const patience = options.signal ?? new AbortController().signal;
    const ws = await dial(path, [_websocket_js__WEBPACK_IMPORTED_MODULE_1__/* .CHANNEL_V5 */ .Kc, _websocket_js__WEBPACK_IMPORTED_MODULE_1__/* .CHANNEL_V4 */ .DA], `exec in pod ${target.pod}`, patience);
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
        ws.on('error', (error) => reject(new StreamCutError(`${what} failed: ${error.message}`)));
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
        throw new StreamCutError(`${what} ended without a status: the connection was cut.`);
    if (status.status === 'Success')
        return 0;
    const code = status.details?.causes?.find((c) => c.reason === 'ExitCode')?.message;
    if (status.reason === 'NonZeroExitCode' && code !== undefined)
        return Number(code);
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${what} failed: ${status.message ?? JSON.stringify(status)}`);
}
/**
 * Streams stdin on channel 0 with backpressure. With the v5 protocol stdin is closed when the stream
 * ends; older servers get no close.
 */
function streamStdin(ws, stdin, reject) {
    stdin.on('data', (chunk) => {
        if (ws.readyState !== ws.OPEN)
            return;
        ws.send((0,_websocket_js__WEBPACK_IMPORTED_MODULE_1__/* .frame */ .Gt)(STDIN, chunk), () => {
            if (stdin.isPaused() && ws.bufferedAmount < _websocket_js__WEBPACK_IMPORTED_MODULE_1__/* .HIGH_WATER_MARK */ .dH / 2)
                stdin.resume();
        });
        if (ws.bufferedAmount > _websocket_js__WEBPACK_IMPORTED_MODULE_1__/* .HIGH_WATER_MARK */ .dH)
            stdin.pause();
    });
    stdin.on('end', () => {
        if (ws.readyState === ws.OPEN && ws.protocol === _websocket_js__WEBPACK_IMPORTED_MODULE_1__/* .CHANNEL_V5 */ .Kc)
            ws.send(Buffer.from([_websocket_js__WEBPACK_IMPORTED_MODULE_1__/* .CLOSE_CHANNEL */ .RF, STDIN]));
    });
    stdin.on('error', (error) => {
        ws.terminate();
        reject(error);
    });
}


/***/ }),

/***/ 6543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DA: () => (/* binding */ CHANNEL_V4),
  Kc: () => (/* binding */ CHANNEL_V5),
  RF: () => (/* binding */ CLOSE_CHANNEL),
  dH: () => (/* binding */ HIGH_WATER_MARK),
  Gt: () => (/* binding */ websocket_frame),
  B: () => (/* binding */ openChannelSocket),
  o3: () => (/* binding */ upgradedSocket)
});

// UNUSED EXPORTS: UpgradeError

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

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
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
 * An upgrade the server answered with an HTTP status instead of 101: the answer, for classify().
 * `final`: asking again cannot help (401: the credentials; 403: RBAC, or a server that speaks none of
 * the offered subprotocols), so neither the tunnel nor its callers retry it. Others (500 "error dialing
 * backend", the kubelet's 404 "pod does not exist" while it restarts) may pass.
 */
class UpgradeError extends errors/* UserError */.yo {
    answer;
    name = 'UpgradeError';
    constructor(message, answer) {
        super(message);
        this.answer = answer;
    }
    get code() {
        return this.answer.code;
    }
    get final() {
        return this.code === 401 || this.code === 403;
    }
}
/** How long an upgrade may take: a restarting API server holds requests for seconds, never minutes. */
const HANDSHAKE_TIMEOUT_MS = 30_000;
/**
 * Opens a WebSocket to an API-server path (exec, portforward) with the kubeconfig's credentials.
 * A refused upgrade becomes an UpgradeError carrying the server's answer and message.
 */
async function openChannelSocket(kc, path, protocols, what) {
    const server = kc.getCurrentCluster()?.server;
    if (!server)
        throw new errors/* UserError */.yo('The kubeconfig names no cluster server.');
    const url = `${server.replace(/^http/, 'ws').replace(/\/$/, '')}${path}`;
    const options = {
        perMessageDeflate: false,
        maxPayload: 0,
        // The mask keeps a browser's scripts from poisoning proxies' caches (RFC 6455 §10.3); no browser
        // writes here, over TLS or plain http. All zeros let ws skip that pass over every byte (1.7× the CPU).
        generateMask: (mask) => void mask.fill(0),
        handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
    };
    await kc.applyToHTTPSOptions(options);
    return new Promise((resolve, reject) => {
        const ws = new wrapper(url, protocols, options);
        ws.binaryType = 'nodebuffer';
        ws.once('upgrade', (response) => upgraded.set(ws, response.socket));
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
                const answer = { code, body, contentType: response.headers['content-type'] };
                fail(new UpgradeError(refusal(what, code, body, { path, protocols }), answer));
                request.destroy();
            });
            response.on('error', (error) => fail(new errors/* UserError */.yo(`Cannot ${what}: ${error.message}`, { cause: error })));
        });
        // The network error (ECONNREFUSED…) is kept as the cause: it says whether to try again. ws words a
        // handshake that took too long without a code.
        ws.on('error', (error) => {
            const cause = /handshake has timed out/.test(error.message)
                ? Object.assign(error, { code: 'ETIMEDOUT' })
                : error;
            fail(new errors/* UserError */.yo(`Cannot ${what}: ${error.message}`, { cause }));
        });
    });
}
/** The connection each WebSocket opened here runs on, for ChannelWriter's frames. */
const upgraded = new WeakMap();
/** The connection under a WebSocket openChannelSocket opened; undefined for one opened elsewhere. */
function upgradedSocket(ws) {
    return upgraded.get(ws);
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


/***/ })

};
