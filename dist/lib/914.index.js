export const id = 914;
export const ids = [914];
export const modules = {

/***/ 6914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cleanup: () => (/* binding */ cleanup)
/* harmony export */ });
/* harmony import */ var _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6207);
/* harmony import */ var _kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9749);
/* harmony import */ var _kube_teardown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3945);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8045);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6518);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
/* harmony import */ var _phases_github_report_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2723);
/* harmony import */ var _phases_hold_lease_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4584);
/* harmony import */ var _phases_phase_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5079);
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
 * `cleanup`: finds the preview environments in the namespace by their docker-host workloads and removes
 * those whose pull request is closed (for this repository, asked of the GitHub API) or whose expiry has
 * passed: the one `up` recorded (input ttl, `/preview extend`), else, with cleanup's own input ttl, that
 * long after the last deploy. With input sleep-after, it scales to zero those not deployed for that
 * long. An environment a run is working on (its lease is held) is left for a later cleanup. Every
 * environment kept says why.
 */
async function cleanup(run, cluster) {
    return (0,_phases_phase_js__WEBPACK_IMPORTED_MODULE_8__/* .phase */ .O)(run, 'cleanup', async () => {
        const { settings, context, log, signal, now } = run;
        const github = (0,_phases_github_report_js__WEBPACK_IMPORTED_MODULE_6__/* .githubApi */ .Mc)(settings, context, run.env);
        return cleanupNamespace(await cluster.connect(), { settings, context, github, log, signal, now });
    });
}
async function cleanupNamespace(client, options) {
    const { log, settings } = options;
    const hosts = await (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .dockerHosts */ .I7)(client);
    if (hosts.length === 0)
        log.info(`No preview environments in namespace ${client.namespace}.`);
    else
        explainLifetimes(settings, log);
    const now = options.now();
    const entries = [];
    for (const host of hosts) {
        options.signal.throwIfAborted();
        const labels = host.metadata.labels ?? {};
        const ids = { envId: labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.envId] ?? '?', id: labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.id] ?? '' };
        if (!ids.id)
            continue;
        const repository = host.metadata.annotations?.[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.repository];
        const { reason, kept } = await verdict(host, ids, now, options);
        const entry = { ...ids, repository, reason, action: 'kept' };
        entries.push(entry);
        const what = `${ids.envId} (${ids.id}${repository ? `, ${repository}` : ''})`;
        if (!entry.reason && idle(host, now, settings)) {
            entry.reason = 'idle';
            entry.action = settings.dryRun ? 'would sleep' : await sleep(client, host, entry, what, options);
            if (settings.dryRun)
                log.info(`  ${what}: would sleep (idle; dry-run)`);
        }
        else if (!entry.reason) {
            const since = (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .asleepSince */ .jY)(host);
            entry.why = [...(since ? [`asleep since ${since.toISOString()}`] : []), ...kept].join('; ');
            log.info(`  ${what}: kept (${entry.why})`);
        }
        else if (settings.dryRun) {
            entry.action = 'would remove';
            log.info(`  ${what}: would remove (${entry.reason}; dry-run)`);
        }
        else
            entry.action = await remove(client, entry, what, options);
    }
    return entries;
}
/** What ttl and sleep-after mean to this cleanup, said once. */
function explainLifetimes(settings, log) {
    log.info(settings.ttlMs === undefined
        ? 'Input ttl is not set: only an expiry recorded by up (its input ttl, /preview extend) removes an environment.'
        : `Input ttl ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatSpan */ .QA)(settings.ttlMs)}: an environment without a recorded expiry goes that long after its last deploy; a recorded expiry (up's input ttl, /preview extend) wins.`);
    if (settings.sleepAfterMs !== undefined)
        log.info(`Input sleep-after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatSpan */ .QA)(settings.sleepAfterMs)}: an environment not deployed for that long is scaled to zero.`);
}
/** Awake, and not deployed for input sleep-after. */
function idle(host, now, settings) {
    if (settings.sleepAfterMs === undefined || (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .asleepSince */ .jY)(host))
        return false;
    const deployedAt = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .annotatedTime */ .ev)(host, _model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.deployedAt);
    return deployedAt !== undefined && deployedAt.getTime() + settings.sleepAfterMs <= now.getTime();
}
/**
 * Puts one environment to sleep under its lease, unless a run holds it: scaled to zero, its exposure
 * removed, its volume kept. Its comment, if any, says *sleeping*.
 */
