export const id = 705;
export const ids = [705,85,943];
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
        lines.push(`💤 Sleeps after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(ctx.sleepAfterMs)} without a deploy (input sleep-after); a push${ctx.commands ? ' or `/preview wake`' : ''} wakes it.`);
    if (ctx.commands)
        lines.push(`Commands (comment on this pull request): ${commandList()}.`);
    return lines.length ? ['', ...lines.flatMap((l, i) => (i === 0 ? [l] : ['', l]))] : [];
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
            lines.push(...urlTable(state.urls), '', `No deploy for ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSpan */ .QA)(ctx.sleepAfterMs ?? 0)} (input sleep-after): the preview was scaled to zero and its URLs are off; its volume (images, build cache) is kept. Push a commit${ctx.commands ? ' or comment `/preview wake`' : ''} to wake it.`);
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
        default:
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

/***/ 7705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCleanup: () => (/* binding */ runCleanup)
/* harmony export */ });
/* harmony import */ var _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6207);
/* harmony import */ var _kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9749);
/* harmony import */ var _kube_teardown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3945);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8045);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6518);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8085);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9240);
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
 * passed: the one `up` recorded (input ttl, `/preview extend`), else, with cleanup's own input ttl, that
 * long after the last deploy. With input sleep-after, it scales to zero those not deployed for that
 * long. An environment a run is working on (its lease is held) is left for a later cleanup. Every
 * environment kept says why.
 */
async function runCleanup(client, options) {
    const { log, settings } = options;
    const hosts = await (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .dockerHosts */ .I7)(client);
    if (hosts.length === 0)
        log.info(`No preview environments in namespace ${client.namespace}.`);
    else
        explainLifetimes(settings, log);
    const now = options.now();
    const entries = [];
    for (const host of hosts) {
        options.signal.throwIfAborted();
        const labels = host.metadata.labels ?? {};
        const ids = { envId: labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.envId] ?? '?', id: labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .LABELS */ .kg.id] ?? '' };
        if (!ids.id)
            continue;
        const repository = host.metadata.annotations?.[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.repository];
        const { reason, kept } = await verdict(host, ids, now, options);
        const entry = { ...ids, repository, reason, action: 'kept' };
        entries.push(entry);
        const what = `${ids.envId} (${ids.id}${repository ? `, ${repository}` : ''})`;
        if (!entry.reason && idle(host, now, settings)) {
            entry.reason = 'idle';
            entry.action = settings.dryRun ? 'would sleep' : await sleep(client, host, entry, what, options);
            if (settings.dryRun)
                log.info(`  ${what}: would sleep (idle; dry-run)`);
        }
        else if (!entry.reason) {
            const since = (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .asleepSince */ .jY)(host);
            entry.why = [...(since ? [`asleep since ${since.toISOString()}`] : []), ...kept].join('; ');
            log.info(`  ${what}: kept (${entry.why})`);
        }
        else if (settings.dryRun) {
            entry.action = 'would remove';
            log.info(`  ${what}: would remove (${entry.reason}; dry-run)`);
        }
        else
            entry.action = await remove(client, entry, what, options);
    }
    return entries;
}
/** What ttl and sleep-after mean to this cleanup, said once. */
function explainLifetimes(settings, log) {
    log.info(settings.ttlMs === undefined
        ? 'Input ttl is not set: only an expiry recorded by up (its input ttl, /preview extend) removes an environment.'
        : `Input ttl ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatSpan */ .QA)(settings.ttlMs)}: an environment without a recorded expiry goes that long after its last deploy; a recorded expiry (up's input ttl, /preview extend) wins.`);
    if (settings.sleepAfterMs !== undefined)
        log.info(`Input sleep-after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatSpan */ .QA)(settings.sleepAfterMs)}: an environment not deployed for that long is scaled to zero.`);
}
/** Awake, and not deployed for input sleep-after. */
function idle(host, now, settings) {
    if (settings.sleepAfterMs === undefined || (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .asleepSince */ .jY)(host))
        return false;
    const deployedAt = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .annotatedTime */ .ev)(host, _model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.deployedAt);
    return deployedAt !== undefined && deployedAt.getTime() + settings.sleepAfterMs <= now.getTime();
}
/**
 * Puts one environment to sleep under its lease, unless a run holds it: scaled to zero, its exposure
 * removed, its volume kept. Its comment, if any, says *sleeping*.
 */
