export const id = 750;
export const ids = [750,641,977];
export const modules = {

/***/ 9501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ applyPlan)
/* harmony export */ });
/* unused harmony export environmentManager */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8045);



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
        const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKindKey */ .Pb)(key);
        const resource = await client.resource(apiVersion, kind);
        if (!resource) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The cluster does not serve ${kind} in ${apiVersion}, which the template uses. Install its CRD or fix apiVersion in the template.`);
        }
        if (!resource.namespaced) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The template creates a ${kind}, which is cluster-scoped; every object must live in namespace "${plan.namespace}".`);
        }
    }
    const existing = await Promise.all(plan.objects.map((object) => client.read((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(object))));
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
        log.info(`  ${(0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRef */ .Ro)((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(object))} ${options.dryRun ? `would be ${verb} (dry run)` : verb}`);
    }
    return stored;
}
/**
 * The field manager of one environment. Two environments that apply one object (a fixed name in the
 * template, two runs racing past the ownership check) conflict instead of one taking it over.
 */
function environmentManager(id) {
    return `${_client_js__WEBPACK_IMPORTED_MODULE_1__/* .FIELD_MANAGER */ .v}/${id}`;
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
        const others = error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W ? error.conflictingManagers : [];
        if (others.length === 0)
            throw error;
        if (others.every((m) => m === _client_js__WEBPACK_IMPORTED_MODULE_1__/* .FIELD_MANAGER */ .v))
            return client.serverSideApply(object, { manager, force: true, ...write });
        const environment = others.some((m) => m.startsWith(`${_client_js__WEBPACK_IMPORTED_MODULE_1__/* .FIELD_MANAGER */ .v}/`));
        const fix = environment
            ? 'Object names must be unique per environment: put {{ id }} in its metadata.name in the template.'
            : 'Someone changed it outside kube-pod-preview: undo that change (or delete the object), then run again.';
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${(0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRef */ .Ro)((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(object))} is also managed by ${others.map((m) => `"${m}"`).join(', ')}${environment ? ' (another preview environment)' : ''}; refusing to take it over. ${fix}`);
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
        if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W && error.code === 409))
            throw error;
        checkOwnership(object, await client.read((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(object)), plan);
        return client.mergePatch(object, write);
    }
}
function checkOwnership(desired, current, plan) {
    if (!current)
        return;
    const labels = current.metadata?.labels ?? {};
    const ref = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRef */ .Ro)((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(desired));
    if (labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.managedBy] !== _model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGER */ .u) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${ref} already exists in namespace "${plan.namespace}" and was not created by kube-pod-preview; refusing to take it over. Give the object a name unique to the environment in the template (include {{ id }}), or delete the existing one.`);
    }
    if (labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.id] !== plan.ids.id) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${ref} belongs to another preview environment (${_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.envId}=${labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.envId] ?? '?'}, ${_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.id}=${labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.id] ?? '?'}). Object names must be unique per environment: put {{ id }} in metadata.name of ${ref} in the template.`);
    }
}


/***/ }),

/***/ 7702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ preflightChecks)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _apply_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9501);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4708);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8045);
/* harmony import */ var _model_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7978);





const STORAGE_CLASS_DEFAULT = 'storageclass.kubernetes.io/is-default-class';
/**
 * Asks the API server about everything a deploy will send, changing nothing: every object as the same
 * apply with `dryRun=All` (validation, quotas, LimitRanges, webhooks answer as they will), the docker-host
 * pod as its workload's controller will create it (Pod Security judges pods, not workloads), and the
 * StorageClass, IngressClass and TLS Secret the objects name.
 */
async function preflightChecks(client, subject, log) {
    const quiet = { ...log, info: () => { } };
    const checks = [await dryRun('objects of the pod template', client, subject.plan, subject, quiet)];
    if (subject.exposure && subject.exposure.objects.length > 0)
        checks.push(await dryRun('exposure objects', client, subject.exposure, subject, quiet));
    checks.push(await podAdmission(client, subject.plan));
    checks.push(...(await storageClasses(client, subject)));
    if (subject.ingressClass)
        checks.push(await ingressClass(client, subject.ingressClass));
    if (subject.tlsSecret)
        checks.push(await tlsSecret(client, subject.tlsSecret));
    return checks;
}
async function dryRun(name, client, set, subject, log) {
    try {
        await (0,_apply_js__WEBPACK_IMPORTED_MODULE_1__/* .applyPlan */ .g)(client, set, { serverSideApply: subject.serverSideApply, log, dryRun: true });
        return { name: `dry run: ${name}`, state: 'ok', detail: `${set.objects.length} objects accepted` };
    }
    catch (error) {
        return { name: `dry run: ${name}`, state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error) };
    }
}
/**
 * The docker-host pod, created with `dryRun=All` as its StatefulSet or Deployment will create it. Pod
 * Security's enforce mode, the RuntimeClass plugin and quotas on pods judge pods only: a workload they
 * refuse is stored and its pods never come. Checked while the environment has no pod (first deploy, or
 * asleep): a running one would count against a pod quota the real rollout frees first.
 */
async function podAdmission(client, plan) {
    const name = 'pod admission (Pod Security, RuntimeClass, quotas)';
    const workload = (0,_model_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .dockerHostObject */ ._e)(plan);
    const pods = await client.list('v1', 'Pod', {
        labelSelector: (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .environmentSelector */ .b6)(plan.ids.id),
    });
    if (pods.items.length > 0)
        return {
            name,
            state: 'skipped',
            detail: 'the environment runs a pod already; its wait diagnoses a new one',
        };
    try {
        await client.create(podOf(workload), { dryRun: true });
        return {
            name,
            state: 'ok',
            detail: `a pod of ${plan.dockerHost.kind}/${plan.dockerHost.name} is admitted`,
        };
    }
    catch (error) {
        if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeApiError */ .W && error.rbacDenied) {
            return {
                name,
                state: 'skipped',
                detail: 'the identity may not create pods (grant create on pods for this check; deploy/rbac.yaml does)',
            };
        }
        return { name, state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error) };
    }
}
/** The pod a workload's controller creates: its template, with the volumes of its claim templates. */
function podOf(workload) {
    const spec = (workload.spec ?? {});
    const podSpec = structuredClone(spec.template?.spec ?? {});
    const claims = (spec.volumeClaimTemplates ?? []).map((c) => c.metadata?.name ?? '');
    const podName = `${workload.metadata.name}-preflight`;
    if (claims.length > 0) {
        const volumes = claims.map((claim) => ({
            name: claim,
            persistentVolumeClaim: { claimName: `${claim}-${podName}` },
        }));
        podSpec.volumes = [...(podSpec.volumes ?? []), ...volumes];
    }
    return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: podName, labels: spec.template?.metadata?.labels ?? {} },
        spec: podSpec,
    };
}
/**
 * Every StorageClass the claims name exists, and a claim that names none has a default one: without
 * it the claim stays Pending and the deploy waits out its timeout.
 */
async function storageClasses(client, subject) {
    const claims = claimsOf(subject.plan.objects);
    if (claims.length === 0)
        return [];
    const name = 'storage class';
    let classes;
    try {
        classes = (await client.list('storage.k8s.io/v1', 'StorageClass')).items;
    }
    catch (error) {
        if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeApiError */ .W && error.code === 403))
            throw error;
        return [
            {
                name,
                state: 'skipped',
                detail: 'StorageClasses are cluster-scoped and the identity may not list them (a ClusterRole granting list on storageclasses.storage.k8s.io enables this check)',
            },
        ];
    }
    const known = classes.map((c) => c.metadata.name);
    const fallback = classes.find((c) => c.metadata.annotations?.[STORAGE_CLASS_DEFAULT] === 'true');
    const available = `The cluster has ${known.length ? known.map((n) => `"${n}"`).join(', ') : 'none'}${fallback ? ` (default "${fallback.metadata.name}")` : ''}.`;
    return [...new Set(claims)].map((claimClass) => {
        if (claimClass === undefined) {
            return fallback
                ? { name, state: 'ok', detail: `the claims use the default StorageClass "${fallback.metadata.name}"` }
                : {
                    name,
                    state: 'failed',
                    detail: `No StorageClass is named and the cluster has no default one, so the docker-host's volume claim would stay Pending. Set input storage-class. ${available}`,
                };
        }
        const source = claimClass === subject.storageClass ? 'input storage-class' : 'the template';
        return known.includes(claimClass)
            ? { name, state: 'ok', detail: `StorageClass "${claimClass}" exists` }
            : {
                name,
                state: 'failed',
                detail: `StorageClass "${claimClass}" (from ${source}) does not exist, so the docker-host's volume claim would stay Pending. Set input storage-class to one that does. ${available}`,
            };
    });
}
/** The storageClassName of every claim the objects make (undefined: the default class). */
function claimsOf(objects) {
    const classOf = (claim) => claim.spec?.storageClassName;
    return objects.flatMap((o) => {
        if (o.kind === 'PersistentVolumeClaim')
            return [classOf(o)];
        const templates = o.spec
            ?.volumeClaimTemplates;
        return (templates ?? []).map(classOf);
    });
}
async function ingressClass(client, className) {
    const name = 'ingress class';
    return readNamed(client, { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', name: className }, {
        name,
        found: `IngressClass "${className}" exists`,
        missing: `IngressClass "${className}" (input ingress-class) does not exist: no ingress controller would serve the preview's Ingress. Set input ingress-class to one of \`kubectl get ingressclass\`, or leave it empty for the cluster's default.`,
        forbidden: 'IngressClasses are cluster-scoped and the identity may not read them (a ClusterRole granting get on ingressclasses.networking.k8s.io enables this check)',
    });
}
async function tlsSecret(client, secretName) {
    return readNamed(client, { apiVersion: 'v1', kind: 'Secret', name: secretName }, {
        name: 'TLS secret',
        found: `Secret "${secretName}" exists in namespace ${client.namespace}`,
        missing: `Secret "${secretName}" (input tls-secret) does not exist in namespace ${client.namespace}: the ingress would serve its controller's default certificate. Create it there (kubectl create secret tls ${secretName} --cert … --key … -n ${client.namespace}) or unset input tls-secret.`,
        forbidden: 'the identity may not read Secrets in the namespace (grant get on secrets to check it)',
    });
}
async function readNamed(client, ref, text) {
    try {
        const object = await client.read(ref);
        return object
            ? { name: text.name, state: 'ok', detail: text.found }
            : { name: text.name, state: 'failed', detail: text.missing };
    }
    catch (error) {
        if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeApiError */ .W && error.code === 403)
            return { name: text.name, state: 'skipped', detail: text.forbidden };
        throw error;
    }
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

