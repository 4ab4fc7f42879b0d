export const id = 445;
export const ids = [445];
export const modules = {

/***/ 9445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  up: () => (/* binding */ up)
});

// EXTERNAL MODULE: ./src/docker/sync-scan.ts
var sync_scan = __webpack_require__(7963);
// EXTERNAL MODULE: ./src/kube/lifecycle.ts
var lifecycle = __webpack_require__(9749);
// EXTERNAL MODULE: ./src/model/checkpoint.ts
var checkpoint = __webpack_require__(8471);
;// CONCATENATED MODULE: ./src/model/urls.ts
/** The URL of `service` when it has one, else the first that answered, else the first. */
function primaryUrl(urls, service) {
    const withUrl = urls.filter((u) => u.url);
    const chosen = (service && withUrl.find((u) => u.service === service)) ||
        withUrl.find((u) => u.state === 'ready') ||
        withUrl[0];
    return chosen?.url;
}

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
// EXTERNAL MODULE: ./src/model/build-cache-prefix.ts
var build_cache_prefix = __webpack_require__(8623);
// EXTERNAL MODULE: ./src/model/ids.ts
var ids = __webpack_require__(995);
;// CONCATENATED MODULE: ./src/docker/build-cache-refs.ts


/** The caches of the model's built services, in the model's order. */
function serviceCaches(model, settings) {
    const own = [envTag(settings.envId), ...(settings.ownRef ? [refTag(settings.ownRef)] : [])];
    const imports = unique([...own, ...(settings.baseRef ? [refTag(settings.baseRef)] : [])]);
    const exports = unique(own);
    const project = repositoryComponent(model.name);
    return Object.entries(model.services)
        .filter(([, definition]) => definition.build)
        .map(([service, definition]) => ({
        service,
        image: typeof definition.image === 'string' ? definition.image : `${model.name}-${service}`,
        repository: `${settings.prefix}/${project}/${repositoryComponent(service)}`,
        imports,
        exports,
    }));
}
/**
 * The model compose builds from, each cached service importing its cache tags from the registry and
 * writing BuildKit's cache metadata into the image (inline), so that pushing the image exports it.
 * The project's own cache_from entries stay, before ours; its cache_to entries go: a pull request's
 * compose file could otherwise export to the tags other pull requests import, with the runner's login.
 */
function withCacheImports(model, caches) {
    const rewritten = structuredClone(model);
    for (const cache of caches) {
        const build = rewritten.services[cache.service]?.build;
        if (!build)
            continue;
        const from = Array.isArray(build.cache_from) ? build.cache_from : [];
        build.cache_from = [
            ...from,
            ...cache.imports.map((tag) => `type=registry,ref=${cache.repository}:${tag}`),
        ];
        build.cache_to = ['type=inline'];
    }
    return rewritten;
}
/** `env-<id>`, sanitized as tagFor says. */
function envTag(envId) {
    return tagFor('env', envId);
}
/**
 * The tag of a git ref: `branch-<name>` for refs/heads/<name> and bare names, `pr-<n>` for
 * refs/pull/<n>/…, `tag-<name>` for refs/tags/<name>, `ref-<rest>` for any other refs/<rest>.
 */
function refTag(ref) {
    const pull = /^refs\/pull\/([^/]+)\//.exec(ref);
    if (pull)
        return tagFor('pr', pull[1]);
    if (ref.startsWith('refs/heads/'))
        return tagFor('branch', ref.slice('refs/heads/'.length));
    if (ref.startsWith('refs/tags/'))
        return tagFor('tag', ref.slice('refs/tags/'.length));
    if (ref.startsWith('refs/'))
        return tagFor('ref', ref.slice('refs/'.length));
    return tagFor('branch', ref);
}
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/**
 * `<kind>-<name>` when that is a valid tag; otherwise `<kind>_<name>-<digest>`: every run of characters
 * a tag cannot hold becomes `-`, 8 hex digits of the name's SHA-256 follow (feature/x and feature-x
 * stay apart), cut to fit a tag's 128 characters. The `_` keeps the two forms apart: no branch whose
 * name is a valid tag (release-2.0-1a2b3c4d) can take the tag of one that is not (release/2.0).
 */
function tagFor(kind, name) {
    const plain = `${kind}-${name}`;
    if (TAG.test(plain))
        return plain;
    const hash = (0,ids/* shortHash */.BC)(name);
    const cleaned = `${kind}_${name}`
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .slice(0, 128 - hash.length - 1)
        .replace(/-+$/, '');
    return `${cleaned}-${hash}`;
}
/** A repository path component: the name when valid, else lower-cased and cleaned, with its digest. */
function repositoryComponent(name) {
    if (build_cache_prefix/* REPOSITORY_COMPONENT */.RA.test(name))
        return name;
    const cleaned = (0,ids/* slug */.yR)(name);
    return cleaned ? `${cleaned}-${(0,ids/* shortHash */.BC)(name)}` : (0,ids/* shortHash */.BC)(name);
}
function unique(values) {
    return [...new Set(values)];
}

// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
;// CONCATENATED MODULE: ./src/docker/build-cache.ts
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






/** How long the Docker server may take to answer for the registry before the build goes without it. */
const PROBE_TIMEOUT_MS = 10_000;
/** How long the export may push: a registry that stops answering must not hold the run, its report and its lease. */
const EXPORT_TIMEOUT_MS = 120_000;
/** A tag nobody pushes: asking for it costs one request, and its "not found" proves the registry answers. */
const PROBE_TAG = 'kube-pod-preview-probe';
/**
 * The model with the build cache of input build-cache, after asking the Docker server (through
 * DOCKER_HOST: the registry is reached from the pod, not from the runner) for a tag of the registry.
 * A registry that does not answer or refuses costs one warning and the cache, never the build.
 */
