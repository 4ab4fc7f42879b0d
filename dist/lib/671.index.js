export const id = 671;
export const ids = [671];
export const modules = {

/***/ 4662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W3: () => (/* binding */ KubeApiError),
/* harmony export */   rv: () => (/* binding */ ifNotFound),
/* harmony export */   tF: () => (/* binding */ apiFailure)
/* harmony export */ });
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7010);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


/** An API call that failed: the API server's own message, what we were doing, and what to do about it. */
class KubeApiError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    code;
    status;
    name = 'KubeApiError';
    constructor(code, message, 
    /** The Status the server answered with, when it sent one. */
    status = {}) {
        super(message);
        this.code = code;
        this.status = status;
    }
    /** The other field managers a server-side apply conflicted with (409 Conflict), from its causes. */
    get conflictingManagers() {
        if (this.code !== 409 || this.status.reason !== 'Conflict')
            return [];
        const names = (this.status.details?.causes ?? []).map((c) => /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1]);
        return [...new Set(names.filter((n) => n !== undefined))];
    }
    /**
     * A 403 of RBAC ("User … cannot create resource …"), not of admission (Pod Security, a quota, a
     * webhook refusing the object itself): the two have different fixes.
     */
    get rbacDenied() {
        return this.code === 403 && isRbacDenial(this.status.message ?? this.message);
    }
    /** The namespace itself does not exist (404 naming `namespaces`), not merely the object. */
    get namespaceMissing() {
        return this.code === 404 && this.status.details?.kind === 'namespaces';
    }
}
/**
 * The failure of the call `what` as users read it: a KubeApiError with the server's message and what
 * to do for an answer of the API server, a UserError naming `server` for a network failure.
 */
function apiFailure(what, error, where) {
    if (error instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .ApiException */ .UJ4) {
        const code = error.code;
        const status = parseStatus(error.body);
        const message = status.message ?? (typeof error.body === 'string' && error.body ? error.body : `HTTP ${code}`);
        return new KubeApiError(code, `Cannot ${what}: ${message}${remedyOf(code, status, where.namespace)}`, status);
    }
    const cause = error.cause;
    if (error instanceof TypeError && cause)
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(explainUnreachable(where.server, cause));
    return error instanceof Error ? error : new Error(String(error));
}
/** The call's result, or `fallback` when the API server answered 404 Not Found. */
async function ifNotFound(call, fallback) {
    try {
        return await call;
    }
    catch (error) {
        if (error instanceof KubeApiError && error.code === 404)
            return fallback;
        throw error;
    }
}
/** What to do about an answer of the API server, as a sentence that follows its message. */
function remedyOf(code, status, namespace) {
    switch (code) {
        case 401:
            return explainUnauthorized();
        case 403:
            return explainForbidden(status.message ?? '');
        case 404:
            return status.details?.kind === 'namespaces' ? explainMissingNamespace(namespace) : '';
        case 422:
            return explainInvalid(status.message ?? '');
        default:
            return '';
    }
}
function explainUnauthorized() {
    return '. The cluster rejected the credentials: renew the token or certificate in the kubeconfig.';
}
/**
 * A 403 is RBAC's ("User … cannot create resource …") or admission's: Pod Security, a quota, a policy
 * webhook refusing the object itself. Each has its own fix.
 */
function explainForbidden(message) {
    if (isRbacDenial(message))
        return ". The kubeconfig's identity lacks this permission: grant it with a Role in the namespace (see deploy/rbac.yaml).";
    if (/violates PodSecurity/.test(message))
        return ". The namespace's Pod Security level forbids the Docker server's pod: give previews a namespace of their own labelled pod-security.kubernetes.io/enforce=privileged, or use a template that runs unprivileged (template: sysbox).";
    return ". The cluster's admission refused it (a quota, a LimitRange, a policy or webhook): change the template or inputs to fit, or ask the cluster's operator.";
}
function explainMissingNamespace(namespace) {
    return `. Create the namespace (kubectl create namespace ${namespace}) or set input namespace to an existing one.`;
}
/** A 422: an object the API server will not store, most often one the template produced. */
function explainInvalid(message) {
    return /updates to statefulset spec for fields other than/.test(message)
        ? '. A StatefulSet cannot change its volumeClaimTemplates (storage-size, storage-class) or selector in place: run `down` for this environment first, then `up`.'
        : '. The template produced an object the API server rejects: fix the template.';
}
function explainUnreachable(server, cause) {
    return `Cannot reach the Kubernetes API server at ${server} (${cause.code ?? cause.message}). Check the kubeconfig's cluster address and that the runner can reach it.`;
}
/** RBAC's authorizer words every denial "User "…" cannot <verb> resource "…" in API group …". */
function isRbacDenial(message) {
    return / cannot [a-z]+ resource /.test(message);
}
/** The library hands over the error body as text; the API server sends a Status object as JSON. */
function parseStatus(body) {
    if (typeof body === 'object' && body !== null)
        return body;
    if (typeof body !== 'string')
        return {};
    try {
        const parsed = JSON.parse(body);
        return typeof parsed === 'object' && parsed !== null ? parsed : {};
    }
    catch {
        return {};
    }
}


