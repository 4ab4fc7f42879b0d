export const id = 781;
export const ids = [781];
export const modules = {

/***/ 9749:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I7: () => (/* binding */ dockerHosts),
/* harmony export */   MO: () => (/* binding */ recordUrls),
/* harmony export */   Mh: () => (/* binding */ wakeIfAsleep),
/* harmony export */   bk: () => (/* binding */ recordedUrls),
/* harmony export */   eU: () => (/* binding */ findDockerHost),
/* harmony export */   jY: () => (/* binding */ asleepSince),
/* harmony export */   p1: () => (/* binding */ expiryOf),
/* harmony export */   sP: () => (/* binding */ setExpiry),
/* harmony export */   u9: () => (/* binding */ putToSleep)
/* harmony export */ });
/* harmony import */ var _teardown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3945);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8045);


/** The docker-host workloads of every environment in the namespace, or of environment `id`. */
async function dockerHosts(client, id) {
    const environment = id === undefined ? `${_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .LABELS */ .kg.managedBy}=${_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .MANAGER */ .u}` : (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentSelector */ .b6)(id);
    const selector = `${environment},${_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .LABELS */ .kg.component}=${_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_HOST_COMPONENT */ .qK}`;
    const hosts = [];
    for (const key of _model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .WORKLOAD_KIND_KEYS */ .YJ) {
        const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .parseKindKey */ .Pb)(key);
        const { items } = await client.list(apiVersion, kind, { labelSelector: selector });
        // Items of a list carry no apiVersion and kind of their own.
        hosts.push(...items.map((host) => ({ ...host, apiVersion, kind })));
    }
    return hosts;
}
/** The environment's docker-host workload; undefined when it has none. */
async function findDockerHost(client, id) {
    return (await dockerHosts(client, id))[0];
}
/** When the environment expires, per its annotation; undefined without one (no ttl). */
function expiryOf(host) {
    return (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .annotatedTime */ .ev)(host, _model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS */ .BC.expiresAt);
}
/** Since when the environment sleeps; undefined when it is awake. */
function asleepSince(host) {
    return (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .annotatedTime */ .ev)(host, _model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS */ .BC.sleepingSince);
}
/** The URLs the last deploy reported, as recorded on the workload. */
function recordedUrls(host) {
    try {
        const parsed = JSON.parse(host.metadata.annotations?.[_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS */ .BC.urls] ?? '[]');
        return Array.isArray(parsed) ? parsed : [];
    }
    catch {
        return [];
    }
}
async function setExpiry(client, host, expiresAt) {
    await annotate(client, host, { [_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS */ .BC.expiresAt]: expiresAt.toISOString() });
}
/** Keeps the deploy's URLs on the workload: a sleeping environment's comment still lists them. */
async function recordUrls(client, host, urls) {
    await annotate(client, host, { [_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS */ .BC.urls]: JSON.stringify(urls) });
}
/**
 * Scales the docker-host workload to zero and removes the environment's exposure. The volume claim stays
 * (a StatefulSet keeps its claims when scaled down), so images and build cache survive the sleep.
 */
async function putToSleep(client, host, now, log) {
    await client.mergePatch({
        ...refHeader((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .refOf */ .H8)(host)),
        metadata: { name: host.metadata.name, annotations: { [_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS */ .BC.sleepingSince]: now.toISOString() } },
        spec: { replicas: 0 },
    });
    const id = host.metadata.labels?.[_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .LABELS */ .kg.id] ?? '';
    const kinds = host.metadata.annotations?.[_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS */ .BC.exposureKinds]?.split(',').filter(Boolean) ?? [];
    await (0,_teardown_js__WEBPACK_IMPORTED_MODULE_0__/* .deleteMatching */ .h)(client, kinds, `${(0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentSelector */ .b6)(id)},${_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .LABELS */ .kg.component}=${_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .EXPOSE_COMPONENT */ .BA}`, {
        propagation: 'Background',
        why: 'asleep',
        log,
    });
}
/**
 * Undoes a sleep before a deploy: the replicas its template asks for (one when it does not say), and
 * no sleeping mark. The apply that follows sets the rest.
 */
async function wakeIfAsleep(client, desired, log) {
    const live = await client.read((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .refOf */ .H8)(desired));
    if (!live || !asleepSince(live))
        return false;
    const replicas = desired.spec?.replicas ?? 1;
    await client.mergePatch({
        ...refHeader((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .refOf */ .H8)(desired)),
        metadata: { name: desired.metadata.name, annotations: { [_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .ANNOTATIONS */ .BC.sleepingSince]: null } },
        spec: { replicas },
    });
    log.info(`Waking the environment: ${desired.kind}/${desired.metadata.name} back to ${replicas} replica(s)`);
    return true;
}
async function annotate(client, ref, annotations) {
    await client.mergePatch({ ...refHeader(ref), metadata: { name: ref.name, annotations } });
}
function refHeader(ref) {
    return { apiVersion: ref.apiVersion, kind: ref.kind };
}


/***/ }),

/***/ 7781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runUp: () => (/* binding */ runUp)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/docker/cli.ts
var cli = __webpack_require__(1670);
;// CONCATENATED MODULE: ./src/docker/compose.ts





const LOG_LINES = 100;
/**
 * Runs `docker compose up -d --build --remove-orphans` for the (rewritten) model against the pod's
 * Docker server, with its output in a log group. On failure it prints `ps -a` and the last lines of
 * every service that is not running, then fails. Returns the ports the services publish.
 */
