export const id = 417;
export const ids = [417,85,977];
export const modules = {

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ GitHubApiError),
/* harmony export */   y: () => (/* binding */ GitHubApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


/** A GitHub API call that failed, with its HTTP status (0 when no answer came). */
class GitHubApiError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    status;
    name = 'GitHubApiError';
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/**
 * The thin adapter over the GitHub REST (and, for the token's identity, GraphQL) API that the pull-request
 * report talks to. It honours GITHUB_API_URL, so it works on GitHub Enterprise Server and against a test
 * double, and turns Octokit's errors into GitHubApiErrors that say which call failed.
 */
class GitHubApi {
    octokit;
    owner;
    repo;
    constructor(token, repository, env) {
        this.octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: env.GITHUB_API_URL || 'https://api.github.com' });
        [this.owner, this.repo] = repository.split('/');
    }
    /** The login the token acts as, without a bot's `[bot]` suffix; undefined when GitHub will not say. */
    async viewerLogin() {
        try {
            const answer = await this.octokit.graphql('query { viewer { login } }');
            return answer.viewer.login.replace(/\[bot\]$/, '');
        }
        catch {
            return undefined;
        }
    }
    async listComments(issue) {
        const comments = await this.call(`list the comments of #${issue}`, () => this.octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            ...this.repository(),
            issue_number: issue,
            per_page: 100,
        }));
        return comments.map((c) => ({ id: Number(c.id), body: c.body ?? '', author: c.user?.login }));
    }
    async createComment(issue, body) {
        const { data } = await this.call(`comment on #${issue}`, () => this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            ...this.repository(),
            issue_number: issue,
            body,
        }));
        return Number(data.id);
    }
    async updateComment(id, body) {
        await this.call(`update comment ${id}`, () => this.octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
            ...this.repository(),
            comment_id: id,
            body,
        }));
    }
    async pullRequestState(pr) {
        const { data } = await this.call(`read pull request #${pr}`, () => this.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
            ...this.repository(),
            pull_number: pr,
        }));
        return data.state === 'closed' ? 'closed' : 'open';
    }
    async createDeployment(options) {
        const { data } = await this.call(`create a deployment for ${options.environment}`, () => this.octokit.request('POST /repos/{owner}/{repo}/deployments', {
            ...this.repository(),
            ref: options.ref,
            environment: options.environment,
            description: options.description,
            // A preview is not production, goes away with its PR, and must not wait for or merge anything.
            transient_environment: true,
            production_environment: false,
            auto_merge: false,
            required_contexts: [],
        }));
        if (!('id' in data))
            throw new GitHubApiError(202, `GitHub did not create the deployment: ${data.message}`);
        return Number(data.id);
    }
    async setDeploymentStatus(id, status) {
        await this.call(`set deployment ${id} to ${status.state}`, () => this.octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
            ...this.repository(),
            deployment_id: id,
            state: status.state,
            ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
            ...(status.logUrl ? { log_url: status.logUrl } : {}),
            ...(status.description ? { description: status.description.slice(0, 140) } : {}),
        }));
    }
    async listDeployments(environment) {
        const deployments = await this.call(`list the deployments of ${environment}`, () => this.octokit.paginate('GET /repos/{owner}/{repo}/deployments', {
            ...this.repository(),
            environment,
            per_page: 100,
        }));
        return deployments.map((d) => ({ id: Number(d.id) }));
    }
    repository() {
        return { owner: this.owner, repo: this.repo };
    }
    async call(what, fn) {
        try {
            return await fn();
        }
        catch (error) {
            const status = error.status ?? 0;
            const message = error.message;
            throw new GitHubApiError(status, `GitHub API: cannot ${what}: ${status ? `HTTP ${status} ` : ''}${message}`);
        }
    }
}


/***/ }),

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ql: () => (/* binding */ commentMarker),
/* harmony export */   Wr: () => (/* binding */ urlTable),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   wQ: () => (/* binding */ renderComment)
/* harmony export */ });
/* unused harmony exports MAX_ROWS, codeBlock */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);

