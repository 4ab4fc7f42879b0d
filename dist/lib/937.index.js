export const id = 937;
export const ids = [937,977];
export const modules = {

/***/ 1580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ composeDown),
/* harmony export */   g: () => (/* binding */ composeUp)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1670);





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
        const up = await target.log.group(`docker compose up (${model.name})`, () => (0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .docker */ .T)([...base, 'up', '-d', '--build', '--remove-orphans'], {
            ...options,
            onLine: (l) => target.log.info(l),
        }));
        const ps = await psJson(base, options);
        if (up.code !== 0) {
            const report = await failureReport(base, options, ps);
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`docker compose up failed (exit code ${up.code}).\n${report}`);
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
/** Stops and removes the project's containers, networks and volumes on the pod's Docker server. */
async function composeDown(model, target) {
    await withModelFile(model, async (file) => {
        const result = await target.log.group(`docker compose down (${model.name})`, () => (0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .docker */ .T)([
            'compose',
            '-f',
            file,
            '--project-directory',
            target.workingDirectory,
            '-p',
            model.name,
            'down',
            '--remove-orphans',
            '--volumes',
            '--timeout',
            '10',
        ], {
            cwd: target.workingDirectory,
            environment: target.environment,
            env: { DOCKER_HOST: target.dockerHost },
            signal: target.signal,
            onLine: (l) => target.log.info(l),
        }));
        if (result.code !== 0)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`docker compose down failed (exit code ${result.code}): ${result.stderr.trim()}`);
    });
}
async function psJson(base, options) {
    const result = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .docker */ .T)([...base, 'ps', '-a', '--format', 'json'], options);
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
        const logs = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .docker */ .T)([...base, 'logs', '--no-color', '--tail', String(LOG_LINES), c.Service], options);
        lines.push(`Last ${LOG_LINES} log lines of ${c.Service}:`, (logs.stdout + logs.stderr).trimEnd() || '  (no output)');
    }
    return lines.join('\n');
}
/** compose reads the model from a file; JSON is YAML, so the normalized model is written as it is. */
async function withModelFile(model, fn) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'kube-pod-preview-'));
    try {
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'compose.json');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(file, JSON.stringify(model));
        return await fn(file);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 4979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ checkAccess)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4090);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8045);



/**
 * Asks the API server (SelfSubjectAccessReview) for every permission before anything changes, and fails
 * once listing all that are missing with the Role rules that grant them. An API server that does not
 * answer reviews leaves the calls themselves to fail.
 */
async function checkAccess(client, needs, log) {
    const rules = new Map();
    for (const need of needs) {
        let group = need.group ?? '';
        let resource = need.resource;
        if (need.kind) {
            const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKindKey */ .Pb)(need.kind);
            const served = await client.resource(apiVersion, kind);
            if (!served)
                continue; // applying says which kind the cluster lacks
            group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
            resource = served.name;
        }
        for (const verb of need.verbs)
            rules.set(`${group}|${resource}|${verb}`, { group, resource: resource, verb });
    }
    let answers;
    try {
        answers = await Promise.all([...rules.values()].map(({ group, resource, verb }) => {
            const [name, subresource] = resource.split('/');
            return client.canI({ verb, group, resource: name, ...(subresource ? { subresource } : {}) });
        }));
    }
    catch (error) {
        if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W && [403, 404, 405].includes(error.code)) {
            log.warning(`Cannot check permissions in advance (${error.message}); going ahead.`);
            return;
        }
        throw error;
    }
    const missing = [...rules.values()].filter((_, i) => !answers[i]);
    if (missing.length === 0)
        return;
    // pods/exec and pods/portforward need either verb, depending on the API server's version.
    const either = (r) => r.resource.includes('/');
    const granted = new Set([...rules.values()].filter((_, i) => answers[i]).map((r) => `${r.group}|${r.resource}`));
    const lacking = missing.filter((r) => !(either(r) && granted.has(`${r.group}|${r.resource}`)));
    if (lacking.length === 0)
        return;
    const byResource = new Map();
    for (const r of lacking) {
        const key = `${r.group}|${r.resource}`;
        byResource.set(key, [...(byResource.get(key) ?? []), r.verb]);
    }
    const list = [...byResource].map(([key, verbs]) => {
        const [group, resource] = key.split('|');
        return `${verbs.join(', ')} ${resource}${group ? `.${group}` : ''}`;
    });
    const yaml = [...byResource].map(([key, verbs]) => {
        const [group, resource] = key.split('|');
        return `  - apiGroups: ["${group}"]\n    resources: ["${resource}"]\n    verbs: [${verbs.map((v) => `"${v}"`).join(', ')}]`;
    });
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The kubeconfig's identity lacks ${lacking.length} permission${lacking.length > 1 ? 's' : ''} in namespace "${client.namespace}": ${list.join('; ')}. Nothing was changed. Add these rules to its Role (deploy/rbac.yaml has the complete Role):\n${yaml.join('\n')}`);
}