async function composeUp(model, target) {
    return withModelFile(model, async (file) => {
        const base = ['compose', '-f', file, '--project-directory', target.workingDirectory, '-p', model.name];
        const options = {
            cwd: target.workingDirectory,
            environment: target.environment,
            env: { DOCKER_HOST: target.dockerHost },
            signal: target.signal,
        };
        const up = await target.log.group(`docker compose up (${model.name})`, () => (0,cli/* docker */.T)([...base, 'up', '-d', '--build', '--remove-orphans'], {
            ...options,
            onLine: (l) => target.log.info(l),
        }));
        const ps = await psJson(base, options);
        if (up.code !== 0) {
            const report = await failureReport(base, options, ps);
            // Compose's own last words name what failed before any container existed: a pull refused by the
            // registry, a build step, a port already taken.
            const said = lastLines(up.stderr, 5);
            throw new errors/* UserError */.yo(`docker compose up failed (exit code ${up.code})${said ? `:\n${said}` : '.'}\n${report}`);
        }
        return ps
            .flatMap((c) => (c.Publishers ?? [])
            .filter((p) => p.PublishedPort > 0)
            .map((p) => ({
            service: c.Service,
            targetPort: p.TargetPort,
            publishedPort: p.PublishedPort,
            protocol: p.Protocol,
        })))
            .filter((p, i, all) => all.findIndex((q) => q.service === p.service && q.targetPort === p.targetPort && q.protocol === p.protocol) === i);
    });
}
async function psJson(base, options) {
    const result = await (0,cli/* docker */.T)([...base, 'ps', '-a', '--format', 'json'], options);
    if (result.code !== 0)
        return [];
    const text = result.stdout.trim();
    if (!text)
        return [];
    // Compose prints one JSON object per line; versions before 2.21 printed a single array.
    return text.startsWith('[')
        ? JSON.parse(text)
        : text.split('\n').map((l) => JSON.parse(l));
}
async function failureReport(base, options, ps) {
    const lines = ['Containers:'];
    for (const c of ps)
        lines.push(`  ${c.Service} (${c.Name}): ${c.State}${c.Status ? ` — ${c.Status}` : ''}`);
    if (ps.length === 0)
        lines.push('  none were created.');
    for (const c of ps.filter((c) => c.State !== 'running')) {
        const logs = await (0,cli/* docker */.T)([...base, 'logs', '--no-color', '--tail', String(LOG_LINES), c.Service], options);
        lines.push(`Last ${LOG_LINES} log lines of ${c.Service}:`, (logs.stdout + logs.stderr).trimEnd() || '  (no output)');
    }
    return lines.join('\n');
}
/** The last non-empty lines of an output, without progress lines. */
function lastLines(text, count) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() && !/^\s*[⠀-⣿]/.test(l))
        .slice(-count)
        .join('\n');
}
/** compose reads the model from a file; JSON is YAML, so the normalized model is written as it is. */
async function withModelFile(model, fn) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'kube-pod-preview-'));
    try {
        const file = external_node_path_default().join(dir, 'compose.json');
        await (0,promises_.writeFile)(file, JSON.stringify(model));
        return await fn(file);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./src/docker/sync.ts









/** Where bind-mounted files land in the docker-host pod (the default template keeps it on the volume). */
const REMOTE_ROOT = '/var/lib/kube-pod-preview';
const MANIFEST = '.kube-pod-preview-manifest.json';
/** Sockets of the pod's own Docker server: a bind mount of one keeps pointing there. */
const DOCKER_SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);
function remoteProjectDir(project) {
    return `${REMOTE_ROOT}/projects/${project}`;
}
/** Bind-mount sources of services, and files of file-based secrets and configs (compose bind-mounts those too). */
function fileSources(model) {
    const sources = [];
    for (const [name, service] of Object.entries(model.services)) {
        for (const volume of service.volumes ?? []) {
            if (volume.type === 'bind' && volume.source && !DOCKER_SOCKETS.has(volume.source)) {
                sources.push({ source: volume.source, usedBy: `Service ${name}` });
            }
        }
    }
    for (const section of ['secrets', 'configs']) {
        for (const [name, entry] of Object.entries(model[section] ?? {})) {
            if (entry.file)
                sources.push({
                    source: entry.file,
                    usedBy: `${section === 'secrets' ? 'Secret' : 'Config'} ${name}`,
                });
        }
    }
    return sources;
}
/**
 * The sources, each checked to lie (after resolving symlinks) inside one of `roots`: the project's
 * directory and input allow-paths. A compose file comes from the pull request: it must not copy the
 * runner's files (~/.ssh, ~/.docker/config.json, /etc) into a pod its code runs in.
 */
