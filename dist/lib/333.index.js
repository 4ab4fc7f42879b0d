export const id = 333;
export const ids = [333];
export const modules = {

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

/***/ 2333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runExtend: () => (/* binding */ runExtend)
/* harmony export */ });
/* harmony import */ var _kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9749);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8045);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6518);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8642);
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
async function runExtend(run, client, byMs, report) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const { ids, settings } = run;
        const _lease = __addDisposableResource(env_1, await (0,_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .lock */ .s)(client, run), true);
        const host = await (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_0__/* .findDockerHost */ .eU)(client, ids.id);
        if (!host) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Environment ${ids.envId} does not exist in namespace ${settings.namespace}, so there is nothing to extend; \`/preview redeploy\` deploys it.`);
        }
        const current = (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_0__/* .expiryOf */ .p1)(host);
        if (!current) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Environment ${ids.envId} has no expiry (input ttl is not set), so there is nothing to extend: it lives until its pull request closes.`);
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
    const lease = await run.timer.time('lock', () => (0,_kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireLease */ .Z)(client, run.ids.id, {
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


/***/ })

};
