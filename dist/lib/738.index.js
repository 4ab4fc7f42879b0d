export const id = 738;
export const ids = [738];
export const modules = {

/***/ 9501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ applyPlan)
/* harmony export */ });
/* unused harmony export environmentManager */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9946);
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

/***/ 319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ preflightChecks)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/kube/apply.ts
var apply = __webpack_require__(9501);
// EXTERNAL MODULE: ./src/kube/client.ts + 4 modules
var kube_client = __webpack_require__(9946);
// EXTERNAL MODULE: ./src/model/objects.ts
var objects = __webpack_require__(8045);
// EXTERNAL MODULE: ./src/model/plan.ts + 1 modules
var model_plan = __webpack_require__(9936);
;// CONCATENATED MODULE: ./src/kube/ingress-classes.ts

const INGRESS_CLASS_DEFAULT = 'ingressclass.kubernetes.io/is-default-class';
/**
 * The class of each Ingress of the exposure: the IngressClass it names exists, or, naming none (input
 * ingress-class not given), the cluster has a default one. ingress-nginx and most controllers ignore an
 * Ingress without a class when no IngressClass is the default, so its URLs would never answer.
 */
async function ingressClasses(client, subject) {
    const ingresses = (subject.exposure?.objects ?? []).filter((o) => o.kind === 'Ingress');
    const named = new Set(ingresses.map((i) => i.spec?.ingressClassName));
    const checks = [];
    for (const className of named) {
        if (className) {
            const source = className === subject.ingressClass ? 'input ingress-class' : 'the exposure template';
            checks.push(await ingressClass(client, className, source));
        }
        else if (ingresses.some((i) => !i.spec?.ingressClassName && !annotatedClass(i))) {
            checks.push(await defaultIngressClass(client));
        }
    }
    return checks;
}
/** The deprecated annotation that named a class before IngressClasses (input ingress-annotations). */
function annotatedClass(ingress) {
    return ingress.metadata.annotations?.['kubernetes.io/ingress.class'];
}
async function defaultIngressClass(client) {
    const name = 'ingress class';
    let classes;
    try {
        classes = (await client.list('networking.k8s.io/v1', 'IngressClass')).items;
    }
    catch (error) {
        if (!(error instanceof kube_client/* KubeApiError */.W && error.code === 403))
            throw error;
        return { name, state: 'skipped', detail: FORBIDDEN };
    }
    const fallback = classes.find((c) => c.metadata.annotations?.[INGRESS_CLASS_DEFAULT] === 'true');
    if (fallback)
        return {
            name,
            state: 'ok',
            detail: `the Ingress names no class: the cluster's default IngressClass "${fallback.metadata.name}" serves it`,
        };
    if (classes.length === 0)
        return {
            name,
            state: 'skipped',
            detail: 'the cluster has no IngressClass, so only a controller that serves Ingresses without a class would serve the preview (ingress-nginx does not): install an ingress controller, or set input expose to loadbalancer or none',
        };
    return {
        name,
        state: 'failed',
        detail: `Input ingress-class is not set and the cluster has no default IngressClass, so no controller that needs a class (ingress-nginx, by default) would serve the preview's Ingress. Set input ingress-class to one of ${classes.map((c) => `"${c.metadata.name}"`).join(', ')}, or mark one default (annotation ${INGRESS_CLASS_DEFAULT}: "true").`,
    };
}
const FORBIDDEN = 'IngressClasses are cluster-scoped and the identity may not read them (a ClusterRole granting get and list on ingressclasses.networking.k8s.io enables this check)';
async function ingressClass(client, className, source) {
    const name = 'ingress class';
    try {
        const found = await client.read({
            apiVersion: 'networking.k8s.io/v1',
            kind: 'IngressClass',
            name: className,
        });
        return found
            ? { name, state: 'ok', detail: `IngressClass "${className}" exists` }
            : {
                name,
                state: 'failed',
                detail: `IngressClass "${className}" (${source}) does not exist: no ingress controller would serve the preview's Ingress. Set input ingress-class to one of \`kubectl get ingressclass\`, or leave it empty for the cluster's default.`,
            };
    }
    catch (error) {
        if (error instanceof kube_client/* KubeApiError */.W && error.code === 403)
            return { name, state: 'skipped', detail: FORBIDDEN };
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/kube/preflight.ts






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
    checks.push(...(await ingressClasses(client, subject)));
    if (subject.tlsSecret)
        checks.push(await tlsSecret(client, subject.tlsSecret));
    return checks;
}
async function dryRun(name, client, set, subject, log) {
    try {
        await (0,apply/* applyPlan */.g)(client, set, { serverSideApply: subject.serverSideApply, log, dryRun: true });
        return { name: `dry run: ${name}`, state: 'ok', detail: `${set.objects.length} objects accepted` };
    }
    catch (error) {
        return { name: `dry run: ${name}`, state: 'failed', detail: (0,errors/* describeError */.Uc)(error) };
    }
}
/**
 * The docker-host pod, created with `dryRun=All` as its StatefulSet or Deployment will create it. Pod
 * Security's enforce mode, the RuntimeClass plugin and quotas on pods judge pods only: a workload they
 * refuse is stored and its pods never come. Checked while the environment has no pod (first deploy, or
 * asleep): a running one would count against a pod quota the real rollout frees first.
 *
 * The ServiceAccount plugin refuses a pod whose ServiceAccount does not exist yet, and a dry-run one
 * does not count (../shared/real-cluster/api/dryrun-pod-missing-sa*.json). It is a mutating plugin, so
 * its refusal comes before Pod Security, quotas and webhooks have judged the pod: taking it as a pass
 * would leave those unchecked. A pod naming a ServiceAccount the plan creates is therefore dry-run
 * under the namespace's default one, and the rest of admission answers. (Its ConfigMaps, Secrets and
 * claims are not looked up by admission: the kubelet and the scheduler wait for them.)
 */
async function podAdmission(client, plan) {
    const name = 'pod admission (Pod Security, RuntimeClass, quotas)';
    const workload = (0,model_plan/* dockerHostObject */._e)(plan);
    const pods = await client.list('v1', 'Pod', {
        labelSelector: (0,objects/* environmentSelector */.b6)(plan.ids.id),
    });
    if (pods.items.length > 0)
        return {
            name,
            state: 'skipped',
            detail: 'the environment runs a pod already; its wait diagnoses a new one',
        };
    const { pod, planned } = podOf(workload, plannedServiceAccounts(plan.objects));
    const under = planned
        ? ` (under the namespace's default ServiceAccount: ServiceAccount/${planned} is created by the deploy)`
        : '';
    try {
        await client.create(pod, { dryRun: true });
        return {
            name,
            state: 'ok',
            detail: `a pod of ${plan.dockerHost.kind}/${plan.dockerHost.name} is admitted${under}`,
        };
    }
    catch (error) {
        if (error instanceof kube_client/* KubeApiError */.W && error.rbacDenied) {
            return {
                name,
                state: 'skipped',
                detail: 'the identity may not create pods (grant create on pods for this check; deploy/rbac.yaml does)',
            };
        }
        // A namespace without its default ServiceAccount (yet): the deploy's own one will exist.
        if (planned && error instanceof kube_client/* KubeApiError */.W && MISSING_ACCOUNT.test(error.status.message ?? '')) {
            return { name, state: 'skipped', detail: `${(0,errors/* describeError */.Uc)(error)}${under}` };
        }
        return { name, state: 'failed', detail: (0,errors/* describeError */.Uc)(error) };
    }
}
/** The ServiceAccount plugin's refusal (dryrun-pod-missing-sa.json). */
const MISSING_ACCOUNT = /error looking up service account [^:]+: serviceaccount "[^"]+" not found/;
/** The names of the ServiceAccounts the plan creates. */
function plannedServiceAccounts(objects) {
    const accounts = objects.filter((o) => o.apiVersion === 'v1' && o.kind === 'ServiceAccount');
    return new Set(accounts.map((o) => o.metadata.name));
}
/**
 * The pod a workload's controller creates: its template, with the volumes of its claim templates; less
 * its ServiceAccount when the plan creates that one (`planned`, which is then returned).
 */
