export const id = 425;
export const ids = [425];
export const modules = {

/***/ 4979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qh: () => (/* binding */ serverVersion),
/* harmony export */   x8: () => (/* binding */ checkAccess)
/* harmony export */ });
/* unused harmony export grants */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4662);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8045);
/* harmony import */ var _model_permissions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5917);




const keyOf = (r) => `${r.group}|${r.resource}|${r.verb}`;
/**
 * Asks the API server for every permission before anything changes, and fails once listing all that are
 * missing with the Role rules that grant them. One SelfSubjectRulesReview settles what its rules grant
 * (rules are additive: a listed rule is a grant even in an incomplete list); only what it leaves
 * undecided is asked one SelfSubjectAccessReview each, so a denial is always the server's own answer.
 * An API server that answers neither review leaves the calls themselves to fail.
 */
async function checkAccess(client, needs, log, 
/** Where the namespace came from (input, x-preevy, the kubeconfig's context, the default). */
namespaceFrom) {
    const rules = await rulesFor(client, needs);
    let answers;
    try {
        answers = await review(client, rules);
    }
    catch (error) {
        if (error instanceof _api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W3 && [403, 404, 405].includes(error.code)) {
            log.warning(`Cannot check permissions in advance (${error.message}); going ahead.`);
            return;
        }
        throw error;
    }
    const lacking = rules.filter((r) => !answers.get(keyOf(r)));
    for (const r of lacking.filter((r) => r.optional)) {
        log.info(`Without "${r.verb}" on ${r.resource}${r.group ? `.${r.group}` : ''}, ${r.optional}.`);
    }
    const missing = lacking.filter((r) => !r.optional);
    if (missing.length > 0)
        throw lackingError(client.namespace, namespaceFrom, missing, rules.filter((r) => !r.optional).length);
}
/**
 * The API server's version, read once per run: what exec and port-forward need depends on it
 * (upgradeNeeds). Undefined when the server will not say (a 403 or 404 on /version).
 */
async function serverVersion(client) {
    try {
        return (0,_model_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .parseServerVersion */ .xA)(await client.version());
    }
    catch (error) {
        if (error instanceof _api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W3 && [403, 404].includes(error.code))
            return undefined;
        throw error;
    }
}
/** The needs as RBAC rules: kinds become their resource names, as discovery gives them. */
async function rulesFor(client, needs) {
    const rules = new Map();
    for (const need of needs) {
        let group = need.group ?? '';
        let resource = need.resource;
        if (need.kind) {
            const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKindKey */ .Pb)(need.kind);
            const served = await client.resource(apiVersion, kind);
            if (!served)
                continue; // applying says which kind the cluster lacks
            group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
            resource = served.name;
        }
        for (const verb of need.verbs) {
            const rule = {
                group,
                resource: resource,
                verb,
                ...(need.optional ? { optional: need.optional } : {}),
                ...(need.why ? { why: need.why } : {}),
            };
            rules.set(keyOf(rule), rule);
        }
    }
    return [...rules.values()];
}
/** Whether each rule is granted: by the rules review where it says so, else by an access review. */
async function review(client, rules) {
    const listed = await rulesReviewOrNone(client);
    const answers = new Map(rules.map((r) => [keyOf(r), listed.some((l) => grants(l, r))]));
    const undecided = rules.filter((r) => !answers.get(keyOf(r)));
    const reviewed = await Promise.all(undecided.map(({ group, resource, verb }) => {
        const [name, subresource] = resource.split('/');
        return client.canI({ verb, group, resource: name, ...(subresource ? { subresource } : {}) });
    }));
    undecided.forEach((r, i) => answers.set(keyOf(r), reviewed[i]));
    return answers;
}
/** The rules review's resource rules; none when the server does not answer it (access reviews decide). */
async function rulesReviewOrNone(client) {
    try {
        return await client.rulesReview();
    }
    catch (error) {
        if (error instanceof _api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W3 && [403, 404, 405].includes(error.code))
            return [];
        throw error;
    }
}
/**
 * RBAC's matching (k8s.io/apiserver's rbac helpers): `*` matches any verb, group or resource, and a
 * resource written as `*` slash `exec` matches every resource's exec subresource. A rule naming objects
 * (resourceNames) grants nothing to a request without a name, which is what a run's list and create are.
 */