/***/ 9033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ exposePorts),
  L: () => (/* binding */ planExposure)
});

// EXTERNAL MODULE: ./src/kube/apply.ts
var apply = __webpack_require__(9501);
// EXTERNAL MODULE: ./src/kube/teardown.ts
var teardown = __webpack_require__(3945);
// EXTERNAL MODULE: ./src/model/exposure.ts
var exposure = __webpack_require__(1436);
// EXTERNAL MODULE: ./src/model/objects.ts
var objects = __webpack_require__(8045);
// EXTERNAL MODULE: ./src/model/plan.ts
var plan = __webpack_require__(7978);
// EXTERNAL MODULE: ./src/model/template-args.ts
var template_args = __webpack_require__(4621);
// EXTERNAL MODULE: ./src/render/template.ts
var render_template = __webpack_require__(2944);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
;// CONCATENATED MODULE: ./src/run/health.ts

const ATTEMPT_TIMEOUT_MS = 5000;
const POLL_MS = 2000;
/**
 * The health gate: requests each URL until it answers with a status below 500 or `timeoutMs` passes.
 * A 4xx counts as answering: the preview is up, the path or the credentials are the reviewer's business.
 * The URLs are checked side by side; the result is in the order given.
 */
async function checkUrls(urls, options) {
    const deadline = Date.now() + options.timeoutMs;
    return Promise.all(urls.map((url) => checkUrl(url, deadline, options)));
}
async function checkUrl(url, deadline, options) {
    let detail;
    while (true) {
        options.signal.throwIfAborted();
        try {
            const response = await fetch(url, {
                redirect: 'manual',
                signal: AbortSignal.any([
                    options.signal,
                    AbortSignal.timeout(Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, deadline - Date.now()))),
                ]),
            });
            await response.body?.cancel();
            detail = `HTTP ${response.status}`;
            if (response.status < 500)
                return { state: 'ready', detail };
        }
        catch (error) {
            options.signal.throwIfAborted();
            detail = describeFetchError(error);
        }
        if (Date.now() + POLL_MS > deadline)
            return { state: 'unreachable', detail };
        await (0,sleep/* sleep */.y)(POLL_MS, options.signal);
    }
}
function describeFetchError(error) {
    const cause = error.cause;
    if (cause?.code)
        return cause.code;
    if (error.name === 'TimeoutError')
        return 'timed out';
    return cause?.message ?? error.message;
}