function podOf(workload, accounts) {
    const spec = (workload.spec ?? {});
    const podSpec = structuredClone(spec.template?.spec ?? {});
    // serviceAccount is the deprecated alias the API server still reads when serviceAccountName is empty.
    const account = podSpec.serviceAccountName || podSpec.serviceAccount;
    const planned = account && accounts.has(account) ? account : undefined;
    if (planned) {
        delete podSpec.serviceAccountName;
        delete podSpec.serviceAccount;
    }
    const claims = (spec.volumeClaimTemplates ?? []).map((c) => c.metadata?.name ?? '');
    const podName = `${workload.metadata.name}-preflight`;
    if (claims.length > 0) {
        const volumes = claims.map((claim) => ({
            name: claim,
            persistentVolumeClaim: { claimName: `${claim}-${podName}` },
        }));
        podSpec.volumes = [...(podSpec.volumes ?? []), ...volumes];
    }
    const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: podName, labels: spec.template?.metadata?.labels ?? {} },
        spec: podSpec,
    };
    return planned ? { pod, planned } : { pod };
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
        if (!(error instanceof kube_client/* KubeApiError */.W && error.code === 403))
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
        if (error instanceof kube_client/* KubeApiError */.W && error.code === 403)
            return { name: text.name, state: 'skipped', detail: text.forbidden };
        throw error;
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
/* harmony import */ var _kube_apply_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9501);
/* harmony import */ var _kube_preflight_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(319);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9062);





/** What the checks compare the cluster with: the plan, and the exposure of the ports compose declares. */
async function preflightSubject(run, plan, options) {
    const { settings } = run;
    const { expose } = settings;
    return {
        plan,
        exposure: await (0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .declaredExposure */ .US)(run, options),
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
        const results = await (0,_kube_preflight_js__WEBPACK_IMPORTED_MODULE_2__/* .preflightChecks */ .x)(client, await preflightSubject(run, plan, options), run.log);
        for (const check of results)
            run.log.info(checkLine(check));
        return results;
    });
    const failed = checks.filter((c) => c.state === 'failed');
    if (failed.length > 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`The cluster would refuse this preview (nothing was changed):\n${failed.map((c) => `- ${c.name}: ${c.detail}`).join('\n')}`);
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
 * answers their dry-run apply, defaults and admission's changes filled in; a Secret's values masked.
 */
async function planOnServer(run, client, plan, options) {
    const { exposure } = await preflightSubject(run, plan, options);
    const write = { serverSideApply: run.settings.serverSideApply, log: run.log, dryRun: true };
    const objects = [
        ...(await (0,_kube_apply_js__WEBPACK_IMPORTED_MODULE_1__/* .applyPlan */ .g)(client, plan, write)),
        ...(exposure && exposure.objects.length > 0 ? await (0,_kube_apply_js__WEBPACK_IMPORTED_MODULE_1__/* .applyPlan */ .g)(client, exposure, write) : []),
    ];
    return objects.map((o) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)((0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .maskSecret */ .$l)(o), { lineWidth: 0 })).join('---\n');
}


/***/ })

};