async function prepareBuildCache(model, settings, options, log) {
    const caches = serviceCaches(model, settings);
    if (!caches.length)
        return { model, caches };
    const refusal = await probeRegistry(`${caches[0].repository}:${PROBE_TAG}`, options);
    if (refusal) {
        log.warning(explainBuildCacheUnreachable(settings.prefix, refusal));
        return { model, caches: [] };
    }
    log.info(explainBuildCacheImports(settings.prefix, caches));
    return { model: withCacheImports(model, caches), caches };
}
/**
 * Pushes each built image to its cache tags from the Docker server: the layers go from the pod to the
 * registry, not through the tunnel, and layers the registry holds already are not sent again. A
 * failure warns: the preview is up, only the next build is slower.
 */
async function exportBuildCache(caches, options, log, { timeoutMs = EXPORT_TIMEOUT_MS, withLogin = false } = {}) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const signal = (0,sleep/* within */.ux)(timeoutMs, options.signal);
        // The CLI hands a login to the pod's Docker server with each push, in clear inside the pod, where the
        // pull request's containers run: only a push event's run (the branch's own code) sends one.
        const config = __addDisposableResource(env_1, withLogin ? undefined : await emptyDockerConfig(), true);
        const environment = config ? { ...options.environment, DOCKER_CONFIG: config.dir } : options.environment;
        const pushing = caches.map((cache) => exportService(cache, { ...options, environment, signal }, timeoutMs));
        const failures = (await Promise.all(pushing)).flat();
        options.signal?.throwIfAborted();
        if (failures.length)
            log.warning(explainBuildCacheExportFailed(failures));
        else if (caches.length)
            log.info(`Build cache: exported ${caches.map((c) => `${c.repository}:${c.exports.join(',')}`).join('; ')}.`);
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
/** One failure line per tag that could not be pushed. */
async function exportService(cache, options, timeoutMs) {
    const failures = [];
    for (const tag of cache.exports) {
        const ref = `${cache.repository}:${tag}`;
        try {
            const tagged = await (0,cli/* docker */.T3)(['tag', cache.image, ref], options);
            const pushed = tagged.code === 0 ? await (0,cli/* docker */.T3)(['push', '--quiet', ref], options) : tagged;
            if (pushed.code !== 0)
                failures.push(`${cache.service} → ${ref}: ${lastLine(pushed.stderr)}`);
        }
        catch (error) {
            if (!options.signal?.aborted)
                throw error;
            failures.push(`${cache.service} → ${ref}: no answer within ${timeoutMs / 1000} s`);
        }
    }
    return failures;
}
/** Why the Docker server cannot use the registry, or undefined when it answers. */
async function probeRegistry(ref, options) {
    const signal = (0,sleep/* within */.ux)(PROBE_TIMEOUT_MS, options.signal);
    try {
        const answer = await (0,cli/* docker */.T3)(['pull', '--quiet', ref], { ...options, signal });
        // The tag is absent from a registry that answers; present (someone pushed it), it answered too.
        if (answer.code === 0 || /manifest unknown|not found/i.test(answer.stderr))
            return undefined;
        return lastLine(answer.stderr) || `docker pull exited with code ${answer.code}`;
    }
    catch (error) {
        if (options.signal?.aborted)
            throw error;
        if (signal.aborted)
            return `no answer within ${PROBE_TIMEOUT_MS / 1000} s`;
        throw error;
    }
}
/** The docker CLI's last line, without the daemon's prefix. */
function lastLine(text) {
    return (0,cli/* lastLines */.w$)(text, 1).replace(/^Error response from daemon: /, '');
}
function explainBuildCacheUnreachable(prefix, refusal) {
    const plainHttp = /HTTP response to HTTPS client/.test(refusal)
        ? ' It serves plain HTTP: list its host in the template argument insecureRegistries (the bundled templates put it into dockerd’s insecure-registries).'
        : '';
    return `Input build-cache: the Docker server cannot use the registry of ${prefix} (${refusal}); building without the cache.${plainHttp}`;
}
function explainBuildCacheImports(prefix, caches) {
    return `Build cache: ${caches.length} built service(s) import tags ${caches[0].imports.join(', ')} from ${prefix} (BuildKit logs a tag not exported yet as an ERROR "not found", and builds on).`;
}
function explainBuildCacheExportFailed(failures) {
    return [
        'Input build-cache: the build cache was not exported, so the next build of these services starts without it (the preview itself is up):',
        ...failures.map((f) => `  ${f}`),
    ].join('\n');
}
/** A Docker CLI configuration without any login, removed after use. */
async function emptyDockerConfig() {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'kpp-docker-config-'));
    return { dir, [Symbol.asyncDispose]: () => (0,promises_.rm)(dir, { recursive: true, force: true }) };
}

// EXTERNAL MODULE: ./src/docker/confine-dockerignore.ts
var confine_dockerignore = __webpack_require__(1883);
// EXTERNAL MODULE: ./src/docker/confine-messages.ts
var confine_messages = __webpack_require__(6721);
// EXTERNAL MODULE: ./src/docker/confine-model.ts + 1 modules
var confine_model = __webpack_require__(8864);
;// CONCATENATED MODULE: ./src/docker/confine-build.ts





/**
 * The model compose builds from, with the project's .git left out of every build marked for it: the
 * build gets a copy of its Dockerfile in `dir` with a `Dockerfile.dockerignore` beside it, holding the
 * patterns the builder would have read plus `.git`, last so that it wins. BuildKit reads the ignore
 * file next to the Dockerfile in place of the context's; the project's files stay as they are.
 */