/** The hidden first line that finds the comment again: one comment per environment. */
function commentMarker(id) {
    return `<!-- kube-pod-preview id=${id} -->`;
}
function heading(state) {
    switch (state.state) {
        case 'deploying':
            return '⏳ Deploying the preview';
        case 'ready':
            return '✅ Preview ready';
        case 'running':
            return '✅ Preview running';
        case 'failed':
            return state.during === 'deploy' ? '❌ Preview failed' : '❌ Removing the preview failed';
        case 'cancelled':
            return state.during === 'deploy'
                ? '⚪ Preview deploy cancelled'
                : '⚪ Removing the preview was cancelled';
        case 'deleted':
            return '🗑️ Preview deleted';
    }
}
function renderComment(state, ctx) {
    const lines = [commentMarker(ctx.id), `### ${heading(state)}: \`${ctx.envId}\``, ''];
    const commit = ctx.sha ? `commit \`${ctx.sha.slice(0, 7)}\`` : undefined;
    const run = ctx.runUrl ? `[workflow run](${ctx.runUrl})` : undefined;
    switch (state.state) {
        case 'deploying':
            lines.push(`Deploying ${commit ?? 'the latest commit'} to namespace \`${escapeText(ctx.namespace)}\`…`);
            break;
        case 'ready':
        case 'running':
            lines.push(...urlTable(state.urls));
            if (state.urls.length === 0)
                lines.push('No service publishes a TCP port, so there is nothing to link to.');
            if (state.state === 'running' && state.urls.some((u) => u.command)) {
                lines.push('', 'Nothing is exposed (input `expose` is `none`); reach a service from a workstation with the command in its row.');
            }
            lines.push('', [commit && `Deployed ${commit} in ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(state.durationMs)}`, run]
                .filter(Boolean)
                .join(' · '));
            break;
        case 'failed': {
            const what = state.during === 'deploy' ? commit && `Deploying ${commit} failed` : 'Removing the preview failed';
            lines.push(codeBlock(state.error), '', [what, run && `see the ${run}`].filter(Boolean).join('; '));
            break;
        }
        case 'cancelled':
            lines.push(state.during === 'deploy'
                ? `The deploy of ${commit ?? 'the latest commit'} was cancelled; the next push deploys again.${run ? ` ${run}` : ''}`
                : `Removing the preview was cancelled; run the workflow again to finish.${run ? ` ${run}` : ''}`);
            break;
        case 'deleted':
            lines.push('The pull request was closed and its preview environment was deleted.');
            break;
    }
    return `${lines.join('\n').trimEnd()}\n`;
}
/** The Markdown table of URLs, shared by the comment and the job summary. */
function urlTable(urls) {
    if (urls.length === 0)
        return [];
    const rows = urls.slice(0, MAX_ROWS).map((u) => {
        const target = u.url
            ? `[${escapeText(u.url.replace(/^https?:\/\//, ''))}](${u.url})`
            : `\`${u.command ?? ''}\``;
        return `| ${escapeText(u.service)} | ${u.port} | ${target} | ${stateText(u)} |`;
    });
    const more = urls.length - MAX_ROWS;
    return [
        '| Service | Port | URL | State |',
        '| --- | --- | --- | --- |',
        ...rows,
        ...(more > 0
            ? ['', `${more} more rows are left out; the job summary and output urls-json have them all.`]
            : []),
    ];
}
function stateText(url) {
    if (url.state === 'ready')
        return `✅ answers (${escapeText(url.detail ?? '')})`;
    if (url.state === 'unreachable')
        return `⚠️ not answering (${escapeText(url.detail ?? '')})`;
    return 'port-forward';
}
/** Escapes text for Markdown, inside and outside tables: nothing a name contains can break the layout. */
function escapeText(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}
/** The most of an error a comment shows; the workflow run has the rest. */
const MAX_ERROR = 20_000;
/** The most URL rows a comment shows: GitHub refuses comments over 65,536 characters. */
const MAX_ROWS = 100;
/**
 * Text from the run (errors, container output) as a fenced code block: Markdown, mentions and links in
 * it are shown as they are, never rendered, never pinging anyone. The fence is longer than any run of
 * backticks inside, so the text cannot close it.
 */