async function confine(sources, roots) {
    const realRoots = await Promise.all(roots.map((r) => (0,promises_.realpath)(r).catch(() => external_node_path_default().resolve(r))));
    for (const { source, usedBy } of sources) {
        const real = await (0,promises_.realpath)(source).catch(() => external_node_path_default().resolve(source));
        if (realRoots.some((root) => real === root || real.startsWith(`${root}${(external_node_path_default()).sep}`)))
            continue;
        const shown = real === source ? source : `${source} (${real})`;
        throw new errors/* UserError */.yo(`${usedBy} uses ${shown}, which is outside the project directory ${roots[0]}: files outside it stay on the runner. Move it into the project, or list a directory that contains it in input allow-paths.`);
    }
    return sources;
}
/** The model handed to `docker compose`: bind sources (and secret/config files) point into the pod. */
function rewriteModel(model, remoteDir) {
    const rewritten = structuredClone(model);
    const remote = (source) => `${remoteDir}${source}`;
    for (const service of Object.values(rewritten.services)) {
        for (const volume of service.volumes ?? []) {
            if (volume.type === 'bind' && volume.source && !DOCKER_SOCKETS.has(volume.source))
                volume.source = remote(volume.source);
        }
    }
    for (const section of ['secrets', 'configs']) {
        for (const entry of Object.values(rewritten[section] ?? {}))
            if (entry.file)
                entry.file = remote(entry.file);
    }
    return rewritten;
}
/** Walks the sources without following symlinks, hashing file contents. */
async function scanSources(sources) {
    const manifest = {};
    const visit = async (file) => {
        const stat = await (0,promises_.lstat)(file);
        const mode = stat.mode & 0o7777;
        if (stat.isSymbolicLink())
            manifest[file] = { type: 'symlink', mode, target: await (0,promises_.readlink)(file) };
        else if (stat.isFile())
            manifest[file] = { type: 'file', mode, hash: await hashFile(file) };
        else if (stat.isDirectory()) {
            manifest[file] = { type: 'directory', mode };
            const children = (await (0,promises_.readdir)(file)).sort();
            for (const child of children)
                await visit(external_node_path_default().join(file, child));
        }
        // Sockets, FIFOs and devices cannot be copied; Docker would not bind them usefully either.
    };
    for (const { source, usedBy } of sources) {
        try {
            await (0,promises_.lstat)(source);
        }
        catch {
            throw new errors/* UserError */.yo(`${usedBy} bind-mounts ${source}, which does not exist on the runner. Create it, or fix the path in the compose file.`);
        }
        if (!manifest[source])
            await visit(source);
    }
    return manifest;
}
/** What to send (new or changed) and what to remove (gone, or changed type) to make remote equal local. */
function diffManifests(remote, local) {
    const send = [];
    const remove = [];
    for (const [file, entry] of Object.entries(local)) {
        const before = remote[file];
        if (!before)
            send.push(file);
        else if (before.type !== entry.type) {
            remove.push(file);
            send.push(file);
        }
        else if (before.mode !== entry.mode || before.hash !== entry.hash || before.target !== entry.target)
            send.push(file);
    }
    for (const file of Object.keys(remote))
        if (!local[file])
            remove.push(file);
    const underRemoved = (file) => remove.some((r) => r !== file && file.startsWith(`${r}/`));
    return { send: send.sort(), remove: remove.filter((r) => !underRemoved(r)).sort() };
}
/**
 * Copies the project's bind-mounted files into the pod: reads the manifest the last sync left there,
 * sends only what changed as one tar archive on the stdin of `tar -x`, removes what is gone, and
 * stores the new manifest with the files.
 */