async function leaveGitOut(model, dir, log) {
    const rewritten = structuredClone(model);
    for (const [name, service] of Object.entries(rewritten.services)) {
        const build = service.build;
        if (!build?.[confine_model/* LEAVE_GIT_OUT */.W0] || !build.context)
            continue;
        delete build[confine_model/* LEAVE_GIT_OUT */.W0];
        const inline = build.dockerfile_inline;
        const original = inline === undefined ? external_node_path_default().resolve(build.context, build.dockerfile ?? 'Dockerfile') : undefined;
        const ignore = await (0,confine_dockerignore/* builderIgnoreFile */.Km)(build.context, original);
        const own = external_node_path_default().join(dir, 'builds', name);
        await (0,promises_.mkdir)(own, { recursive: true });
        const dockerfile = external_node_path_default().join(own, 'Dockerfile');
        await (0,promises_.writeFile)(dockerfile, inline ?? (await (0,promises_.readFile)(original)));
        const patterns = ignore ? await (0,promises_.readFile)(ignore, 'utf8') : '';
        await (0,promises_.writeFile)(`${dockerfile}.dockerignore`, `${patterns}\n.git\n`);
        build.dockerfile = dockerfile;
        delete build.dockerfile_inline;
        log.info((0,confine_messages/* explainGitLeftOut */.hH)(name));
    }
    return rewritten;
}

;// CONCATENATED MODULE: ./src/docker/compose.ts







const LOG_LINES = 100;
/**
 * Runs `docker compose up -d --build --remove-orphans` for the (rewritten) model against the pod's
 * Docker server, with its output in a log group. On failure it prints `ps -a` and the last lines of
 * every service that is not running, then fails. Returns the ports the services publish. With a build
 * cache, the builds import it, and export theirs once compose succeeded.
 */