/***/ }),

/***/ 641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xm: () => (/* binding */ connectToPod)
/* harmony export */ });
/* unused harmony exports DOCKER_PORT, waitForDocker */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6518);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7783);




const DOCKER_PORT = 2375;
async function connectToPod(client, pod, options) {
    const tunnel = await client.portForward(pod.name, DOCKER_PORT, options.log);
    const close = () => tunnel.close();
    try {
        await waitForDocker(tunnel.port, options.pingTimeoutMs ?? 60_000, options.signal);
    }
    catch (error) {
        await close();
        throw error;
    }
    return {
        dockerHost: tunnel.url,
        exec: (command, stdin) => client.exec({ pod: pod.name, container: pod.container }, command, stdin ? { stdin } : {}),
        close,
        [Symbol.asyncDispose]: close,
    };
}
/** Waits until the Docker server answers `GET /_ping` through the tunnel. */
async function waitForDocker(port, timeoutMs, signal) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (let delay = 100;; delay = Math.min(delay * 2, 2000)) {
        signal.throwIfAborted();
        try {
            const answer = await ping(port, signal);
            if (answer === 'OK')
                return;
            last = `unexpected answer "${answer.slice(0, 40)}"`;
        }
        catch (error) {
            last = error.message;
        }
        if (Date.now() + delay > deadline) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The Docker server in the pod did not answer on port ${DOCKER_PORT} within ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(timeoutMs)} (${last}). The template's docker-host container must run dockerd with --host=tcp://127.0.0.1:${DOCKER_PORT} and "tls": false.`);
        }
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .y)(delay, signal);
    }
}
function ping(port, signal) {
    return new Promise((resolve, reject) => {
        const request = node_http__WEBPACK_IMPORTED_MODULE_0___default().get({ host: '127.0.0.1', port, path: '/_ping', timeout: 5000, signal, agent: false }, (response) => {
            let body = '';
            response.on('data', (chunk) => (body += chunk.toString('utf8')));
            response.on('end', () => response.statusCode === 200 ? resolve(body) : reject(new Error(`HTTP ${response.statusCode}`)));
            response.on('error', reject);
        });
        request.on('timeout', () => request.destroy(new Error('timed out')));
        request.on('error', reject);
    });
}


/***/ }),

/***/ 6207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZZ: () => (/* binding */ acquireLease),
/* harmony export */   _i: () => (/* binding */ LeaseHeldError),
/* harmony export */   wL: () => (/* binding */ releaseLease)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6518);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4090);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8045);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7783);