/***/ }),

/***/ 9501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyPlan: () => (/* binding */ applyPlan)
/* harmony export */ });
/* unused harmony export environmentManager */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4662);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8789);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8045);




/**
 * Creates or updates every object of the plan. Before changing anything it checks that the cluster serves
 * each kind in the namespace and that no object it would write belongs to someone else: an object not
 * created by kube-pod-preview, or one of another preview environment. With `dryRun` every write is the
 * same request as `dryRun=All`: admission and validation answer as they would, and nothing is stored.
 * Resolves with the objects as the API server returned them (defaults filled in).
 */
async function applyPlan(client, plan, options) {
    const { log } = options;
    for (const key of plan.kinds) {
        const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .parseKindKey */ .Pb)(key);
        const resource = await client.resource(apiVersion, kind);
        if (!resource) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The cluster does not serve ${kind} in ${apiVersion}, which the template uses. Install its CRD or fix apiVersion in the template.`);
        }
        if (!resource.namespaced) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The template creates a ${kind}, which is cluster-scoped; every object must live in namespace "${plan.namespace}".`);
        }
    }
    const existing = await Promise.all(plan.objects.map((object) => client.read((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .refOf */ .H8)(object))));
    plan.objects.forEach((object, index) => checkOwnership(object, existing[index], plan));
    const write = { dryRun: options.dryRun ?? false };
    const stored = [];
    for (const [index, object] of plan.objects.entries()) {
        const current = existing[index];
        if (options.serverSideApply)
            stored.push(await applyAsEnvironment(client, object, plan, write));
        else if (current)
            stored.push(await client.mergePatch(object, write));
        else
            stored.push(await createOrPatch(client, object, plan, write));
        const verb = current ? 'configured' : 'created';
        log.info(`  ${(0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .describeRef */ .Ro)((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .refOf */ .H8)(object))} ${options.dryRun ? `would be ${verb} (dry run)` : verb}`);
    }
    return stored;
}
/**
 * The field manager of one environment. Two environments that apply one object (a fixed name in the
 * template, two runs racing past the ownership check) conflict instead of one taking it over.
 */
function environmentManager(id) {
    return `${_client_js__WEBPACK_IMPORTED_MODULE_2__/* .FIELD_MANAGER */ .v}/${id}`;
}
/**
 * Server-side apply as the environment's manager, without force. Fields still owned by the manager name
 * earlier versions used for every environment are ours (the labels say so): those are taken over. Any
 * other manager's field is a conflict that names it.
 */
