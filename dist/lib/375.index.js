export const id = 375;
export const ids = [375,207];
export const modules = {

/***/ 6207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ acquireLease),
/* harmony export */   _: () => (/* binding */ LeaseHeldError),
/* harmony export */   releaseLease: () => (/* binding */ releaseLease)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6518);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9946);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8045);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7783);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4963);








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
    const name = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .leaseName */ .AI)(id);
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
        // Ours already: a create or takeover whose answer was lost was applied.
        if (current?.spec?.holderIdentity === who.identity)
            return current;
        try {
            const taken = await writeIfFree(client, current, who, options);
            if (taken)
                return taken;
        }
        catch (error) {
            // A takeover whose answer was lost: read the lease again (after a pause) to learn whether it is ours.
            if (error instanceof _retry_js__WEBPACK_IMPORTED_MODULE_6__/* .AnswerLostError */ .B0) {
                await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_7__/* .sleep */ .y)(backoff(conflicts++), options.signal);
                continue;
            }
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
            await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_7__/* .sleep */ .y)(Math.min(backoff(conflicts++), Math.max(0, deadline - Date.now())), options.signal);
            continue;
        }
        const holder = current.spec.holderIdentity;
        if (holder !== announced)
            options.log.info(`Waiting for another run of this environment to finish: ${holder} holds the lease ${name}.`);
        announced = holder;
        if (Date.now() >= deadline) {
            throw new LeaseHeldError(`Another run of this environment (${holder}) still holds the lease ${name} after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(options.waitMs)}. Use a concurrency group per pull request in the workflow, or delete the lease if that run is gone.`);
        }
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_7__/* .sleep */ .y)(options.pollMs, options.signal);
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
    let held = lease;
    let released = false;
    let renewing = false;
    // Ends a renewal riding out an outage when the lease is released.
    const releasing = new AbortController();
    const renewal = setInterval(() => {
        // A renewal riding out an outage is not joined by the next one.
        if (renewing)
            return;
        renewing = true;
        void renew(client.until(releasing.signal), held, identity)
            .then((renewed) => (held = renewed))
            .catch((error) => {
            if (!released)
                options.log.warning(`Could not renew the lease ${name}: ${error.message}`);
        })
            .finally(() => (renewing = false));
    }, (options.durationSeconds * 1000) / 3);
    renewal.unref();
    const release = async () => {
        if (released)
            return;
        released = true;
        clearInterval(renewal);
        releasing.abort();
        await releaseLease(client.detached(), name, identity, options.log);
    };
    return { name, identity, release, [Symbol.asyncDispose]: release };
}
/**
 * One renewal. A 409 after a renewal whose answer was lost (it was applied: the version moved on) is
 * told apart from another run's write by reading the lease: still ours, it is renewed from there.
 */
async function renew(client, held, identity) {
    const ref = leaseRef(held.metadata.name);
    const write = (lease) => client.replace({
        ...lease,
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        spec: { ...lease.spec, renewTime: microTime(new Date()) },
    });
    try {
        return await write(held);
    }
    catch (error) {
        if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_4__/* .KubeApiError */ .W && error.code === 409))
            throw error;
        const current = await client.read(ref);
        if (current?.spec?.holderIdentity !== identity)
            throw error;
        return write(current);
    }
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

/***/ 3945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ deleteMatching),
/* harmony export */   z: () => (/* binding */ teardown)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6518);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9946);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8045);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7783);





/** Kinds searched even when nothing records them: the workloads themselves and the claims they leave. */
const ALWAYS = [..._model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .WORKLOAD_KIND_KEYS */ .YJ, 'v1/PersistentVolumeClaim'];
/** The wait for the objects to go polls at first often (a pod may go in a second), then twice a second. */
const POLL_MS = { first: 200, max: 500 };
/** A wait longer than this says what it waits for, and again every REPORT_MS.every. */
const REPORT_MS = { first: 2_000, every: 10_000 };
/**
 * The grace period the environment's pods get when it is deleted. Their default (30 s) would let dockerd
 * stop each service with Docker's stop timeout (10 s for one that ignores SIGTERM); everything in the
 * pod is about to be deleted with its volume, so a graceful stop buys nothing.
 */