;// CONCATENATED MODULE: ./src/run/expose.ts











const LOAD_BALANCER_POLL_MS = 2000;
/**
 * Makes the published ports reachable: plans the exposure objects (pure), records their kinds, applies
 * them, removes exposure objects an earlier deploy made that this one no longer plans, learns each URL
 * and waits, bounded by url-timeout, until it answers.
 */
async function exposePorts(client, ports, options) {
    const { expose, log } = options;
    const entries = (0,exposure/* exposureEntries */.Co)(ports, expose, options.ids);
    for (const p of ports.filter((p) => p.protocol !== 'tcp'))
        log.info(`  ${p.service} ${p.targetPort}/${p.protocol} is not exposed: only TCP is`);
    const plan = planExposure(entries, options);
    const recorded = await recordKinds(client, options.dockerHost, plan.kinds);
    if (plan.objects.length > 0)
        await (0,apply/* applyPlan */.g)(client, plan, { serverSideApply: options.serverSideApply, log });
    // Exposure objects of earlier deploys that this one did not plan (a port no longer published).
    await (0,teardown/* deleteMatching */.h)(client, recorded, `${(0,objects/* environmentSelector */.b6)(options.ids.id)},${objects/* LABELS */.kg.component}=${objects/* EXPOSE_COMPONENT */.BA}`, {
        propagation: 'Background',
        keep: new Set(plan.objects.map((o) => `${(0,objects/* kindKey */._V)(o)}/${o.metadata.name}`)),
        why: 'no longer exposed',
        log,
    });
    if (expose.mode === 'none')
        return entries.map((e) => portForwardCommand(e, options));
    const urls = expose.mode === 'loadbalancer'
        ? await loadBalancerUrls(client, plan.objects, entries, options)
        : entries.map((e) => e.url);
    return checkHealth(entries, urls, options);
}
/** The exposure objects of these entries: none with expose none or nothing to expose. */
function planExposure(entries, options) {
    if (options.expose.mode === 'none' || entries.length === 0)
        return (0,plan/* buildExposurePlan */.RW)({ objects: [], templateHash: '' }, options.planOptions);
    const template = (0,render_template/* loadTemplate */.PM)(options.expose.template);
    const args = (0,template_args/* exposureTemplateArgs */.n)(options.namespace, options.expose, options.ids, entries);
    return (0,plan/* buildExposurePlan */.RW)((0,render_template/* renderExposureTemplate */.AY)(template, args), options.planOptions);
}
function portForwardCommand(entry, options) {
    return {
        service: entry.service,
        port: entry.port,
        url: undefined,
        command: `kubectl --namespace ${options.namespace} port-forward pod/${options.podName} ${entry.publishedPort}:${entry.publishedPort}`,
        state: 'not-checked',
        detail: undefined,
    };
}
/**
 * The health gate over every URL, side by side. It never sends the basic-auth credentials: a 401 from
 * the ingress already says the preview is up, and the password has no business reaching the app.
 */