async function syncFiles(exec, model, roots, log) {
    const remoteDir = remoteProjectDir(model.name);
    const local = await scanSources(await confine(fileSources(model), roots));
    const previous = await exec(['cat', `${remoteDir}/${MANIFEST}`]);
    let remote = {};
    if (previous.exitCode === 0) {
        try {
            remote = JSON.parse(previous.stdout.toString('utf8'));
        }
        catch {
            log.warning('The manifest of synced files in the pod is unreadable; sending every file again.');
        }
    }
    const { send, remove } = diffManifests(remote, local);
    const staging = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'kube-pod-preview-sync-'));
    try {
        const archivePath = external_node_path_default().join(staging, 'files.tar');
        const bytes = await writeArchive(archivePath, send, local);
        const { size } = await (0,promises_.stat)(archivePath);
        // One shell creates the directory, removes what is gone and extracts. `head -c` hands tar exactly
        // the archive and then end-of-file, so it finishes even where the API server cannot close stdin
        // (exec protocols before v5) and the container's tar reads to end-of-file (BusyBox).
        const script = 'set -e; mkdir -p "$1"; cd "$1"; size=$2; shift 2; if [ "$#" -gt 0 ]; then rm -rf -- "$@"; fi; head -c "$size" | tar -xf -';
        const result = await exec(['sh', '-c', script, 'sh', remoteDir, String(size), ...remove.map((f) => `.${f}`)], (0,external_node_fs_.createReadStream)(archivePath));
        if (result.exitCode !== 0) {
            throw new errors/* UserError */.yo(`Copying files into the pod failed (exit code ${result.exitCode}): ${result.stderr.toString('utf8').trim()}. The docker-host container needs sh, head and tar.`);
        }
        const files = send.filter((f) => local[f].type !== 'directory');
        const unchanged = Object.keys(local).length - send.length;
        log.info(`  ${files.length} file(s) sent (${formatBytes(bytes)}), ${remove.length} removed, ${unchanged} unchanged`);
        return { model: rewriteModel(model, remoteDir), sent: files, removed: remove, unchanged, bytes };
    }
    finally {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
    }
}
/** Writes the entries to send, then the new manifest, as a tar archive; returns the bytes of file content. */
async function writeArchive(file, send, local) {
    const archive = (0,tar_stream.pack)();
    let bytes = 0;
    const writing = (async () => {
        for (const entry of send)
            bytes += await addEntry(archive, entry, local[entry]);
        archive.entry({ name: MANIFEST, mode: 0o644 }, Buffer.from(JSON.stringify(local)));
        archive.finalize();
    })();
    await Promise.all([writing, (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(archive), (0,external_node_fs_.createWriteStream)(file))]);
    return bytes;
}
async function addEntry(archive, file, entry) {
    const name = file.replace(/^\/+/, '');
    if (entry.type === 'directory') {
        archive.entry({ name, type: 'directory', mode: entry.mode });
        return 0;
    }
    if (entry.type === 'symlink') {
        archive.entry({ name, type: 'symlink', linkname: entry.target, mode: entry.mode });
        return 0;
    }
    const { size } = await (0,promises_.lstat)(file);
    await new Promise((resolve, reject) => {
        const fail = (error) => reject(new errors/* UserError */.yo(`${file} changed while it was being copied into the pod (${error.message}); run again once nothing writes to it.`));
        const sink = archive.entry({ name, type: 'file', mode: entry.mode, size }, (error) => error ? fail(error) : resolve());
        sink.on('error', fail);
        if (size === 0)
            return void sink.end(Buffer.alloc(0));
        // Exactly the size the header announces: a file that grows meanwhile sends its first `size` bytes.
        const source = (0,external_node_fs_.createReadStream)(file, { end: size - 1 });
        source.on('error', fail);
        source.pipe(sink);
    });
    return size;
}
async function hashFile(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

// EXTERNAL MODULE: ./src/kube/access.ts
var access = __webpack_require__(4979);
// EXTERNAL MODULE: ./src/kube/apply.ts
var apply = __webpack_require__(9501);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/kube/exec.ts
var kube_exec = __webpack_require__(8728);
;// CONCATENATED MODULE: ./src/kube/connection.ts





const DOCKER_PORT = 2375;
async function connectToPod(client, pod, options) {
    const tunnel = await client.portForward(pod.name, DOCKER_PORT, options.log);
    const close = () => tunnel.close();
    try {
        await waitForDocker(tunnel.port, options.pingTimeoutMs ?? 60_000, options.signal, tunnel);
    }
    catch (error) {
        await close();
        throw error;
    }
    let execCuts = 0;
    const exec = async (command, stdin) => {
        try {
            return await client.exec({ pod: pod.name, container: pod.container }, command, stdin ? { stdin } : {});
        }
        catch (error) {
            if (error instanceof kube_exec/* StreamCutError */.$)
                execCuts++;
            throw error;
        }
    };
    const cuts = () => tunnel.stats.cut + execCuts;
    const rideOut = async (step, fn) => {
        const before = cuts();
        try {
            return await fn();
        }
        catch (error) {
            if (tunnel.fatal)
                throw tunnel.fatal;
            if (options.signal.aborted || cuts() === before)
                throw error;
            options.log.warning(`${step} failed after ${cuts() - before} of its streams through the tunnel to the pod were cut (${firstLine(error)}). The Docker server in the pod keeps what it has: running ${step} again once the tunnel works.`);
            await waitForDocker(tunnel.port, options.patienceMs ?? 5 * 60_000, options.signal, tunnel);
            return fn().catch((again) => {
                throw tunnel.fatal ?? again;
            });
        }
    };
    return { dockerHost: tunnel.url, exec, rideOut, close, [Symbol.asyncDispose]: close };
}
/** What a failed step said, in a line: its first, or the one after a header such as `… failed (exit code 1):`. */
function firstLine(error) {
    const lines = (error.message ?? String(error)).split('\n').filter((l) => l.trim());
    const line = lines[0]?.endsWith(':') && lines[1] ? lines[1] : (lines[0] ?? '');
    return line.trim().slice(0, 200);
}
/**
 * Waits until the Docker server answers `GET /_ping` through the tunnel; at once fails with the
 * tunnel's `fatal` error when no channel can be opened any more (a 403 on the upgrade).
 */
async function waitForDocker(port, timeoutMs, signal, tunnel) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (let delay = 100;; delay = Math.min(delay * 2, 2000)) {
        signal.throwIfAborted();
        if (tunnel?.fatal)
            throw tunnel.fatal;
        try {
            const answer = await ping(port, signal);
            if (answer === 'OK')
                return;
            last = `unexpected answer "${answer.slice(0, 40)}"`;
        }
        catch (error) {
            last = error.message;
        }
        if (tunnel?.fatal)
            throw tunnel.fatal;
        if (Date.now() + delay > deadline) {
            throw new errors/* UserError */.yo(`The Docker server in the pod did not answer on port ${DOCKER_PORT} within ${(0,duration/* formatDuration */.a3)(timeoutMs)} (${last}). The template's docker-host container must run dockerd with --host=tcp://127.0.0.1:${DOCKER_PORT} and "tls": false.`);
        }
        await (0,sleep/* sleep */.y)(delay, signal);
    }
}
function ping(port, signal) {
    return new Promise((resolve, reject) => {
        const request = external_node_http_default().get({ host: '127.0.0.1', port, path: '/_ping', timeout: 5000, signal, agent: false }, (response) => {
            let body = '';
            response.on('data', (chunk) => (body += chunk.toString('utf8')));
            response.on('end', () => response.statusCode === 200 ? resolve(body) : reject(new Error(`HTTP ${response.statusCode}`)));
            response.on('error', reject);
        });
        request.on('timeout', () => request.destroy(new Error('timed out')));
        request.on('error', reject);
    });
}