async function sleep(client, host, entry, what, options) {
    const { log, signal } = options;
    try {
        const env_1 = { stack: [], error: void 0, hasError: false };
        try {
            const _lease = __addDisposableResource(env_1, await (0,_kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireLease */ .Z)(client, entry.id, leaseOptions(options)), true);
            await log.group(sleepTitle(host, what, options), () => (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .putToSleep */ .u9)(client, host, options.now(), log));
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
        if (!(error instanceof _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .LeaseHeldError */ ._))
            throw error;
        log.info(`  ${what}: a run is working on it; leaving it awake`);
        entry.why = 'a run is working on it';
        return 'busy';
    }
    signal.throwIfAborted();
    const pr = pullRequestOf(entry);
    if (pr !== undefined && entry.repository === options.context.repository) {
        const urls = (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .recordedUrls */ .bk)(host).map((u) => ({ ...u, state: 'asleep', detail: undefined }));
        await (0,_report_js__WEBPACK_IMPORTED_MODULE_6__.reportFor)(options.github, options.settings, entry, pr, options.context, log)?.sleeping(urls);
    }
    return 'asleep';
}
/** `Put pr-7 (…) to sleep: not deployed for 5h (input sleep-after 4h); StatefulSet/x to 0 replicas, …`. */
function sleepTitle(host, what, options) {
    const deployedAt = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .annotatedTime */ .ev)(host, _model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.deployedAt);
    const idleFor = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatSpan */ .QA)(options.now().getTime() - deployedAt.getTime());
    return `Put ${what} to sleep: not deployed for ${idleFor} (input sleep-after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_4__/* .formatSpan */ .QA)(options.settings.sleepAfterMs)}); ${host.kind}/${host.metadata.name} scaled to 0 replicas and its exposure removed, its volume kept`;
}
function leaseOptions(options) {
    return {
        holder: (0,_run_js__WEBPACK_IMPORTED_MODULE_7__/* .holderOf */ .K)(options.context),
        durationSeconds: 30,
        waitMs: 0,
        pollMs: 1000,
        signal: options.signal,
        log: options.log,
    };
}
/**
 * Why an environment goes (its expiry has passed, or its pull request of this repository is closed), or
 * else why it stays, a reason each.
 */
async function verdict(host, ids, now, options) {
    const expiry = expiryFor(host, options.settings);
    if (expiry && expiry.at.getTime() <= now.getTime())
        return { reason: 'expired', kept: [] };
    const kept = [expiry ? `expires ${expiry.at.toISOString()}${expiry.from}` : 'no expiry recorded'];
    const pr = pullRequestOf(ids);
    const repository = host.metadata.annotations?.[_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.repository];
    if (pr === undefined)
        return { reason: undefined, kept: [...kept, 'not a pull request’s environment'] };
    if (repository !== options.context.repository)
        return { reason: undefined, kept: [...kept, `a pull request of ${repository ?? 'another repository'}`] };
    if (!options.github)
        return { reason: undefined, kept: [...kept, `no GitHub token to ask about pull request #${pr}`] };
    try {
        if ((await options.github.pullRequestState(pr)) === 'closed')
            return { reason: 'pull request closed', kept: [] };
        return { reason: undefined, kept: [...kept, `pull request #${pr} open`] };
    }
    catch (error) {
        options.log.warning(`Keeping ${ids.envId}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .describeError */ .Uc)(error)}`);
        return { reason: undefined, kept: [...kept, `pull request #${pr} unknown`] };
    }
}
/** The recorded expiry, else, with input ttl, that long after the last deploy; undefined without either. */
function expiryFor(host, settings) {
    const recorded = (0,_kube_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .expiryOf */ .p1)(host);
    if (recorded)
        return { at: recorded, from: '' };
    const deployedAt = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .annotatedTime */ .ev)(host, _model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .ANNOTATIONS */ .BC.deployedAt);
    if (settings.ttlMs === undefined || !deployedAt)
        return undefined;
    return { at: new Date(deployedAt.getTime() + settings.ttlMs), from: ' (input ttl after its last deploy)' };
}
/** Removes one environment under its lease, unless a run holds it; its comment, if any, says *deleted*. */
async function remove(client, entry, what, options) {
    const { log, signal, settings } = options;
    try {
        const env_2 = { stack: [], error: void 0, hasError: false };
        try {
            const _lease = __addDisposableResource(env_2, await (0,_kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .acquireLease */ .Z)(client, entry.id, leaseOptions(options)), true);
            await log.group(`Remove ${what}: ${entry.reason}`, () => (0,_kube_teardown_js__WEBPACK_IMPORTED_MODULE_2__/* .teardown */ .z)(client, {
                selector: (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .environmentSelector */ .b6)(entry.id),
                templateKinds: [],
                timeoutMs: settings.timeoutMs,
                signal,
                log,
            }));
        }
        catch (e_2) {
            env_2.error = e_2;
            env_2.hasError = true;
        }
        finally {
            const result_2 = __disposeResources(env_2);
            if (result_2)
                await result_2;
        }
    }
    catch (error) {
        if (!(error instanceof _kube_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .LeaseHeldError */ ._))
            throw error;
        log.info(`  ${what}: a run is working on it; leaving it for the next cleanup`);
        entry.why = 'a run is working on it';
        return 'busy';
    }
    const pr = pullRequestOf(entry);
    if (pr !== undefined && entry.repository === options.context.repository) {
        await (0,_report_js__WEBPACK_IMPORTED_MODULE_6__.reportFor)(options.github, settings, entry, pr, options.context, log)?.deleted();
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


/***/ })

};