async function checkHealth(entries, urls, options) {
    const { urlTimeoutMs } = options.expose;
    const reachable = urls.filter((u) => u !== undefined);
    const checks = await options.log.group(`Wait for ${reachable.length} URLs to answer`, () => checkUrls(reachable, { timeoutMs: urlTimeoutMs, signal: options.signal }));
    const checkOf = new Map(reachable.map((url, i) => [url, checks[i]]));
    return entries.map((e, index) => {
        const url = urls[index];
        const check = url ? checkOf.get(url) : undefined;
        if (check)
            options.log.info(`  ${url} (${e.service}:${e.port}): ${check.state}, ${check.detail}`);
        return {
            service: e.service,
            port: e.port,
            url,
            command: undefined,
            state: check?.state ?? 'unreachable',
            detail: check?.detail ?? 'no address',
        };
    });
}
/**
 * Records the exposure's kinds on the docker-host workload before creating anything of them, so that a
 * teardown finds them even if this run dies half-way. Returns every kind recorded so far.
 */
async function recordKinds(client, dockerHost, kinds) {
    const host = await client.read(dockerHost);
    const before = host?.metadata.annotations?.[objects/* ANNOTATIONS */.BC.exposureKinds]?.split(',').filter(Boolean) ?? [];
    const all = [...new Set([...before, ...kinds])].sort();
    if (host && all.length !== before.length) {
        await client.mergePatch({
            apiVersion: dockerHost.apiVersion,
            kind: dockerHost.kind,
            metadata: { name: dockerHost.name, annotations: { [objects/* ANNOTATIONS */.BC.exposureKinds]: all.join(',') } },
        });
    }
    return all;
}
/**
 * Waits (bounded by url-timeout) for each LoadBalancer Service to get an address, and gives every entry
 * the URL of the Service port that carries its published port.
 */