/** Another run holds the environment's lease: the caller may wait for it (up, down) or skip it (cleanup). */
class LeaseHeldError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo {
    name = 'LeaseHeldError';
}
/** After this many reads that find no lease followed by creates that say it exists, stop. */
const CONTRADICTIONS = 5;
/**
 * One run per environment at a time: a coordination.k8s.io Lease named after the environment. A second
 * run waits (saying who holds it) and takes over a lease whose holder stopped renewing it, so a run that
 * died does not block the next one for longer than the lease's duration. Every pass sleeps: a conflict
 * (another run wrote between our read and write) backs off with jitter, within the same deadline.
 */
async function acquireLease(client, id, options) {
    const name = `kube-pod-preview-${id}`;
    const identity = `${options.holder} (${node_os__WEBPACK_IMPORTED_MODULE_1___default().hostname()}, pid ${process.pid}, ${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')})`;
    const lease = await takeLease(client, { id, name, identity }, options);
    return holdLease(client, lease, identity, options);
}
/** Takes the lease: creates it, or takes over one nobody holds, waiting for a live holder. */
async function takeLease(client, who, options) {
    const { name } = who;
    const deadline = Date.now() + options.waitMs;
    let announced = '';
    let conflicts = 0;
    let contradictions = 0;
    while (true) {
        options.signal.throwIfAborted();
        const current = await client.read(leaseRef(name));
        try {
            const taken = await writeIfFree(client, current, who, options);
            if (taken)
                return taken;
        }
        catch (error) {
            if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_4__/* .KubeApiError */ .W && error.code === 409))
                throw error;
            // Another run created or took the lease between our read and write: look again after a pause.
            // A read that keeps finding nothing while the create keeps finding it is no race, though.
            contradictions = current ? 0 : contradictions + 1;
            if (contradictions >= CONTRADICTIONS) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Lease/${name} reads as missing (404) in namespace "${client.namespace}", yet creating it answers 409 AlreadyExists, ${contradictions} times in a row. Something between the runner and the cluster answers for that name (a proxy, or a webhook); check with kubectl get lease ${name} --namespace ${client.namespace}.`);
            }
            if (Date.now() >= deadline) {
                throw new LeaseHeldError(`Could not take Lease/${name} within ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(options.waitMs)}: other runs kept changing it (409 Conflict). Use a concurrency group per pull request in the workflow.`);
            }
            await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .y)(Math.min(backoff(conflicts++), Math.max(0, deadline - Date.now())), options.signal);
            continue;
        }
        const holder = current.spec.holderIdentity;
        if (holder !== announced)
            options.log.info(`Waiting for another run of this environment to finish: ${holder} holds the lease ${name}.`);
        announced = holder;
        if (Date.now() >= deadline) {
            throw new LeaseHeldError(`Another run of this environment (${holder}) still holds the lease ${name} after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(options.waitMs)}. Use a concurrency group per pull request in the workflow, or delete the lease if that run is gone.`);
        }
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .y)(options.pollMs, options.signal);
    }
}
/**
 * Creates the lease when there is none, or takes over one nobody holds (or whose holder stopped
 * renewing it); undefined while a live holder has it. A 409 means another run wrote first.
 */
async function writeIfFree(client, current, who, options) {
    const now = new Date();
    const spec = {
        holderIdentity: who.identity,
        leaseDurationSeconds: options.durationSeconds,
        acquireTime: microTime(now),
        renewTime: microTime(now),
    };
    const ref = leaseRef(who.name);
    if (!current) {
        const labels = { [_model_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .LABELS */ .kg.managedBy]: _model_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .MANAGER */ .u, [_model_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .LABELS */ .kg.id]: who.id };
        return client.create({ ...ref, metadata: { name: who.name, labels }, spec });
    }
    const holder = current.spec?.holderIdentity;
    if (holder && !expired(current, now))
        return undefined;
    if (holder)
        options.log.info(`Taking over the lease of ${holder}, which stopped renewing it.`);
    return client.replace({ ...current, apiVersion: ref.apiVersion, kind: ref.kind, spec });
}
function leaseRef(name) {
    return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name };
}
/** Renews a taken lease in the background until it is released. */
function holdLease(client, lease, identity, options) {
    const { name } = lease.metadata;
    const ref = leaseRef(name);
    let held = lease;
    let released = false;
    const renewal = setInterval(() => {
        void (async () => {
            try {
                held = await client.replace({
                    ...held,
                    apiVersion: ref.apiVersion,
                    kind: ref.kind,
                    spec: { ...held.spec, renewTime: microTime(new Date()) },
                });
            }
            catch (error) {
                if (!released)
                    options.log.warning(`Could not renew the lease ${name}: ${error.message}`);
            }
        })();
    }, (options.durationSeconds * 1000) / 3);
    renewal.unref();
    const release = async () => {
        if (released)
            return;
        released = true;
        clearInterval(renewal);
        await releaseLease(client.detached(), name, identity, options.log);
    };
    return { name, identity, release, [Symbol.asyncDispose]: release };
}
/** Deletes the lease if `identity` still holds it: never another run's. */
async function releaseLease(client, name, identity, log) {
    const ref = leaseRef(name);
    try {
        const current = await client.read(ref);
        if (current?.spec?.holderIdentity !== identity)
            return false;
        return await client.delete(ref, 'Background');
    }
    catch (error) {
        log.warning(`Could not release the lease ${name} (it expires by itself): ${error.message}`);
        return false;
    }
}
function expired(lease, now) {
    // The client library hands times back as strings or Dates depending on the type it knows.
    const renewed = new Date(lease.spec?.renewTime ?? lease.spec?.acquireTime ?? NaN).getTime();
    const duration = (lease.spec?.leaseDurationSeconds ?? 0) * 1000;
    return Number.isNaN(renewed) || renewed + duration < now.getTime();
}
/** 100 ms doubling to 2 s, with jitter so that racing runs do not retry in step. */
function backoff(attempt) {
    const ceiling = Math.min(2000, 100 * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
}
/** The MicroTime format of Lease times: RFC 3339 with microseconds. */
function microTime(date) {
    return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}


/***/ }),

/***/ 3945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ deleteMatching),
/* harmony export */   z: () => (/* binding */ teardown)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6518);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8045);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7783);




/** Kinds searched even when nothing records them: the workloads themselves and the claims they leave. */
const ALWAYS = [..._model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .WORKLOAD_KIND_KEYS */ .YJ, 'v1/PersistentVolumeClaim'];
const POLL_MS = 1000;
/**
 * Deletes every object of one environment, found by its labels, and waits until they are gone so that a
 * reopen right after a close starts clean. The kinds searched are those the current template uses, those
 * recorded on the docker-host workload when it was deployed and exposed (the template may have changed
 * since), the workload kinds, and PersistentVolumeClaims; pods are awaited too.
 */
async function teardown(client, options) {
    const { selector, log } = options;
    const kinds = new Set([...options.templateKinds, ...ALWAYS]);
    // The workloads are listed once: for the kinds their deploy recorded, and again below for deletion.
    const listed = new Map();
    for (const key of _model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .WORKLOAD_KIND_KEYS */ .YJ) {
        listed.set(key, await listMatching(client, key, selector));
        for (const workload of listed.get(key)) {
            const annotations = workload.metadata.annotations ?? {};
            for (const annotation of [_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .ANNOTATIONS */ .BC.kinds, _model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .ANNOTATIONS */ .BC.exposureKinds]) {
                for (const recorded of annotations[annotation]?.split(',') ?? [])
                    if (recorded)
                        kinds.add(recorded);
            }
        }
    }
    // Foreground: an object stays until Kubernetes has removed what it owns (pods, ReplicaSets), so
    // waiting for it to go means waiting for everything under it.
    const { deleted, served } = await deleteMatching(client, [...kinds], selector, {
        propagation: 'Foreground',
        listed,
        log,
    });
    await waitUntilGone(client, [...served, 'v1/Pod'], selector, options);
    return { deleted };
}
/**
 * Deletes the objects of `kinds` (kind keys) that `selector` matches, but those `keep` names
 * (`apiVersion/Kind/name`), skipping kinds the cluster no longer serves. `listed` saves a list already
 * made. Returns what was deleted (`Kind/name`) and the kinds that are served.
 */
async function deleteMatching(client, kinds, selector, options) {
    const deleted = [];
    const served = [];
    for (const key of kinds) {
        const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKindKey */ .Pb)(key);
        if (!(await client.resource(apiVersion, kind))) {
            options.log.warning(`The cluster no longer serves ${apiVersion} ${kind}; skipping it.`);
            continue;
        }
        served.push(key);
        for (const object of options.listed?.get(key) ?? (await listMatching(client, key, selector))) {
            const ref = { apiVersion, kind, name: object.metadata.name };
            if (options.keep?.has(`${key}/${ref.name}`))
                continue;
            if (await client.delete(ref, options.propagation)) {
                deleted.push(`${kind}/${ref.name}`);
                options.log.info(`  ${kind}/${ref.name} deleted${options.why ? `: ${options.why}` : ''}`);
            }
        }
    }
    return { deleted, served };
}
async function listMatching(client, key, selector) {
    const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKindKey */ .Pb)(key);
    return (await client.list(apiVersion, kind, { labelSelector: selector })).items;
}
/** Waits, polling, until nothing of `kinds` matches `selector`: a reopen right after starts clean. */
async function waitUntilGone(client, kinds, selector, options) {
    const deadline = Date.now() + options.timeoutMs;
    while (true) {
        options.signal.throwIfAborted();
        const left = [];
        for (const key of kinds) {
            const { kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKindKey */ .Pb)(key);
            left.push(...(await listMatching(client, key, selector)).map((o) => `${kind}/${o.metadata.name}`));
        }
        if (left.length === 0)
            return;
        if (Date.now() >= deadline) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`These objects were still there ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(options.timeoutMs)} after deleting them (input timeout): ${left.join(', ')}. A finalizer may hold them; see kubectl describe.`);
        }
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .y)(POLL_MS, options.signal);
    }
}


/***/ }),

/***/ 1285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lf: () => (/* binding */ findRunningDockerHost),
  Hl: () => (/* binding */ waitForDockerHost)
});

// UNUSED EXPORTS: findReadyPod, isWorkloadReady

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
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
/**
 * Waits until the docker-host workload is ready, watching it (and listing again whenever the watch ends
 * or expires) for at most `timeoutMs`, and returns the ready pod that belongs to it. On timeout, or as
 * soon as the cluster refuses to create its pods, it explains what the pod is stuck on.
 */
async function waitForDockerHost(client, ref, options) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    // A cluster that refuses to create the pods ends the wait at once: no timeout makes that pass.
    const refused = new AbortController();
    const done = new AbortController();
    const deadline = AbortSignal.any([options.signal, timeout, refused.signal]);
    void awaitRefusal(client, ref, AbortSignal.any([deadline, done.signal])).then((message) => message !== undefined && refused.abort(message));
    try {
        return await watchUntilReady(client, ref, { ...options, deadline }, async () => {
            options.signal.throwIfAborted();
            if (refused.signal.aborted) {
                const report = await diagnose(client, ref, options.selector);
                throw new errors/* UserError */.yo(`The cluster refuses to create the pods of ${(0,objects/* describeRef */.Ro)(ref)}: ${String(refused.signal.reason)}\n${report}`);
            }
            if (timeout.aborted) {
                const report = await diagnose(client, ref, options.selector);
                throw new errors/* UserError */.yo(`${(0,objects/* describeRef */.Ro)(ref)} was not ready after ${(0,duration/* formatDuration */.a3)(options.timeoutMs)} (input timeout).\n${report}`);
            }
        });
    }
    finally {
        done.abort();
    }
}
/**
 * The wait itself: list the workload, watch it from there until it is ready, and list again whenever
 * the watch ends. `check` runs before every pass and throws to end the wait.
 */
async function watchUntilReady(client, ref, options, check) {
    const { log, deadline } = options;
    const fieldSelector = `metadata.name=${ref.name}`;
    const started = Date.now();
    let last = '';
    while (true) {
        await check();
        const { items, resourceVersion } = await client.list(ref.apiVersion, ref.kind, {
            fieldSelector,
        });
        let workload = items[0];
        if (!workload)
            throw deletedWhileWaiting(ref);
        let deleted = false;
        const report = (w) => {
            const line = `  ${(0,objects/* describeRef */.Ro)(ref)}: ${w.status?.readyReplicas ?? 0}/${w.spec?.replicas ?? 1} ready`;
            if (line !== last)
                log.info(`${line} (${(0,duration/* formatDuration */.a3)(Date.now() - started)})`);
            last = line;
        };
        report(workload);
        if (isWorkloadReady(workload))
            return findReadyPod(client, ref.kind, workload);
        const outcome = await client.watch(ref.apiVersion, ref.kind, { resourceVersion, fieldSelector }, (event) => {
            if (event.type === 'DELETED')
                deleted = true;
            else if (event.type === 'ADDED' || event.type === 'MODIFIED') {
                workload = event.object;
                report(workload);
            }
            return deleted || isWorkloadReady(workload);
        }, deadline);
        if (deleted)
            throw deletedWhileWaiting(ref);
        if (outcome === 'done')
            return findReadyPod(client, ref.kind, workload);
        // The watch ended (server timeout, expiry, dropped connection): list again, after a breath.
        // The deadline may end the pause early: the next check() says why.
        await (0,sleep/* sleep */.y)(outcome === 'closed' ? 500 : 100, deadline).catch(() => undefined);
    }
}
function deletedWhileWaiting(ref) {
    return new errors/* UserError */.yo(`${(0,objects/* describeRef */.Ro)(ref)} was deleted while waiting for it to become ready.`);
}
/**
 * The ready docker-host pod of an environment, found by its labels, or undefined when there is none
 * (never deployed, already deleted, or not running).
 */
async function findRunningDockerHost(client, selector) {
    for (const key of objects/* WORKLOAD_KIND_KEYS */.YJ) {
        const { apiVersion, kind } = (0,objects/* parseKindKey */.Pb)(key);
        const { items } = await client.list(apiVersion, kind, {
            labelSelector: `${selector},${objects/* LABELS */.kg.component}=${objects/* DOCKER_HOST_COMPONENT */.qK}`,
        });
        const workload = items[0];
        if (!workload)
            continue;
        try {
            return await findReadyPod(client, kind, workload);
        }
        catch {
            return undefined;
        }
    }
    return undefined;
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


/***/ }),

/***/ 8471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ MAIN_STATE)
/* harmony export */ });
/**
 * What the action's main step leaves in the step state (GITHUB_STATE) for its post step, which runs
 * after it, cancelled or not, and cleans up after a main step that was killed.
 */
const MAIN_STATE = {
    started: 'kpp-started',
    finished: 'kpp-finished',
    /** JSON LeaseCheckpoint while the main step holds the environment's lease; empty once released. */
    lease: 'kpp-lease',
    /** JSON ReportCheckpoint once the sticky comment or the deployment exists. */
    report: 'kpp-report',
};


/***/ }),

/***/ 5917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ permissionsFor)
/* harmony export */ });
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8045);

const WRITE = ['get', 'list', 'create', 'patch', 'delete'];
/**
 * Every permission a command needs in the namespace: its template's kinds, the docker-host's pod and
 * what runs in it (exec, port-forward), the lease, and what diagnosis and teardown read. The exposure
 * kinds are known for the bundled exposure template; a custom one is checked when it is applied.
 */
function permissionsFor(command, kinds, expose) {
    const needs = [
        ...kinds.map((kind) => ({ kind, verbs: command === 'up' ? WRITE : ['get', 'list', 'delete'] })),
        ..._objects_js__WEBPACK_IMPORTED_MODULE_0__/* .WORKLOAD_KIND_KEYS */ .YJ.map((kind) => ({
            kind,
            verbs: command === 'up' ? ['get', 'list', 'watch'] : ['list', 'delete'],
        })),
        { group: 'apps', resource: 'replicasets', verbs: ['get', 'list'] },
        { group: '', resource: 'pods', verbs: ['get', 'list'] },
        {
            group: '',
            resource: 'persistentvolumeclaims',
            verbs: command === 'up' ? ['list'] : ['list', 'delete'],
        },
        { group: '', resource: 'events', verbs: ['list'] },
        { group: 'coordination.k8s.io', resource: 'leases', verbs: ['get', 'create', 'update', 'delete'] },
        // Exec (file sync) and port-forward (Docker) go over WebSocket upgrades of a GET; older API servers
        // authorize them as `get`, newer ones as `create`.
        { group: '', resource: 'pods/exec', verbs: ['create', 'get'] },
        { group: '', resource: 'pods/portforward', verbs: ['create', 'get'] },
    ];
    if (command === 'up' && expose && expose.mode !== 'none' && expose.template === 'expose') {
        needs.push({ kind: 'v1/Service', verbs: WRITE });
        if (expose.mode === 'ingress') {
            needs.push({ kind: 'networking.k8s.io/v1/Ingress', verbs: WRITE });
            if (expose.basicAuth)
                needs.push({ kind: 'v1/Secret', verbs: WRITE });
        }
    }
    return needs;
}


/***/ }),

/***/ 3553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ removeEnvironment),
/* harmony export */   runDown: () => (/* binding */ runDown)
/* harmony export */ });
/* harmony import */ var _docker_compose_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1580);
/* harmony import */ var _kube_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4090);
/* harmony import */ var _kube_connection_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(641);
/* harmony import */ var _kube_teardown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3945);
/* harmony import */ var _kube_wait_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1285);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8045);
/* harmony import */ var _model_permissions_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5917);
/* harmony import */ var _kube_access_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4979);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8642);
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
 * `down`: under the environment's lease, stop compose and delete every object of the environment. A
 * namespace that does not exist holds no environment: that is a success with a notice. The pull request's
 * comment, if it has one, says *deleted*.
 */
async function runDown(run, client, templateKinds, report) {
    try {
        await run.timer.time('access', () => (0,_kube_access_js__WEBPACK_IMPORTED_MODULE_7__/* .checkAccess */ .x)(client, (0,_model_permissions_js__WEBPACK_IMPORTED_MODULE_6__/* .permissionsFor */ .m)('down', templateKinds), run.log));
        const deleted = await downUnlessNamespaceMissing(run, client, templateKinds);
        await report?.deleted();
        return { command: 'down', deleted };
    }
    catch (error) {
        await report?.ended(error, run.signal, 'teardown');
        throw error;
    }
}
async function downUnlessNamespaceMissing(run, client, templateKinds) {
    try {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const _lease = __addDisposableResource(env_1, await (0,_lock_js__WEBPACK_IMPORTED_MODULE_9__/* .lock */ .s)(client, run), true);
            return await removeEnvironment(run, client, templateKinds);
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
    catch (error) {
        // The lease cannot be created in a namespace that does not exist: 404 naming the namespace.
        if (!(error instanceof _kube_client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W && error.namespaceMissing))
            throw error;
        run.log.notice(`Namespace "${run.settings.namespace}" does not exist, so neither does environment ${run.ids.envId}; nothing to delete.`);
        return [];
    }
}
/**
 * compose down (when the Docker server still runs), then delete every object of the environment and
 * wait until they are gone. The caller holds the lease.
 */
async function removeEnvironment(run, client, templateKinds) {
    const { settings, ids, log, signal, timer } = run;
    const selector = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .environmentSelector */ .b6)(ids.id);
    const pod = await (0,_kube_wait_js__WEBPACK_IMPORTED_MODULE_4__/* .findRunningDockerHost */ .lf)(client, selector);
    if (pod) {
        // Stopping the services first lets them shut down cleanly; deleting the pod would kill them anyway,
        // so a failure here is only a warning.
        try {
            const env_2 = { stack: [], error: void 0, hasError: false };
            try {
                const connection = __addDisposableResource(env_2, await (0,_kube_connection_js__WEBPACK_IMPORTED_MODULE_2__/* .connectToPod */ .Xm)(client, pod, { log, signal, pingTimeoutMs: 15_000 }), true);
                await timer.time('compose', () => (0,_docker_compose_js__WEBPACK_IMPORTED_MODULE_0__/* .composeDown */ .D)(run.model, {
                    dockerHost: connection.dockerHost,
                    environment: run.projectEnv,
                    workingDirectory: settings.workingDirectory,
                    log,
                    signal,
                }));
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
        catch (error) {
            signal.throwIfAborted();
            log.warning(`Could not stop the services before deleting the pod: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .describeError */ .Uc)(error)}`);
        }
    }
    const { deleted } = await timer.time('teardown', () => log.group('Delete the environment', () => (0,_kube_teardown_js__WEBPACK_IMPORTED_MODULE_3__/* .teardown */ .z)(client, { selector, templateKinds, timeoutMs: settings.timeoutMs, signal, log })));
    if (deleted.length === 0) {
        log.notice(`Environment ${ids.envId} does not exist in namespace ${settings.namespace}; nothing to delete.`);
    }
    return deleted;
}


/***/ }),

/***/ 8642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ lock)
/* harmony export */ });
/* harmony import */ var _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6207);
/* harmony import */ var _model_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8471);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9240);



/**
 * Waits for, then holds, the environment's lease: one run per environment at a time. While it is held,
 * the step state says so, for a post step to release it should this process be killed.
 */
async function lock(client, run) {
    const { settings } = run;
    const lease = await run.timer.time('lock', () => (0,_kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireLease */ .ZZ)(client, run.ids.id, {
        holder: (0,_run_js__WEBPACK_IMPORTED_MODULE_2__/* .holderOf */ .K)(run.context),
        durationSeconds: 30,
        waitMs: settings.timeoutMs,
        pollMs: 2000,
        signal: run.signal,
        log: run.log,
    }));
    const held = {
        namespace: settings.namespace,
        name: lease.name,
        identity: lease.identity,
        // Never a secret in the step state: a kubeconfig given as content is read from the input again.
        kubeconfig: settings.kubeconfig.kind === 'content' ? { kind: 'content' } : settings.kubeconfig,
        context: settings.context,
    };
    run.checkpoint(_model_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .MAIN_STATE */ .A.lease, JSON.stringify(held));
    const release = async () => {
        await lease.release();
        run.checkpoint(_model_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .MAIN_STATE */ .A.lease, '');
    };
    return { ...lease, release, [Symbol.asyncDispose]: release };
}


/***/ }),

/***/ 2977:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* harmony import */ var _lib_stream_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6412);
/* harmony import */ var _lib_extension_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1335);
/* harmony import */ var _lib_permessage_deflate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4376);
/* harmony import */ var _lib_receiver_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(893);
/* harmony import */ var _lib_sender_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7389);
/* harmony import */ var _lib_subprotocol_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3332);
/* harmony import */ var _lib_websocket_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6681);
/* harmony import */ var _lib_websocket_server_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(129);











/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (_lib_websocket_js__WEBPACK_IMPORTED_MODULE_6__);


/***/ })

};