const TEARDOWN_GRACE_SECONDS = 1;
/**
 * Deletes every object of one environment, found by its labels, and waits until they are gone so that a
 * reopen right after a close starts clean. The kinds searched are those the current template uses, those
 * recorded on the docker-host workload when it was deployed and exposed (the template may have changed
 * since), the workload kinds, and PersistentVolumeClaims; pods are awaited too.
 *
 * The pods are deleted first, with a grace period of 1 s. Deleting their workload first (Foreground)
 * lets the garbage collector delete them within ~0.1 s with their own grace period, and once the
 * kubelet has begun that stop a later, shorter one does not hurry it: with a service that ignores
 * SIGTERM, dockerd then waits out Docker's stop timeout and the environment takes 13–15 s to go instead
 * of 4–5 s (../shared/real-cluster/teardown-timings.json, variants b and d–g).
 */
async function teardown(client, options) {
    const { selector, log } = options;
    const kinds = new Set([...options.templateKinds, ...ALWAYS]);
    // The workloads are listed once: for the kinds their deploy recorded, and again below for deletion.
    const listed = new Map();
    for (const key of _model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .WORKLOAD_KIND_KEYS */ .YJ) {
        listed.set(key, await listMatching(client, key, selector));
        for (const workload of listed.get(key)) {
            const annotations = workload.metadata.annotations ?? {};
            for (const annotation of [_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.kinds, _model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.exposureKinds]) {
                for (const recorded of annotations[annotation]?.split(',') ?? [])
                    if (recorded)
                        kinds.add(recorded);
            }
        }
    }
    const mayDeletePods = await stopPods(client, selector, log);
    // Foreground: an object stays until Kubernetes has removed what it owns (pods, ReplicaSets), so
    // waiting for it to go means waiting for everything under it.
    const { deleted, served } = await deleteMatching(client, [...kinds], selector, {
        propagation: 'Foreground',
        listed,
        log,
    });
    // A ReplicaSet replaces a deleted pod until its Deployment is deleted: stop the replacements too.
    if (mayDeletePods)
        await stopPods(client, selector, log);
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
        const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .parseKindKey */ .Pb)(key);
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
/**
 * Deletes the environment's pods with a short grace period, so that they stop at once instead of
 * waiting out Docker's stop timeouts; those already stopping with it are left alone. Without "delete"
 * on pods (it is optional, deploy/rbac.yaml grants it) they keep their own grace period, which is only
 * slower: then false.
 */
async function stopPods(client, selector, log) {
    for (const pod of await listMatching(client, 'v1/Pod', selector)) {
        const grace = pod.metadata.deletionGracePeriodSeconds;
        if (grace !== undefined && grace <= TEARDOWN_GRACE_SECONDS)
            continue;
        try {
            const ref = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name };
            if (await client.delete(ref, 'Background', { gracePeriodSeconds: TEARDOWN_GRACE_SECONDS }))
                log.info(`  Pod/${ref.name} deleted, with a grace period of ${TEARDOWN_GRACE_SECONDS}s`);
        }
        catch (error) {
            if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeApiError */ .W && error.code === 403))
                throw error;
            log.info(`The pods keep their own grace period (not allowed to delete pods: ${error.message}); deleting can take as long as Docker's stop timeout.`);
            return false;
        }
    }
    return true;
}
async function listMatching(client, key, selector) {
    const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .parseKindKey */ .Pb)(key);
    return (await client.list(apiVersion, kind, { labelSelector: selector })).items;
}
/**
 * Waits, polling, until nothing of `kinds` matches `selector`: a reopen right after starts clean. Past
 * two seconds it says what is left, and again every ten.
 */
async function waitUntilGone(client, kinds, selector, options) {
    const started = Date.now();
    const deadline = started + options.timeoutMs;
    let report = started + REPORT_MS.first;
    for (let pause = POLL_MS.first;; pause = Math.min(pause * 2, POLL_MS.max)) {
        options.signal.throwIfAborted();
        const left = [];
        for (const key of kinds) {
            const { kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .parseKindKey */ .Pb)(key);
            left.push(...(await listMatching(client, key, selector)).map((o) => `${kind}/${o.metadata.name}`));
        }
        if (left.length === 0)
            return;
        if (Date.now() >= report) {
            options.log.info(`  waiting for ${left.join(', ')} to go (${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(Date.now() - started)} so far; a pod goes once its containers have stopped)`);
            report = Date.now() + REPORT_MS.every;
        }
        if (Date.now() >= deadline) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`These objects were still there ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(options.timeoutMs)} after deleting them (input timeout): ${left.join(', ')}. A finalizer may hold them; see kubectl describe.`);
        }
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .y)(pause, options.signal);
    }
}


/***/ })

};