function codeBlock(text) {
    const shown = text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR)}\n… (cut; the workflow run has all of it)` : text;
    const longest = Math.max(2, ...[...shown.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}text\n${shown.trimEnd()}\n${fence}`;
}


/***/ }),

/***/ 6207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZZ: () => (/* binding */ acquireLease),
/* harmony export */   _i: () => (/* binding */ LeaseHeldError),
/* harmony export */   wL: () => (/* binding */ releaseLease)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6518);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3036);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8045);
/* harmony import */ var _util_sleep_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7783);







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
    const name = `kube-pod-preview-${id}`;
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
        try {
            const taken = await writeIfFree(client, current, who, options);
            if (taken)
                return taken;
        }
        catch (error) {
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
            await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .y)(Math.min(backoff(conflicts++), Math.max(0, deadline - Date.now())), options.signal);
            continue;
        }
        const holder = current.spec.holderIdentity;
        if (holder !== announced)
            options.log.info(`Waiting for another run of this environment to finish: ${holder} holds the lease ${name}.`);
        announced = holder;
        if (Date.now() >= deadline) {
            throw new LeaseHeldError(`Another run of this environment (${holder}) still holds the lease ${name} after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(options.waitMs)}. Use a concurrency group per pull request in the workflow, or delete the lease if that run is gone.`);
        }
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_6__/* .sleep */ .y)(options.pollMs, options.signal);
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
    const ref = leaseRef(name);
    let held = lease;
    let released = false;
    const renewal = setInterval(() => {
        void (async () => {
            try {
                held = await client.replace({
                    ...held,
                    apiVersion: ref.apiVersion,
                    kind: ref.kind,
                    spec: { ...held.spec, renewTime: microTime(new Date()) },
                });
            }
            catch (error) {
                if (!released)
                    options.log.warning(`Could not renew the lease ${name}: ${error.message}`);
            }
        })();
    }, (options.durationSeconds * 1000) / 3);
    renewal.unref();
    const release = async () => {
        if (released)
            return;
        released = true;
        clearInterval(renewal);
        await releaseLease(client.detached(), name, identity, options.log);
    };
    return { name, identity, release, [Symbol.asyncDispose]: release };
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
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3036);
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

/***/ 7705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCleanup: () => (/* binding */ runCleanup)
/* harmony export */ });
/* harmony import */ var _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6207);
/* harmony import */ var _kube_teardown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3945);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8045);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8085);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9240);
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
 * `cleanup`: finds the preview environments in the namespace by their docker-host workloads and removes
 * those whose pull request is closed (for this repository, asked of the GitHub API) or whose expiry has
 * passed. An environment a run is working on (its lease is held) is left for a later cleanup.
 */