async function loadBalancerUrls(client, objects, entries, options) {
    const services = objects.filter((o) => o.kind === 'Service' && o.spec?.type === 'LoadBalancer');
    const deadline = Date.now() + options.expose.urlTimeoutMs;
    const addresses = new Map();
    await options.log.group(`Wait for the address of ${services.length} LoadBalancer Services`, async () => {
        for (const service of services) {
            const address = await loadBalancerAddress(client, service.metadata.name, deadline, options);
            addresses.set(service.metadata.name, address.includes(':') ? `[${address}]` : address);
        }
    });
    return entries.map((entry) => {
        const service = services.find((s) => s.spec?.ports?.some((p) => p.port === entry.publishedPort));
        const address = service && addresses.get(service.metadata.name);
        return address ? `http://${address}:${entry.publishedPort}` : undefined;
    });
}
async function loadBalancerAddress(client, name, deadline, options) {
    while (true) {
        const current = await client.read({ apiVersion: 'v1', kind: 'Service', name });
        const ingress = current?.status?.loadBalancer?.ingress?.[0];
        const address = ingress?.ip ?? ingress?.hostname;
        if (address) {
            options.log.info(`  Service/${name}: ${address}`);
            return address;
        }
        if (Date.now() + LOAD_BALANCER_POLL_MS > deadline) {
            throw new errors/* UserError */.yo(`The LoadBalancer Service ${name} got no address within ${(0,duration/* formatDuration */.a3)(options.expose.urlTimeoutMs)} (input url-timeout). Does the cluster have a load-balancer implementation (a cloud provider, MetalLB, cloud-provider-kind)? Otherwise set input expose to ingress or none.`);
        }
        await (0,sleep/* sleep */.y)(LOAD_BALANCER_POLL_MS, options.signal);
    }
}


