export const id = 152;
export const ids = [152];
export const modules = {

/***/ 5152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(5015);
;// CONCATENATED MODULE: ./src/entry/action-log.ts

/** The Actions log: annotations for notices and warnings, collapsible groups, masked secrets. */
function actionLogger() {
    return {
        info: (m) => core/* info */.pq(m),
        notice: (m) => core/* notice */.lm(m),
        warning: (m) => core/* warning */.$e(m),
        debug: (m) => core/* debug */.Yz(m),
        group: (title, fn) => core/* group */.Os(title, fn),
        mask: (value) => {
            // The runner masks line by line: a multi-line secret (a key) is registered one line at a time.
            for (const line of value.split(/\r?\n/))
                if (line.trim().length > 3)
                    core/* setSecret */.Pq(line.trim());
        },
    };
}

// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/github/comment.ts
var comment = __webpack_require__(7318);
;// CONCATENATED MODULE: ./src/entry/summary.ts


/** The step outputs a later step builds on: Preevy's `urls-json` shape, a lookup map, and the primary URL. */
function urlOutputs(outcome) {
    const urls = outcome.command === 'up' ? outcome.urls.filter((u) => u.url) : [];
    const map = {};
    for (const u of urls)
        (map[u.service] ??= {})[String(u.port)] = u.url;
    return {
        'urls-json': JSON.stringify(urls.map((u) => ({ project: outcome.project, service: u.service, port: u.port, url: u.url }))),
        'urls-map': JSON.stringify(map),
        url: (outcome.command === 'up' && outcome.primaryUrl) || '',
    };
}
/** The job summary: what happened, the URL table, and how long each phase took. */
function jobSummary(outcome) {
    const lines = [`## kube-pod-preview: ${outcome.command} of \`${(0,comment/* escapeText */.X1)(outcome.ids.envId)}\``, ''];
    lines.push(`Namespace \`${(0,comment/* escapeText */.X1)(outcome.namespace)}\`, id \`${(0,comment/* escapeText */.X1)(outcome.ids.id)}\`.`, '');
    if (outcome.command === 'up')
        lines.push(...(0,comment/* urlTable */.Wr)(outcome.urls), '');
    if (outcome.command === 'down')
        lines.push(`Deleted ${outcome.deleted.length} objects.`, '');
    if (outcome.command === 'cleanup') {
        lines.push('| Environment | Repository | Reason | Action |', '| --- | --- | --- | --- |');
        for (const e of outcome.cleaned) {
            lines.push(`| ${(0,comment/* escapeText */.X1)(e.envId)} | ${(0,comment/* escapeText */.X1)(e.repository ?? '')} | ${(0,comment/* escapeText */.X1)([e.reason, e.why].filter(Boolean).join('; '))} | ${e.action} |`);
        }
        lines.push('');
    }
    if (outcome.command === 'doctor') {
        lines.push('| Check | Result | Detail |', '| --- | --- | --- |');
        for (const c of outcome.checks)
            lines.push(`| ${(0,comment/* escapeText */.X1)(c.name)} | ${c.state} | ${(0,comment/* escapeText */.X1)(c.detail.replace(/\n/g, ' '))} |`);
        lines.push('');
    }
    const phases = Object.entries(outcome.timings);
    if (phases.length) {
        lines.push('| Phase | Time |', '| --- | --- |', ...phases.map(([p, ms]) => `| ${p} | ${(0,duration/* formatDuration */.a3)(ms)} |`));
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/model/inputs.ts
var inputs = __webpack_require__(492);
// EXTERNAL MODULE: ./src/entry/run-preview.ts + 9 modules
var run_preview = __webpack_require__(5620);
// EXTERNAL MODULE: ./src/model/checkpoint.ts
var checkpoint = __webpack_require__(8471);
;// CONCATENATED MODULE: ./src/entry/post.ts




/**
 * The post step: when the main step was killed before it could clean up (a cancelled job whose main
 * step outlived the runner's grace period), release the lease it held and mark the comment and the
 * deployment *cancelled*.
 * After a main step that finished, successfully or not, there is nothing to do.
 */
async function runPostStep(env, log) {
    if (core/* getState */.Gu(checkpoint/* MAIN_STATE */.A8.finished))
        return;
    log.notice('The main step did not finish (cancelled or killed); releasing what it held.');
    const input = (0,inputs/* actionInputs */.eh)(env);
    const lease = core/* getState */.Gu(checkpoint/* MAIN_STATE */.A8.lease);
    if (lease) {
        try {
            const held = checkpoint/* LEASE_STATE */.j6.read(lease);
            const source = held.kubeconfig.kind === 'content'
                ? { kind: 'content', content: input('kubeconfig') ?? '' }
                : held.kubeconfig;
            // Loaded when needed: the main step's start does not parse the Kubernetes and GitHub libraries.
            const { KubeClient } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(789), __webpack_require__.e(326)]).then(__webpack_require__.bind(__webpack_require__, 8789));
            const { releaseLease } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(207)]).then(__webpack_require__.bind(__webpack_require__, 6207));
            const client = KubeClient.connect(source, held.context, held.namespace, { log, env });
            if (await releaseLease(client, held.name, held.identity, log))
                log.info(`Released the lease ${held.name}.`);
        }
        catch (error) {
            log.warning(`Could not release the lease (it expires by itself): ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
    const saved = core/* getState */.Gu(checkpoint/* MAIN_STATE */.A8.report);
    const token = input('github-token');
    if (saved && token) {
        try {
            const report = checkpoint/* REPORT_STATE */.vv.read(saved);
            const { GitHubApi } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(943)]).then(__webpack_require__.bind(__webpack_require__, 8943));
            const api = new GitHubApi(token, report.repository, env);
            if (report.comment) {
                await api.updateComment(report.comment.id, report.comment.cancelledBody);
                log.info(`Marked comment ${report.comment.id} cancelled.`);
            }
            if (report.deploymentId !== undefined) {
                await api.setDeploymentStatus(report.deploymentId, { state: 'error', description: 'Cancelled' });
                log.info(`Marked deployment ${report.deploymentId} as errored (cancelled).`);
            }
        }
        catch (error) {
            log.warning(`Could not mark the pull request's preview cancelled: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/entry/action.ts









/** The action's entry point (main and post step): read the event, run one command, set the outputs. */
async function runAction() {
    // The same bundle is the action's `post` step, which runs after the main step, cancelled or not.
    if (core/* getState */.Gu(checkpoint/* MAIN_STATE */.A8.started))
        return runPostStep(process.env, actionLogger());
    core/* saveState */.LZ(checkpoint/* MAIN_STATE */.A8.started, 'true');
    const signal = (0,errors/* cancelOnSignals */.dJ)();
    try {
        const outcome = await (0,run_preview.runPreview)({
            input: (0,inputs/* actionInputs */.eh)(process.env),
            context: (0,github_event/* readRunContext */.$)(process.env),
            log: actionLogger(),
            signal,
            cwd: process.cwd(),
            checkpoint: (key, value) => core/* saveState */.LZ(key, value),
        });
        core/* setOutput */.uH('env-id', outcome.ids.envId);
        core/* setOutput */.uH('id', outcome.ids.id);
        core/* setOutput */.uH('namespace', outcome.namespace);
        for (const [name, value] of Object.entries(urlOutputs(outcome)))
            core/* setOutput */.uH(name, value);
        if (outcome.command === 'plan')
            core/* info */.pq(outcome.manifest);
        const failed = outcome.command === 'doctor' ? outcome.checks.filter((c) => c.state === 'failed') : [];
        if (failed.length > 0)
            core/* setFailed */.C1(`doctor: ${failed.length} checks failed: ${failed.map((c) => c.name).join(', ')}.`);
        if (process.env.GITHUB_STEP_SUMMARY)
            await core/* summary */.z.addRaw(jobSummary(outcome)).write();
        core/* saveState */.LZ(checkpoint/* MAIN_STATE */.A8.finished, 'true');
    }
    catch (error) {
        const reason = (0,errors/* reasonOf */.A3)(error, signal);
        core/* setFailed */.C1(reason instanceof errors/* CancelledError */.cc ? `Cancelled: ${reason.message}.` : (0,errors/* describeError */.Uc)(reason));
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

/***/ 5015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


function explainUnreadablePayload(file, reason) {
    return `Cannot read the event payload at ${file} (GITHUB_EVENT_PATH), which the runner writes as JSON: ${reason.split('\n')[0]}`;
}
function explainPayloadWithoutPullRequest(eventName, file) {
    return `The ${eventName} event's payload (GITHUB_EVENT_PATH ${file ?? 'unset'}) has no pull_request.number, which every ${eventName} event carries: is GITHUB_EVENT_NAME or GITHUB_EVENT_PATH overridden in the workflow?`;
}
/** Reads the run's context from the variables the Actions runner sets and the event payload file. */
function readRunContext(env) {
    const eventName = env.GITHUB_EVENT_NAME;
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
            if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
                throw new Error('it is not a JSON object');
            payload = parsed;
        }
        catch (error) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(explainUnreadablePayload(env.GITHUB_EVENT_PATH, error.message));
        }
    }
    const pr = eventName?.startsWith('pull_request') ? payload.pull_request : undefined;
    if (eventName?.startsWith('pull_request') && typeof pr?.number !== 'number') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(explainPayloadWithoutPullRequest(eventName, env.GITHUB_EVENT_PATH));
    }
    const comment = commentOf(eventName, payload);
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY;
    return {
        eventName,
        action: pr ? payload.action : undefined,
        prNumber: pr?.number ?? (comment ? payload.issue?.number : undefined),
        prUrl: pr?.html_url ?? (comment ? payload.issue?.pull_request?.html_url : undefined),
        // An issue_comment run's GITHUB_SHA is the default branch's: the pull request's head is asked for later.
        headSha: pr?.head?.sha ?? (comment ? undefined : env.GITHUB_SHA),
        repository,
        runUrl: repository && env.GITHUB_RUN_ID
            ? `${serverUrl}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
            : undefined,
        // head.repo null: the fork was deleted, and its code is still another repository's.
        fromFork: pr?.head?.repo === null ||
            Boolean(pr?.head?.repo?.full_name &&
                pr.base?.repo?.full_name &&
                pr.head.repo.full_name !== pr.base.repo.full_name),
        foreignCodeWithSecrets: foreignCode(eventName, payload, repository),
        draft: pr?.draft === true,
        labels: (pr?.labels ?? []).map((l) => l.name ?? '').filter(Boolean),
        changedLabel: pr ? payload.label?.name : undefined,
        comment,
        pushedRef: eventName === 'push' ? env.GITHUB_REF || undefined : undefined,
        baseRef: env.GITHUB_BASE_REF || pr?.base?.ref || undefined,
    };
}
/** A new comment on a pull request (issue_comment events also come for issues and for edits). */
function commentOf(eventName, payload) {
    const { comment, issue } = payload;
    if (eventName !== 'issue_comment' || payload.action !== 'created' || !issue?.pull_request)
        return undefined;
    if (comment?.id === undefined)
        return undefined;
    return {
        id: comment.id,
        body: comment.body ?? '',
        author: comment.user?.login ?? '',
        association: comment.author_association ?? 'NONE',
    };
}
function foreignCode(eventName, payload, repository) {
    let head;
    let base;
    if (eventName === 'pull_request_target') {
        head = payload.pull_request?.head?.repo === null ? null : payload.pull_request?.head?.repo?.full_name;
        base = payload.pull_request?.base?.repo?.full_name ?? repository;
    }
    else if (eventName === 'workflow_run') {
        const run = payload.workflow_run;
        head = run?.head_repository === null ? null : run?.head_repository?.full_name;
        base = run?.repository?.full_name ?? repository;
    }
    else
        return undefined;
    if (head === null)
        return '(deleted fork)';
    return head !== undefined && head !== base ? head : undefined;
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

/***/ 492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   eh: () => (/* binding */ actionInputs),
/* harmony export */   k3: () => (/* binding */ mapInputs),
/* harmony export */   wp: () => (/* binding */ isInputName)
/* harmony export */ });
/**
 * The action's inputs, by the names `action.yml` declares and the CLI takes as `--<name>` flags.
 * An input's value is `undefined` when the user did not give it, so that settings can tell an explicit
 * value from a default: that is what lets the compose file's `x-preevy` section sit between the two.
 */
const INPUT_NAMES = [
    'command',
    'kubeconfig',
    'context',
    'namespace',
    'template',
    'server-side-apply',
    'storage-class',
    'storage-size',
    'compose-file',
    'working-directory',
    'allow-paths',
    'compose-env',
    'env-id',
    'timeout',
    'labels',
    'annotations',
    'github-token',
    // The Docker server's pod, without writing a template.
    'docker-image',
    'resources',
    'node-selector',
    'tolerations',
    'priority-class',
    'registry-mirrors',
    'build-cache',
    // Exposure and the pull-request report.
    'expose',
    'domain',
    'url-template',
    'expose-template',
    'ingress-class',
    'tls-secret',
    'ingress-annotations',
    'basic-auth',
    'url-timeout',
    'comment',
    'deployment',
    'deployment-environment',
    'primary-service',
    // Which pull requests get a preview, and commands in their comments.
    'drafts',
    'label',
    'command-permission',
    // Safety and housekeeping.
    'on-fork',
    'allow-fork-code',
    'ttl',
    'max-ttl',
    'sleep-after',
    'dry-run',
];
function isInputName(name) {
    return INPUT_NAMES.includes(name);
}
/** Inputs of a GitHub Action run, read the way the runner passes them: `INPUT_<NAME>` variables. */
function actionInputs(env) {
    return (name) => {
        const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
        return value ? value : undefined;
    };
}
/** Inputs given as a plain map, as the CLI collects them from its flags. */
function mapInputs(values) {
    return (name) => {
        const value = values[name]?.trim();
        return value ? value : undefined;
    };
}


/***/ }),

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ reasonOf),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dJ: () => (/* binding */ cancelOnSignals),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * A failure the user can fix. Its message says what is wrong and what to do; it is printed without a
 * stack trace. Anything else that escapes is a bug and is printed with one.
 */
class UserError extends Error {
    name = 'UserError';
}
/** The run was stopped from outside: the runner cancelled the job, or someone pressed Ctrl-C. */
class CancelledError extends UserError {
    signal;
    name = 'CancelledError';
    constructor(signal) {
        super(`the run was stopped by ${signal}`);
        this.signal = signal;
    }
    /** The shell's convention for a process ended by a signal: 128 + its number. */
    get exitCode() {
        return this.signal === 'SIGINT' ? 130 : 143;
    }
}
/**
 * An abort signal that SIGINT and SIGTERM fire, its reason a CancelledError naming the signal. Handling
 * them keeps the process alive long enough to release the lease and report.
 */
function cancelOnSignals() {
    const controller = new AbortController();
    for (const name of ['SIGINT', 'SIGTERM'])
        process.once(name, () => controller.abort(new CancelledError(name)));
    return controller.signal;
}
/**
 * What ended a run: its cancellation when it was cancelled, whatever the error it surfaced as (an
 * AbortError from a request, a killed child process), else the error itself.
 */
function reasonOf(error, signal) {
    return signal.aborted && signal.reason instanceof CancelledError ? signal.reason : error;
}
/** The message of an error, for logs; a bug keeps its stack so it can be reported. */
function describeError(error) {
    if (error instanceof UserError)
        return error.message;
    if (error instanceof Error)
        return error.stack ?? error.message;
    return String(error);
}


/***/ })

};
