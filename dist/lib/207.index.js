export const id = 207;
export const ids = [207,45];
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
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4708);
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

/***/ 8045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ leaseName),
/* harmony export */   Ab: () => (/* binding */ identityLabels),
/* harmony export */   BA: () => (/* binding */ EXPOSE_COMPONENT),
/* harmony export */   BC: () => (/* binding */ ANNOTATIONS),
/* harmony export */   H8: () => (/* binding */ refOf),
/* harmony export */   O$: () => (/* binding */ LEASE_PREFIX),
/* harmony export */   Pb: () => (/* binding */ parseKindKey),
/* harmony export */   Ro: () => (/* binding */ describeRef),
/* harmony export */   YJ: () => (/* binding */ WORKLOAD_KIND_KEYS),
/* harmony export */   _V: () => (/* binding */ kindKey),
/* harmony export */   b6: () => (/* binding */ environmentSelector),
/* harmony export */   ev: () => (/* binding */ annotatedTime),
/* harmony export */   kg: () => (/* binding */ LABELS),
/* harmony export */   qK: () => (/* binding */ DOCKER_HOST_COMPONENT),
/* harmony export */   u: () => (/* binding */ MANAGER)
/* harmony export */ });
function refOf(object) {
    return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name };
}
/** `StatefulSet/web-pr-1`, the way kubectl names an object. */
function describeRef(ref) {
    return `${ref.kind}/${ref.name}`;
}
/** A kind as teardown remembers it: `apps/v1/StatefulSet`, `v1/ConfigMap`. */
function kindKey(ref) {
    return `${ref.apiVersion}/${ref.kind}`;
}
function parseKindKey(key) {
    const at = key.lastIndexOf('/');
    return { apiVersion: key.slice(0, at), kind: key.slice(at + 1) };
}
/** Labels that identify what kube-pod-preview created, and for which environment. */
const LABELS = {
    managedBy: 'app.kubernetes.io/managed-by',
    envId: 'kube-pod-preview/env-id',
    id: 'kube-pod-preview/id',
    component: 'app.kubernetes.io/component',
};
const MANAGER = 'kube-pod-preview';
/** Names of the Leases that let one run at a time change an environment: kube-pod-preview's own. */
const LEASE_PREFIX = `${MANAGER}-`;
/** The name of the environment's Lease. */
function leaseName(id) {
    return `${LEASE_PREFIX}${id}`;
}
/** The kinds that may run the Docker server, as kind keys: teardown, cleanup and access checks list both. */
const WORKLOAD_KIND_KEYS = ['apps/v1/StatefulSet', 'apps/v1/Deployment'];
const DOCKER_HOST_COMPONENT = 'docker-host';
/** The component label of the objects that expose the published ports (Services, Ingresses, …). */
const EXPOSE_COMPONENT = 'preview-exposure';
const ANNOTATIONS = {
    repository: 'kube-pod-preview/repository',
    prUrl: 'kube-pod-preview/pr-url',
    sha: 'kube-pod-preview/sha',
    templateHash: 'kube-pod-preview/template-hash',
    deployedAt: 'kube-pod-preview/deployed-at',
    /** On the docker-host workload: every kind the environment's template used, for teardown. */
    kinds: 'kube-pod-preview/kinds',
    /** On the docker-host workload: the kinds the exposure template used, recorded before it applies them. */
    exposureKinds: 'kube-pod-preview/exposure-kinds',
    /** When `cleanup` may remove the environment: the last deploy plus input ttl (or `/preview extend`). */
    expiresAt: 'kube-pod-preview/expires-at',
    /** On the docker-host workload: since when `cleanup` has it scaled to zero (input sleep-after). */
    sleepingSince: 'kube-pod-preview/sleeping-since',
    /** On the docker-host workload: the last deploy's URLs (JSON), for the comment of a sleeping one. */
    urls: 'kube-pod-preview/urls',
};
/** A time an annotation of the object records (deployed-at, expires-at, …); undefined without one. */
function annotatedTime(object, annotation) {
    const at = Date.parse(object.metadata.annotations?.[annotation] ?? '');
    return Number.isNaN(at) ? undefined : new Date(at);
}
/** The labels that identify one environment's objects. Stable across deploys, so fit for selectors. */
function identityLabels(ids) {
    return { [LABELS.managedBy]: MANAGER, [LABELS.envId]: ids.envId, [LABELS.id]: ids.id };
}
/** The label selector that finds every object of one environment. */
function environmentSelector(id) {
    return `${LABELS.managedBy}=${MANAGER},${LABELS.id}=${id}`;
}


/***/ })

};
