export const id = 641;
export const ids = [641,977];
export const modules = {

/***/ 3945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ deleteMatching),
/* harmony export */   z: () => (/* binding */ teardown)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6518);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4708);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8045);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7783);





/** Kinds searched even when nothing records them: the workloads themselves and the claims they leave. */
const ALWAYS = [..._model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .WORKLOAD_KIND_KEYS */ .YJ, 'v1/PersistentVolumeClaim'];
/** The wait for the objects to go polls at first often (a pod may go in a second), then twice a second. */
const POLL_MS = { first: 200, max: 500 };
/**
 * The grace period the environment's pods get when it is deleted. Their default (30 s) would let dockerd
 * stop each service with Docker's stop timeout (10 s for one that ignores SIGTERM); everything in the
 * pod is about to be deleted with its volume, so a graceful stop buys nothing (issue 12).
 */
const TEARDOWN_GRACE_SECONDS = 1;
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
    // Foreground: an object stays until Kubernetes has removed what it owns (pods, ReplicaSets), so
    // waiting for it to go means waiting for everything under it.
    const { deleted, served } = await deleteMatching(client, [...kinds], selector, {
        propagation: 'Foreground',
        listed,
        log,
    });
    await shortenGracePeriods(client, selector, log);
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
 * Deletes the environment's pods again with a short grace period, so that they stop at once instead of
 * waiting out Docker's stop timeouts. Without "delete" on pods (it is optional, deploy/rbac.yaml grants
 * it) they keep their own grace period, which is only slower.
 */
async function shortenGracePeriods(client, selector, log) {
    for (const pod of await listMatching(client, 'v1/Pod', selector)) {
        try {
            await client.delete({ apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name }, 'Background', {
                gracePeriodSeconds: TEARDOWN_GRACE_SECONDS,
            });
        }
        catch (error) {
            if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeApiError */ .W && error.code === 403))
                throw error;
            log.info(`The pods keep their own grace period (not allowed to delete pods: ${error.message}); deleting can take as long as Docker's stop timeout.`);
            return;
        }
    }
}
async function listMatching(client, key, selector) {
    const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .parseKindKey */ .Pb)(key);
    return (await client.list(apiVersion, kind, { labelSelector: selector })).items;
}
/** Waits, polling, until nothing of `kinds` matches `selector`: a reopen right after starts clean. */
async function waitUntilGone(client, kinds, selector, options) {
    const deadline = Date.now() + options.timeoutMs;
    for (let pause = POLL_MS.first;; pause = Math.min(pause * 2, POLL_MS.max)) {
        options.signal.throwIfAborted();
        const left = [];
        for (const key of kinds) {
            const { kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .parseKindKey */ .Pb)(key);
            left.push(...(await listMatching(client, key, selector)).map((o) => `${kind}/${o.metadata.name}`));
        }
        if (left.length === 0)
            return;
        if (Date.now() >= deadline) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`These objects were still there ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(options.timeoutMs)} after deleting them (input timeout): ${left.join(', ')}. A finalizer may hold them; see kubectl describe.`);
        }
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .y)(pause, options.signal);
    }
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
