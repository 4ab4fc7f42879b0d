export const id = 197;
export const ids = [197,943];
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

/***/ 197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCommentCommand: () => (/* binding */ runCommentCommand)
/* harmony export */ });
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8943);
/* harmony import */ var _model_trigger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2861);
/* harmony import */ var _model_run_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4804);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _checkout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9658);
/* harmony import */ var _choose_command_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1733);






/**
 * An issue_comment run: a `/preview redeploy|down|extend <duration>|wake` comment on a pull request runs
 * that command for it, when its author's repository role may (input command-permission, asked of the
 * API); anyone else is told they may not. The comment gets 👀 when the command starts, then 🚀 or 😕.
 * The code deployed is the pull request's head, and only when the checkout is that head (and the commit
 * the comment names, if it names one); a fork's head is another repository's code with this one's
 * secrets: never read (`down` and `extend` work from the cluster's records, deploys are refused), unless
 * allow-fork-code, and then only at the commit the comment names.
 */
async function runCommentCommand(options, runCommand) {
    const { context, input, log } = options;
    const nothing = (0,_choose_command_js__WEBPACK_IMPORTED_MODULE_5__/* .skippedOutcome */ .d)(input, context);
    const { comment } = context;
    if (!comment) {
        log.notice('A comment on an issue, or an edited one: only new comments on pull requests carry /preview commands.');
        return nothing;
    }
    const pr = context.prNumber;
    let command;
    try {
        command = (0,_model_trigger_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePreviewCommand */ .Bm)(comment.body);
    }
    catch (error) {
        if (!(error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo))
            throw error;
        const api = githubFor(options);
        await replyAndReact(api, pr, comment, `@${comment.author} ${error.message}`);
        return nothing;
    }
    if (!command) {
        log.info(`Comment ${comment.id} on #${pr} is not a /preview command; nothing to do.`);
        return nothing;
    }
    const api = githubFor(options);
    const allowed = optionalPermission(input('command-permission'));
    // The role the API reports, not the comment's association: a member or collaborator may only read.
    const role = await api.roleOf(comment.author);
    if (!allowed.includes(role)) {
        log.notice(`${comment.author} (role ${role}) may not run /preview ${command.name}.`);
        await replyAndReact(api, pr, comment, notAllowed(comment.author, role, allowed));
        return nothing;
    }
    await api.react(comment.id, 'eyes');
    try {
        const inner = {
            ...options,
            context: await pullRequestContext(api, options, command),
            commentCommand: command,
        };
        const outcome = await runCommand(inner);
        await bestEffort(() => api.react(comment.id, 'rocket'), options);
        return outcome;
    }
    catch (error) {
        await bestEffort(() => api.react(comment.id, 'confused'), options);
        throw error;
    }
}
/**
 * The run's context as the pull request's head gives it: the SHA to deploy, and whose code it is. A
 * deploy takes the checkout only when it is that head: a push after the workflow checked out (or a
 * checkout of another ref) would deploy code nobody asked for under this comment.
 */
async function pullRequestContext(api, options, command) {
    const { context } = options;
    const pr = await api.pullRequest(context.prNumber);
    if (pr.state === 'closed' && command.name !== 'down') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Pull request #${context.prNumber} is closed: /preview ${command.name} deploys only open ones.`);
    }
    const foreign = pr.headRepository === null
        ? '(deleted fork)'
        : pr.headRepository !== pr.baseRepository
            ? pr.headRepository
            : undefined;
    if (command.name === 'redeploy' || command.name === 'wake')
        await requireReviewedHead(options, command, pr, foreign);
    return {
        ...context,
        headSha: pr.headSha,
        prUrl: pr.htmlUrl,
        // issue_comment runs in this repository with its secrets, whoever wrote the code: see foreignCode.
        fromFork: false,
        foreignCodeWithSecrets: foreign,
    };
}
/**
 * A deploy takes the head only when it is the commit the comment names (if it names one) and the
 * checkout. Without allow-fork-code a fork's deploy is refused as such later, before its checkout is
 * looked at; with it, the maintainer's word holds for the whole SHA they name: the fork's author writes
 * both commits, so a short prefix is theirs to collide, and a push after the comment is not reviewed.
 */
async function requireReviewedHead(options, command, pr, foreign) {
    const prNumber = options.context.prNumber;
    if (foreign && !(0,_model_run_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .allowsForkCode */ .AC)(options.input))
        return;
    if (command.pin && !pr.headSha.startsWith(command.pin))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(explainMovedOn(prNumber, command, pr.headSha, foreign));
    if (foreign && command.pin?.length !== pr.headSha.length)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(explainUnpinnedFork(prNumber, command, foreign, pr.headSha));
    const { workingDirectory } = (0,_model_run_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readProjectInputs */ .H8)(options.input, options.cwd);
    const checkedOut = await (0,_checkout_js__WEBPACK_IMPORTED_MODULE_4__/* .checkoutHead */ .V)(workingDirectory, options.signal);
    if (checkedOut !== pr.headSha)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(explainStaleCheckout(prNumber, pr.headSha, checkedOut, workingDirectory));
}
function githubFor(options) {
    const token = options.input('github-token');
    const repository = options.context.repository;
    if (!token || !repository) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('/preview commands answer on the pull request, which needs input github-token (the default, github.token, will do) and GITHUB_REPOSITORY.');
    }
    options.log.mask(token);
    return new _github_api_js__WEBPACK_IMPORTED_MODULE_0__.GitHubApi(token, repository, options.env ?? process.env);
}
function notAllowed(author, role, allowed) {
    const who = allowed.length
        ? `people with the ${allowed.join(', ')} role`
        : 'nobody (input command-permission is none)';
    return `@${author} only ${who} may run \`/preview\` commands here (input command-permission); your role in this repository is ${role}.`;
}
function explainStaleCheckout(pr, head, checkedOut, dir) {
    const found = checkedOut ? `commit ${checkedOut.slice(0, 12)}` : 'no git checkout';
    return `Pull request #${pr}'s head is ${head.slice(0, 12)}, but ${dir} holds ${found}: this run deploys only the head it checked out. Check out refs/pull/${pr}/head in the workflow (see the README on commands) and comment again; if the pull request moved on since, comment again to deploy the new head (naming its whole SHA on a fork's pull request).`;
}
function explainMovedOn(pr, command, head, foreign) {
    return `Pull request #${pr}'s head is ${head.slice(0, 12)}, not the commit ${command.pin} this comment names: it moved on since. Review the new head, then comment /preview ${command.name} ${foreign ? head : head.slice(0, 12)}.`;
}
function explainUnpinnedFork(pr, command, fork, head) {
    return `Pull request #${pr} is from ${fork}: with allow-fork-code a deploy of its code names the whole commit SHA a maintainer reviewed, so that a push after the comment is never deployed (a fork can make another commit share a short prefix). Comment /preview ${command.name} ${head} once you have reviewed that head.`;
}
function optionalPermission(value) {
    return value === undefined ? _model_trigger_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_COMMAND_PERMISSION */ .M0 : (0,_model_trigger_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCommandPermission */ .Eu)(value);
}
async function replyAndReact(api, pr, comment, text) {
    // The comment is not quoted back: its text is anyone's, and the reply is written as this repository's bot.
    await api.createComment(pr, text);
    await api.react(comment.id, 'confused');
}
/** The last reaction must not hide how the command itself ended. */
async function bestEffort(fn, options) {
    try {
        await fn();
    }
    catch (error) {
        options.log.warning(`Could not react to the comment: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(error)}`);
    }
}


/***/ })

};