async function sleep(client, host, entry, what, options) {
    const { log, signal } = options;
    try {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const _lease = __addDisposableResource(env_1, await (0,_kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireLease */ .Z)(client, entry.id, leaseOptions(options)), true);
            await log.group(sleepTitle(host, what, options), () => (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .putToSleep */ .u9)(client, host, options.now(), log));
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
        if (!(error instanceof _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .LeaseHeldError */ ._))
            throw error;
        log.info(`  ${what}: a run is working on it; leaving it awake`);
        entry.why = 'a run is working on it';
        return 'busy';
    }
    signal.throwIfAborted();
    const pr = pullRequestOf(entry);
    if (pr !== undefined && entry.repository === options.context.repository) {
        const urls = (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .recordedUrls */ .bk)(host).map((u) => ({ ...u, state: 'asleep', detail: undefined }));
        await (0,_phases_github_report_js__WEBPACK_IMPORTED_MODULE_6__/* .reportFor */ .M_)(options.github, options.settings, entry, pr, options.context, log)?.sleeping(urls);
    }
    return 'asleep';
}
/** `Put pr-7 (…) to sleep: not deployed for 5h (input sleep-after 4h); StatefulSet/x to 0 replicas, …`. */
function sleepTitle(host, what, options) {
    const deployedAt = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .annotatedTime */ .ev)(host, _model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.deployedAt);
    const idleFor = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatSpan */ .QA)(options.now().getTime() - deployedAt.getTime());
    return `Put ${what} to sleep: not deployed for ${idleFor} (input sleep-after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatSpan */ .QA)(options.settings.sleepAfterMs)}); ${host.kind}/${host.metadata.name} scaled to 0 replicas and its exposure removed, its volume kept`;
}
function leaseOptions(options) {
    return {
        holder: (0,_phases_hold_lease_js__WEBPACK_IMPORTED_MODULE_7__/* .holderOf */ .K)(options.context),
        durationSeconds: 30,
        waitMs: 0,
        pollMs: 1000,
        signal: options.signal,
        log: options.log,
    };
}
/**
 * Why an environment goes (its expiry has passed, or its pull request of this repository is closed), or
 * else why it stays, a reason each.
 */
async function verdict(host, ids, now, options) {
    const expiry = expiryFor(host, options.settings);
    if (expiry && expiry.at.getTime() <= now.getTime())
        return { reason: 'expired', kept: [] };
    const kept = [expiry ? `expires ${expiry.at.toISOString()}${expiry.from}` : 'no expiry recorded'];
    const pr = pullRequestOf(ids);
    const repository = host.metadata.annotations?.[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.repository];
    if (pr === undefined)
        return { reason: undefined, kept: [...kept, 'not a pull request’s environment'] };
    if (repository !== options.context.repository)
        return { reason: undefined, kept: [...kept, `a pull request of ${repository ?? 'another repository'}`] };
    if (!options.github)
        return { reason: undefined, kept: [...kept, `no GitHub token to ask about pull request #${pr}`] };
    try {
        if ((await options.github.pullRequestState(pr)) === 'closed')
            return { reason: 'pull request closed', kept: [] };
        return { reason: undefined, kept: [...kept, `pull request #${pr} open`] };
    }
    catch (error) {
        options.log.warning(`Keeping ${ids.envId}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .describeError */ .Uc)(error)}`);
        return { reason: undefined, kept: [...kept, `pull request #${pr} unknown`] };
    }
}
/** The recorded expiry, else, with input ttl, that long after the last deploy; undefined without either. */
function expiryFor(host, settings) {
    const recorded = (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .expiryOf */ .p1)(host);
    if (recorded)
        return { at: recorded, from: '' };
    const deployedAt = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .annotatedTime */ .ev)(host, _model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.deployedAt);
    if (settings.ttlMs === undefined || !deployedAt)
        return undefined;
    return { at: new Date(deployedAt.getTime() + settings.ttlMs), from: ' (input ttl after its last deploy)' };
}
/** Removes one environment under its lease, unless a run holds it; its comment, if any, says *deleted*. */
async function remove(client, entry, what, options) {
    const { log, signal, settings } = options;
    try {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const _lease = __addDisposableResource(env_2, await (0,_kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireLease */ .Z)(client, entry.id, leaseOptions(options)), true);
            await log.group(`Remove ${what}: ${entry.reason}`, () => (0,_kube_teardown_js__WEBPACK_IMPORTED_MODULE_2__/* .teardown */ .z)(client, {
                selector: (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .environmentSelector */ .b6)(entry.id),
                templateKinds: [],
                timeoutMs: settings.timeoutMs,
                signal,
                log,
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
        if (!(error instanceof _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .LeaseHeldError */ ._))
            throw error;
        log.info(`  ${what}: a run is working on it; leaving it for the next cleanup`);
        entry.why = 'a run is working on it';
        return 'busy';
    }
    const pr = pullRequestOf(entry);
    if (pr !== undefined && entry.repository === options.context.repository) {
        await (0,_phases_github_report_js__WEBPACK_IMPORTED_MODULE_6__/* .reportFor */ .M_)(options.github, settings, entry, pr, options.context, log)?.deleted();
    }
    return 'removed';
}
/** The pull request an environment id `pr-<n>` belongs to. */
function pullRequestOf(ids) {
    const pr = /^pr-(\d+)$/.exec(ids.envId)?.[1];
    return pr === undefined ? undefined : Number(pr);
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
