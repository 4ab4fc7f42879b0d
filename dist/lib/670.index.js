export const id = 670;
export const ids = [670,943];
export const modules = {

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubApi: () => (/* binding */ GitHubApi),
/* harmony export */   O: () => (/* binding */ GitHubApiError)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


/** GitHub's repository roles, strongest first. */
const ROLES = ['admin', 'maintain', 'write', 'triage', 'read'];
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
    async getComment(id) {
        const { data } = await this.call(`read comment ${id}`, () => this.octokit.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', {
            ...this.repository(),
            comment_id: id,
        }));
        return data.body ?? '';
    }
    /** Reacts to a comment: 👀 (eyes) when a command starts, 🚀 (rocket) or 😕 (confused) when it ends. */
    async react(commentId, content) {
        await this.call(`react to comment ${commentId}`, () => this.octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
            ...this.repository(),
            comment_id: commentId,
            content,
        }));
    }
    /** What a comment command needs of its pull request: the head to deploy, and whose code it is. */
    async pullRequest(pr) {
        const { data } = await this.call(`read pull request #${pr}`, () => this.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
            ...this.repository(),
            pull_number: pr,
        }));
        return {
            state: data.state === 'closed' ? 'closed' : 'open',
            headSha: data.head.sha,
            // null: the fork was deleted.
            headRepository: data.head.repo === null ? null : data.head.repo.full_name,
            baseRepository: data.base.repo.full_name,
            htmlUrl: data.html_url,
        };
    }
    /**
     * The repository role a user holds (admin, maintain, write, triage, read, or a custom role's base
     * role), or `none` when they are no collaborator. An author association (MEMBER, COLLABORATOR) does
     * not say this: an organization member or a read-only collaborator may not write.
     */
    async roleOf(login) {
        try {
            const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { ...this.repository(), username: login });
            const role = data.role_name;
            // A custom role's name is its own; its base permission (admin, write, read) is what it may do.
            return ROLES.includes(role) ? role : data.permission;
        }
        catch (error) {
            if (error.status === 404)
                return 'none';
            throw this.failed(`read the repository permission of ${login}`, error);
        }
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
            throw this.failed(what, error);
        }
    }
    failed(what, error) {
        const status = error.status ?? 0;
        const message = error.message;
        // 401 is the token itself: say which input holds it.
        const hint = status === 401
            ? ' (input github-token: leave it unset to use github.token, or pass a current token from a secret)'
            : '';
        return new GitHubApiError(status, `GitHub API: cannot ${what}: ${status ? `HTTP ${status} ` : ''}${message}${hint}`);
    }
}


/***/ }),

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ EXPIRY_MARK),
/* harmony export */   Ql: () => (/* binding */ commentMarker),
/* harmony export */   Wr: () => (/* binding */ urlTable),
/* harmony export */   X1: () => (/* binding */ escapeText),
/* harmony export */   c$: () => (/* binding */ expiryLine),
/* harmony export */   wQ: () => (/* binding */ renderComment)
/* harmony export */ });
/* unused harmony exports MAX_ROWS, codeBlock */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);
/* harmony import */ var _model_trigger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2861);


