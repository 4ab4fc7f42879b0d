export const id = 627;
export const ids = [627,45];
export const modules = {

/***/ 4915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   doctor: () => (/* binding */ doctor)
/* harmony export */ });
/* harmony import */ var _kube_access_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4979);
/* harmony import */ var _kube_preflight_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(319);
/* harmony import */ var _model_ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(995);
/* harmony import */ var _model_permissions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5917);
/* harmony import */ var _phases_preflight_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4155);
/* harmony import */ var _plan_environment_plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4431);
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
        for (const check of await (0,_kube_preflight_js__WEBPACK_IMPORTED_MODULE_1__/* .preflightChecks */ .x)(client, await (0,_phases_preflight_js__WEBPACK_IMPORTED_MODULE_4__/* .preflightSubject */ .qo)(run, plan), run.log))
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
