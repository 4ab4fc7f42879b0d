export const id = 943;
export const ids = [943];
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


/***/ })

};
