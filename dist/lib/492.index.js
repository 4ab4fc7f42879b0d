export const id = 492;
export const ids = [492];
export const modules = {

/***/ 5492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   down: () => (/* binding */ down)
/* harmony export */ });
/* harmony import */ var _kube_access_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4979);
/* harmony import */ var _kube_api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4662);
/* harmony import */ var _model_permissions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5917);
/* harmony import */ var _phases_github_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2723);
/* harmony import */ var _phases_hold_lease_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4584);
/* harmony import */ var _phases_phase_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5079);
/* harmony import */ var _phases_remove_environment_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6922);
/* harmony import */ var _plan_environment_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6987);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(17);
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
 * `down`: access → lease → teardown → report. Every object of the environment is deleted; a namespace
 * that does not exist holds no environment: that is a success with a notice. The pull request's
 * comment, if it has one, says *deleted*.
 */
async function down(run, cluster) {
    const kinds = await templateKinds(run);
    // An API server restart is ridden out for as long as the run waits for anything (input timeout).
    const client = (await cluster.connect()).withPatience(run.settings.timeoutMs);
    const report = (0,_phases_github_report_js__WEBPACK_IMPORTED_MODULE_3__/* .reportOf */ .EI)(run);
    try {
        await (0,_phases_phase_js__WEBPACK_IMPORTED_MODULE_8__/* .phase */ .O)(run, 'access', () => (0,_kube_access_js__WEBPACK_IMPORTED_MODULE_0__/* .checkAccess */ .x8)(client, (0,_model_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .permissionsFor */ .mr)('down', kinds), run.log, run.settings.namespaceFrom));
        const deleted = await downUnlessNamespaceMissing(run, client, kinds);
        await report?.deleted();
        return { command: 'down', deleted };
    }
    catch (error) {
        await report?.ended(error, run.signal, 'teardown');
        throw error;
    }
}
async function downUnlessNamespaceMissing(run, client, kinds) {
    try {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const _lease = __addDisposableResource(env_1, await (0,_phases_phase_js__WEBPACK_IMPORTED_MODULE_8__/* .phase */ .O)(run, 'lock', () => (0,_phases_hold_lease_js__WEBPACK_IMPORTED_MODULE_4__/* .holdLease */ .U)(client, run)), true);
            return await (0,_phases_remove_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .removeEnvironment */ .I)(run, client, kinds);
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
    catch (error) {
        // The lease cannot be created in a namespace that does not exist: 404 naming the namespace.
        if (!(error instanceof _kube_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W3 && error.namespaceMissing))
            throw error;
        run.log.notice(`Namespace "${run.settings.namespace}" does not exist, so neither does environment ${run.ids.envId}; nothing to delete.`);
        return [];
    }
}
/**
 * The kinds the current template uses, for teardown. Teardown must work even when the template no
 * longer renders: it then relies on what the deploy recorded on the docker-host workload.
 */
async function templateKinds(run) {
    const { compose } = run;
    if (!compose)
        return [];
    try {
        return (await (0,_plan_environment_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .planEnvironment */ .R)({ ...run, compose })).pod.kinds;
    }
    catch (error) {
        run.log.warning(`The template does not render (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .describeError */ .Uc)(error)}); removing what the last deploy recorded.`);
        return [];
    }
}


/***/ }),

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

/***/ 6922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ removeEnvironment)
/* harmony export */ });
/* harmony import */ var _kube_teardown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3945);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8045);
/* harmony import */ var _phase_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5079);



/**
 * Deletes every object of the environment and waits until they are gone. No `docker compose down`
 * first: the services die with the pod and their containers and volumes with its volume, so stopping
 * them bought nothing but Docker's stop timeout for each service that ignores SIGTERM (10.8 s on a real
 * cluster). The caller holds the lease.
 */
async function removeEnvironment(run, client, templateKinds) {
    const { settings, ids, log, signal } = run;
    const selector = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentSelector */ .b6)(ids.id);
    const { deleted } = await (0,_phase_js__WEBPACK_IMPORTED_MODULE_2__/* .phase */ .O)(run, { timing: 'teardown', group: 'Delete the environment' }, () => (0,_kube_teardown_js__WEBPACK_IMPORTED_MODULE_0__/* .teardown */ .z)(client, { selector, templateKinds, timeoutMs: settings.timeoutMs, signal, log }));
    if (deleted.length === 0)
        log.notice(`Environment ${ids.envId} does not exist in namespace ${settings.namespace}; nothing to delete.`);
    return deleted;
}


/***/ })

};