function grants(rule, wanted) {
    if (rule.resourceNames?.length)
        return false;
    const has = (list, value) => !!list && (list.includes('*') || list.includes(value));
    const [, subresource] = wanted.resource.split('/');
    const resourceMatches = has(rule.resources, wanted.resource) || (!!subresource && !!rule.resources?.includes(`*/${subresource}`));
    return has(rule.verbs, wanted.verb) && has(rule.apiGroups, wanted.group) && resourceMatches;
}
/**
 * The missing rules, after the namespace they were asked in and where it came from: an identity that
 * lacks everything there was more likely given the wrong namespace than too small a Role.
 */
function lackingError(namespace, namespaceFrom, lacking, needed) {
    const byResource = new Map();
    for (const r of lacking) {
        const key = `${r.group}|${r.resource}`;
        byResource.set(key, [...(byResource.get(key) ?? []), r.verb]);
    }
    const list = [...byResource].map(([key, verbs]) => {
        const [group, resource] = key.split('|');
        return `${verbs.join(', ')} ${resource}${group ? `.${group}` : ''}`;
    });
    const yaml = [...byResource].map(([key, verbs]) => {
        const [group, resource] = key.split('|');
        return `  - apiGroups: ["${group}"]\n    resources: ["${resource}"]\n    verbs: [${verbs.map((v) => `"${v}"`).join(', ')}]`;
    });
    const where = `namespace "${namespace}"${namespaceFrom ? ` (${namespaceFrom})` : ''}`;
    const wrongNamespace = lacking.length === needed
        ? ` It has none of the permissions a run needs there: if its Role is in another namespace, set input namespace (or the kubeconfig context's namespace) to that one.`
        : '';
    const whys = [...new Set(lacking.flatMap((r) => (r.why ? [`${r.why}.`] : [])))];
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The kubeconfig's identity lacks ${lacking.length} permission${lacking.length > 1 ? 's' : ''} in ${where}: ${list.join('; ')}. Nothing was changed.${whys.length ? ` ${whys.join(' ')}` : ''}${wrongNamespace} ${wrongNamespace ? 'Otherwise add' : 'Add'} these rules to its Role in namespace "${namespace}" (deploy/rbac.yaml has the complete Role):\n${yaml.join('\n')}`);
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

/***/ 1062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ preflightChecks)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/kube/apply.ts
var apply = __webpack_require__(9501);
// EXTERNAL MODULE: ./src/kube/api-error.ts
var api_error = __webpack_require__(4662);
// EXTERNAL MODULE: ./src/model/kinds.ts
var kinds = __webpack_require__(522);
// EXTERNAL MODULE: ./src/model/objects.ts
var objects = __webpack_require__(8045);
// EXTERNAL MODULE: ./src/model/plan.ts + 8 modules
var model_plan = __webpack_require__(7409);
;// CONCATENATED MODULE: ./src/kube/ingress-classes.ts


const INGRESS_CLASS_DEFAULT = 'ingressclass.kubernetes.io/is-default-class';
/**
 * The class of each Ingress of the exposure: the IngressClass it names exists, or, naming none (input
 * ingress-class not given), the cluster has a default one. ingress-nginx and most controllers ignore an
 * Ingress without a class when no IngressClass is the default, so its URLs would never answer.
 */