/** Marks the comment's expiry line, which `/preview extend` rewrites. */
const EXPIRY_MARK = '<!-- kube-pod-preview:expiry -->';
/** The expiry line of a comment: when `cleanup` deletes the preview. */
function expiryLine(expiresAt, commands) {
    const extend = commands ? '; `/preview extend <duration>` pushes it back' : '';
    return `${EXPIRY_MARK}⏳ Expires ${formatInstant(expiresAt)} (input ttl)${extend}.`;
}
/** `2026-11-25 14:00 UTC`: one time zone for every reader. */
function formatInstant(at) {
    return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
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
        case 'sleeping':
            return '💤 Preview asleep';
    }
}
/** What a reviewer can do about a live preview: when it expires or sleeps, and the commands. */
function lifetimeLines(expiresAt, ctx) {
    const lines = [];
    if (expiresAt)
        lines.push(expiryLine(expiresAt, ctx.commands === true));
    if (ctx.sleepAfterMs)
        lines.push(explainSleepAfter(ctx.sleepAfterMs, ctx.commands === true));
    if (ctx.commands)
        lines.push(`Commands (comment on this pull request): ${commandList()}.`);
    return lines.length ? ['', ...lines.flatMap((l, i) => (i === 0 ? [l] : ['', l]))] : [];
}
function explainSleepAfter(sleepAfterMs, commands) {
    return `💤 Sleeps after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(sleepAfterMs)} without a deploy (input sleep-after); a push${commands ? ' or `/preview wake`' : ''} wakes it.`;
}
function explainAsleep(sleepAfterMs, commands) {
    return `No deploy for ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(sleepAfterMs)} (input sleep-after): the preview was scaled to zero and its URLs are off; its volume (images, build cache) is kept. Push a commit${commands ? ' or comment `/preview wake`' : ''} to wake it.`;
}
function commandList() {
    return _model_trigger_js__WEBPACK_IMPORTED_MODULE_1__/* .PREVIEW_COMMANDS */ .mH.map((c) => `\`/preview ${c}\``).join(' · ');
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
                .join(' · '), ...lifetimeLines(state.expiresAt, ctx));
            break;
        case 'sleeping':
            lines.push(...urlTable(state.urls), '', explainAsleep(ctx.sleepAfterMs ?? 0, ctx.commands === true));
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
    const detail = escapeText(url.detail ?? '');
    switch (url.state) {
        case 'ready':
            return `✅ answers (${detail})`;
        case 'unreachable':
            return `⚠️ not answering (${detail})`;
        case 'not-routed':
            return `⚠️ up, but not routed to the app (${detail})`;
        case 'app-down':
            return `⚠️ the app is not answering (${detail})`;
        case 'asleep':
            return '💤 asleep';
        case 'not-checked':
            return 'port-forward';
    }
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

/***/ 3945:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ deleteMatching),
/* harmony export */   z: () => (/* binding */ teardown)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6518);
/* harmony import */ var _api_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4662);
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
            if (!(error instanceof _api_error_js__WEBPACK_IMPORTED_MODULE_2__/* .KubeApiError */ .W3 && error.code === 403))
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
        await (0,_util_sleep_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .yy)(pause, options.signal);
    }
}


/***/ }),

/***/ 8471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A8: () => (/* binding */ MAIN_STATE),
/* harmony export */   j6: () => (/* binding */ LEASE_STATE),
/* harmony export */   vv: () => (/* binding */ REPORT_STATE)
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
function statePair(key, isValue) {
    return {
        save: (checkpoint, value) => checkpoint(key, value === undefined ? '' : JSON.stringify(value)),
        read(text) {
            if (!text)
                return undefined;
            const value = JSON.parse(text);
            if (!isValue(value))
                throw new Error(`the step state ${key} is not what this version saves`);
            return value;
        },
    };
}
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value) => typeof value === 'string';
function isLeaseCheckpoint(value) {
    if (!isRecord(value) || !isRecord(value.kubeconfig))
        return false;
    const { namespace, name, identity, context } = value;
    return (isString(namespace) &&
        isString(name) &&
        isString(identity) &&
        (context === undefined || isString(context)));
}
function isReportCheckpoint(value) {
    if (!isRecord(value) || !isString(value.repository))
        return false;
    const { comment, deploymentId } = value;
    const commentOk = comment === undefined ||
        (isRecord(comment) && typeof comment.id === 'number' && isString(comment.cancelledBody));
    return commentOk && (deploymentId === undefined || typeof deploymentId === 'number');
}
/** The lease the main step holds, while it holds it. */
const LEASE_STATE = statePair(MAIN_STATE.lease, isLeaseCheckpoint);
/** The pull request's comment and deployment of the deploy in progress. */
const REPORT_STATE = statePair(MAIN_STATE.report, isReportCheckpoint);


/***/ }),

