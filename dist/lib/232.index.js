export const id = 232;
export const ids = [232];
export const modules = {

/***/ 6232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   extend: () => (/* binding */ extend)
/* harmony export */ });
/* harmony import */ var _kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9749);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8045);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6518);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _phases_github_report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2723);
/* harmony import */ var _phases_hold_lease_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4584);
/* harmony import */ var _phases_phase_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5079);
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
 * `/preview extend <duration>`: pushes the environment's expiry back by `byMs` (from now, when it has
 * already passed), under its lease, and rewrites the comment's expiry line. The next deploy sets it
 * from input ttl again.
 */
async function extend(run, cluster) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { ids, settings } = run;
        if (run.command.name !== 'extend')
            throw new Error(`extend runs for /preview extend, not ${run.command.name}.`);
        const { byMs } = run.command;
        const client = await cluster.connect();
        const report = (0,_phases_github_report_js__WEBPACK_IMPORTED_MODULE_4__/* .reportOf */ .EI)(run);
        const _lease = __addDisposableResource(env_1, await (0,_phases_phase_js__WEBPACK_IMPORTED_MODULE_6__/* .phase */ .O)(run, 'lock', () => (0,_phases_hold_lease_js__WEBPACK_IMPORTED_MODULE_5__/* .holdLease */ .U)(client, run)), true);
        const host = await (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_0__/* .findDockerHost */ .eU)(client, ids.id);
        if (!host) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(explainNothingToExtend(ids.envId, settings.namespace));
        }
        const current = (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_0__/* .expiryOf */ .p1)(host);
        if (!current) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(explainNoExpiry(ids.envId));
        }
        const now = run.now().getTime();
        const wanted = Math.max(current.getTime(), now) + byMs;
        // Capped from now, so that repeating the command cannot keep an environment forever.
        const cap = now + settings.maxTtlMs;
        const expiresAt = new Date(Math.min(wanted, cap));
        await (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_0__/* .setExpiry */ .sP)(client, (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .refOf */ .H8)(host), expiresAt);
        run.log.info(wanted > cap
            ? `Environment ${ids.envId} now expires at ${expiresAt.toISOString()}: ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatSpan */ .QA)(settings.maxTtlMs)} from now is the latest input max-ttl allows.`
            : `Environment ${ids.envId} now expires at ${expiresAt.toISOString()} (+${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatSpan */ .QA)(byMs)}).`);
        await report?.extended(expiresAt);
        return { command: 'extend', expiresAt: expiresAt.toISOString() };
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
function explainNothingToExtend(envId, namespace) {
    return `Environment ${envId} does not exist in namespace ${namespace}, so there is nothing to extend; \`/preview redeploy\` deploys it.`;
}
function explainNoExpiry(envId) {
    return `Environment ${envId} has no expiry (input ttl is not set), so there is nothing to extend: it lives until its pull request closes.`;
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

/***/ 522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _U: () => (/* binding */ isIngress),
/* harmony export */   gv: () => (/* binding */ isWorkload),
/* harmony export */   j_: () => (/* binding */ isClaim),
/* harmony export */   kd: () => (/* binding */ isService)
/* harmony export */ });
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8045);

function isWorkload(object) {
    return _objects_js__WEBPACK_IMPORTED_MODULE_0__/* .WORKLOAD_KIND_KEYS */ .YJ.includes((0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .kindKey */ ._V)(object));
}
function isService(object) {
    return object.kind === 'Service';
}
function isIngress(object) {
    return object.kind === 'Ingress';
}
function isClaim(object) {
    return object.kind === 'PersistentVolumeClaim';
}


/***/ })

};