async function composeUp(given, target) {
    const options = {
        cwd: target.workingDirectory,
        environment: target.environment,
        env: { DOCKER_HOST: target.dockerHost },
        signal: target.signal,
    };
    const { model, caches } = target.buildCache
        ? await prepareBuildCache(given, target.buildCache, options, target.log)
        : { model: given, caches: [] };
    return withModelFile(model, target.log, async (file) => {
        const base = ['compose', '-f', file, '--project-directory', target.workingDirectory, '-p', model.name];
        const up = await target.log.group(`docker compose up (${model.name})`, () => (0,cli/* docker */.T3)([...base, 'up', '-d', '--build', '--remove-orphans'], {
            ...options,
            onLine: (l) => target.log.info(l),
        }));
        const ps = await psJson(base, options);
        if (up.code !== 0) {
            const report = await failureReport(base, options, ps);
            // Compose's own last words name what failed before any container existed: a pull refused by the
            // registry, a build step, a port already taken.
            const said = (0,cli/* lastLines */.w$)(up.stderr, 5);
            throw new errors/* UserError */.yo(`docker compose up failed (exit code ${up.code})${said ? `:\n${said}` : '.'}\n${report}`);
        }
        if (caches.length)
            await exportBuildCache(caches, options, target.log, {
                timeoutMs: target.buildCache?.exportTimeoutMs,
                // Only a push's run (the branch's own code) lends the pod's Docker server the runner's login.
                withLogin: target.buildCache?.ownRef !== undefined,
            });
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
    const result = await (0,cli/* docker */.T3)([...base, 'ps', '-a', '--format', 'json'], options);
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
        const logs = await (0,cli/* docker */.T3)([...base, 'logs', '--no-color', '--tail', String(LOG_LINES), c.Service], options);
        lines.push(`Last ${LOG_LINES} log lines of ${c.Service}:`, (logs.stdout + logs.stderr).trimEnd() || '  (no output)');
    }
    return lines.join('\n');
}
/**
 * compose reads the model from a file; JSON is YAML, so the normalized model is written as it is, but
 * for the project's .git, left out of build contexts beside it (leaveGitOut).
 */
async function withModelFile(model, log, fn) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'kube-pod-preview-'));
    try {
        const file = external_node_path_default().join(dir, 'compose.json');
        await (0,promises_.writeFile)(file, JSON.stringify(await leaveGitOut(model, dir, log)));
        return await fn(file);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

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
function remoteProjectDir(project) {
    return `${REMOTE_ROOT}/projects/${project}`;
}
/** The model handed to `docker compose`: bind sources (and secret/config files) point into the pod. */
function rewriteModel(model, remoteDir) {
    const rewritten = structuredClone(model);
    const remote = (source) => `${remoteDir}${source}`;
    for (const service of Object.values(rewritten.services)) {
        for (const volume of service.volumes ?? []) {
            if (volume.type === 'bind' && volume.source && !sync_scan/* DOCKER_SOCKETS */.cl.has(volume.source))
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
function explainCopyFailed(exitCode, stderr) {
    return `Copying files into the pod failed (exit code ${exitCode}): ${stderr.toString('utf8').trim()}. The docker-host container needs sh, head and tar.`;
}
/**
 * Copies the project's bind-mounted files into the pod: reads the manifest the last sync left there,
 * sends only what changed (of what `scanProject` found) as one tar archive on the stdin of `tar -x`,
 * removes what is gone, and stores the new manifest with the files.
 */
async function syncFiles(exec, model, { local, skipped }, log) {
    const remoteDir = remoteProjectDir(model.name);
    for (const git of skipped)
        log.info(`  not sent: ${git} (the checkout's token lives there; list it in input allow-paths to send it)`);
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
    const { send, remove } = (0,sync_scan/* diffManifests */.ew)(remote, local);
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
            throw new errors/* UserError */.yo(explainCopyFailed(result.exitCode, result.stderr));
        }
        // Files only, on both sides: a directory is neither sent nor unchanged as far as a reader counts.
        const isFile = (f) => local[f].type !== 'directory';
        const files = send.filter(isFile);
        const unchanged = Object.keys(local).filter(isFile).length - files.length;
        log.info(`  ${files.length} ${files.length === 1 ? 'file' : 'files'} sent (${formatBytes(bytes)}), ${remove.length} removed, ${unchanged} unchanged`);
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
// EXTERNAL MODULE: ./src/kube/exec.ts
var kube_exec = __webpack_require__(8728);
;// CONCATENATED MODULE: ./src/kube/connection.ts





const DOCKER_PORT = 2375;
async function connectToPod(client, pod, options) {
    const tunnel = await client.portForward(pod.name, DOCKER_PORT, options.log);
    const close = () => tunnel.close();
    try {
        await waitForDocker(tunnel.port, options.pingTimeoutMs ?? 60_000, options.signal, {
            log: options.log,
            refused: () => tunnel.fatal,
        });
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
            await waitForDocker(tunnel.port, options.patienceMs ?? 5 * 60_000, options.signal, {
                refused: () => tunnel.fatal,
            });
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
/** How long a wait may go without a word before it says what it waits for. */
const QUIET_MS = 2000;
/**
 * Waits until the Docker server answers `GET /_ping` through the tunnel, saying so past a couple of
 * seconds; at once fails with what `refused` returns: no channel can be opened any more (a 403 on the
 * upgrade is not mended by waiting).
 */
async function waitForDocker(port, timeoutMs, signal, watch = {}) {
    const { log, refused = () => undefined } = watch;
    const started = Date.now();
    const deadline = started + timeoutMs;
    let last;
    let said = false;
    for (let delay = 100;; delay = Math.min(delay * 2, 2000)) {
        signal.throwIfAborted();
        const refusal = refused();
        if (refusal)
            throw refusal;
        try {
            const answer = await ping(port, signal);
            if (answer === 'OK')
                return;
            last = `unexpected answer "${answer.slice(0, 40)}"`;
        }
        catch (error) {
            last = error.message;
        }
        if (!said && log && Date.now() + delay - started > QUIET_MS) {
            said = true;
            log.info(`  Waiting for the pod's Docker server to answer GET /_ping on port ${DOCKER_PORT} (so far: ${last}; at most ${(0,duration/* formatDuration */.a3)(timeoutMs)})`);
        }
        if (Date.now() + delay > deadline) {
            throw new errors/* UserError */.yo(`The Docker server in the pod did not answer on port ${DOCKER_PORT} within ${(0,duration/* formatDuration */.a3)(timeoutMs)} (${last}). The template's docker-host container must run dockerd with --host=tcp://127.0.0.1:${DOCKER_PORT} and "tls": false.`);
        }
        await (0,sleep/* sleep */.yy)(delay, signal);
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
        const claims = (await client.list('v1', 'PersistentVolumeClaim', { labelSelector: selector })).items;
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
        await (0,sleep/* sleep */.yy)(POLL_MS, signal).catch(() => undefined); // aborted: the loop ends
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
    const asking = client.until((0,sleep/* within */.ux)(DIAGNOSE_MS, options.signal));
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
        await (0,sleep/* sleep */.yy)(RESUME_MS, options.deadline).catch(() => undefined);
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
        await (0,sleep/* sleep */.yy)(RESUME_MS, state.deadline).catch(() => undefined);
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

// EXTERNAL MODULE: ./src/model/permissions.ts
var permissions = __webpack_require__(5917);
// EXTERNAL MODULE: ./src/model/plan.ts + 8 modules
var plan = __webpack_require__(7409);
// EXTERNAL MODULE: ./src/phases/phase.ts
var phase = __webpack_require__(5079);
;// CONCATENATED MODULE: ./src/phases/deploy.ts
var deploy_addDisposableResource = (undefined && undefined.__addDisposableResource) || function (env, value, async) {
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
var deploy_disposeResources = (undefined && undefined.__disposeResources) || (function (SuppressedError) {
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











/** Whether the identity may do what `up` does with these objects (the upgrade verbs depend on the version). */
async function checkUpAccess(run, client, pod) {
    const server = await (0,access/* serverVersion */.qh)(client);
    const needs = (0,permissions/* permissionsFor */.mr)('up', pod.kinds, run.settings.expose, server);
    await (0,access/* checkAccess */.x8)(client, needs, run.log, run.settings.namespaceFrom);
}
/** Applies the pod template's objects, waking the environment first if it sleeps. */
async function applyEnvironment(run, client, pod) {
    await (0,lifecycle/* wakeIfAsleep */.Mh)(client, (0,plan/* dockerHostObject */._e)(pod), run.log);
    await (0,apply.applyPlan)(client, pod, { serverSideApply: run.settings.serverSideApply, log: run.log });
}
/** Waits, bounded by input timeout, for the docker-host workload's pod to run its Docker server. */
async function waitForPod(run, client, pod) {
    const { settings, log, signal } = run;
    const found = await waitForDockerHost(client, pod.dockerHost, {
        timeoutMs: settings.timeoutMs,
        signal,
        log,
        selector: (0,objects/* environmentSelector */.b6)(run.ids.id),
    });
    log.info(`Docker server pod: ${found.name} (container ${found.container})`);
    return found;
}
/**
 * tunnel → sync → compose: the compose project runs on the pod's Docker server, through a port-forward
 * that lives as long as these phases. A cut tunnel reconnects, and the phase it cut runs once more.
 */
async function composeInPod(run, client, pod, files) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { settings, log, signal } = run;
        const connection = deploy_addDisposableResource(env_1, await (0,phase/* phase */.O)(run, 'tunnel', () => connectToPod(client, pod, { log, signal, patienceMs: settings.timeoutMs })), true);
        // The group inside the ride-out: a sync run again after a cut tunnel shows as a group of its own.
        const { model, ...synced } = await (0,phase/* phase */.O)(run, 'sync', () => connection.rideOut('the file sync', () => log.group('Copy bind-mounted files into the pod', () => syncFiles(connection.exec, run.compose, files, log))));
        const ports = await (0,phase/* phase */.O)(run, 'compose', () => connection.rideOut('docker compose up', () => composeUp(model, {
            dockerHost: connection.dockerHost,
            environment: run.projectEnv,
            workingDirectory: settings.workingDirectory,
            buildCache: buildCacheOf(run),
            log,
            signal,
        })));
        for (const p of ports)
            log.info(`  ${p.service} publishes ${p.targetPort}/${p.protocol} on port ${p.publishedPort}`);
        return { synced, ports };
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = deploy_disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}
/**
 * Where the build cache of this deploy comes from and goes: the environment's own tag, the pushed
 * branch's on a push, and the base branch's for a pull request (imported, never exported to).
 */
function buildCacheOf(run) {
    const prefix = run.settings.buildCache;
    if (!prefix)
        return undefined;
    const { pushedRef, baseRef } = run.context;
    return { prefix, envId: run.ids.id, ownRef: pushedRef, baseRef };
}

// EXTERNAL MODULE: ./src/kube/teardown.ts
var teardown = __webpack_require__(3945);
// EXTERNAL MODULE: ./src/model/kinds.ts
var kinds = __webpack_require__(522);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/phases/health.ts




const ATTEMPT_TIMEOUT_MS = 5000;
const health_POLL_MS = 2000;
/** Enough of a body to tell two error pages apart. */
const BODY_LIMIT = 64 * 1024;
/**
 * The health gate, two questions a URL at a time, until both hold or `timeoutMs` passes: does the app
 * itself answer on its published port (through a port-forward to the pod, with no credential), and does
 * the URL reach it? An auth challenge (401, 407) or a redirect proves the route (a default backend
 * answers neither), not the app. A 502, 503 or 504 proves neither. Any other answer counts as the app's
 * when it is what the app answers directly: the same status, and for a 404 the same body, since an
 * ingress controller's default backend answers 404 for a host it does not route. The URLs are checked
 * side by side; the result is in the order given.
 */
async function checkUrls(targets, options) {
    const deadline = Date.now() + options.timeoutMs;
    return Promise.all(targets.map((target) => checkTarget(target, deadline, options)));
}
async function checkTarget(target, deadline, options) {
    const host = new URL(target.url).host;
    let said;
    while (true) {
        options.signal.throwIfAborted();
        const timeout = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, deadline - Date.now()));
        const [app, route] = await Promise.all([
            askApp(target.app.localPort, host, timeout, options.signal).then((a) => withAppError(a, target)),
            askUrl(target.url, timeout, options.signal),
        ]);
        const check = judge(app, route, target.app.podPort);
        if (check.state === 'ready')
            return check;
        if (Date.now() + health_POLL_MS > deadline)
            return check;
        if (check.state !== said) {
            said = check.state;
            options.log?.info(`  ${target.url}: ${STATE_TEXT[check.state]} yet (${check.detail}); trying again for up to ${(0,duration/* formatDuration */.a3)(deadline - Date.now())}`);
        }
        await (0,sleep/* sleep */.yy)(health_POLL_MS, options.signal);
    }
}
/** How each state reads in a sentence: the log, the comment. */
const STATE_TEXT = {
    ready: 'ready',
    unreachable: 'not answering',
    'not-routed': 'not routed to the app',
    'app-down': 'the app is not answering',
};
/** Both answers, one verdict. Ready: the app answers (below 500), and the URL's answer comes from it. */
function judge(app, route, podPort) {
    const appText = 'error' in app ? app.error : `HTTP ${app.status}`;
    const appOk = 'status' in app && app.status < 500;
    if ('error' in route) {
        return appOk
            ? { state: 'unreachable', detail: `${route.error}; the app answers ${appText} on port ${podPort}` }
            : { state: 'app-down', detail: `the app on port ${podPort}: ${appText}; the URL: ${route.error}` };
    }
    const via = routeOf(route, app);
    const urlText = `HTTP ${route.status}${via === 'route' ? ` (${route.challenge ? 'a login' : 'a redirect'}: the route is there)` : ''}`;
    if (!appOk)
        return { state: 'app-down', detail: `the app on port ${podPort}: ${appText}; the URL: ${urlText}` };
    if (via === 'app')
        return { state: 'ready', detail: urlText };
    if (via === 'route')
        return { state: 'ready', detail: `${urlText}; the app answers ${appText}` };
    const why = [502, 503, 504].includes(route.status)
        ? 'the proxy does not reach it'
        : route.status === 404
            ? "an ingress controller's default backend, not the app"
            : 'not what the app answers';
    return {
        state: 'not-routed',
        detail: `HTTP ${route.status} while the app answers ${appText} on port ${podPort}: ${why}`,
    };
}
/** Whose answer the URL gave: the app's, a route's of ours (auth, redirect), or someone else's. */
function routeOf(route, app) {
    if ([502, 503, 504].includes(route.status))
        return 'other';
    if ('status' in app && app.status === route.status && (route.status !== 404 || app.body === route.body))
        return 'app';
    if (route.challenge || (route.status >= 300 && route.status < 400))
        return 'route';
    return 'other';
}
/** The URL, as a reviewer's browser would ask it but without credentials and without following redirects. */
async function askUrl(url, timeoutMs, signal) {
    try {
        const response = await fetch(url, {
            redirect: 'manual',
            signal: (0,sleep/* within */.ux)(timeoutMs, signal),
        });
        const body = await digest(response.body);
        const challenge = [401, 407].includes(response.status) &&
            response.headers.has(response.status === 401 ? 'www-authenticate' : 'proxy-authenticate');
        return { status: response.status, challenge, body };
    }
    catch (error) {
        signal.throwIfAborted();
        return { error: describeFetchError(error) };
    }
}
/** The app through its local port, with the URL's Host (what the ingress passes on) and no credentials. */
function askApp(port, host, timeoutMs, signal) {
    return new Promise((resolve) => {
        const request = external_node_http_default().get({ host: '127.0.0.1', port, path: '/', headers: { host }, agent: false, timeout: timeoutMs, signal }, (response) => {
            const hash = (0,external_node_crypto_.createHash)('sha256');
            let read = 0;
            response.on('data', (chunk) => {
                if (read < BODY_LIMIT)
                    hash.update(chunk.subarray(0, BODY_LIMIT - read));
                read += chunk.length;
            });
            response.on('end', () => resolve({ status: response.statusCode ?? 0, challenge: false, body: hash.digest('hex') }));
            response.on('error', (error) => resolve({ error: error.message }));
        });
        request.on('timeout', () => request.destroy(new Error('timed out')));
        request.on('error', (error) => resolve({ error: error.code ?? error.message }));
    });
}
/** A failed connection to the app says what the pod's side said, when the port-forward told us. */
function withAppError(answer, target) {
    if (!('error' in answer))
        return answer;
    const remote = target.appError?.();
    if (!remote)
        return answer;
    return { error: /connection refused/i.test(remote) ? 'connection refused' : remote.slice(0, 160) };
}
async function digest(body) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    if (!body)
        return hash.digest('hex');
    let read = 0;
    const reader = body.getReader();
    try {
        while (read < BODY_LIMIT) {
            const { done, value } = await reader.read();
            if (done)
                break;
            hash.update(value.subarray(0, BODY_LIMIT - read));
            read += value.length;
        }
    }
    finally {
        await reader.cancel().catch(() => undefined);
    }
    return hash.digest('hex');
}
function describeFetchError(error) {
    const cause = error.cause;
    if (cause?.code)
        return cause.code;
    if (error.name === 'TimeoutError')
        return 'timed out';
    return cause?.message ?? error.message;
}

;// CONCATENATED MODULE: ./src/phases/expose.ts
var expose_addDisposableResource = (undefined && undefined.__addDisposableResource) || function (env, value, async) {
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
var expose_disposeResources = (undefined && undefined.__disposeResources) || (function (SuppressedError) {
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








const LOAD_BALANCER_POLL_MS = 2000;
/**
 * Makes the published ports reachable: plans the exposure objects (pure), records their kinds, applies
 * them, removes exposure objects an earlier deploy made that this one no longer plans, learns each URL
 * and waits, bounded by url-timeout, until it answers.
 */
async function exposePorts(client, ports, options) {
    const { expose, log } = options;
    for (const p of ports.filter((p) => p.protocol !== 'tcp'))
        log.info(`  ${p.service} ${p.targetPort}/${p.protocol} is not exposed: only TCP is`);
    const { entries, objects: plan } = await options.plan.exposureFor(ports);
    const recorded = await recordKinds(client, options.dockerHost, plan.kinds);
    if (plan.objects.length > 0)
        await (0,apply.applyPlan)(client, plan, { serverSideApply: options.serverSideApply, log });
    // Exposure objects of earlier deploys that this one did not plan (a port no longer published).
    await (0,teardown/* deleteMatching */.h)(client, recorded, `${(0,objects/* environmentSelector */.b6)(options.ids.id)},${objects/* LABELS */.kg.component}=${objects/* EXPOSE_COMPONENT */.BA}`, {
        propagation: 'Background',
        keep: new Set(plan.objects.map((o) => `${(0,objects/* kindKey */._V)(o)}/${o.metadata.name}`)),
        why: 'no longer exposed',
        log,
    });
    if (expose.mode === 'none')
        return entries.map((e) => portForwardCommand(e, options));
    const urls = expose.mode === 'loadbalancer'
        ? await loadBalancerUrls(client, plan.objects, entries, options)
        : entries.map((e) => e.url);
    return checkHealth(client, entries, urls, options);
}
function portForwardCommand(entry, options) {
    return {
        service: entry.service,
        port: entry.port,
        url: undefined,
        command: `kubectl --namespace ${options.namespace} port-forward pod/${options.podName} ${entry.publishedPort}:${entry.publishedPort}`,
        state: 'not-checked',
        detail: undefined,
    };
}
/**
 * The health gate over every URL, side by side (see checkUrls): each URL, and its app through a
 * port-forward to its published port of the pod. It never sends the basic-auth credentials: a 401 from
 * the ingress already proves the route, and the password has no business reaching the app.
 */
async function checkHealth(client, entries, urls, options) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { urlTimeoutMs } = options.expose;
        const checked = entries.flatMap((e, i) => (urls[i] ? [{ entry: e, url: urls[i] }] : []));
        const tunnels = expose_addDisposableResource(env_1, await appTunnels(client, [...new Set(checked.map((c) => c.entry.publishedPort))], options), true);
        const title = `Wait for ${checked.length} ${checked.length === 1 ? 'URL' : 'URLs'} to answer, and the app behind each on its port (at most ${(0,duration/* formatDuration */.a3)(urlTimeoutMs)}, input url-timeout)`;
        const checks = await options.log.group(title, () => checkUrls(checked.map(({ entry, url }) => ({
            url,
            app: { localPort: tunnels.port(entry.publishedPort), podPort: entry.publishedPort },
            appError: () => tunnels.lastError(entry.publishedPort),
        })), { timeoutMs: urlTimeoutMs, signal: options.signal, log: options.log }));
        return entries.map((e, index) => {
            const url = urls[index];
            const check = checks[checked.findIndex((c) => c.entry === e)];
            if (check)
                options.log.info(`  ${url} (${e.service}:${e.port}): ${STATE_TEXT[check.state]}, ${check.detail}`);
            return {
                service: e.service,
                port: e.port,
                url,
                command: undefined,
                state: check?.state ?? 'unreachable',
                detail: check?.detail ?? 'no address',
            };
        });
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = expose_disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}
/**
 * One port-forward per published port, each connection on its own channel (no pool: a few requests a
 * poll), quiet: a refused connection is an answer of the health gate, kept for its detail, not a warning.
 */
async function appTunnels(client, ports, options) {
    const errors = new Map();
    const tunnels = new Map();
    const close = async () => {
        await Promise.all([...tunnels.values()].map((t) => t.close()));
    };
    try {
        for (const port of ports) {
            const quiet = {
                ...options.log,
                info: () => { },
                warning: (message) => {
                    errors.set(port, message);
                    options.log.debug(message);
                },
            };
            tunnels.set(port, await client.portForward(options.podName, port, quiet, { size: 0 }));
        }
    }
    catch (error) {
        await close();
        throw error;
    }
    return {
        port: (port) => tunnels.get(port).port,
        lastError: (port) => errors.get(port),
        [Symbol.asyncDispose]: close,
    };
}
/**
 * Records the exposure's kinds on the docker-host workload before creating anything of them, so that a
 * teardown finds them even if this run dies half-way. Returns every kind recorded so far.
 */
async function recordKinds(client, dockerHost, kinds) {
    const host = await client.read(dockerHost);
    const before = host?.metadata.annotations?.[objects/* ANNOTATIONS */.BC.exposureKinds]?.split(',').filter(Boolean) ?? [];
    const all = [...new Set([...before, ...kinds])].sort();
    if (host && all.length !== before.length) {
        await client.mergePatch({
            apiVersion: dockerHost.apiVersion,
            kind: dockerHost.kind,
            metadata: { name: dockerHost.name, annotations: { [objects/* ANNOTATIONS */.BC.exposureKinds]: all.join(',') } },
        });
    }
    return all;
}
/**
 * Waits (bounded by url-timeout) for each LoadBalancer Service to get an address, and gives every entry
 * the URL of the Service port that carries its published port.
 */
async function loadBalancerUrls(client, objects, entries, options) {
    const services = objects.filter(kinds/* isService */.kd).filter((o) => o.spec?.type === 'LoadBalancer');
    const deadline = Date.now() + options.expose.urlTimeoutMs;
    const addresses = new Map();
    const what = `${services.length} LoadBalancer ${services.length === 1 ? 'Service' : 'Services'}`;
    await options.log.group(`Wait for the address of ${what} (at most ${(0,duration/* formatDuration */.a3)(options.expose.urlTimeoutMs)}, input url-timeout)`, async () => {
        for (const service of services) {
            const address = await loadBalancerAddress(client, service.metadata.name, deadline, options);
            addresses.set(service.metadata.name, address.includes(':') ? `[${address}]` : address);
        }
    });
    return entries.map((entry) => {
        const service = services.find((s) => s.spec?.ports?.some((p) => p.port === entry.publishedPort));
        const address = service && addresses.get(service.metadata.name);
        return address ? `http://${address}:${entry.publishedPort}` : undefined;
    });
}
async function loadBalancerAddress(client, name, deadline, options) {
    while (true) {
        const current = await client.read({ apiVersion: 'v1', kind: 'Service', name });
        const ingress = current?.status?.loadBalancer?.ingress?.[0];
        const address = ingress?.ip ?? ingress?.hostname;
        if (address) {
            options.log.info(`  Service/${name}: ${address}`);
            return address;
        }
        if (Date.now() + LOAD_BALANCER_POLL_MS > deadline) {
            throw new errors/* UserError */.yo(explainNoAddress(name, options.expose.urlTimeoutMs));
        }
        await (0,sleep/* sleep */.yy)(LOAD_BALANCER_POLL_MS, options.signal);
    }
}
function explainNoAddress(service, urlTimeoutMs) {
    return `The LoadBalancer Service ${service} got no address within ${(0,duration/* formatDuration */.a3)(urlTimeoutMs)} (input url-timeout). Does the cluster have a load-balancer implementation (a cloud provider, MetalLB, cloud-provider-kind)? Otherwise set input expose to ingress or none.`;
}

// EXTERNAL MODULE: ./src/phases/github-report.ts + 1 modules
var github_report = __webpack_require__(2723);
// EXTERNAL MODULE: ./src/phases/hold-lease.ts
var hold_lease = __webpack_require__(4584);
// EXTERNAL MODULE: ./src/phases/preflight.ts
var preflight = __webpack_require__(4155);
;// CONCATENATED MODULE: ./src/phases/readiness.ts



/** Ready when a URL is (its app answers, through it); running when there is nothing to check; else a failure. */
function readiness(expose, urls) {
    const ready = urls.filter((u) => u.state === 'ready');
    if (expose.mode !== 'none' && urls.length > 0 && ready.length === 0)
        throw new errors/* UserError */.yo(explainNoneReady(expose, urls));
    return ready.length > 0 ? 'ready' : 'running';
}
function explainNoneReady(expose, urls) {
    const states = new Set(urls.map((u) => u.state));
    const hints = [
        states.has('app-down') &&
            'Check that each service listens on the port it publishes (the target of its compose ports entry); its output is in the log above.',
        states.has('unreachable') &&
            `Check that ${expose.mode === 'ingress' ? 'the wildcard DNS record of input domain points at the ingress controller' : "the load balancer's address"} can be reached from here.`,
        states.has('not-routed') &&
            (expose.mode === 'ingress'
                ? 'A URL answers, but not with the app: the ingress controller has not picked up the Ingress (is input ingress-class its class?), or the host reaches another controller or proxy.'
                : 'A URL answers, but not with the app: something else answers at that address.'),
    ].filter(Boolean);
    const each = urls.map((u) => `${u.url ?? u.service} ${stateText(u.state)} (${u.detail})`).join(', ');
    return `None of the preview's URLs was ready within ${expose.urlTimeoutMs / 1000}s (input url-timeout): ${each}. ${hints.join(' ')}`;
}
function stateText(state) {
    return state in STATE_TEXT ? STATE_TEXT[state] : state;
}
/** When the environment expires and sleeps: both happen in a later `cleanup` run, not in this one. */
function sayLifetime(run, expiresAt) {
    const { ttlMs, sleepAfterMs } = run.settings;
    if (expiresAt && ttlMs)
        run.log.info(`Expires ${expiresAt.toISOString()} (input ttl ${(0,duration/* formatSpan */.QA)(ttlMs)} from this deploy; the next deploy sets it again): the scheduled cleanup removes it then.`);
    if (sleepAfterMs)
        run.log.info(`Input sleep-after ${(0,duration/* formatSpan */.QA)(sleepAfterMs)}: a cleanup run with the same sleep-after scales it to zero once it is not deployed for that long.`);
}

// EXTERNAL MODULE: ./src/phases/remove-environment.ts
var remove_environment = __webpack_require__(6922);
// EXTERNAL MODULE: ./src/plan/environment-plan.ts + 3 modules
var environment_plan = __webpack_require__(6987);
;// CONCATENATED MODULE: ./src/commands/up.ts
var up_addDisposableResource = (undefined && undefined.__addDisposableResource) || function (env, value, async) {
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
var up_disposeResources = (undefined && undefined.__disposeResources) || (function (SuppressedError) {
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
 * `up`: access → preflight → lease → apply → wait → tunnel → sync → compose → expose → report. The pull
 * request is told it is deploying first; a pull request closed meanwhile ends the run by removing what
 * it deployed. An API server or kubelet restart is ridden out for as long as the run waits for anything.
 */
async function up(run, cluster) {
    // A bad template fails before anything touches the cluster.
    const plan = await (0,environment_plan/* planEnvironment */.R)(run);
    const client = (await cluster.connect()).withPatience(run.settings.timeoutMs);
    const report = (0,github_report/* reportOf */.EI)(run);
    await announce(run, report);
    try {
        await (0,phase/* phase */.O)(run, 'access', () => checkUpAccess(run, client, plan.pod));
        // The files to sync are scanned with the preflight: one that cannot be sent fails before any change.
        const files = await (0,phase/* phase */.O)(run, 'preflight', async () => {
            await (0,preflight/* preflight */.Mz)(run, client, plan);
            return (0,sync_scan/* scanProject */.vd)(run.compose, [run.settings.workingDirectory, ...run.settings.allowPaths]);
        });
        const deployed = await deployUnderLease(run, client, plan, files, report);
        if ('deleted' in deployed)
            return deployed;
        return await finish(run, deployed, report);
    }
    catch (error) {
        await report?.ended(error, run.signal, 'deploy');
        throw error;
    }
}
async function deployUnderLease(run, client, plan, files, report) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { pod } = plan;
        const _lease = up_addDisposableResource(env_1, await (0,phase/* phase */.O)(run, 'lock', () => (0,hold_lease/* holdLease */.U)(client, run)), true);
        // Every `await`: the lease must be held until the work has settled, not merely started.
        await (0,phase/* phase */.O)(run, { timing: 'apply', group: `Apply ${pod.objects.length} objects` }, () => applyEnvironment(run, client, pod));
        const { kind, name } = pod.dockerHost;
        const dockerPod = await (0,phase/* phase */.O)(run, { timing: 'wait', group: `Wait for ${kind}/${name}` }, () => waitForPod(run, client, pod));
        const { synced, ports } = await composeInPod(run, client, dockerPod, files);
        const what = `${ports.length} published ${ports.length === 1 ? 'port' : 'ports'}`;
        const urls = await (0,phase/* phase */.O)(run, { timing: 'expose', group: `Expose ${what} (${run.settings.expose.mode})` }, () => exposePorts(client, ports, {
            expose: run.settings.expose,
            namespace: run.settings.namespace,
            serverSideApply: run.settings.serverSideApply,
            ids: run.ids,
            dockerHost: pod.dockerHost,
            podName: dockerPod.name,
            plan,
            log: run.log,
            signal: run.signal,
        }));
        // Kept on the workload for the comment of the environment once asleep (input sleep-after).
        if (run.settings.sleepAfterMs !== undefined)
            await (0,lifecycle/* recordUrls */.MO)(client, pod.dockerHost, urls.map(({ service, port, url, command }) => ({ service, port, url, command })));
        if (!(await report?.isClosed()))
            return { pod: dockerPod, synced, ports, urls };
        run.log.notice(`Pull request #${run.context.prNumber} was closed during the deploy: deleting the preview.`);
        const deleted = await (0,remove_environment/* removeEnvironment */.I)(run, client, pod.kinds);
        await report?.deleted();
        return { command: 'down', deleted };
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = up_disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}
/** The pull request hears of the deploy first; the step state keeps its comment for a post step. */
async function announce(run, report) {
    await report?.deploying();
    if (!report || !run.context.repository)
        return;
    checkpoint/* REPORT_STATE */.vv.save(run.checkpoint, { repository: run.context.repository, ...report.checkpoint() });
}
async function finish(run, deployed, report) {
    const state = readiness(run.settings.expose, deployed.urls);
    const { expiresAt } = run.stamp.provenance;
    sayLifetime(run, expiresAt);
    const primary = primaryUrl(deployed.urls, run.settings.report.primaryService);
    await report?.finished(state, deployed.urls, run.timer.elapsedMs, primary, expiresAt);
    return { command: 'up', ...deployed, state, ...(primary ? { primaryUrl: primary } : {}) };
}


/***/ }),

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
/* harmony import */ var _model_kinds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(522);



/**
 * What happens to an environment between deploys: its expiry pushed (`/preview extend`), put to sleep by
 * `cleanup` (scaled to zero, exposure removed, volume kept) and woken by the next deploy. All of it is
 * recorded on the docker-host workload, which is where `cleanup` looks.
 */
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
    const replicas = ((0,_model_kinds_js__WEBPACK_IMPORTED_MODULE_2__/* .isWorkload */ .gv)(desired) ? desired.spec?.replicas : undefined) ?? 1;
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

/***/ 6922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ removeEnvironment)
/* harmony export */ });
/* harmony import */ var _kube_teardown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3945);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8045);
/* harmony import */ var _phase_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5079);



/**
 * Deletes every object of the environment and waits until they are gone. No `docker compose down`
 * first: the services die with the pod and their containers and volumes with its volume, so stopping
 * them bought nothing but Docker's stop timeout for each service that ignores SIGTERM (10.8 s on a real
 * cluster). The caller holds the lease.
 */
async function removeEnvironment(run, client, templateKinds) {
    const { settings, ids, log, signal } = run;
    const selector = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentSelector */ .b6)(ids.id);
    const { deleted } = await (0,_phase_js__WEBPACK_IMPORTED_MODULE_2__/* .phase */ .O)(run, { timing: 'teardown', group: 'Delete the environment' }, () => (0,_kube_teardown_js__WEBPACK_IMPORTED_MODULE_0__/* .teardown */ .z)(client, { selector, templateKinds, timeoutMs: settings.timeoutMs, signal, log }));
    if (deleted.length === 0)
        log.notice(`Environment ${ids.envId} does not exist in namespace ${settings.namespace}; nothing to delete.`);
    return deleted;
}


/***/ })

};
