export const id = 553;
export const ids = [553,207];
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

/***/ 6207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ acquireLease),
/* harmony export */   _: () => (/* binding */ LeaseHeldError),
/* harmony export */   releaseLease: () => (/* binding */ releaseLease)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6518);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9946);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8045);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7783);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4963);








/** Another run holds the environment's lease: the caller may wait for it (up, down) or skip it (cleanup). */
class LeaseHeldError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo {
    name = 'LeaseHeldError';
}
/** After this many reads that find no lease followed by creates that say it exists, stop. */
const CONTRADICTIONS = 5;
/**
 * One run per environment at a time: a coordination.k8s.io Lease named after the environment. A second
 * run waits (saying who holds it) and takes over a lease whose holder stopped renewing it, so a run that
 * died does not block the next one for longer than the lease's duration. Every pass sleeps: a conflict
 * (another run wrote between our read and write) backs off with jitter, within the same deadline.
 */
async function acquireLease(client, id, options) {
    const name = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .leaseName */ .AI)(id);
    const identity = `${options.holder} (${node_os__WEBPACK_IMPORTED_MODULE_1___default().hostname()}, pid ${process.pid}, ${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')})`;
    const lease = await takeLease(client, { id, name, identity }, options);
    return holdLease(client, lease, identity, options);
}
/** Takes the lease: creates it, or takes over one nobody holds, waiting for a live holder. */
async function takeLease(client, who, options) {
    const { name } = who;
    const deadline = Date.now() + options.waitMs;
    let announced = '';
    let conflicts = 0;
    let contradictions = 0;
    while (true) {
        options.signal.throwIfAborted();
        const current = await client.read(leaseRef(name));
        // Ours already: a create or takeover whose answer was lost was applied.
        if (current?.spec?.holderIdentity === who.identity)
            return current;
        try {
            const taken = await writeIfFree(client, current, who, options);
            if (taken)
                return taken;
        }
        catch (error) {
            // A takeover whose answer was lost: read the lease again (after a pause) to learn whether it is ours.
            if (error instanceof _retry_js__WEBPACK_IMPORTED_MODULE_6__/* .AnswerLostError */ .B0) {
                await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_7__/* .sleep */ .y)(backoff(conflicts++), options.signal);
                continue;
            }
            if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_4__/* .KubeApiError */ .W && error.code === 409))
                throw error;
            // Another run created or took the lease between our read and write: look again after a pause.
            // A read that keeps finding nothing while the create keeps finding it is no race, though.
            contradictions = current ? 0 : contradictions + 1;
            if (contradictions >= CONTRADICTIONS) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Lease/${name} reads as missing (404) in namespace "${client.namespace}", yet creating it answers 409 AlreadyExists, ${contradictions} times in a row. Something between the runner and the cluster answers for that name (a proxy, or a webhook); check with kubectl get lease ${name} --namespace ${client.namespace}.`);
            }
            if (Date.now() >= deadline) {
                throw new LeaseHeldError(`Could not take Lease/${name} within ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(options.waitMs)}: other runs kept changing it (409 Conflict). Use a concurrency group per pull request in the workflow.`);
            }
            await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_7__/* .sleep */ .y)(Math.min(backoff(conflicts++), Math.max(0, deadline - Date.now())), options.signal);
            continue;
        }
        const holder = current.spec.holderIdentity;
        if (holder !== announced)
            options.log.info(`Waiting for another run of this environment to finish: ${holder} holds the lease ${name}.`);
        announced = holder;
        if (Date.now() >= deadline) {
            throw new LeaseHeldError(`Another run of this environment (${holder}) still holds the lease ${name} after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(options.waitMs)}. Use a concurrency group per pull request in the workflow, or delete the lease if that run is gone.`);
        }
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_7__/* .sleep */ .y)(options.pollMs, options.signal);
    }
}
/**
 * Creates the lease when there is none, or takes over one nobody holds (or whose holder stopped
 * renewing it); undefined while a live holder has it. A 409 means another run wrote first.
 */
async function writeIfFree(client, current, who, options) {
    const now = new Date();
    const spec = {
        holderIdentity: who.identity,
        leaseDurationSeconds: options.durationSeconds,
        acquireTime: microTime(now),
        renewTime: microTime(now),
    };
    const ref = leaseRef(who.name);
    if (!current) {
        const labels = { [_model_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .LABELS */ .kg.managedBy]: _model_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .MANAGER */ .u, [_model_objects_js__WEBPACK_IMPORTED_MODULE_5__/* .LABELS */ .kg.id]: who.id };
        return client.create({ ...ref, metadata: { name: who.name, labels }, spec });
    }
    const holder = current.spec?.holderIdentity;
    if (holder && !expired(current, now))
        return undefined;
    if (holder)
        options.log.info(`Taking over the lease of ${holder}, which stopped renewing it.`);
    return client.replace({ ...current, apiVersion: ref.apiVersion, kind: ref.kind, spec });
}
function leaseRef(name) {
    return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name };
}
/** Renews a taken lease in the background until it is released. */
function holdLease(client, lease, identity, options) {
    const { name } = lease.metadata;
    let held = lease;
    let released = false;
    let renewing = false;
    // Ends a renewal riding out an outage when the lease is released.
    const releasing = new AbortController();
    const renewal = setInterval(() => {
        // A renewal riding out an outage is not joined by the next one.
        if (renewing)
            return;
        renewing = true;
        void renew(client.until(releasing.signal), held, identity)
            .then((renewed) => (held = renewed))
            .catch((error) => {
            if (!released)
                options.log.warning(`Could not renew the lease ${name}: ${error.message}`);
        })
            .finally(() => (renewing = false));
    }, (options.durationSeconds * 1000) / 3);
    renewal.unref();
    const release = async () => {
        if (released)
            return;
        released = true;
        clearInterval(renewal);
        releasing.abort();
        await releaseLease(client.detached(), name, identity, options.log);
    };
    return { name, identity, release, [Symbol.asyncDispose]: release };
}
/**
 * One renewal. A 409 after a renewal whose answer was lost (it was applied: the version moved on) is
 * told apart from another run's write by reading the lease: still ours, it is renewed from there.
 */
async function renew(client, held, identity) {
    const ref = leaseRef(held.metadata.name);
    const write = (lease) => client.replace({
        ...lease,
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        spec: { ...lease.spec, renewTime: microTime(new Date()) },
    });
    try {
        return await write(held);
    }
    catch (error) {
        if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_4__/* .KubeApiError */ .W && error.code === 409))
            throw error;
        const current = await client.read(ref);
        if (current?.spec?.holderIdentity !== identity)
            throw error;
        return write(current);
    }
}
/** Deletes the lease if `identity` still holds it: never another run's. */
async function releaseLease(client, name, identity, log) {
    const ref = leaseRef(name);
    try {
        const current = await client.read(ref);
        if (current?.spec?.holderIdentity !== identity)
            return false;
        return await client.delete(ref, 'Background');
    }
    catch (error) {
        log.warning(`Could not release the lease ${name} (it expires by itself): ${error.message}`);
        return false;
    }
}
function expired(lease, now) {
    // The client library hands times back as strings or Dates depending on the type it knows.
    const renewed = new Date(lease.spec?.renewTime ?? lease.spec?.acquireTime ?? NaN).getTime();
    const duration = (lease.spec?.leaseDurationSeconds ?? 0) * 1000;
    return Number.isNaN(renewed) || renewed + duration < now.getTime();
}
/** 100 ms doubling to 2 s, with jitter so that racing runs do not retry in step. */
function backoff(attempt) {
    const ceiling = Math.min(2000, 100 * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
}
/** The MicroTime format of Lease times: RFC 3339 with microseconds. */
function microTime(date) {
    return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
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
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9946);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8045);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7783);





/** Kinds searched even when nothing records them: the workloads themselves and the claims they leave. */
const ALWAYS = [..._model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .WORKLOAD_KIND_KEYS */ .YJ, 'v1/PersistentVolumeClaim'];
/** The wait for the objects to go polls at first often (a pod may go in a second), then twice a second. */
const POLL_MS = { first: 200, max: 500 };
/** A wait longer than this says what it waits for, and again every REPORT_MS.every. */
const REPORT_MS = { first: 2_000, every: 10_000 };
/**
 * The grace period the environment's pods get when it is deleted. Their default (30 s) would let dockerd
 * stop each service with Docker's stop timeout (10 s for one that ignores SIGTERM); everything in the
 * pod is about to be deleted with its volume, so a graceful stop buys nothing.
 */
const TEARDOWN_GRACE_SECONDS = 1;
/**
 * Deletes every object of one environment, found by its labels, and waits until they are gone so that a
 * reopen right after a close starts clean. The kinds searched are those the current template uses, those
 * recorded on the docker-host workload when it was deployed and exposed (the template may have changed
 * since), the workload kinds, and PersistentVolumeClaims; pods are awaited too.
 *
 * The pods are deleted first, with a grace period of 1 s. Deleting their workload first (Foreground)
 * lets the garbage collector delete them within ~0.1 s with their own grace period, and once the
 * kubelet has begun that stop a later, shorter one does not hurry it: with a service that ignores
 * SIGTERM, dockerd then waits out Docker's stop timeout and the environment takes 13–15 s to go instead
 * of 4–5 s (../shared/real-cluster/teardown-timings.json, variants b and d–g).
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
    const mayDeletePods = await stopPods(client, selector, log);
    // Foreground: an object stays until Kubernetes has removed what it owns (pods, ReplicaSets), so
    // waiting for it to go means waiting for everything under it.
    const { deleted, served } = await deleteMatching(client, [...kinds], selector, {
        propagation: 'Foreground',
        listed,
        log,
    });
    // A ReplicaSet replaces a deleted pod until its Deployment is deleted: stop the replacements too.
    if (mayDeletePods)
        await stopPods(client, selector, log);
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
 * Deletes the environment's pods with a short grace period, so that they stop at once instead of
 * waiting out Docker's stop timeouts; those already stopping with it are left alone. Without "delete"
 * on pods (it is optional, deploy/rbac.yaml grants it) they keep their own grace period, which is only
 * slower: then false.
 */
async function stopPods(client, selector, log) {
    for (const pod of await listMatching(client, 'v1/Pod', selector)) {
        const grace = pod.metadata.deletionGracePeriodSeconds;
        if (grace !== undefined && grace <= TEARDOWN_GRACE_SECONDS)
            continue;
        try {
            const ref = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name };
            if (await client.delete(ref, 'Background', { gracePeriodSeconds: TEARDOWN_GRACE_SECONDS }))
                log.info(`  Pod/${ref.name} deleted, with a grace period of ${TEARDOWN_GRACE_SECONDS}s`);
        }
        catch (error) {
            if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeApiError */ .W && error.code === 403))
                throw error;
            log.info(`The pods keep their own grace period (not allowed to delete pods: ${error.message}); deleting can take as long as Docker's stop timeout.`);
            return false;
        }
    }
    return true;
}
async function listMatching(client, key, selector) {
    const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .parseKindKey */ .Pb)(key);
    return (await client.list(apiVersion, kind, { labelSelector: selector })).items;
}
/**
 * Waits, polling, until nothing of `kinds` matches `selector`: a reopen right after starts clean. Past
 * two seconds it says what is left, and again every ten.
 */