// EXTERNAL MODULE: ./src/kube/lifecycle.ts
var lifecycle = __webpack_require__(9749);
// EXTERNAL MODULE: ./src/model/objects.ts
var objects = __webpack_require__(8045);
;// CONCATENATED MODULE: ./src/kube/replica-sets.ts
/** The label selector of a workload's `spec.selector.matchLabels`. */
function selectorOf(workload) {
    return Object.entries(workload.spec?.selector?.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
}
function ownedBy(object, owners) {
    return (object.metadata.ownerReferences ?? []).some((o) => owners.has(o.uid));
}
/** The ReplicaSets a Deployment owns, newest revision first (the one its current template makes). */
async function replicaSetsOf(client, deployment) {
    const { items } = await client.list('apps/v1', 'ReplicaSet', {
        labelSelector: selectorOf(deployment),
    });
    const revision = (rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0);
    return items
        .filter((rs) => ownedBy(rs, new Set([deployment.metadata.uid])))
        .sort((a, b) => revision(b) - revision(a));
}
const REVISION = 'deployment.kubernetes.io/revision';

;// CONCATENATED MODULE: ./src/kube/diagnose.ts


const EVENTS_SHOWN = 15;
/**
 * Explains why the docker-host workload is not ready: its pods' phases and unmet conditions, the reasons
 * containers wait (image pulls, crash loops), claims still Pending, and the recent events of all of them
 * (a Deployment's ReplicaSets included).
 * Best effort: a diagnosis that itself fails says so rather than hiding the timeout.
 */
async function diagnose(client, workload, selector) {
    try {
        const lines = ['Diagnosis:'];
        const pods = (await client.list('v1', 'Pod', { labelSelector: selector })).items;
        const claims = (await client.list('v1', 'PersistentVolumeClaim', { labelSelector: selector }))
            .items;
        if (pods.length === 0)
            lines.push(`  no pod of ${(0,objects/* describeRef */.Ro)(workload)} exists yet (see its events below).`);
        for (const pod of pods)
            lines.push(...describePod(pod));
        for (const claim of claims) {
            if (claim.status?.phase !== 'Bound') {
                lines.push(`  PersistentVolumeClaim/${claim.metadata.name}: ${claim.status?.phase ?? 'Pending'} (storage class ${claim.spec?.storageClassName ?? 'default'}); check input storage-class and that the cluster can provision volumes.`);
            }
        }
        // A Deployment's pods are created (or refused) by its ReplicaSets: their events say why.
        const deployment = workload.kind === 'Deployment' ? await client.read(workload) : undefined;
        const replicaSets = deployment ? await replicaSetsOf(client, deployment) : [];
        const names = new Set([
            workload.name,
            ...replicaSets.map((rs) => rs.metadata.name),
            ...pods.map((p) => p.metadata.name),
            ...claims.map((c) => c.metadata.name),
        ]);
        const perObject = await Promise.all([...names].map((name) => client.list('v1', 'Event', { fieldSelector: `involvedObject.name=${name}` })));
        const events = perObject
            .flatMap((list) => list.items)
            .sort((a, b) => when(a) - when(b))
            .slice(-EVENTS_SHOWN);
        if (events.length)
            lines.push('  Recent events:');
        for (const e of events) {
            lines.push(`    ${e.type ?? 'Normal'} ${e.reason ?? ''} ${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}: ${e.message ?? ''}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`);
        }
        return lines.join('\n');
    }
    catch (error) {
        return `Diagnosis unavailable: ${error.message}`;
    }
}
/** A pod's phase, its unmet conditions, and why its containers wait or ended. */
function describePod(pod) {
    const lines = [`  Pod/${pod.metadata.name}: ${pod.status?.phase ?? 'Unknown'}`];
    for (const c of pod.status?.conditions ?? []) {
        if (c.status !== 'True')
            lines.push(`    ${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}${c.message ? `: ${c.message}` : ''}`);
    }
    for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
        const waiting = s.state?.waiting;
        const terminated = s.state?.terminated;
        if (waiting?.reason) {
            lines.push(`    container ${s.name} (${s.image ?? '?'}) waiting: ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`);
        }
        else if (terminated) {
            lines.push(`    container ${s.name} terminated: ${terminated.reason ?? ''} exit code ${terminated.exitCode ?? '?'}`);
        }
        if (s.restartCount)
            lines.push(`    container ${s.name} restarted ${s.restartCount} times`);
    }
    return lines;
}
function when(e) {
    const t = e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
    return t ? new Date(t).getTime() : 0;
}

;// CONCATENATED MODULE: ./src/kube/refusals.ts


/**
 * What a controller's FailedCreate says when no wait will help: admission forbids the pod (Pod Security,
 * a ResourceQuota or LimitRange), a plugin rejects it (a RuntimeClass that does not exist), or a webhook
 * denies it. Other FailedCreate causes (a conflict, a timeout) are retried by the controller.
 */
const REFUSED = /is forbidden|pod rejected|denied the request/i;
const POLL_MS = 1000;
/**
 * Resolves with the message of the first FailedCreate event that refuses the workload's pods, seen
 * after the watch began; with undefined once `signal` aborts. The events already there when it begins
 * count only if they recur (their count goes up, as controllers retry): a refusal the operator has
 * since fixed is not held against this run. A Deployment's pods are refused on its newest ReplicaSet.
 */