async function runCleanup(client, options) {
    const { log } = options;
    const hosts = await dockerHosts(client);
    if (hosts.length === 0)
        log.info(`No preview environments in namespace ${client.namespace}.`);
    const now = options.now();
    const entries = [];
    for (const host of hosts) {
        options.signal.throwIfAborted();
        const labels = host.metadata.labels ?? {};
        const ids = { envId: labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.envId] ?? '?', id: labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.id] ?? '' };
        if (!ids.id)
            continue;
        const repository = host.metadata.annotations?.[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .ANNOTATIONS */ .BC.repository];
        const entry = {
            ...ids,
            repository,
            reason: await whyRemove(host, ids, now, options),
            action: 'kept',
        };
        entries.push(entry);
        const what = `${ids.envId} (${ids.id}${repository ? `, ${repository}` : ''})`;
        if (!entry.reason)
            log.info(`  ${what}: kept`);
        else if (options.settings.dryRun) {
            entry.action = 'would remove';
            log.info(`  ${what}: would remove (${entry.reason}; dry-run)`);
        }
        else
            entry.action = await remove(client, entry, what, options);
    }
    return entries;
}
/** Every environment's docker-host workload in the namespace. */
async function dockerHosts(client) {
    const selector = `${_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.managedBy}=${_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGER */ .u},${_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.component}=${_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCKER_HOST_COMPONENT */ .qK}`;
    const hosts = [];
    for (const key of _model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .WORKLOAD_KIND_KEYS */ .YJ) {
        const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKindKey */ .Pb)(key);
        hosts.push(...(await client.list(apiVersion, kind, { labelSelector: selector })).items);
    }
    return hosts;
}
/** Why an environment goes: its ttl has passed, or its pull request (of this repository) is closed. */
async function whyRemove(host, ids, now, options) {
    const annotations = host.metadata.annotations ?? {};
    const expiresAt = Date.parse(annotations[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .ANNOTATIONS */ .BC.expiresAt] ?? '');
    if (!Number.isNaN(expiresAt) && expiresAt <= now.getTime())
        return 'expired';
    const pr = pullRequestOf(ids);
    const ours = annotations[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .ANNOTATIONS */ .BC.repository] === options.context.repository;
    if (pr === undefined || !ours || !options.github)
        return undefined;
    try {
        return (await options.github.pullRequestState(pr)) === 'closed' ? 'pull request closed' : undefined;
    }
    catch (error) {
        options.log.warning(`Keeping ${ids.envId}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}`);
        return undefined;
    }
}
/** Removes one environment under its lease, unless a run holds it; its comment, if any, says *deleted*. */
async function remove(client, entry, what, options) {
    const { log, signal, settings } = options;
    try {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const _lease = __addDisposableResource(env_1, await (0,_kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireLease */ .ZZ)(client, entry.id, {
                holder: (0,_run_js__WEBPACK_IMPORTED_MODULE_5__/* .holderOf */ .K)(options.context),
                durationSeconds: 30,
                waitMs: 0,
                pollMs: 1000,
                signal,
                log,
            }), true);
            await log.group(`Remove ${what}: ${entry.reason}`, () => (0,_kube_teardown_js__WEBPACK_IMPORTED_MODULE_1__/* .teardown */ .z)(client, {
                selector: (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentSelector */ .b6)(entry.id),
                templateKinds: [],
                timeoutMs: settings.timeoutMs,
                signal,
                log,
            }));
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
        if (!(error instanceof _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .LeaseHeldError */ ._i))
            throw error;
        log.info(`  ${what}: a run is working on it; leaving it for the next cleanup`);
        return 'busy';
    }
    const pr = pullRequestOf(entry);
    if (pr !== undefined && entry.repository === options.context.repository) {
        await (0,_report_js__WEBPACK_IMPORTED_MODULE_4__.reportFor)(options.github, settings, entry, pr, options.context, log)?.deleted();
    }
    return 'removed';
}
/** The pull request an environment id `pr-<n>` belongs to. */
function pullRequestOf(ids) {
    const pr = /^pr-(\d+)$/.exec(ids.envId)?.[1];
    return pr === undefined ? undefined : Number(pr);
}


/***/ }),

/***/ 8085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  githubApi: () => (/* binding */ githubApi),
  reportFor: () => (/* binding */ reportFor)
});

// EXTERNAL MODULE: ./src/github/api.ts
var api = __webpack_require__(8943);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(7318);
;// CONCATENATED MODULE: ./src/github/report.ts



/** How long a report may take once the run is over or cancelled: the runner does not wait long. */
const LAST_WORD_MS = 10_000;
/**
 * What the pull request shows of its preview: one sticky comment (found again by a hidden marker written
 * by the token's own identity) and a GitHub deployment whose status follows the deploy. Only the first
 * write may fail the run, naming the missing permission; later ones warn, since the preview itself
 * already exists or is already gone by then.
 */
