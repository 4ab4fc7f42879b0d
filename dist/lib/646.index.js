export const id = 646;
export const ids = [646];
export const modules = {

/***/ 4979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qh: () => (/* binding */ serverVersion),
/* harmony export */   x8: () => (/* binding */ checkAccess)
/* harmony export */ });
/* unused harmony export grants */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9946);
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
        if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W && [403, 404, 405].includes(error.code)) {
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
        if (error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W && [403, 404].includes(error.code))
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
            why: 'pods/exec and pods/portforward are WebSocket upgrades of an HTTP GET, which every API server authorizes as "get" (a Role granting only "create" is refused)',
        };
        if (server && !upgradesNeedCreate(server))
            return [get];
        const create = server
            ? {
                group: '',
                resource,
                verbs: ['create'],
                why: `Kubernetes ${since} and later (this server is ${server.gitVersion}) also authorize these upgrades as "create"`,
            }
            : {
                group: '',
                resource,
                verbs: ['create'],
                optional: `its WebSocket upgrade fails if the API server is Kubernetes ${since} or later, which authorizes it as "create" too (the server's version could not be read)`,
            };
        return [get, create];
    });
}
function upgradesNeedCreate(server) {
    const { major, minor } = UPGRADE_CREATE_SINCE;
    return server.major > major || (server.major === major && server.minor >= minor);
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

/***/ 3646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDoctor: () => (/* binding */ runDoctor)
/* harmony export */ });
/* harmony import */ var _kube_access_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4979);
/* harmony import */ var _kube_preflight_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(319);
/* harmony import */ var _model_ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(995);
/* harmony import */ var _model_permissions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5917);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2738);






/**
 * `doctor`: whether the cluster answers, whether the identity may do what `up` and `down` do, and what
 * the cluster would make of this project's objects (dry runs, classes, secrets). Changes nothing; one
 * line per check, with what to do when it fails. Without an environment id it checks a new environment
 * under a placeholder one, and says so.
 */
async function runDoctor(run, client, plan, options) {
    const checks = [];
    const record = (check) => {
        checks.push(check);
        run.log.info((0,_preflight_js__WEBPACK_IMPORTED_MODULE_5__/* .checkLine */ .tY)(check));
    };
    if (run.ids.envId === _model_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCTOR_ENV_ID */ .I2 && !run.settings.envId && run.context.prNumber === undefined) {
        record({
            name: 'environment',
            state: 'skipped',
            detail: `none named (no env-id, no pull request): the checks below are of a new environment under the placeholder env-id "${_model_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCTOR_ENV_ID */ .I2}" (id ${run.ids.id}); pass --env-id to check an existing one`,
        });
    }
    if (plan.template?.fromPullRequest)
        record(templateCheck(plan.template));
    let server;
    try {
        const version = await client.version();
        server = (0,_model_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .parseServerVersion */ .xA)(version);
        record({ name: 'cluster', state: 'ok', detail: `Kubernetes ${version} at ${client.serverUrl}` });
    }
    catch (error) {
        record({ name: 'cluster', state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(error) });
        return { command: 'doctor', checks };
    }
    for (const command of ['up', 'down']) {
        const needs = (0,_model_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .permissionsFor */ .mr)(command, plan.kinds, run.settings.expose, server);
        const quiet = { ...run.log, info: () => { } };
        try {
            await (0,_kube_access_js__WEBPACK_IMPORTED_MODULE_0__/* .checkAccess */ .x8)(client, needs, quiet, run.settings.namespaceFrom);
            record({ name: `permissions for ${command}`, state: 'ok', detail: 'granted' });
        }
        catch (error) {
            record({ name: `permissions for ${command}`, state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(error) });
        }
    }
    try {
        for (const check of await (0,_kube_preflight_js__WEBPACK_IMPORTED_MODULE_1__/* .preflightChecks */ .x)(client, await (0,_preflight_js__WEBPACK_IMPORTED_MODULE_5__/* .preflightSubject */ .qo)(run, plan, options), run.log))
            record(check);
    }
    catch (error) {
        record({ name: 'preflight', state: 'failed', detail: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeError */ .Uc)(error) });
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


/***/ })

};
