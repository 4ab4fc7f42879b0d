export const id = 230;
export const ids = [230];
export const modules = {

/***/ 2466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  showPlan: () => (/* binding */ showPlan)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/plan/manifest.ts

/**
 * Objects as multi-document YAML, what `plan` prints (the pod template's, then the exposure's, so the
 * URLs show before a deploy). A Secret's values are masked: a plan goes to logs and terminals.
 */
function manifestOf(objects) {
    return objects.map((o) => (0,dist/* stringify */.As)(maskSecret(o), { lineWidth: 0 })).join('---\n');
}
/** A Secret with every value of `data` and `stringData` replaced by its size; other objects as they are. */
function maskSecret(object) {
    if (object.kind !== 'Secret')
        return object;
    const masked = { ...object };
    for (const [field, encoding] of [
        ['data', 'base64'],
        ['stringData', 'utf8'],
    ]) {
        const values = masked[field];
        if (typeof values !== 'object' || values === null)
            continue;
        masked[field] = Object.fromEntries(Object.entries(values).map(([key, value]) => [
            key,
            `(masked: ${Buffer.byteLength(String(value), encoding)} bytes)`,
        ]));
    }
    return masked;
}

// EXTERNAL MODULE: ./src/plan/environment-plan.ts + 3 modules
var environment_plan = __webpack_require__(6987);
;// CONCATENATED MODULE: ./src/commands/show-plan.ts


/**
 * `plan`: the objects `up` would apply, the exposure of the ports compose declares included, as YAML.
 * With `--server`, as the API server answers their dry-run apply (defaults and admission's changes
 * filled in). A Secret's values are masked either way.
 */
async function showPlan(run, cluster) {
    const plan = await (0,environment_plan/* planEnvironment */.R)(run);
    const exposure = await plan.declaredExposure();
    if (!run.planOnServer)
        return { command: 'plan', manifest: manifestOf([...plan.pod.objects, ...exposure.objects]) };
    // Loaded here: `plan` without --server does not parse the Kubernetes client library.
    const { applyPlan } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(789), __webpack_require__.e(671)]).then(__webpack_require__.bind(__webpack_require__, 9501));
    const client = await cluster.connect();
    const write = { serverSideApply: run.settings.serverSideApply, log: run.log, dryRun: true };
    const objects = [
        ...(await applyPlan(client, plan.pod, write)),
        ...(exposure.objects.length > 0 ? await applyPlan(client, exposure, write) : []),
    ];
    return { command: 'plan', manifest: manifestOf(objects) };
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