class PullRequestReport {
    target;
    commentId;
    deploymentId;
    deployments;
    comments;
    context;
    environment;
    constructor(target) {
        this.target = target;
        const { settings, ids } = target;
        this.comments = settings.comment;
        this.deployments = settings.deployment;
        this.environment = settings.deploymentEnvironment ?? `preview/${ids.envId}`;
        this.context = {
            envId: ids.envId,
            id: ids.id,
            namespace: target.namespace,
            sha: target.sha,
            runUrl: target.runUrl,
        };
    }
    /** Posts (or updates) the comment as *deploying* and starts a deployment; fails on a token that may not comment. */
    async deploying() {
        try {
            await this.comment({ state: 'deploying' });
        }
        catch (error) {
            throw permissionError(error, 'pull-requests: write', 'comment on the pull request', 'comment');
        }
        if (!this.deployments)
            return;
        if (!this.target.sha) {
            this.target.log.warning('No head commit in the event: skipping the GitHub deployment.');
            this.deployments = false;
            return;
        }
        await this.deploymentCall(async () => {
            this.deploymentId = await this.target.api.createDeployment({
                ref: this.target.sha,
                environment: this.environment,
                description: `Preview of #${this.target.pr} (kube-pod-preview)`,
            });
            await this.target.api.setDeploymentStatus(this.deploymentId, {
                state: 'in_progress',
                logUrl: this.target.runUrl,
            });
        });
    }
    async finished(state, urls, durationMs, primaryUrl) {
        await this.lastWord(async () => {
            await this.comment({ state, urls, durationMs });
            await this.status('success', primaryUrl);
        });
    }
    /**
     * A run that failed, or stopped because it was cancelled, says so. A teardown only updates a comment
     * that exists: a pull request that never had a preview gets no comment about removing it.
     */
    async ended(error, signal, during) {
        const create = during === 'deploy';
        await this.lastWord(async () => {
            if (signal.aborted) {
                await this.comment({ state: 'cancelled', during }, create);
                await this.status('error', undefined, 'Cancelled');
            }
            else {
                await this.comment({ state: 'failed', error: (0,errors/* describeError */.Uc)(error), during }, create);
                await this.status('failure');
            }
        });
    }
    /** The comment, if there is one, says *deleted*; every deployment of the environment becomes inactive. */
    async deleted() {
        await this.lastWord(async () => {
            await this.comment({ state: 'deleted' }, false);
            if (!this.deployments)
                return;
            await this.deploymentCall(async () => {
                for (const deployment of await this.target.api.listDeployments(this.environment)) {
                    await this.target.api.setDeploymentStatus(deployment.id, { state: 'inactive' });
                }
            });
        });
    }
    /**
     * What a post step needs to say *cancelled* if this process is killed: the comment with its cancelled
     * text, and the deployment in progress.
     */
    checkpoint() {
        return {
            ...(this.commentId !== undefined
                ? {
                    comment: {
                        id: this.commentId,
                        cancelledBody: (0,comment/* renderComment */.wQ)({ state: 'cancelled', during: 'deploy' }, this.context),
                    },
                }
                : {}),
            ...(this.deploymentId !== undefined ? { deploymentId: this.deploymentId } : {}),
        };
    }
    /** True when the pull request was closed meanwhile (a deploy then ends by tearing down). */
    async isClosed() {
        try {
            return (await this.target.api.pullRequestState(this.target.pr)) === 'closed';
        }
        catch (error) {
            this.target.log.warning(`Cannot tell whether #${this.target.pr} is still open: ${(0,errors/* describeError */.Uc)(error)}`);
            return false;
        }
    }
    /** Writes the sticky comment; `create` false only updates one that exists. */
    async comment(state, create = true) {
        if (!this.comments)
            return;
        const { api, pr, ids } = this.target;
        const body = (0,comment/* renderComment */.wQ)(state, this.context);
        this.commentId ??= await this.findComment(api, pr, (0,comment/* commentMarker */.Ql)(ids.id));
        if (this.commentId === undefined) {
            if (!create)
                return;
            this.commentId = await api.createComment(pr, body);
        }
        else
            await api.updateComment(this.commentId, body);
        this.target.log.info(`Pull request #${pr}: comment ${this.commentId} says ${state.state}`);
    }
    /**
     * Our comment: the marker of this environment, written by the identity the token acts as. Anyone can
     * write the marker, so when that identity cannot be learnt no comment is adopted: a new one is posted.
     */
    async findComment(api, pr, marker) {
        const [viewer, comments] = await Promise.all([api.viewerLogin(), api.listComments(pr)]);
        if (viewer === undefined) {
            this.target.log.warning(`Cannot learn which account the token (input github-token) acts as, so no existing comment on #${pr} can be told to be ours: a new comment is posted.`);
            return undefined;
        }
        return comments.find((c) => c.body.startsWith(marker) && c.author?.replace(/\[bot\]$/, '') === viewer)
            ?.id;
    }
    async status(state, environmentUrl, description) {
        if (!this.deployments || this.deploymentId === undefined)
            return;
        const id = this.deploymentId;
        await this.deploymentCall(() => this.target.api.setDeploymentStatus(id, {
            state,
            environmentUrl,
            logUrl: this.target.runUrl,
            description,
        }));
    }
    /** Deployments are a nicety: a token without `deployments: write` gets a warning, once. */
    async deploymentCall(fn) {
        try {
            await fn();
        }
        catch (error) {
            this.deployments = false;
            const permission = error instanceof api/* GitHubApiError */.O && (error.status === 403 || error.status === 404);
            this.target.log.warning(permission
                ? `${(0,errors/* describeError */.Uc)(error)}. Skipping GitHub deployments: give the job "permissions: deployments: write", or set input deployment to false.`
                : `${(0,errors/* describeError */.Uc)(error)}. Skipping GitHub deployments for this run.`);
        }
    }
    /** Reports after the work is done must not fail it, nor hold a cancelled job. */
    async lastWord(fn) {
        let timer;
        const timeout = new Promise((resolve) => {
            timer = setTimeout(() => {
                this.target.log.warning(`Updating the pull request took longer than ${LAST_WORD_MS / 1000}s; giving up.`);
                resolve();
            }, LAST_WORD_MS);
        });
        try {
            await Promise.race([
                fn().catch((error) => this.target.log.warning(`Could not update the pull request: ${(0,errors/* describeError */.Uc)(error)}`)),
                timeout,
            ]);
        }
        finally {
            clearTimeout(timer);
        }
    }
}
function permissionError(error, permission, what, input) {
    if (error instanceof api/* GitHubApiError */.O && (error.status === 403 || error.status === 404)) {
        return new api/* GitHubApiError */.O(error.status, `${error.message}. The token (input github-token) may not ${what}: give the job "permissions: ${permission}" (and on a fork's pull request, see the README), or set input ${input} to false.`);
    }
    return error;
}

;// CONCATENATED MODULE: ./src/run/report.ts


/** The GitHub API for the run's repository, when there is a token and a repository. */
function githubApi(settings, context, env) {
    if (!settings.githubToken || !context.repository)
        return undefined;
    return new api/* GitHubApi */.y(settings.githubToken, context.repository, env);
}
/** The sticky comment and deployment of pull request `pr`, unless inputs comment and deployment are off. */
function reportFor(api, settings, ids, pr, context, log) {
    if (!api || pr === undefined || (!settings.report.comment && !settings.report.deployment))
        return undefined;
    return new PullRequestReport({
        api,
        pr,
        ids,
        namespace: settings.namespace,
        sha: context.headSha,
        runUrl: context.runUrl,
        settings: settings.report,
        log,
    });
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
