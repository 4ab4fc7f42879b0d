export const id = 646;
export const ids = [646];
export const modules = {

/***/ 4979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ checkAccess)
/* harmony export */ });
/* unused harmony export grants */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8045);



const keyOf = (r) => `${r.group}|${r.resource}|${r.verb}`;
/**
 * Asks the API server for every permission before anything changes, and fails once listing all that are
 * missing with the Role rules that grant them. One SelfSubjectRulesReview settles what its rules grant
 * (rules are additive: a listed rule is a grant even in an incomplete list); only what it leaves
 * undecided is asked one SelfSubjectAccessReview each, so a denial is always the server's own answer.
 * An API server that answers neither review leaves the calls themselves to fail.
 */
async function checkAccess(client, needs, log) {
    const rules = await rulesFor(client, needs);
    let answers;
    try {
        answers = await review(client, rules);
    }
    catch (error) {
        if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W && [403, 404, 405].includes(error.code)) {
            log.warning(`Cannot check permissions in advance (${error.message}); going ahead.`);
            return;
        }
        throw error;
    }
    const lacking = rules.filter((r) => !answers.get(keyOf(r)) && !eitherGranted(r, rules, answers));
    for (const r of lacking.filter((r) => r.optional)) {
        log.info(`Without "${r.verb}" on ${r.resource}${r.group ? `.${r.group}` : ''}, ${r.optional}.`);
    }
    const missing = lacking.filter((r) => !r.optional);
    if (missing.length > 0)
        throw lackingError(client.namespace, missing);
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
    const undecided = rules.filter((r) => !answers.get(keyOf(r)) && !eitherGranted(r, rules, answers));
    const reviewed = await Promise.all(undecided.map(({ group, resource, verb }) => {
        const [name, subresource] = resource.split('/');
        return client.canI({ verb, group, resource: name, ...(subresource ? { subresource } : {}) });
    }));
    undecided.forEach((r, i) => answers.set(keyOf(r), reviewed[i]));
    return answers;
}
/**
 * pods/exec and pods/portforward need either verb, depending on the API server's version (`get` before
 * 1.30, `create` since): one granted verb settles the other.
 */
function eitherGranted(rule, rules, answers) {
    if (!rule.resource.includes('/'))
        return false;
    return rules.some((r) => r.group === rule.group && r.resource === rule.resource && answers.get(keyOf(r)) === true);
}
/** The rules review's resource rules; none when the server does not answer it (access reviews decide). */
async function rulesReviewOrNone(client) {
    try {
        return await client.rulesReview();
    }
    catch (error) {
        if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W && [403, 404, 405].includes(error.code))
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
function lackingError(namespace, lacking) {
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
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The kubeconfig's identity lacks ${lacking.length} permission${lacking.length > 1 ? 's' : ''} in namespace "${namespace}": ${list.join('; ')}. Nothing was changed. Add these rules to its Role (deploy/rbac.yaml has the complete Role):\n${yaml.join('\n')}`);
}


/***/ }),

/***/ 5917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ permissionsFor)
/* harmony export */ });
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8045);

const WRITE = ['get', 'list', 'create', 'patch', 'delete'];
/**
 * Every permission a command needs in the namespace: its template's kinds, the docker-host's pod and
 * what runs in it (exec, port-forward), the lease, and what diagnosis and teardown read. The exposure
 * kinds are known for the bundled exposure template; a custom one is checked when it is applied.
 */
function permissionsFor(command, kinds, expose) {
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
            optional: "the environment's pods keep their grace period when it is deleted, and deleting can take as long as Docker's stop timeout (10 s)",
        });
    }
    if (command === 'up') {
        needs.push({
            group: '',
            resource: 'pods',
            verbs: ['create'],
            optional: "the preflight cannot dry-run the docker-host's pod, so a refusal by Pod Security or a pod quota shows only while waiting for it",
        });
    }
    if (command === 'up') {
        // Exec (file sync) and port-forward (Docker) go over WebSocket upgrades of a GET; older API servers
        // authorize them as `get`, newer ones as `create`. `down` reaches neither: it only deletes.
        needs.push({ group: '', resource: 'pods/exec', verbs: ['create', 'get'] }, { group: '', resource: 'pods/portforward', verbs: ['create', 'get'] });
    }
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

/***/ 3646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDoctor: () => (/* binding */ runDoctor)
/* harmony export */ });
/* harmony import */ var _kube_access_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4979);
/* harmony import */ var _kube_preflight_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7702);
/* harmony import */ var _model_permissions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5917);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2738);





/**
 * `doctor`: whether the cluster answers, whether the identity may do what `up` and `down` do, and what
 * the cluster would make of this project's objects (dry runs, classes, secrets). Changes nothing; one
 * line per check, with what to do when it fails.
 */
async function runDoctor(run, client, plan, options) {
    const checks = [];
    const record = (check) => {
        checks.push(check);
        run.log.info((0,_preflight_js__WEBPACK_IMPORTED_MODULE_4__/* .checkLine */ .tY)(check));
    };
    try {
        const version = await client.version();
        record({ name: 'cluster', state: 'ok', detail: `Kubernetes ${version} at ${client.serverUrl}` });
    }
    catch (error) {
        record({ name: 'cluster', state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error) });
        return { command: 'doctor', checks };
    }
    for (const command of ['up', 'down']) {
        const needs = (0,_model_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .permissionsFor */ .m)(command, plan.kinds, run.settings.expose);
        const quiet = { ...run.log, info: () => { } };
        try {
            await (0,_kube_access_js__WEBPACK_IMPORTED_MODULE_0__/* .checkAccess */ .x)(client, needs, quiet);
            record({ name: `permissions for ${command}`, state: 'ok', detail: 'granted' });
        }
        catch (error) {
            record({ name: `permissions for ${command}`, state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error) });
        }
    }
    try {
        for (const check of await (0,_kube_preflight_js__WEBPACK_IMPORTED_MODULE_1__/* .preflightChecks */ .x)(client, (0,_preflight_js__WEBPACK_IMPORTED_MODULE_4__/* .preflightSubject */ .qo)(run, plan, options), run.log))
            record(check);
    }
    catch (error) {
        record({ name: 'preflight', state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error) });
    }
    return { command: 'doctor', checks };
}


/***/ })

};