async function waitUntilGone(client, kinds, selector, options) {
    const started = Date.now();
    const deadline = started + options.timeoutMs;
    let report = started + REPORT_MS.first;
    for (let pause = POLL_MS.first;; pause = Math.min(pause * 2, POLL_MS.max)) {
        options.signal.throwIfAborted();
        const left = [];
        for (const key of kinds) {
            const { kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .parseKindKey */ .Pb)(key);
            left.push(...(await listMatching(client, key, selector)).map((o) => `${kind}/${o.metadata.name}`));
        }
        if (left.length === 0)
            return;
        if (Date.now() >= report) {
            options.log.info(`  waiting for ${left.join(', ')} to go (${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(Date.now() - started)} so far; a pod goes once its containers have stopped)`);
            report = Date.now() + REPORT_MS.every;
        }
        if (Date.now() >= deadline) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`These objects were still there ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(options.timeoutMs)} after deleting them (input timeout): ${left.join(', ')}. A finalizer may hold them; see kubectl describe.`);
        }
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .y)(pause, options.signal);
    }
}


/***/ }),

/***/ 8471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ MAIN_STATE)
/* harmony export */ });
/**
 * What the action's main step leaves in the step state (GITHUB_STATE) for its post step, which runs
 * after it, cancelled or not, and cleans up after a main step that was killed.
 */