async function ingressClasses(client, subject) {
    const ingresses = (subject.exposure?.objects ?? []).filter(kinds/* isIngress */._U);
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
        if (!(error instanceof api_error/* KubeApiError */.W3 && error.code === 403))
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
        if (error instanceof api_error/* KubeApiError */.W3 && error.code === 403)
            return { name, state: 'skipped', detail: FORBIDDEN };
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/kube/cluster-checks.ts







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
        await (0,apply.applyPlan)(client, set, { serverSideApply: subject.serverSideApply, log, dryRun: true });
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
        if (error instanceof api_error/* KubeApiError */.W3 && error.rbacDenied) {
            return {
                name,
                state: 'skipped',
                detail: 'the identity may not create pods (grant create on pods for this check; deploy/rbac.yaml does)',
            };
        }
        // A namespace without its default ServiceAccount (yet): the deploy's own one will exist.
        if (planned && error instanceof api_error/* KubeApiError */.W3 && MISSING_ACCOUNT.test(error.status.message ?? '')) {
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
    const spec = ((0,kinds/* isWorkload */.gv)(workload) ? workload.spec : undefined) ?? {};
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
        if (!(error instanceof api_error/* KubeApiError */.W3 && error.code === 403))
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
    return objects.flatMap((o) => {
        if ((0,kinds/* isClaim */.j_)(o))
            return [o.spec?.storageClassName];
        // Not only a StatefulSet: a custom resource may make claims from templates the same way.
        const templates = o.spec?.volumeClaimTemplates;
        return (templates ?? []).map((claim) => claim.spec?.storageClassName);
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
        if (error instanceof api_error/* KubeApiError */.W3 && error.code === 403)
            return { name: text.name, state: 'skipped', detail: text.forbidden };
        throw error;
    }
}


/***/ }),

/***/ 5917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mr: () => (/* binding */ permissionsFor),
/* harmony export */   xA: () => (/* binding */ parseServerVersion)
/* harmony export */ });
/* unused harmony export upgradeNeeds */
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8045);

/** `v1.28.7`, `v1.30.2-eks-1552ad0`, `v1.29.4-gke.1043002`; undefined for anything else. */
function parseServerVersion(gitVersion) {
    const match = /^v?(\d+)\.(\d+)/.exec(gitVersion);
    return match ? { gitVersion, major: Number(match[1]), minor: Number(match[2]) } : undefined;
}
/** Kubernetes 1.35 made AuthorizePodWebsocketUpgradeCreatePermission beta, on by default. */
const UPGRADE_CREATE_SINCE = { major: 1, minor: 35 };
/**
 * What exec (the file sync) and port-forward (the Docker server) need. They are WebSocket upgrades of
 * an HTTP GET, which every API server authorizes as `get` on the subresource (a Role granting only
 * `create`, the verb of kubectl's older SPDY POSTs, is refused); from 1.35 the API server also checks
 * `create` (feature gate AuthorizePodWebsocketUpgradeCreatePermission). A server whose version is
 * unknown may be either: `create` is then a note, not a failure.
 */
function upgradeNeeds(server) {
    const since = `${UPGRADE_CREATE_SINCE.major}.${UPGRADE_CREATE_SINCE.minor}`;
    return ['pods/exec', 'pods/portforward'].flatMap((resource) => {
        const get = {
            group: '',
            resource,
            verbs: ['get'],
            why: explainUpgradeGet(),
        };
        if (server && !upgradesNeedCreate(server))
            return [get];
        const create = server
            ? {
                group: '',
                resource,
                verbs: ['create'],
                why: explainUpgradeCreate(since, server),
            }
            : {
                group: '',
                resource,
                verbs: ['create'],
                optional: explainUpgradeCreateUnknown(since),
            };
        return [get, create];
    });
}
function explainUpgradeGet() {
    return 'pods/exec and pods/portforward are WebSocket upgrades of an HTTP GET, which every API server authorizes as "get" (a Role granting only "create" is refused)';
}
function explainUpgradeCreate(since, server) {
    return `Kubernetes ${since} and later (this server is ${server.gitVersion}) also authorize these upgrades as "create"`;
}
function explainUpgradeCreateUnknown(since) {
    return `its WebSocket upgrade fails if the API server is Kubernetes ${since} or later, which authorizes it as "create" too (the server's version could not be read)`;
}
function upgradesNeedCreate(server) {
    const { major, minor } = UPGRADE_CREATE_SINCE;
    return server.major > major || (server.major === major && server.minor >= minor);
}
function explainPodDeleteOptional() {
    return "the environment's pods keep their grace period when it is deleted, and deleting can take as long as Docker's stop timeout (10 s)";
}
function explainPodCreateOptional() {
    return "the preflight cannot dry-run the docker-host's pod, so a refusal by Pod Security or a pod quota shows only while waiting for it";
}
const WRITE = ['get', 'list', 'create', 'patch', 'delete'];
/**
 * Every permission a command needs in the namespace: its template's kinds, the docker-host's pod and
 * what runs in it (exec, port-forward: they depend on the `server`'s version), the lease, and what
 * diagnosis and teardown read. The exposure kinds are known for the bundled exposure template; a custom
 * one is checked when it is applied.
 */