async function awaitRefusal(client, workload, signal) {
    const seen = new Map();
    for (let baseline = true; !signal.aborted; baseline = false) {
        try {
            const { items } = await client.list('v1', 'Event', {
                fieldSelector: 'reason=FailedCreate',
            });
            for (const event of items) {
                const key = event.metadata?.uid ?? event.metadata?.name ?? '';
                const version = `${event.count ?? 1}/${String(event.lastTimestamp ?? '')}`;
                const recurred = seen.get(key) !== version;
                seen.set(key, version);
                if (baseline || !recurred || !REFUSED.test(event.message ?? ''))
                    continue;
                if (await concerns(client, workload, event))
                    return event.message;
            }
        }
        catch {
            // Best effort: the wait itself reports what the cluster says when it times out.
        }
        await (0,sleep/* sleep */.y)(POLL_MS, signal).catch(() => undefined); // aborted: the loop ends
    }
    return undefined;
}
async function concerns(client, workload, event) {
    const involved = event.involvedObject ?? {};
    if (involved.kind === workload.kind && involved.name === workload.name)
        return true;
    if (workload.kind !== 'Deployment' || involved.kind !== 'ReplicaSet')
        return false;
    const deployment = await client.read(workload);
    const [newest] = deployment ? await replicaSetsOf(client, deployment) : [];
    return newest !== undefined && newest.metadata.uid === involved.uid;
}

;// CONCATENATED MODULE: ./src/kube/wait.ts







/** Ready means every desired replica runs the current spec and passes its readiness probe. */
function isWorkloadReady(workload) {
    const desired = workload.spec?.replicas ?? 1;
    const status = workload.status ?? {};
    const generation = workload.metadata.generation ?? 0;
    return (!workload.metadata.deletionTimestamp &&
        (status.observedGeneration ?? 0) >= generation &&
        (status.readyReplicas ?? 0) >= desired &&
        (status.updatedReplicas ?? 0) >= desired &&
        (status.replicas ?? 0) <= desired);
}
/** How long the wait pauses before continuing a watch that closed. */
const RESUME_MS = 200;
/** What asking the cluster why a wait ended may take. */
const DIAGNOSE_MS = 15_000;
/**
 * Waits until the docker-host workload is ready, watching it for at most `timeoutMs`, and returns the
 * ready pod that belongs to it. A watch that closes (an API server restart resets it) continues from its
 * last event; one whose version expired lists again; every call rides out an outage of the API server
 * until the wait's deadline. On timeout, or as soon as the cluster refuses to create its pods, it
 * explains what the pod is stuck on, or since when the API server has been unreachable.
 */
async function waitForDockerHost(client, ref, options) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    // A cluster that refuses to create the pods ends the wait at once: no timeout makes that pass.
    const refused = new AbortController();
    const done = new AbortController();
    const deadline = AbortSignal.any([options.signal, timeout, refused.signal]);
    const watching = AbortSignal.any([deadline, done.signal]);
    void awaitRefusal(client.until(watching), ref, watching).then((message) => message !== undefined && refused.abort(message));
    let explained;
    const check = async () => {
        options.signal.throwIfAborted();
        if (!refused.signal.aborted && !timeout.aborted)
            return;
        explained ??= await whyEnded(client, ref, {
            ...options,
            ...(refused.signal.aborted ? { refusal: String(refused.signal.reason) } : {}),
        });
        throw explained;
    };
    try {
        return await watchUntilReady(client.until(deadline), ref, { log: options.log, deadline }, check);
    }
    catch (error) {
        // A call cut short by the deadline ends with the deadline's reason: say why the wait ended instead.
        if (!explained && deadline.aborted)
            await check();
        throw error;
    }
    finally {
        done.abort();
    }
}
/** Why the wait ended before the workload was ready: the pods refused, the API server away, or its state. */
async function whyEnded(client, ref, options) {
    const outage = client.outage;
    if (options.refusal === undefined && outage) {
        return new errors/* UserError */.yo(`${(0,objects/* describeRef */.Ro)(ref)} was not ready after ${(0,duration/* formatDuration */.a3)(options.timeoutMs)} (input timeout): ${outage}, and the deadline was reached. Check the cluster's control plane, then run again.`);
    }
    const asking = client.until(AbortSignal.any([options.signal, AbortSignal.timeout(DIAGNOSE_MS)]));
    const report = await diagnose(asking, ref, options.selector).catch((error) => `  (the cluster could not be asked what the pod is stuck on: ${error.message})`);
    if (options.refusal !== undefined)
        return new errors/* UserError */.yo(`The cluster refuses to create the pods of ${(0,objects/* describeRef */.Ro)(ref)}: ${options.refusal}\n${report}`);
    return new errors/* UserError */.yo(`${(0,objects/* describeRef */.Ro)(ref)} was not ready after ${(0,duration/* formatDuration */.a3)(options.timeoutMs)} (input timeout).\n${report}`);
}
/**
 * The wait itself: list the workload, then watch it from there until it is ready, listing again only
 * when the watch's version expired. `check` runs before every pass and throws to end the wait.
 */
async function watchUntilReady(client, ref, options, check) {
    const started = Date.now();
    let last = '';
    const progress = (w) => {
        const line = `  ${(0,objects/* describeRef */.Ro)(ref)}: ${w.status?.readyReplicas ?? 0}/${w.spec?.replicas ?? 1} ready`;
        if (line !== last)
            options.log.info(`${line} (${(0,duration/* formatDuration */.a3)(Date.now() - started)})`);
        last = line;
    };
    while (true) {
        await check();
        const { items, resourceVersion } = await client.list(ref.apiVersion, ref.kind, {
            fieldSelector: `metadata.name=${ref.name}`,
        });
        const workload = items[0];
        if (!workload)
            throw deletedWhileWaiting(ref);
        progress(workload);
        if (isWorkloadReady(workload))
            return findReadyPod(client, ref.kind, workload);
        const ready = await watchFrom(client, ref, { resourceVersion, workload, progress, check, ...options });
        if (ready)
            return findReadyPod(client, ref.kind, ready);
        // Expired: list again, after a breath (a server that expires every watch must not make this spin).
        await (0,sleep/* sleep */.y)(RESUME_MS, options.deadline).catch(() => undefined);
    }
}
/**
 * Watches the workload from `resourceVersion`, continuing from the last event seen whenever the watch
 * closes, until it is ready (resolves with it) or the version expired (undefined: list again).
 */
