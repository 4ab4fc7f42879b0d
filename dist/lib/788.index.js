export const id = 788;
export const ids = [788,326];
export const modules = {

/***/ 4915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   doctor: () => (/* binding */ doctor)
/* harmony export */ });
/* harmony import */ var _kube_access_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4979);
/* harmony import */ var _kube_cluster_checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1062);
/* harmony import */ var _model_ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(995);
/* harmony import */ var _model_permissions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5917);
/* harmony import */ var _phases_preflight_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4155);
/* harmony import */ var _plan_environment_plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6987);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17);







/**
 * `doctor`: whether the cluster answers, whether the identity may do what `up` and `down` do, and what
 * the cluster would make of this project's objects (dry runs, classes, secrets). Changes nothing; one
 * line per check, with what to do when it fails. Without an environment id it checks a new environment
 * under a placeholder one, and says so.
 */
async function doctor(run, cluster) {
    const plan = await (0,_plan_environment_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .planEnvironment */ .R)(run);
    const client = await cluster.connect();
    const checks = [];
    const record = (check) => {
        checks.push(check);
        run.log.info((0,_phases_preflight_js__WEBPACK_IMPORTED_MODULE_4__/* .checkLine */ .tY)(check));
    };
    if (run.ids.envId === _model_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCTOR_ENV_ID */ .I2 && !run.settings.envId && run.context.prNumber === undefined) {
        record({
            name: 'environment',
            state: 'skipped',
            detail: explainPlaceholder(run.ids.id),
        });
    }
    if (plan.pod.template?.fromPullRequest)
        record(templateCheck(plan.pod.template));
    let server;
    try {
        const version = await client.version();
        server = (0,_model_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .parseServerVersion */ .xA)(version);
        record({ name: 'cluster', state: 'ok', detail: `Kubernetes ${version} at ${client.serverUrl}` });
    }
    catch (error) {
        record({ name: 'cluster', state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .Uc)(error) });
        return { command: 'doctor', checks };
    }
    for (const command of ['up', 'down']) {
        const needs = (0,_model_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .permissionsFor */ .mr)(command, plan.pod.kinds, run.settings.expose, server);
        const quiet = { ...run.log, info: () => { } };
        try {
            await (0,_kube_access_js__WEBPACK_IMPORTED_MODULE_0__/* .checkAccess */ .x8)(client, needs, quiet, run.settings.namespaceFrom);
            record({ name: `permissions for ${command}`, state: 'ok', detail: 'granted' });
        }
        catch (error) {
            record({ name: `permissions for ${command}`, state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .Uc)(error) });
        }
    }
    try {
        for (const check of await (0,_kube_cluster_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .preflightChecks */ .x)(client, await (0,_phases_preflight_js__WEBPACK_IMPORTED_MODULE_4__/* .preflightSubject */ .qo)(run, plan), run.log))
            record(check);
    }
    catch (error) {
        record({ name: 'preflight', state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .Uc)(error) });
    }
    return { command: 'doctor', checks };
}
/** A pod template the pull request controls is code from the PR: rendered only in the sandbox. */
function templateCheck(template) {
    return {
        name: 'template',
        state: 'ok',
        detail: `${template.path} (${template.from}) comes from the pull request: it rendered in the sandbox (no credentials, files, processes or environment), and every object it makes carries the environment's id`,
    };
}
function explainPlaceholder(id) {
    return `none named (no env-id, no pull request): the checks below are of a new environment under the placeholder env-id "${_model_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCTOR_ENV_ID */ .I2}" (id ${id}); pass --env-id to check an existing one`;
}


/***/ }),

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