function permissionsFor(command, kinds, expose, server) {
    const needs = [
        ...kinds.map((kind) => ({ kind, verbs: command === 'up' ? WRITE : ['get', 'list', 'delete'] })),
        ..._objects_js__WEBPACK_IMPORTED_MODULE_0__/* .WORKLOAD_KIND_KEYS */ .YJ.map((kind) => ({
            kind,
            verbs: command === 'up' ? ['get', 'list', 'watch'] : ['list', 'delete'],
        })),
        { group: 'apps', resource: 'replicasets', verbs: ['get', 'list'] },
        { group: '', resource: 'pods', verbs: ['get', 'list'] },
        {
            group: '',
            resource: 'persistentvolumeclaims',
            verbs: command === 'up' ? ['list'] : ['list', 'delete'],
        },
        { group: '', resource: 'events', verbs: ['list'] },
        { group: 'coordination.k8s.io', resource: 'leases', verbs: ['get', 'create', 'update', 'delete'] },
    ];
    if (command === 'down') {
        needs.push({
            group: '',
            resource: 'pods',
            verbs: ['delete'],
            optional: explainPodDeleteOptional(),
        });
    }
    if (command === 'up') {
        needs.push({
            group: '',
            resource: 'pods',
            verbs: ['create'],
            optional: explainPodCreateOptional(),
        });
    }
    // Exec (file sync) and port-forward (Docker); `down` reaches neither: it only deletes.
    if (command === 'up')
        needs.push(...upgradeNeeds(server));
    if (command === 'up' && expose && expose.mode !== 'none' && expose.template === 'expose') {
        needs.push({ kind: 'v1/Service', verbs: WRITE });
        if (expose.mode === 'ingress') {
            needs.push({ kind: 'networking.k8s.io/v1/Ingress', verbs: WRITE });
            if (expose.basicAuth)
                needs.push({ kind: 'v1/Secret', verbs: WRITE });
        }
    }
    return needs;
}


/***/ }),

/***/ 4155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mz: () => (/* binding */ preflight),
/* harmony export */   qo: () => (/* binding */ preflightSubject),
/* harmony export */   tY: () => (/* binding */ checkLine)
/* harmony export */ });
/* harmony import */ var _kube_cluster_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1062);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


/** What the checks compare the cluster with: the plan, and the exposure of the ports compose declares. */
async function preflightSubject(run, plan) {
    const { settings } = run;
    const { expose } = settings;
    return {
        plan: plan.pod,
        exposure: await plan.declaredExposure(),
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
async function preflight(run, client, plan) {
    const checks = await run.log.group('Preflight: dry run and cluster checks', async () => {
        const results = await (0,_kube_cluster_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .preflightChecks */ .x)(client, await preflightSubject(run, plan), run.log);
        for (const check of results)
            run.log.info(checkLine(check));
        return results;
    });
    const failed = checks.filter((c) => c.state === 'failed');
    if (failed.length > 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(explainRefusal(failed));
    return checks;
}
function explainRefusal(failed) {
    return `The cluster would refuse this preview (nothing was changed):\n${failed.map((c) => `- ${c.name}: ${c.detail}`).join('\n')}`;
}
/** One line per check: ✔ passed, ✖ failed (with what to do), – not checked (and why). */
function checkLine(check) {
    const mark = { ok: '✔', failed: '✖', skipped: '–' }[check.state];
    return `${mark} ${check.name}: ${check.detail}`;
}


/***/ })

};