async function watchFrom(client, ref, state) {
    let { resourceVersion, workload } = state;
    while (true) {
        let deleted = false;
        const { end, resourceVersion: last } = await client.watch(ref.apiVersion, ref.kind, { resourceVersion, fieldSelector: `metadata.name=${ref.name}` }, (event) => {
            if (event.type === 'DELETED')
                deleted = true;
            else if (event.type === 'ADDED' || event.type === 'MODIFIED') {
                workload = event.object;
                state.progress(workload);
            }
            return deleted || isWorkloadReady(workload);
        }, state.deadline);
        if (deleted)
            throw deletedWhileWaiting(ref);
        if (end === 'done')
            return workload;
        if (end === 'expired')
            return undefined;
        resourceVersion = last;
        // Closed (the server's timeout, a dropped connection, a restart): continue after a breath. The
        // deadline may end the pause early: check() says why.
        await (0,sleep/* sleep */.y)(RESUME_MS, state.deadline).catch(() => undefined);
        await state.check();
    }
}
function deletedWhileWaiting(ref) {
    return new errors/* UserError */.yo(`${(0,objects/* describeRef */.Ro)(ref)} was deleted while waiting for it to become ready.`);
}
/** The ready pod the workload owns (a Deployment through its ReplicaSets), newest first. */
async function findReadyPod(client, kind, workload) {
    const ref = { apiVersion: 'apps/v1', kind, name: workload.metadata.name };
    const owners = new Set(kind === 'Deployment'
        ? (await replicaSetsOf(client, workload)).map((rs) => rs.metadata.uid)
        : [workload.metadata.uid]);
    const pods = await client.list('v1', 'Pod', { labelSelector: selectorOf(workload) });
    const ready = pods.items
        .filter((pod) => ownedBy(pod, owners) && !pod.metadata.deletionTimestamp)
        .filter((pod) => pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
        .sort((a, b) => time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp));
    const pod = ready[0];
    const container = pod?.spec?.containers?.[0]?.name;
    if (!pod || !container)
        throw new errors/* UserError */.yo(`${(0,objects/* describeRef */.Ro)(ref)} reports ready, but none of its pods is ready.`);
    return { name: pod.metadata.name, container };
}
function time(value) {
    return value ? new Date(value).getTime() : 0;
}

// EXTERNAL MODULE: ./src/model/checkpoint.ts
var checkpoint = __webpack_require__(8471);
// EXTERNAL MODULE: ./src/model/permissions.ts
var permissions = __webpack_require__(5917);
// EXTERNAL MODULE: ./src/model/plan.ts
var model_plan = __webpack_require__(7978);
;// CONCATENATED MODULE: ./src/model/urls.ts
/** The URL of `service` when it has one, else the first that answered, else the first. */
function primaryUrl(urls, service) {
    const withUrl = urls.filter((u) => u.url);
    const chosen = (service && withUrl.find((u) => u.service === service)) ||
        withUrl.find((u) => u.state === 'ready') ||
        withUrl[0];
    return chosen?.url;
}

// EXTERNAL MODULE: ./src/run/down.ts
var down = __webpack_require__(3553);
// EXTERNAL MODULE: ./src/run/expose.ts + 1 modules
var expose = __webpack_require__(9033);
// EXTERNAL MODULE: ./src/run/lock.ts
var lock = __webpack_require__(8642);
// EXTERNAL MODULE: ./src/run/preflight.ts
var preflight = __webpack_require__(2738);
;// CONCATENATED MODULE: ./src/run/up.ts
var __addDisposableResource = (undefined && undefined.__addDisposableResource) || function (env, value, async) {
    if (value !== null && value !== void 0) {
        if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
        var dispose, inner;
        if (async) {
            if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
            dispose = value[Symbol.asyncDispose];
        }
        if (dispose === void 0) {
            if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
            dispose = value[Symbol.dispose];
            if (async) inner = dispose;
        }
        if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
        if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
        env.stack.push({ value: value, dispose: dispose, async: async });
    }
    else if (async) {
        env.stack.push({ async: true });
    }
    return value;
};
var __disposeResources = (undefined && undefined.__disposeResources) || (function (SuppressedError) {
    return function (env) {
        function fail(e) {
            env.error = env.hasError ? new SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };
})(typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
    var e = new Error(message);
    return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
});

















/**
 * `up`: with the pull request told it is deploying, ask the cluster whether it would take the objects
 * (preflight, a dry run), then, under the environment's lease, deploy (apply → wait → tunnel → sync →
 * compose → expose) and report the URLs. A pull request closed meanwhile ends
 * the run by removing what it deployed.
 */