/***/ }),

/***/ 2738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mz: () => (/* binding */ preflight),
/* harmony export */   planOnServer: () => (/* binding */ planOnServer),
/* harmony export */   qo: () => (/* binding */ preflightSubject),
/* harmony export */   tY: () => (/* binding */ checkLine)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _docker_model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5097);
/* harmony import */ var _kube_apply_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9501);
/* harmony import */ var _kube_preflight_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7702);
/* harmony import */ var _model_exposure_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1436);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
/* harmony import */ var _expose_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9033);







/** What the checks compare the cluster with: the plan, and the exposure of the ports compose declares. */
function preflightSubject(run, plan, options) {
    const { settings, ids } = run;
    const { expose } = settings;
    const entries = (0,_model_exposure_js__WEBPACK_IMPORTED_MODULE_4__/* .exposureEntries */ .Co)((0,_docker_model_js__WEBPACK_IMPORTED_MODULE_1__/* .declaredPorts */ .l)(run.model), expose, ids);
    return {
        plan,
        exposure: (0,_expose_js__WEBPACK_IMPORTED_MODULE_6__/* .planExposure */ .L)(entries, { expose, namespace: settings.namespace, ids, planOptions: options }),
        serverSideApply: settings.serverSideApply,
        storageClass: settings.storageClass,
        ingressClass: expose.mode === 'ingress' ? expose.ingressClass : undefined,
        tlsSecret: expose.mode === 'ingress' ? expose.tlsSecret : undefined,
    };
}
/**
 * `up`'s preflight, before it takes the lease: what the cluster would refuse fails the run in a second,
 * in the API server's own words, instead of after the wait's timeout.
 */
async function preflight(run, client, plan, options) {
    const checks = await run.log.group('Preflight: dry run and cluster checks', async () => {
        const results = await (0,_kube_preflight_js__WEBPACK_IMPORTED_MODULE_3__/* .preflightChecks */ .x)(client, preflightSubject(run, plan, options), run.log);
        for (const check of results)
            run.log.info(checkLine(check));
        return results;
    });
    const failed = checks.filter((c) => c.state === 'failed');
    if (failed.length > 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`The cluster would refuse this preview (nothing was changed):\n${failed.map((c) => `- ${c.name}: ${c.detail}`).join('\n')}`);
    }
    return checks;
}
/** One line per check: ✔ passed, ✖ failed (with what to do), – not checked (and why). */
function checkLine(check) {
    const mark = { ok: '✔', failed: '✖', skipped: '–' }[check.state];
    return `${mark} ${check.name}: ${check.detail}`;
}
/**
 * `plan --server`: every object of the plan and of the exposure of the declared ports as the API server
 * answers their dry-run apply, defaults and admission's changes filled in.
 */
async function planOnServer(run, client, plan, options) {
    const { exposure } = preflightSubject(run, plan, options);
    const write = { serverSideApply: run.settings.serverSideApply, log: run.log, dryRun: true };
    const objects = [
        ...(await (0,_kube_apply_js__WEBPACK_IMPORTED_MODULE_2__/* .applyPlan */ .g)(client, plan, write)),
        ...(exposure && exposure.objects.length > 0 ? await (0,_kube_apply_js__WEBPACK_IMPORTED_MODULE_2__/* .applyPlan */ .g)(client, exposure, write) : []),
    ];
    return objects.map((o) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(o, { lineWidth: 0 })).join('---\n');
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