async function applyAsEnvironment(client, object, plan, write) {
    const manager = environmentManager(plan.ids.id);
    try {
        return await client.serverSideApply(object, { manager, force: false, ...write });
    }
    catch (error) {
        const others = error instanceof _api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W3 ? error.conflictingManagers : [];
        if (others.length === 0)
            throw error;
        if (others.every((m) => m === _client_js__WEBPACK_IMPORTED_MODULE_2__/* .FIELD_MANAGER */ .v))
            return client.serverSideApply(object, { manager, force: true, ...write });
        const environment = others.some((m) => m.startsWith(`${_client_js__WEBPACK_IMPORTED_MODULE_2__/* .FIELD_MANAGER */ .v}/`));
        const fix = environment
            ? 'Object names must be unique per environment: put {{ id }} in its metadata.name in the template.'
            : 'Someone changed it outside kube-pod-preview: undo that change (or delete the object), then run again.';
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${(0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .describeRef */ .Ro)((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .refOf */ .H8)(object))} is also managed by ${others.map((m) => `"${m}"`).join(', ')}${environment ? ' (another preview environment)' : ''}; refusing to take it over. ${fix}`);
    }
}
/**
 * Client-side apply's create. An object that appeared since it was read is checked again: it is
 * patched only when it is this environment's.
 */
async function createOrPatch(client, object, plan, write) {
    try {
        return await client.create(object, write);
    }
    catch (error) {
        if (!(error instanceof _api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W3 && error.code === 409))
            throw error;
        checkOwnership(object, await client.read((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .refOf */ .H8)(object)), plan);
        return client.mergePatch(object, write);
    }
}
function checkOwnership(desired, current, plan) {
    if (!current)
        return;
    const labels = current.metadata?.labels ?? {};
    const ref = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .describeRef */ .Ro)((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .refOf */ .H8)(desired));
    if (labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.managedBy] !== _model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .MANAGER */ .u) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${ref} already exists in namespace "${plan.namespace}" and was not created by kube-pod-preview; refusing to take it over. Give the object a name unique to the environment in the template (include {{ id }}), or delete the existing one.`);
    }
    if (labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.id] !== plan.ids.id) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${ref} belongs to another preview environment (${_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.envId}=${labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.envId] ?? '?'}, ${_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.id}=${labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.id] ?? '?'}). Object names must be unique per environment: put {{ id }} in metadata.name of ${ref} in the template.`);
    }
}


/***/ }),

/***/ 4963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B0: () => (/* binding */ AnswerLostError),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* unused harmony exports classify, backoff, DeadlineError */
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7010);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6518);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7783);




const DEFAULT_RETRY = {
    baseMs: 250,
    // A refused connection costs a restarting server nothing; the cap is how late a run notices it is back.
    capMs: 2000,
    maxRetryAfterMs: 30_000,
    attempts: 6,
    firstContactMs: 30_000,
    random: Math.random,
};
const UNSENT = new Set([
    'ECONNREFUSED',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EAI_AGAIN',
    'ENOTFOUND',
    'UND_ERR_CONNECT_TIMEOUT',
]);
const LOST = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'ECONNABORTED',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
]);
/** The API server's words for a kubelet it cannot reach (../shared/real-cluster/kubelet-restart.jsonl). */
const BACKEND = /error dialing backend|:10250: .*(connection refused|connection reset by peer)/;
/** What went wrong, or undefined when trying again would not change the answer (403, 404, 409, 422…). */
function classify(error) {
    const answer = answerOf(error);
    if (answer)
        return classifyAnswer(answer);
    const cause = networkCause(error);
    if (!cause?.code)
        return undefined;
    // A connection that breaks while it is made (`connect ECONNRESET`: a TLS handshake cut) sent nothing.
    const connecting = cause.message?.startsWith('connect ') || /before secure TLS connection/.test(cause.message ?? '');
    if (UNSENT.has(cause.code) || (connecting && LOST.has(cause.code)))
        return { kind: 'unsent', reason: cause.code };
    if (LOST.has(cause.code))
        return { kind: 'lost', reason: cause.code };
    return undefined;
}
function classifyAnswer({ code, body, contentType, retryAfter }) {
    const reason = `HTTP ${code}`;
    const after = retryAfterMs(retryAfter);
    const withAfter = after === undefined ? {} : { retryAfterMs: after };
    if (code === 429)
        return { kind: 'throttled', reason, ...withAfter };
    if (code === 503 || /unable to handle the request/.test(body))
        return { kind: 'unavailable', reason, ...withAfter };
    if (code === 500 && BACKEND.test(body))
        return { kind: 'backend', reason: `${reason}: ${messageOf(body)}` };
    // A kubelet that has just started answers upgrades so for a pod that runs: plain text, not a Status.
    if (code === 404 && body.trim() === 'pod does not exist' && !contentType?.includes('json'))
        return { kind: 'backend', reason: `${reason}: pod does not exist` };
    if (code === 500 || code === 502 || code === 504)
        return { kind: 'server', reason };
    return undefined;
}
function answerOf(error) {
    if (error instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .ApiException */ .UJ4) {
        const headers = (error.headers ?? {});
        return {
            code: error.code,
            body: typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? ''),
            contentType: headers['content-type'],
            retryAfter: headers['retry-after'],
        };
    }
    const e = error;
    if (e?.answer)
        return e.answer;
    if (typeof e?.statusCode === 'number')
        return { code: e.statusCode, body: '' };
    return undefined;
}
function networkCause(error) {
    const e = error;
    if (typeof e?.cause?.code === 'string')
        return e.cause;
    if (typeof e?.code === 'string')
        return e;
    if (e?.cause)
        return networkCause(e.cause);
    return undefined;
}
function messageOf(body) {
    try {
        return JSON.parse(body).message ?? body;
    }
    catch {
        return body;
    }
}
function retryAfterMs(header) {
    if (!header)
        return undefined;
    if (/^\d+$/.test(header.trim()))
        return Number(header) * 1000;
    const at = Date.parse(header);
    return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
/** The pause before try `attempt + 1` (full jitter: racing clients do not come back in step). */
function backoff(attempt, policy) {
    return policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
}
/** A transient failure outlasted the time it may be ridden out for. */
class DeadlineError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo {
    name = 'DeadlineError';
}
/** The connection broke after a request that is not safe to send twice was sent: it may have been applied. */
class AnswerLostError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo {
    name = 'AnswerLostError';
}
/**
 * Runs `fn`, trying again after transient failures with capped exponential backoff and jitter, until
 * the outage has lasted `patienceMs` (or `signal` aborts). Every call of kube-pod-preview goes through
 * here: REST calls, the start of watches, and WebSocket upgrades.
 */
async function withRetry(fn, options) {
    const started = Date.now();
    for (let attempt = 0;; attempt++) {
        options.signal?.throwIfAborted();
        let failure;
        try {
            const result = await fn();
            options.apiServer.answered();
            options.kubelet?.answered();
            return result;
        }
        catch (error) {
            failure = classify(error);
            // An answer, even a refusal, shows the API server is there; a 503 only that its address is right.
            if (answerOf(error)) {
                if (failure?.kind === 'unavailable')
                    options.apiServer.reached();
                else
                    options.apiServer.answered();
            }
            if (!failure)
                throw error;
            const delay = nextDelay(error, failure, attempt, started, options);
            if (options.once)
                throw error;
            await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_3__/* .sleep */ .yy)(delay, options.signal);
        }
    }
}
/** The pause before the next try, or throws when there is to be none. */
function nextDelay(error, failure, attempt, started, options) {
    const { what, policy, patienceMs } = options;
    if ((failure.kind === 'lost' || failure.kind === 'server') && !options.idempotent) {
        if (failure.kind === 'server')
            throw error;
        throw new AnswerLostError(`Cannot ${what}: the connection to the Kubernetes API server broke (${failure.reason}) after the request was sent; it may or may not have been applied.`);
    }
    if (failure.kind === 'server' && attempt + 1 >= policy.attempts)
        throw error;
    const tracker = failure.kind === 'backend' ? options.kubelet : options.apiServer;
    let deadline;
    if (tracker && failure.kind !== 'throttled' && failure.kind !== 'server') {
        tracker.failed(failure.reason, patienceMs);
        deadline = tracker.deadline(patienceMs);
        if (Date.now() >= deadline)
            throw new DeadlineError(`Cannot ${what}: ${tracker.gaveUp(patienceMs)}`);
    }
    else {
        deadline = started + patienceMs;
        if (Date.now() >= deadline)
            throw new DeadlineError(`Cannot ${what}: the Kubernetes API server kept answering ${failure.reason} for ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(patienceMs)} (input timeout).`);
    }
    const pause = Math.min(failure.retryAfterMs !== undefined
        ? Math.min(failure.retryAfterMs, policy.maxRetryAfterMs)
        : backoff(attempt, policy), Math.max(0, deadline - Date.now()));
    if (failure.kind === 'throttled' || failure.kind === 'server')
        options.log?.info(`  ${what}: ${failure.reason}; trying again in ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(pause)} (attempt ${attempt + 2})`);
    return pause;
}


/***/ }),

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EB: () => (/* binding */ anyOf),
/* harmony export */   ux: () => (/* binding */ within),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/**
 * Resolves after `ms`; rejects with the signal's reason as soon as `signal` aborts (at once when it
 * already has), so that a loop that sleeps ends with its run's cancellation instead of spinning.
 */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const abort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', abort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', abort, { once: true });
    });
}
/** A signal that aborts with any of `signals` that is given (AbortSignal.any without the undefined). */
function anyOf(...signals) {
    const given = signals.filter((s) => s !== undefined);
    return given.length === 1 ? given[0] : AbortSignal.any(given);
}
/** A signal that aborts with `signal`, or after `ms` with a TimeoutError: a wait bounded by both. */
function within(ms, signal) {
    return anyOf(signal, AbortSignal.timeout(ms));
}


/***/ })

};