async function runUp(run, connected, plan, options, report) {
    // An API server or kubelet restart is ridden out for as long as the run waits for anything.
    const client = connected.withPatience(run.settings.timeoutMs);
    await report?.deploying();
    if (report && run.context.repository) {
        const saved = { repository: run.context.repository, ...report.checkpoint() };
        run.checkpoint(checkpoint/* MAIN_STATE */.A.report, JSON.stringify(saved));
    }
    try {
        await run.timer.time('access', () => (0,access/* checkAccess */.x)(client, (0,permissions/* permissionsFor */.m)('up', plan.kinds, run.settings.expose), run.log));
        await run.timer.time('preflight', () => (0,preflight/* preflight */.Mz)(run, client, plan, options));
        const result = await deployUnlessClosed(run, client, plan, options, report);
        if ('deleted' in result) {
            await report?.deleted();
            return { command: 'down', deleted: result.deleted };
        }
        const state = readiness(run, result.urls);
        const primary = primaryUrl(result.urls, run.settings.report.primaryService);
        await report?.finished(state, result.urls, run.timer.elapsedMs, primary, options.provenance.expiresAt);
        return { command: 'up', ...result, state, ...(primary ? { primaryUrl: primary } : {}) };
    }
    catch (error) {
        await report?.ended(error, run.signal, 'deploy');
        throw error;
    }
}
async function deployUnlessClosed(run, client, plan, options, report) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const _lease = __addDisposableResource(env_1, await (0,lock/* lock */.s)(client, run), true);
        // Every `return await`: the lease must be held until the work has settled, not merely started.
        const deployed = await deploy(run, client, plan, options);
        if (!(await report?.isClosed()))
            return deployed;
        run.log.notice(`Pull request #${run.context.prNumber} was closed during the deploy: deleting the preview.`);
        return { deleted: await (0,down/* removeEnvironment */.I)(run, client, plan.kinds) };
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}
/** Ready when a URL answers; running when there is nothing to answer; a failure when none answered. */
function readiness(run, urls) {
    const { expose } = run.settings;
    const answering = urls.filter((u) => u.state === 'ready');
    if (expose.mode !== 'none' && urls.length > 0 && answering.length === 0) {
        throw new errors/* UserError */.yo(`None of the preview's URLs answered within ${expose.urlTimeoutMs / 1000}s (input url-timeout): ${urls.map((u) => `${u.url ?? u.service} (${u.detail})`).join(', ')}. Check that the services listen on their published ports, and that the ${expose.mode === 'ingress' ? 'ingress controller and the wildcard DNS record of input domain' : 'load balancer'} reach the cluster.`);
    }
    return answering.length > 0 ? 'ready' : 'running';
}
/** apply → wait → tunnel → sync → compose → expose. */
async function deploy(run, client, plan, options) {
    const { settings, log, signal, timer } = run;
    await timer.time('apply', () => log.group(`Apply ${plan.objects.length} objects`, async () => {
        await (0,lifecycle/* wakeIfAsleep */.Mh)(client, (0,model_plan/* dockerHostObject */._e)(plan), log);
        await (0,apply/* applyPlan */.g)(client, plan, { serverSideApply: settings.serverSideApply, log });
    }));
    const pod = await timer.time('wait', () => log.group(`Wait for ${plan.dockerHost.kind}/${plan.dockerHost.name}`, () => waitForDockerHost(client, plan.dockerHost, {
        timeoutMs: settings.timeoutMs,
        signal,
        log,
        selector: (0,objects/* environmentSelector */.b6)(run.ids.id),
    })));
    log.info(`Docker server pod: ${pod.name} (container ${pod.container})`);
    const { synced, ports } = await composeInPod(run, client, pod);
    for (const p of ports)
        log.info(`  ${p.service} publishes ${p.targetPort}/${p.protocol} on port ${p.publishedPort}`);
    const urls = await timer.time('expose', () => log.group(`Expose ${ports.length} published ports (${settings.expose.mode})`, () => (0,expose/* exposePorts */.l)(client, ports, {
        expose: settings.expose,
        namespace: settings.namespace,
        serverSideApply: settings.serverSideApply,
        ids: run.ids,
        dockerHost: plan.dockerHost,
        podName: pod.name,
        planOptions: options,
        log,
        signal,
    })));
    // Kept on the workload for the comment of the environment once asleep (input sleep-after).
    if (settings.sleepAfterMs !== undefined)
        await (0,lifecycle/* recordUrls */.MO)(client, plan.dockerHost, urls.map(({ service, port, url, command }) => ({ service, port, url, command })));
    return { pod, synced, ports, urls };
}
/** tunnel → sync → compose: the compose project runs on the pod's Docker server. */
async function composeInPod(run, client, pod) {
    const env_2 = { stack: [], error: void 0, hasError: false };
    try {
        const { settings, log, signal, timer } = run;
        const patienceMs = settings.timeoutMs;
        const connection = __addDisposableResource(env_2, await timer.time('tunnel', () => connectToPod(client, pod, { log, signal, patienceMs })), true);
        const { model, ...synced } = await timer.time('sync', () => connection.rideOut('the file sync', () => log.group('Copy bind-mounted files into the pod', () => syncFiles(connection.exec, run.model, [settings.workingDirectory, ...settings.allowPaths], log))));
        const ports = await timer.time('compose', () => connection.rideOut('docker compose up', () => composeUp(model, {
            dockerHost: connection.dockerHost,
            environment: run.projectEnv,
            workingDirectory: settings.workingDirectory,
            log,
            signal,
        })));
        return { synced, ports };
    }
    catch (e_2) {
        env_2.error = e_2;
        env_2.hasError = true;
    }
    finally {
        const result_2 = __disposeResources(env_2);
        if (result_2)
            await result_2;
    }
}


/***/ })

};