const MAIN_STATE = {
    started: 'kpp-started',
    finished: 'kpp-finished',
    /** JSON LeaseCheckpoint while the main step holds the environment's lease; empty once released. */
    lease: 'kpp-lease',
    /** JSON ReportCheckpoint once the sticky comment or the deployment exists. */
    report: 'kpp-report',
};


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

/***/ 3553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ removeEnvironment),
/* harmony export */   runDown: () => (/* binding */ runDown)
/* harmony export */ });
/* harmony import */ var _kube_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9946);
/* harmony import */ var _kube_teardown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3945);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8045);
/* harmony import */ var _model_permissions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5917);
/* harmony import */ var _kube_access_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4979);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8642);
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
 * `down`: under the environment's lease, delete every object of the environment. A
 * namespace that does not exist holds no environment: that is a success with a notice. The pull request's
 * comment, if it has one, says *deleted*.
 */
async function runDown(run, connected, templateKinds, report) {
    // An API server restart is ridden out for as long as the run waits for anything (input timeout).
    const client = connected.withPatience(run.settings.timeoutMs);
    try {
        await run.timer.time('access', () => (0,_kube_access_js__WEBPACK_IMPORTED_MODULE_4__/* .checkAccess */ .x8)(client, (0,_model_permissions_js__WEBPACK_IMPORTED_MODULE_3__/* .permissionsFor */ .mr)('down', templateKinds), run.log, run.settings.namespaceFrom));
        const deleted = await downUnlessNamespaceMissing(run, client, templateKinds);
        await report?.deleted();
        return { command: 'down', deleted };
    }
    catch (error) {
        await report?.ended(error, run.signal, 'teardown');
        throw error;
    }
}
async function downUnlessNamespaceMissing(run, client, templateKinds) {
    try {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const _lease = __addDisposableResource(env_1, await (0,_lock_js__WEBPACK_IMPORTED_MODULE_5__/* .lock */ .s)(client, run), true);
            return await removeEnvironment(run, client, templateKinds);
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
        if (!(error instanceof _kube_client_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W && error.namespaceMissing))
            throw error;
        run.log.notice(`Namespace "${run.settings.namespace}" does not exist, so neither does environment ${run.ids.envId}; nothing to delete.`);
        return [];
    }
}
/**
 * Deletes every object of the environment and waits until they are gone. No `docker compose down`
 * first: the services die with the pod and their containers and volumes with its volume, so stopping
 * them bought nothing but Docker's stop timeout for each service that ignores SIGTERM (10.8 s on a real
 * cluster, issue 12). The caller holds the lease.
 */
