export const id = 141;
export const ids = [141];
export const modules = {

/***/ 3141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(5015);
// EXTERNAL MODULE: ./src/model/inputs.ts
var inputs = __webpack_require__(492);
;// CONCATENATED MODULE: ./src/entry/cli-args.ts


const USAGE = `Usage: kube-pod-preview <plan|doctor|up|down|cleanup> [--<input> <value> ...]

  plan     print the rendered, validated objects as YAML (needs no cluster); with --server, as the
           API server would store them (a dry run: defaults and admission's changes filled in)
  doctor   check the cluster, the permissions and what the cluster would make of the objects, a line
           per check on stderr, changing nothing (exit status 1 when a check fails)
  up       provision or update the environment, run compose in it, print its URLs
  down     delete everything the environment created
  cleanup  remove the namespace's environments whose PR is closed or whose ttl has passed

Flags are the action's inputs: ${inputs/* INPUT_NAMES */.Qh.filter((n) => n !== 'command')
    .map((n) => `--${n}`)
    .join(', ')}.
Outside a pull_request event, --env-id is required (doctor without it checks a new environment under
the placeholder env-id "doctor"). The kubeconfig comes from --kubeconfig-file PATH,
$KUBECONFIG or ~/.kube/config (--kubeconfig takes its content, which then shows in the process list).
--repository owner/name names the repository the environment belongs to, as the action's
GITHUB_REPOSITORY does (default: $GITHUB_REPOSITORY, else the git checkout's origin remote), so that
the CLI reaches the environment the action created.
Progress and doctor's checks go to stderr, for people. stdout carries the result: plan's YAML, up's
URLs and cleanup's verdicts (a tab-separated line each), nothing for doctor. --output json prints the
whole outcome (doctor's checks included) as one JSON document on stdout instead.`;
/** Flags of the CLI alone; every other flag is one of the action's inputs. */
const CLI_FLAGS = ['repository', 'kubeconfig-file', 'output'];
const COMMANDS = ['plan', 'doctor', 'up', 'down', 'cleanup'];
/** Parses `<command> --name value --name=value …` into input values and --repository. */
function parseArgs(argv) {
    const [command, ...rest] = argv;
    if (!command || !COMMANDS.includes(command)) {
        throw new errors/* UserError */.yo(`${command ? `Unknown command "${command}".\n` : ''}${USAGE}`);
    }
    const values = { command };
    const cli = {};
    let server = false;
    for (let i = 0; i < rest.length; i++) {
        const arg = rest[i];
        if (arg === '--server') {
            if (command !== 'plan')
                throw new errors/* UserError */.yo(`--server goes with plan only.\n${USAGE}`);
            server = true;
            continue;
        }
        const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
        if (!match)
            throw new errors/* UserError */.yo(`Unexpected argument "${arg}".\n${USAGE}`);
        const name = match[1];
        const cliFlag = CLI_FLAGS.find((f) => f === name);
        if (!cliFlag && (!(0,inputs/* isInputName */.wp)(name) || name === 'command'))
            throw new errors/* UserError */.yo(`Unknown flag --${name}.\n${USAGE}`);
        const value = match[2] ?? rest[++i];
        if (value === undefined)
            throw new errors/* UserError */.yo(`Flag --${name} needs a value.`);
        if (cliFlag)
            cli[cliFlag] = value;
        else if ((0,inputs/* isInputName */.wp)(name))
            values[name] = values[name] === undefined ? value : `${values[name]}\n${value}`;
    }
    if (cli['kubeconfig-file'] !== undefined && values.kubeconfig !== undefined)
        throw new errors/* UserError */.yo('Give --kubeconfig-file or --kubeconfig, not both.');
    const output = cli.output ?? 'text';
    if (output !== 'text' && output !== 'json')
        throw new errors/* UserError */.yo(`--output is text or json, got "${output}".`);
    return {
        inputs: values,
        repository: cli.repository,
        kubeconfigFile: cli['kubeconfig-file'],
        server,
        output,
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/entry/repository.ts


const OWNER_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/**
 * The repository the CLI's environment belongs to, as `owner/name`: flag --repository, else
 * GITHUB_REPOSITORY, else the `origin` remote of the git checkout around `cwd`. The action derives its
 * ids from GITHUB_REPOSITORY, so a CLI run in the same checkout addresses the same environment.
 */
function repositoryOf(flag, env, cwd) {
    if (flag !== undefined) {
        if (!OWNER_NAME.test(flag))
            throw new errors/* UserError */.yo(`--repository must be owner/name, got "${flag}".`);
        return flag;
    }
    return env.GITHUB_REPOSITORY || originRepository(cwd);
}
/** `owner/name` of the origin remote's URL (https, ssh or scp-like), or undefined without one. */
function originRepository(cwd) {
    let url;
    try {
        url = (0,external_node_child_process_.execFileSync)('git', ['remote', 'get-url', 'origin'], {
            cwd,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
        }).trim();
    }
    catch {
        return undefined; // not a git checkout, no origin, or no git
    }
    const match = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
    return match ? `${match[1]}/${match[2]}` : undefined;
}

;// CONCATENATED MODULE: ./src/util/log.ts
/** The CLI's logger: plain lines on stderr, so that stdout carries only the command's result. */
function consoleLogger(options = {}) {
    const write = (line) => process.stderr.write(`${line}\n`);
    return {
        info: (m) => write(m),
        notice: (m) => write(`notice: ${m}`),
        warning: (m) => write(`warning: ${m}`),
        debug: (m) => {
            if (options.verbose)
                write(`debug: ${m}`);
        },
        async group(title, fn) {
            write(`── ${title}`);
            return fn();
        },
        mask: () => { },
    };
}

;// CONCATENATED MODULE: ./src/entry/command-line.ts







/**
 * What a command prints on stdout: the plan's YAML, the URLs, or cleanup's verdicts, a line each. doctor's
 * checks are already on stderr as ✔/✖ lines: printing them again would show each twice on a terminal.
 * `--output json`: the outcome itself, for programs.
 */
function resultText(outcome, output) {
    if (output === 'json')
        return `${JSON.stringify(outcome, null, 2)}\n`;
    switch (outcome.command) {
        case 'plan':
            return outcome.manifest;
        case 'up':
            return outcome.urls
                .map((u) => `${u.service}:${u.port}\t${u.url ?? u.command ?? ''}\t${u.state}\n`)
                .join('');
        case 'cleanup':
            return outcome.cleaned
                .map((e) => `${e.envId}\t${e.repository ?? ''}\t${[e.reason, e.why].filter(Boolean).join('; ')}\t${e.action}\n`)
                .join('');
        // doctor's checks are on stderr already; down, extend and a skipped run say all in the log.
        case 'doctor':
        case 'down':
        case 'extend':
        case 'skipped':
            return '';
    }
}
function readKubeconfig(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new errors/* UserError */.yo(`Cannot read --kubeconfig-file ${file}: ${error.code ?? error.message}.`);
    }
}
/** The CLI's entry point; resolves with the process exit code. */
async function runCli(argv) {
    if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const signal = (0,errors/* cancelOnSignals */.dJ)();
    try {
        const args = parseArgs(argv);
        const context = (0,github_event/* readRunContext */.$)(process.env);
        const file = args.kubeconfigFile;
        const kubeconfig = file === undefined ? {} : { kubeconfig: readKubeconfig(file) };
        // Imported here, not above: `--help` and argument errors should not pay for loading the libraries.
        const { runPreview } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(620)]).then(__webpack_require__.bind(__webpack_require__, 5620));
        const outcome = await runPreview({
            input: (0,inputs/* mapInputs */.k3)({ ...args.inputs, ...kubeconfig }),
            // The environment's id derives from the repository: the CLI must name the one the action does.
            context: { ...context, repository: repositoryOf(args.repository, process.env, process.cwd()) },
            log: consoleLogger({ verbose: Boolean(process.env.RUNNER_DEBUG) }),
            signal,
            cwd: process.cwd(),
            planOnServer: args.server,
        });
        process.stdout.write(resultText(outcome, args.output));
        return outcome.command === 'doctor' && outcome.checks.some((c) => c.state === 'failed') ? 1 : 0;
    }
    catch (error) {
        const reason = (0,errors/* reasonOf */.A3)(error, signal);
        if (reason instanceof errors/* CancelledError */.cc) {
            process.stderr.write(`cancelled: ${reason.message}; run the command again to finish.\n`);
            return reason.exitCode;
        }
        process.stderr.write(`error: ${(0,errors/* describeError */.Uc)(reason)}\n`);
        return 1;
    }
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