/***/ 2723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Mc: () => (/* binding */ githubApi),
  M_: () => (/* binding */ reportFor),
  EI: () => (/* binding */ reportOf)
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
            sleepAfterMs: target.lifetime.sleepAfterMs,
            commands: target.lifetime.commands,
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
    async finished(state, urls, durationMs, primaryUrl, expiresAt) {
        await this.lastWord(async () => {
            await this.comment({ state, urls, durationMs, expiresAt });
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
    /** The comment, if there is one, says *sleeping*, with the URLs the preview will have again once woken. */
    async sleeping(urls) {
        await this.lastWord(() => this.comment({ state: 'sleeping', urls }, false));
    }
    /** `/preview extend`: the comment's expiry line says the new time; the rest of it stays as it was. */
    async extended(expiresAt) {
        await this.lastWord(async () => {
            if (!this.comments)
                return;
            const { api, pr, ids } = this.target;
            this.commentId ??= await this.findComment(api, pr, (0,comment/* commentMarker */.Ql)(ids.id));
            const current = this.commentId === undefined ? undefined : await api.getComment(this.commentId);
            if (!current?.includes(comment/* EXPIRY_MARK */.AC))
                return;
            const line = (0,comment/* expiryLine */.c$)(expiresAt, this.context.commands === true);
            await api.updateComment(this.commentId, current.replace(new RegExp(`^.*${comment/* EXPIRY_MARK */.AC}.*$`, 'm'), line));
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
            this.target.log.warning(explainUnknownViewer(pr));
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
                ? explainDeploymentsRefused(error)
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
        return new api/* GitHubApiError */.O(error.status, explainPermissionRefused(error.message, permission, what, input));
    }
    return error;
}
function explainPermissionRefused(message, permission, what, input) {
    return `${message}. The token (input github-token) may not ${what}: give the job "permissions: ${permission}" (and on a fork's pull request, see the README), or set input ${input} to false.`;
}
function explainUnknownViewer(pr) {
    return `Cannot learn which account the token (input github-token) acts as, so no existing comment on #${pr} can be told to be ours: a new comment is posted.`;
}
function explainDeploymentsRefused(error) {
    return `${(0,errors/* describeError */.Uc)(error)}. Skipping GitHub deployments: give the job "permissions: deployments: write", or set input deployment to false.`;
}

;// CONCATENATED MODULE: ./src/phases/github-report.ts


/** The GitHub API for the run's repository, when there is a token and a repository. */
function githubApi(settings, context, env) {
    if (!settings.githubToken || !context.repository)
        return undefined;
    return new api.GitHubApi(settings.githubToken, context.repository, env);
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
        lifetime: { sleepAfterMs: settings.sleepAfterMs, commands: settings.commandsListed },
        log,
    });
}
/** The run's pull request comment and deployment, for `up`, `down` and `extend`, when it has them. */
function reportOf(run) {
    const { settings, context } = run;
    return reportFor(githubApi(settings, context, run.env), settings, run.ids, context.prNumber, context, run.log);
}


/***/ }),

/***/ 4584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ holderOf),
/* harmony export */   U: () => (/* binding */ holdLease)
/* harmony export */ });
/* harmony import */ var _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6207);
/* harmony import */ var _model_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8471);


/**
 * Waits for, then holds, the environment's lease: one run per environment at a time. While it is held,
 * the step state says so, for a post step to release it should this process be killed.
 */
async function holdLease(client, run) {
    const { settings } = run;
    const lease = await (0,_kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireLease */ .Z)(client, run.ids.id, {
        holder: holderOf(run.context),
        durationSeconds: 30,
        waitMs: settings.timeoutMs,
        pollMs: 2000,
        signal: run.signal,
        log: run.log,
    });
    _model_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .LEASE_STATE */ .j6.save(run.checkpoint, {
        namespace: settings.namespace,
        name: lease.name,
        identity: lease.identity,
        // Never a secret in the step state: a kubeconfig given as content is read from the input again.
        kubeconfig: settings.kubeconfig.kind === 'content' ? { kind: 'content' } : settings.kubeconfig,
        context: settings.context,
    });
    const release = async () => {
        await lease.release();
        _model_checkpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .LEASE_STATE */ .j6.save(run.checkpoint, undefined);
    };
    return { ...lease, release, [Symbol.asyncDispose]: release };
}
/** Who holds a lease, as other runs see it while they wait: the workflow run's URL when there is one. */
function holderOf(context) {
    return context.runUrl ?? 'the kube-pod-preview CLI';
}


/***/ }),

/***/ 5079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ phase)
/* harmony export */ });
/**
 * One phase of a command: timed under `timing` (the job summary's and the benchmark's figures) and, with
 * a `group`, the log group its output goes in. Phases whose adapter opens its own group give none.
 */
function phase(run, what, fn) {
    if (typeof what === 'string')
        return run.timer.time(what, fn);
    return run.timer.time(what.timing, () => run.log.group(what.group, fn));
}


/***/ })

};