async function removeEnvironment(run, client, templateKinds) {
    const { settings, ids, log, signal, timer } = run;
    const selector = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentSelector */ .b6)(ids.id);
    const { deleted } = await timer.time('teardown', () => log.group('Delete the environment', () => (0,_kube_teardown_js__WEBPACK_IMPORTED_MODULE_1__/* .teardown */ .z)(client, { selector, templateKinds, timeoutMs: settings.timeoutMs, signal, log })));
    if (deleted.length === 0) {
        log.notice(`Environment ${ids.envId} does not exist in namespace ${settings.namespace}; nothing to delete.`);
    }
    return deleted;
}


/***/ }),

/***/ 8642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ lock)
/* harmony export */ });
/* harmony import */ var _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6207);
/* harmony import */ var _model_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8471);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9240);



/**
 * Waits for, then holds, the environment's lease: one run per environment at a time. While it is held,
 * the step state says so, for a post step to release it should this process be killed.
 */
async function lock(client, run) {
    const { settings } = run;
    const lease = await run.timer.time('lock', () => (0,_kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireLease */ .Z)(client, run.ids.id, {
        holder: (0,_run_js__WEBPACK_IMPORTED_MODULE_2__/* .holderOf */ .K)(run.context),
        durationSeconds: 30,
        waitMs: settings.timeoutMs,
        pollMs: 2000,
        signal: run.signal,
        log: run.log,
    }));
    const held = {
        namespace: settings.namespace,
        name: lease.name,
        identity: lease.identity,
        // Never a secret in the step state: a kubeconfig given as content is read from the input again.
        kubeconfig: settings.kubeconfig.kind === 'content' ? { kind: 'content' } : settings.kubeconfig,
        context: settings.context,
    };
    run.checkpoint(_model_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .MAIN_STATE */ .A.lease, JSON.stringify(held));
    const release = async () => {
        await lease.release();
        run.checkpoint(_model_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .MAIN_STATE */ .A.lease, '');
    };
    return { ...lease, release, [Symbol.asyncDispose]: release };
}


/***/ })

};
