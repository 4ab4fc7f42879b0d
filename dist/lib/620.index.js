export const id = 620;
export const ids = [620];
export const modules = {

/***/ 1670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T3: () => (/* binding */ docker),
/* harmony export */   UV: () => (/* binding */ firstLines),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


const COMPOSE_MISSING = /is not a docker command|unknown command "compose"|unknown shorthand flag: 'f' in -f/;
/**
 * Runs the docker CLI. Docker settings that would point it elsewhere (a context, TLS) are cleared when
 * a DOCKER_HOST is given, so the command reaches exactly that host.
 */
function docker(args, options) {
    const env = { ...options.environment, ...options.env };
    if (options.env?.DOCKER_HOST) {
        for (const name of ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS'])
            delete env[name];
    }
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('docker', args, {
            cwd: options.cwd,
            env,
            signal: options.signal,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        const lines = (emit) => {
            let pending = '';
            return (chunk) => {
                const text = chunk.toString('utf8');
                emit(text);
                if (!options.onLine)
                    return;
                pending += text;
                const parts = pending.split(/\r?\n/);
                pending = parts.pop() ?? '';
                for (const line of parts)
                    options.onLine(line);
            };
        };
        child.stdout.on('data', lines((t) => (stdout += t)));
        child.stderr.on('data', lines((t) => (stderr += t)));
        child.on('error', (error) => {
            if (error.code === 'ENOENT') {
                reject(new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('The docker CLI was not found on PATH. Install Docker with Compose v2 (GitHub-hosted runners have it).'));
            }
            else
                reject(error);
        });
        child.on('close', (code) => {
            if (COMPOSE_MISSING.test(stderr)) {
                reject(new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(explainComposeMissing()));
            }
            else
                resolve({ code: code ?? 1, stdout, stderr });
        });
    });
}
function explainComposeMissing() {
    return 'Docker Compose v2 is required (`docker compose`), but this docker CLI has no compose plugin. Install the docker-compose-plugin package, or put the compose binary in ~/.docker/cli-plugins/docker-compose.';
}
function firstLines(text, count = 8) {
    return text.trim().split('\n').slice(0, count).join('\n');
}
/** The last non-empty lines of an output, without progress lines. */
function lastLines(text, count) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() && !/^\s*[⠀-⣿]/.test(l))
        .slice(-count)
        .join('\n');
}


/***/ }),

/***/ 4741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lA: () => (/* binding */ declaredPorts),
  M9: () => (/* binding */ loadComposeModel)
});

// UNUSED EXPORTS: withoutFileContent

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/docker/cli.ts
var cli = __webpack_require__(1670);
// EXTERNAL MODULE: ./src/docker/confine.ts
var confine = __webpack_require__(7256);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/docker/confine-messages.ts
var confine_messages = __webpack_require__(6721);
;// CONCATENATED MODULE: ./src/docker/confine-files.ts








/** The names compose looks for in the project's directory, in its order. */
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_FILES = [
    'compose.override.yml',
    'compose.override.yaml',
    'docker-compose.override.yml',
    'docker-compose.override.yaml',
];
/** A path compose would fetch instead of reading: git (https, ssh, scp-like) or OCI. */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)|^[^/]*@[^/]+:/i;
/**
 * The compose files of the project, each checked: input compose-file, else COMPOSE_FILE (from
 * compose's environment or the project's .env, which the pull request controls), else compose's own
 * names in working-directory. Unlike compose's discovery, parent directories are not searched.
 */
async function composeFiles(project, roots, environment) {
    const dir = project.workingDirectory;
    const dotEnv = await readDotEnv(dir, roots);
    let files = project.composeFiles;
    const listed = environment.COMPOSE_FILE ?? dotEnv.COMPOSE_FILE;
    if (files.length === 0 && listed) {
        if (listed.includes('$'))
            throw new errors/* UserError */.yo((0,confine_messages/* explainVariableComposeFile */.OB)(listed));
        const separator = environment.COMPOSE_PATH_SEPARATOR ?? dotEnv.COMPOSE_PATH_SEPARATOR ?? (external_node_path_default()).delimiter;
        files = listed
            .split(separator)
            .filter(Boolean)
            .map((f) => external_node_path_default().resolve(dir, f));
    }
    if (files.length === 0) {
        const found = [await firstExisting(dir, DEFAULT_FILES), await firstExisting(dir, OVERRIDE_FILES)];
        files = found.filter((f) => f !== undefined);
        if (files.length === 0 || !found[0])
            throw new errors/* UserError */.yo((0,confine_messages/* explainNoComposeFile */.bu)(dir, DEFAULT_FILES));
    }
    return { files, namesEnvFiles: await checkComposeFiles(files, roots) };
}
async function firstExisting(dir, names) {
    for (const name of names)
        if (await exists(external_node_path_default().join(dir, name)))
            return external_node_path_default().join(dir, name);
    return undefined;
}
async function exists(file) {
    return (0,promises_.lstat)(file).then(() => true, () => false);
}
/** The variables of a directory's .env, which compose reads for interpolation and COMPOSE_* settings. */
async function readDotEnv(dir, roots) {
    const file = await checkDotEnv(dir, roots);
    return file ? (0,external_node_util_.parseEnv)(await (0,promises_.readFile)(file, 'utf8')) : {};
}
/** A directory's .env, if it has one, checked: a symlink to a runner file would be read by compose. */
async function checkDotEnv(dir, roots) {
    const file = external_node_path_default().join(dir, '.env');
    if (!(await exists(file)))
        return undefined;
    const owner = external_node_path_default().resolve(dir) === external_node_path_default().resolve(roots.project) ? 'the project' : (0,confine/* shortName */.EU)(dir, roots);
    return (0,confine/* confinePath */.ey)(file, roots, `The .env file of ${owner}`);
}
/**
 * What compose reads while it loads the files, before anything could check its model: the files of
 * `include` (with their env_file and project_directory) and of `extends`, recursively. Only those keys
 * of the raw YAML are read; compose itself still merges and normalizes everything.
 */
async function checkComposeFiles(files, roots) {
    const projectDir = external_node_path_default().dirname(files[0]);
    await checkDotEnv(projectDir, roots);
    const walk = { roots, seen: new Set(), namesEnvFiles: false };
    for (const file of files)
        await checkFile(file, projectDir, 'The compose file', walk);
    return walk.namesEnvFiles;
}
/**
 * Checks one compose file and what it names. `workDir` is the directory relative paths in it are
 * resolved against: the project's for the top-level files, the included project's for an included one.
 */
async function checkFile(file, workDir, what, walk) {
    const real = await (0,confine/* confinePath */.ey)(file, walk.roots, what);
    if (walk.seen.has(real))
        return;
    walk.seen.add(real);
    let text;
    try {
        text = await (0,promises_.readFile)(real, 'utf8');
    }
    catch {
        return; // compose says that it is missing
    }
    const name = (0,confine/* shortName */.EU)(file, walk.roots);
    for (const document of (0,dist/* parseAllDocuments */.hR)(text, { merge: true, uniqueKeys: false })) {
        if (document.errors.length > 0) {
            throw new errors/* UserError */.yo(`${name} is not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
        }
        const content = document.toJS({ maxAliasCount: 10_000 });
        if (!content || typeof content !== 'object')
            continue;
        walk.namesEnvFiles ||= namesEnvFiles(content.services);
        await checkIncludes(content.include, { file, name, workDir }, walk);
        await checkExtends(content.services, { file, name, workDir }, walk);
    }
}
/** Keys as parsed (escapes decoded, merge keys applied), so no spelling of them goes unseen. */
function namesEnvFiles(services) {
    if (!services || typeof services !== 'object')
        return false;
    return Object.values(services).some((s) => s && typeof s === 'object' && ('env_file' in s || 'label_file' in s));
}
/** `include: [path | {path, env_file, project_directory}]`, each checked, and the included files walked. */
async function checkIncludes(include, from, walk) {
    if (!Array.isArray(include))
        return;
    for (const [index, entry] of include.entries()) {
        const spec = (typeof entry === 'string' ? { path: entry } : (entry ?? {}));
        const key = `${from.name}'s include[${index}]`;
        const paths = await checkPaths(spec.path, from, `${key}.path`, walk.roots);
        const dirs = await checkPaths(spec.project_directory, from, `${key}.project_directory`, walk.roots);
        await checkPaths(spec.env_file, from, `${key}.env_file`, walk.roots);
        const workDir = dirs[0] ?? external_node_path_default().dirname(paths[0] ?? from.file);
        if (dirs.length === 0)
            await checkDotEnv(workDir, walk.roots);
        for (const dir of dirs)
            await checkDotEnv(dir, walk.roots);
        for (const file of paths)
            await checkFile(file, workDir, `${key}.path`, walk);
    }
}
/** `extends: {file, service}` of every service: the file is read whole when compose loads it. */
async function checkExtends(services, from, walk) {
    if (!services || typeof services !== 'object')
        return;
    for (const [service, definition] of Object.entries(services)) {
        const extended = definition?.extends;
        if (!extended || typeof extended !== 'object')
            continue;
        const key = `Service ${service}'s extends.file (in ${from.name})`;
        const files = await checkPaths(extended.file, from, key, walk.roots);
        for (const file of files)
            await checkFile(file, external_node_path_default().dirname(file), key, walk);
    }
}
/**
 * The paths of a key (one or a list), each refused when it uses a variable or is remote, and checked
 * resolved both against the including file's directory and the project's: they differ for an override
 * file in another directory, and either reading must stay inside.
 */
async function checkPaths(value, from, key, roots) {
    const checked = [];
    for (const entry of [value].flat()) {
        const written = typeof entry === 'string' ? entry : entry?.path;
        if (typeof written !== 'string' || written === '')
            continue;
        if (written.includes('$'))
            throw new errors/* UserError */.yo((0,confine_messages/* explainVariablePath */.FF)(key, written));
        if (REMOTE.test(written))
            throw new errors/* UserError */.yo((0,confine_messages/* explainRemoteFile */.kN)(key, written));
        const expanded = written.startsWith('~') ? external_node_path_default().join(external_node_os_default().homedir(), written.slice(1)) : written;
        const candidates = new Set([
            external_node_path_default().resolve(from.workDir, expanded),
            external_node_path_default().resolve(external_node_path_default().dirname(from.file), expanded),
        ]);
        for (const candidate of candidates)
            await (0,confine/* confinePath */.ey)(candidate, roots, key);
        checked.push(...candidates);
    }
    return checked;
}

// EXTERNAL MODULE: ./src/docker/confine-model.ts + 1 modules
var confine_model = __webpack_require__(8864);
;// CONCATENATED MODULE: ./src/docker/compose-file.ts





/**
 * The ports the model publishes on a fixed host port, known before compose runs; a range or an
 * unpublished port gets its number from the Docker server.
 */
function declaredPorts(model) {
    return Object.entries(model.services).flatMap(([service, definition]) => (definition.ports ?? []).flatMap((port) => /^\d+$/.test(port.published ?? '')
        ? [
            {
                service,
                targetPort: port.target,
                publishedPort: Number(port.published),
                protocol: port.protocol ?? 'tcp',
            },
        ]
        : []));
}
/**
 * Loads the compose project the way `docker compose` itself sees it: `docker compose config` merges the
 * files, resolves paths and variables, and keeps extension sections such as `x-preevy`.
 *
 * The files come from the pull request, so every file compose reads must lie in the project (or input
 * allow-paths), checked before compose reads it: the compose files and what they include or extend
 * (from their raw YAML), then the env and label files (from a first `config` that neither interpolates
 * nor reads env files), then, on the full model, what `up` and the builder will read.
 */
async function loadComposeModel(project, environment, signal) {
    const roots = await (0,confine/* confinementRoots */.IT)(project.workingDirectory, project.allowPaths);
    const { files, namesEnvFiles } = await composeFiles(project, roots, environment);
    const base = ['compose', ...files.flatMap((f) => ['-f', f]), 'config', '--format', 'json'];
    const where = project.composeFiles.length
        ? `compose file ${project.composeFiles.join(', ')}`
        : `a compose file in ${project.workingDirectory}`;
    const config = (args) => runConfig(args, where, { cwd: project.workingDirectory, environment, signal });
    // Where they lie once compose resolved paths, include and extends, before it reads them.
    if (namesEnvFiles)
        await (0,confine_model/* confineEnvFiles */.bB)(await config([...base, '--no-interpolate', '--no-env-resolution']), roots);
    const model = await config(base);
    await (0,confine_model/* confineModel */.s5)(model, roots, environment);
    return model;
}
async function runConfig(args, where, options) {
    const result = await (0,cli/* docker */.T3)(args, options);
    if (result.code !== 0) {
        throw new errors/* UserError */.yo(explainUnreadableProject(where, withoutFileContent((0,cli/* firstLines */.UV)(result.stderr))));
    }
    let model;
    try {
        model = JSON.parse(result.stdout);
    }
    catch {
        throw new errors/* UserError */.yo(`docker compose config did not print a JSON model for ${where}; is Compose v2 installed?`);
    }
    // Compose accepts a file without services; a preview of one would provision a pod to run nothing.
    if (!model.name ||
        typeof model.services !== 'object' ||
        model.services === null ||
        !Object.keys(model.services).length) {
        throw new errors/* UserError */.yo(explainNoServices(where));
    }
    return model;
}
function explainUnreadableProject(where, stderr) {
    return `Could not read ${where}: ${stderr}\nSet input compose-file (newline-separated paths) or working-directory to point at the project.`;
}
function explainNoServices(where) {
    return `${where} has no services: a preview runs the project's services. Set input compose-file (or working-directory) to the project's compose file.`;
}
/**
 * Compose quotes the line of an env file it cannot parse (`failed to read x.env: line 1: unexpected
 * character "{" in variable name "{…}"`): an env file may hold secrets the workflow wrote there.
 */
function withoutFileContent(text) {
    return text.replace(/(failed to read .*?: line \d+):.*/g, '$1: not a valid env file (its content is not shown)');
}


/***/ }),

/***/ 1883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Km: () => (/* binding */ builderIgnoreFile),
/* harmony export */   pi: () => (/* binding */ isIgnored),
/* harmony export */   yr: () => (/* binding */ parseDockerignore)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The patterns of a .dockerignore file: comments and blank lines skipped, `!` marks an exception, each
 * pattern cleaned and stripped of a leading `/` (moby/patternmatcher's ReadAll and compile).
 */
function parseDockerignore(text) {
    const patterns = [];
    for (const raw of text.split(/\r?\n/)) {
        let line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const exclusion = line.startsWith('!');
        if (exclusion)
            line = line.slice(1).trim();
        if (!line)
            continue;
        line = node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.normalize(line).replace(/\/+$/, '');
        if (line.length > 1 && line.startsWith('/'))
            line = line.slice(1);
        patterns.push({ exclusion, regex: compile(line) });
    }
    return patterns;
}
/** The regular expression of a pattern: `**` any number of directories, `*` and `?` within one. */
function compile(pattern) {
    let source = '^';
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*' && pattern[i + 1] === '*') {
            i++;
            if (pattern[i + 1] === '/')
                i++;
            source += i + 1 >= pattern.length ? '.*' : '(.*/)?';
        }
        else if (ch === '*')
            source += '[^/]*';
        else if (ch === '?')
            source += '[^/]';
        else if (ch === '.' || ch === '$')
            source += `\\${ch}`;
        else if (ch === '\\')
            source += i + 1 < pattern.length ? `\\${pattern[++i]}` : '\\\\';
        else
            source += ch;
    }
    try {
        return new RegExp(`${source}$`);
    }
    catch {
        return undefined; // a pattern the builder cannot compile either: it fails the build
    }
}
/**
 * Whether the builder leaves `file` (relative to the context, `/`-separated) out: the last pattern
 * that matches it or one of its parent directories wins (MatchesOrParentMatches).
 */
function isIgnored(patterns, file) {
    const parents = file.split('/').slice(0, -1);
    let ignored = false;
    for (const pattern of patterns) {
        if (pattern.exclusion !== ignored || !pattern.regex)
            continue;
        let match = pattern.regex.test(file);
        for (let i = 1; !match && i <= parents.length; i++)
            match = pattern.regex.test(parents.slice(0, i).join('/'));
        if (match)
            ignored = !pattern.exclusion;
    }
    return ignored;
}
/**
 * The ignore file the builder reads for a context: `<Dockerfile>.dockerignore` next to the Dockerfile
 * when there is one (BuildKit), else the context's `.dockerignore`; undefined when neither exists.
 */
async function builderIgnoreFile(context, dockerfile) {
    for (const candidate of [dockerfile && `${dockerfile}.dockerignore`, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(context, '.dockerignore')]) {
        if (candidate &&
            (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(candidate).then(() => true, () => false)))
            return candidate;
    }
    return undefined;
}


/***/ }),

/***/ 6721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $b: () => (/* binding */ explainOutsideProject),
/* harmony export */   Bn: () => (/* binding */ explainSshAgent),
/* harmony export */   FF: () => (/* binding */ explainVariablePath),
/* harmony export */   OB: () => (/* binding */ explainVariableComposeFile),
/* harmony export */   Rn: () => (/* binding */ explainAllowedHome),
/* harmony export */   bu: () => (/* binding */ explainNoComposeFile),
/* harmony export */   hH: () => (/* binding */ explainGitLeftOut),
/* harmony export */   i1: () => (/* binding */ explainGitInContext),
/* harmony export */   iw: () => (/* binding */ explainAllowedRoot),
/* harmony export */   kN: () => (/* binding */ explainRemoteFile),
/* harmony export */   mI: () => (/* binding */ explainProviderService),
/* harmony export */   sz: () => (/* binding */ explainInsideGit)
/* harmony export */ });
/**
 * What the confinement checks tell the user when they refuse a path: why compose may not read it, and
 * how to allow it. `what` and `key` name who uses the path and under which key.
 */
function explainAllowedRoot(shown) {
    return `Input allow-paths lists ${shown}, the root directory: that would let the compose project read every file of the runner. List only the directories it needs.`;
}
function explainAllowedHome(shown) {
    return `Input allow-paths lists ${shown}, which is the runner's home directory or contains it (~/.docker/config.json, ~/.ssh): that would let the compose project read the runner's credentials. List only the directories it needs.`;
}
function explainInsideGit(what, shown) {
    return `${what} is ${shown}, inside the project's .git directory, where actions/checkout keeps the repository's token (.git/config): it is never sent to the preview. Use another path, or list that .git directory in input allow-paths to send it anyway.`;
}
function explainOutsideProject(what, shown, project) {
    return `${what} is ${shown}, which is outside the project directory ${project}: files outside it stay on the runner. Move it into the project, or list a directory that contains it in input allow-paths.`;
}
function explainVariableComposeFile(listed) {
    return `COMPOSE_FILE (${listed}) uses a variable: kube-pod-preview checks every file compose reads before compose reads it, and cannot tell which file a variable names. Write the paths without variables, or set input compose-file.`;
}
function explainNoComposeFile(dir, names) {
    return `Could not read a compose file in ${dir}: it has none of ${names.join(', ')}.\nSet input compose-file (newline-separated paths) or working-directory to point at the project.`;
}
function explainVariablePath(what, written) {
    return `${what} is ${written}, which uses a variable: kube-pod-preview checks every file compose reads before compose reads it, and cannot tell which file a variable names. Write the path without variables.`;
}
function explainRemoteFile(key, written) {
    return `${key} is ${written}, a remote file: compose would fetch it and load what it names on the runner before anything could check it. Copy it into the project.`;
}
function explainProviderService(name, type) {
    return `Service ${name} is a provider service (provider.type ${type ?? '?'}): compose would run that program on the runner, next to the action's credentials, not a container in the preview. Remove the service from the preview's compose files, or give it an image.`;
}
function explainGitInContext(what, value, git) {
    return `${what} is ${value}, which holds the project's .git directory, where actions/checkout keeps the repository's token (.git/config): the builder would receive it. Use a directory without it, or list ${git} in input allow-paths to send it anyway.`;
}
function explainSshAgent(key, entry) {
    return `${key}.ssh is ${entry}: it would give the build the runner's SSH agent, and with it every key the agent holds. List SSH_AUTH_SOCK in input compose-env to allow it.`;
}
function explainGitLeftOut(name) {
    return `Service ${name}: .git is left out of the build context (the checkout's token lives there); list it in input allow-paths to send it.`;
}


/***/ }),

/***/ 8864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W0: () => (/* binding */ LEAVE_GIT_OUT),
  bB: () => (/* binding */ confineEnvFiles),
  s5: () => (/* binding */ confineModel)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/docker/cache-entry.ts

/**
 * A `cache_from`/`cache_to` entry as buildx reads it (CacheOptionsEntry.UnmarshalText): one CSV record
 * of `key=value` fields, keys lower-cased, `type` defaulting to registry (a bare value is its ref).
 * Parsing it as the builder's client does is what lets a check see what the client will open.
 */
function parseCacheEntry(entry, where) {
    const fields = csvRecord(entry, where);
    if (fields.length === 1 && !fields[0].includes('='))
        return { type: 'registry', ref: fields[0] };
    const parsed = {};
    for (const field of fields) {
        const at = field.indexOf('=');
        if (at < 0)
            throw new errors/* UserError */.yo(explainCacheField(where, field));
        parsed[field.slice(0, at).trim().toLowerCase()] = field.slice(at + 1);
    }
    parsed.type = (parsed.type ?? 'registry').toLowerCase();
    return parsed;
}
/** The fields of one CSV record: commas split, double quotes group, `""` inside quotes is a quote. */
function csvRecord(text, where) {
    const fields = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted && c === '"' && text[i + 1] === '"') {
            field += '"';
            i++;
        }
        else if (c === '"' && (quoted || field === ''))
            quoted = !quoted;
        else if (c === '"' || c === '\n' || c === '\r')
            throw new errors/* UserError */.yo(explainCacheQuote(where));
        else if (c === ',' && !quoted) {
            fields.push(field);
            field = '';
        }
        else
            field += c;
    }
    if (quoted)
        throw new errors/* UserError */.yo(explainCacheQuote(where));
    fields.push(field);
    return fields;
}
function explainCacheField(where, field) {
    return `${where} has a field "${field}" without "=": each field of a cache entry is key=value (type=registry,ref=…).`;
}
function explainCacheQuote(where) {
    return `${where} is not a CSV record buildx can read (a stray or unclosed quote): write it as key=value fields separated by commas.`;
}

// EXTERNAL MODULE: ./src/docker/confine.ts
var confine = __webpack_require__(7256);
// EXTERNAL MODULE: ./src/docker/confine-messages.ts
var confine_messages = __webpack_require__(6721);
// EXTERNAL MODULE: ./src/docker/confine-dockerignore.ts
var confine_dockerignore = __webpack_require__(1883);
// EXTERNAL MODULE: ./src/docker/sync-scan.ts
var sync_scan = __webpack_require__(7963);
;// CONCATENATED MODULE: ./src/docker/confine-model.ts








/** A build context or source the builder fetches itself (git, HTTP tarball): no file of the runner. */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)|^[^/]*@[^/]+:/i;
/** Additional contexts that name an image or another service's build, not files. */
const NOT_FILES = /^(docker-image:\/\/|service:|target:)/;
/**
 * Marks a build whose context holds the project's .git (see sendsGit): composeUp gives the builder an
 * ignore file that leaves it out, then drops the mark.
 */
const LEAVE_GIT_OUT = 'x-kube-pod-preview-leave-git-out';
/**
 * Checks every runner file the normalized model makes compose or the builder read: env and label files,
 * build contexts (a .git in one is marked to be left out), Dockerfiles, additional contexts, SSH keys
 * and agent, local caches, bind mounts, secret and config files. Provider services, which run a program
 * on the runner, are refused. `environment` is compose's: the SSH agent is allowed when it has it.
 */
async function confineModel(model, roots, environment) {
    await confineEnvFiles(model, roots);
    for (const [name, service] of Object.entries(model.services)) {
        const provider = service.provider;
        if (provider)
            throw new errors/* UserError */.yo((0,confine_messages/* explainProviderService */.mI)(name, provider.type));
        if (typeof service.build === 'string')
            service.build = { context: service.build };
        if (service.build)
            await confineBuild(name, service.build, roots, environment);
    }
    for (const { source, usedBy, key } of (0,sync_scan/* fileSources */.FT)(model))
        await (0,confine/* confinePath */.ey)(source, roots, `${usedBy}'s ${key}`);
}
/** env_file and label_file: compose reads them while it loads the project. */
async function confineEnvFiles(model, roots) {
    for (const [name, service] of Object.entries(model.services)) {
        for (const key of ['env_file', 'label_file']) {
            for (const entry of [service[key] ?? []].flat()) {
                const file = typeof entry === 'string' ? entry : entry.path;
                if (!file)
                    continue;
                const what = `Service ${name}'s ${key}`;
                if (file.includes('$'))
                    throw new errors/* UserError */.yo((0,confine_messages/* explainVariablePath */.FF)(what, file));
                await (0,confine/* confinePath */.ey)(file, roots, what);
            }
        }
    }
}
async function confineBuild(service, spec, roots, environment) {
    const key = `Service ${service}'s build`;
    const context = spec.context ?? roots.project;
    let local;
    if (external_node_path_default().isAbsolute(context))
        local = await (0,confine/* confinePath */.ey)(context, roots, `${key}.context`);
    else if (!REMOTE.test(context))
        throw new errors/* UserError */.yo(`${key}.context is ${context}, neither a directory of the project nor a git or HTTP URL.`);
    let dockerfile;
    if (spec.dockerfile && !spec.dockerfile_inline && (local || external_node_path_default().isAbsolute(spec.dockerfile))) {
        const file = external_node_path_default().resolve(local ? context : roots.project, spec.dockerfile);
        dockerfile = await (0,confine/* confinePath */.ey)(file, roots, `${key}.dockerfile`);
    }
    if (local) {
        // The builder's client reads it: a symlink to a runner file would send its lines to the builder.
        const ignore = await (0,confine_dockerignore/* builderIgnoreFile */.Km)(local, dockerfile);
        if (ignore)
            await (0,confine/* confinePath */.ey)(ignore, roots, `${key}.context's ${external_node_path_default().basename(ignore)}`);
        if (await sendsGit(local, dockerfile, roots))
            spec[LEAVE_GIT_OUT] = true;
    }
    await confineAdditionalContexts(spec.additional_contexts, local ?? roots.project, key, roots);
    await confineSsh(spec.ssh, key, roots, environment);
    for (const cacheKey of ['cache_from', 'cache_to']) {
        for (const entry of spec[cacheKey] ?? []) {
            // The builder's client on the runner reads src and writes dest of a local cache: both confined.
            const fields = parseCacheEntry(entry, `${key}.${cacheKey}`);
            if (fields.type !== 'local')
                continue;
            for (const dir of [fields.src, fields.dest])
                if (dir !== undefined)
                    await (0,confine/* confinePath */.ey)(external_node_path_default().resolve(roots.project, dir), roots, `${key}.${cacheKey}`);
        }
    }
}
/**
 * The project's .git holds the checkout's token (.git/config): a build context that contains it would
 * send it to the builder, where `COPY . .` puts it in the image. Unless the ignore file the builder
 * reads leaves it out, or allow-paths lists it, the build is marked for composeUp to leave it out.
 */
async function sendsGit(context, dockerfile, roots) {
    const git = external_node_path_default().join(context, '.git');
    if (!(await isDirectory(git)) || (0,confine/* placeOf */.$t)(git, roots) === 'inside')
        return false;
    const ignoreFile = await (0,confine_dockerignore/* builderIgnoreFile */.Km)(context, dockerfile);
    const patterns = (0,confine_dockerignore/* parseDockerignore */.yr)(ignoreFile ? await (0,promises_.readFile)(ignoreFile, 'utf8') : '');
    return !((0,confine_dockerignore/* isIgnored */.pi)(patterns, '.git') && (0,confine_dockerignore/* isIgnored */.pi)(patterns, '.git/config'));
}
async function confineAdditionalContexts(contexts, base, key, roots) {
    const entries = Array.isArray(contexts) ? contexts.map(pair) : Object.entries(contexts ?? {});
    for (const [name, value] of entries) {
        const what = `${key}.additional_contexts.${name}`;
        if (NOT_FILES.test(value) || (REMOTE.test(value) && !value.startsWith('oci-layout://')))
            continue;
        const local = value.startsWith('oci-layout://')
            ? value.slice('oci-layout://'.length).split('@')[0]
            : value;
        if (!external_node_path_default().isAbsolute(local) && !value.startsWith('oci-layout://'))
            throw new errors/* UserError */.yo(`${what} is ${value}, neither a directory of the project, an image, a service nor a URL.`);
        // Relative OCI layouts are resolved by the builder's client: against the context or the project.
        for (const file of new Set([external_node_path_default().resolve(base, local), external_node_path_default().resolve(roots.project, local)])) {
            const real = await (0,confine/* confinePath */.ey)(file, roots, what);
            const git = external_node_path_default().join(real, '.git');
            if ((await isDirectory(git)) && (0,confine/* placeOf */.$t)(git, roots) !== 'inside')
                throw new errors/* UserError */.yo((0,confine_messages/* explainGitInContext */.i1)(what, value, git));
        }
    }
}
/**
 * build.ssh hands the builder the runner's SSH agent (`default`) or key files (`id=path`): the agent
 * only when the workflow passes SSH_AUTH_SOCK to compose (input compose-env), keys only from inside
 * the project or allow-paths.
 */
async function confineSsh(ssh, key, roots, environment) {
    const entries = Array.isArray(ssh) ? ssh : Object.entries(ssh ?? {}).map(([id, p]) => `${id}=${p}`);
    for (const entry of entries) {
        const [id, paths] = entry.includes('=') ? pair(entry) : [entry, undefined];
        if (!paths) {
            if (environment.SSH_AUTH_SOCK)
                continue;
            throw new errors/* UserError */.yo((0,confine_messages/* explainSshAgent */.Bn)(key, entry));
        }
        for (const file of paths.split(','))
            await (0,confine/* confinePath */.ey)(external_node_path_default().resolve(roots.project, file), roots, `${key}.ssh ${id}`);
    }
}
/** `key=value`, split at the first `=`. */
function pair(text) {
    const at = text.indexOf('=');
    return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
async function isDirectory(file) {
    return (0,promises_.lstat)(file).then((s) => s.isDirectory(), () => false);
}


/***/ }),

/***/ 7256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $t: () => (/* binding */ placeOf),
/* harmony export */   EU: () => (/* binding */ shortName),
/* harmony export */   IT: () => (/* binding */ confinementRoots),
/* harmony export */   Ye: () => (/* binding */ realPath),
/* harmony export */   ey: () => (/* binding */ confinePath)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _confine_messages_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6721);





/**
 * The roots of a run. An allow-paths entry that would turn confinement off — `/`, the runner's home or
 * one of its parents, where ~/.docker/config.json and ~/.ssh live — is refused.
 */
async function confinementRoots(workingDirectory, allowPaths = [], env = process.env) {
    const homes = new Set();
    for (const home of [env.HOME, node_os__WEBPACK_IMPORTED_MODULE_1___default().homedir()])
        if (home && node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(home))
            homes.add(await realPath(home));
    const real = [await realPath(workingDirectory)];
    for (const entry of allowPaths) {
        const resolved = await realPath(entry);
        const shown = resolved === entry ? entry : `${entry} (${resolved})`;
        if (resolved === node_path__WEBPACK_IMPORTED_MODULE_2___default().parse(resolved).root)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo((0,_confine_messages_js__WEBPACK_IMPORTED_MODULE_4__/* .explainAllowedRoot */ .iw)(shown));
        if ([...homes].some((home) => home === resolved || within(home, resolved)))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo((0,_confine_messages_js__WEBPACK_IMPORTED_MODULE_4__/* .explainAllowedHome */ .Rn)(shown));
        real.push(resolved);
    }
    return { project: workingDirectory, real };
}
/** Whether `file` lies strictly below `dir`. */
function within(file, dir) {
    return file.startsWith(dir.endsWith((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)) ? dir : `${dir}${(node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)}`);
}
/**
 * The path with every symlink resolved. Of a path that does not exist, the part that exists is resolved
 * and the rest appended: a missing file below a symlink to the runner's home still lands there.
 */
async function realPath(file) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(file);
    let existing = absolute;
    const rest = [];
    for (;;) {
        try {
            return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(existing), ...rest);
        }
        catch {
            const parent = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(existing);
            if (parent === existing)
                return absolute;
            rest.unshift(node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(existing));
            existing = parent;
        }
    }
}
/**
 * Where a real path lies: inside a root, outside all of them, or inside a root but within a `.git`
 * directory (where actions/checkout keeps the repository's token), which counts as outside unless an
 * allow-paths entry is that directory or lies in it.
 */
function placeOf(real, roots) {
    let place = 'outside';
    for (const root of roots.real) {
        if (real !== root && !within(real, root))
            continue;
        if (!node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(root, real).split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).includes('.git'))
            return 'inside';
        place = 'git';
    }
    return place;
}
/**
 * Checks that `file` (symlinks followed) lies inside the roots, and returns its real path. `what` names
 * who uses it and under which key ("Service web's build.context"), for the message.
 */
async function confinePath(file, roots, what) {
    const real = await realPath(file);
    const place = placeOf(real, roots);
    if (place === 'inside')
        return real;
    const shown = real === node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(file) ? file : `${file} (a symlink to ${real})`;
    if (place === 'git')
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo((0,_confine_messages_js__WEBPACK_IMPORTED_MODULE_4__/* .explainInsideGit */ .sz)(what, shown));
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo((0,_confine_messages_js__WEBPACK_IMPORTED_MODULE_4__/* .explainOutsideProject */ .$b)(what, shown, roots.project));
}
/** A short name of a compose file for messages: relative to the project when it lies there. */
function shortName(file, roots) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(roots.project, file);
    return relative && !relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(relative) ? relative : file;
}


/***/ }),

/***/ 7963:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FT: () => (/* binding */ fileSources),
/* harmony export */   cl: () => (/* binding */ DOCKER_SOCKETS),
/* harmony export */   ew: () => (/* binding */ diffManifests),
/* harmony export */   vd: () => (/* binding */ scanProject)
/* harmony export */ });
/* unused harmony export scanSources */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _confine_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7256);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);






/**
 * What the file sync sends, found before anything is created: the files the compose project
 * bind-mounts, confined to the project, scanned and hashed into a manifest, and the difference
 * between two manifests.
 */
/** Sockets of the pod's own Docker server: a bind mount of one keeps pointing there. */
const DOCKER_SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);
/** Bind-mount sources of services, and files of file-based secrets and configs (compose bind-mounts those too). */
function fileSources(model) {
    const sources = [];
    for (const [name, service] of Object.entries(model.services)) {
        for (const volume of service.volumes ?? []) {
            if (volume.type === 'bind' && volume.source && !DOCKER_SOCKETS.has(volume.source)) {
                sources.push({ source: volume.source, usedBy: `Service ${name}`, key: 'volumes source' });
            }
        }
    }
    for (const section of ['secrets', 'configs']) {
        for (const [name, entry] of Object.entries(model[section] ?? {})) {
            if (entry.file)
                sources.push({
                    source: entry.file,
                    usedBy: `${section === 'secrets' ? 'Secret' : 'Config'} ${name}`,
                    key: 'file',
                });
        }
    }
    return sources;
}
/**
 * The sources, each checked to lie (after resolving symlinks) inside `roots`: the project's directory
 * and input allow-paths, never in the project's .git. A compose file comes from the pull request: it
 * must not copy the runner's files (~/.ssh, ~/.docker/config.json, /etc) into a pod its code runs in.
 */
async function confine(sources, roots) {
    for (const { source, usedBy, key } of sources)
        await (0,_confine_js__WEBPACK_IMPORTED_MODULE_4__/* .confinePath */ .ey)(source, roots, `${usedBy}'s ${key}`);
    return sources;
}
/**
 * Walks the sources without following symlinks, hashing file contents. A `.git` below a source is
 * left out (and listed in `skipped`) unless `roots` allow it: the checkout keeps its token there.
 */
async function scanSources(sources, roots, skipped = []) {
    const manifest = {};
    const visit = async (file) => {
        if (roots && node_path__WEBPACK_IMPORTED_MODULE_3___default().basename(file) === '.git' && (0,_confine_js__WEBPACK_IMPORTED_MODULE_4__/* .placeOf */ .$t)(await (0,_confine_js__WEBPACK_IMPORTED_MODULE_4__/* .realPath */ .Ye)(file), roots) === 'git')
            return void skipped.push(file);
        const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(file);
        const mode = stat.mode & 0o7777;
        if (stat.isSymbolicLink())
            manifest[file] = { type: 'symlink', mode, target: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readlink)(file) };
        else if (stat.isFile())
            manifest[file] = { type: 'file', mode, hash: await hashFile(file) };
        else if (stat.isDirectory()) {
            manifest[file] = { type: 'directory', mode };
            const children = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(file, { encoding: 'buffer' })).map((name) => fileName(file, name));
            for (const child of children.sort())
                await visit(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(file, child));
        }
        // Sockets, FIFOs and devices cannot be copied; Docker would not bind them usefully either.
    };
    for (const { source, usedBy } of sources) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(source);
        }
        catch {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(`${usedBy} bind-mounts ${source}, which does not exist on the runner. Create it, or fix the path in the compose file.`);
        }
        if (!manifest[source])
            await visit(source);
    }
    return manifest;
}
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** A directory entry's name; tar headers, the pod's paths and our manifests all need it as UTF-8. */
function fileName(dir, name) {
    try {
        return UTF8.decode(name);
    }
    catch {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UserError */ .yo(explainNotUtf8(dir, name));
    }
}
function explainNotUtf8(dir, name) {
    return `A file in ${dir} has a name that is not UTF-8 (${JSON.stringify(name.toString('latin1'))}), which cannot be copied into the pod. Rename it, or keep it out of the bind-mounted directories.`;
}
/** What to send (new or changed) and what to remove (gone, or changed type) to make remote equal local. */
function diffManifests(remote, local) {
    const send = [];
    const remove = [];
    for (const [file, entry] of Object.entries(local)) {
        const before = remote[file];
        if (!before)
            send.push(file);
        else if (before.type !== entry.type) {
            remove.push(file);
            send.push(file);
        }
        else if (before.mode !== entry.mode || before.hash !== entry.hash || before.target !== entry.target)
            send.push(file);
    }
    for (const file of Object.keys(remote))
        if (!local[file])
            remove.push(file);
    const underRemoved = (file) => remove.some((r) => r !== file && file.startsWith(`${r}/`));
    return { send: send.sort(), remove: remove.filter((r) => !underRemoved(r)).sort() };
}
/**
 * Confines and scans the files the project bind-mounts, before the pod exists: a file that cannot be
 * sent (outside the project, a name that is not UTF-8) fails the run while nothing has changed.
 */
async function scanProject(model, roots) {
    const confinement = await (0,_confine_js__WEBPACK_IMPORTED_MODULE_4__/* .confinementRoots */ .IT)(roots[0], roots.slice(1));
    const skipped = [];
    const local = await scanSources(await confine(fileSources(model), confinement), confinement, skipped);
    return { local, skipped };
}
async function hashFile(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
        hash.update(chunk);
    return hash.digest('hex');
}


/***/ }),

/***/ 5620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPreview: () => (/* binding */ runPreview)
});

;// CONCATENATED MODULE: ./src/commands/table.ts
const COMMANDS = {
    up: { project: true, load: async () => (await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(207), __webpack_require__.e(789), __webpack_require__.e(987), __webpack_require__.e(670), __webpack_require__.e(425), __webpack_require__.e(445)]).then(__webpack_require__.bind(__webpack_require__, 9445))).up },
    plan: { project: true, load: async () => (await Promise.all(/* import() */[__webpack_require__.e(987), __webpack_require__.e(230)]).then(__webpack_require__.bind(__webpack_require__, 2466))).showPlan },
    doctor: { project: true, load: async () => (await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(789), __webpack_require__.e(987), __webpack_require__.e(425), __webpack_require__.e(788)]).then(__webpack_require__.bind(__webpack_require__, 4915))).doctor },
    down: { project: false, load: async () => (await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(207), __webpack_require__.e(987), __webpack_require__.e(670), __webpack_require__.e(492)]).then(__webpack_require__.bind(__webpack_require__, 5492))).down },
    extend: { project: false, load: async () => (await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(207), __webpack_require__.e(670), __webpack_require__.e(232)]).then(__webpack_require__.bind(__webpack_require__, 6232))).extend },
};
/** Runs the run's command on its environment. */
async function runEnvironmentCommand(run) {
    const name = run.command.name;
    if (name === 'cleanup' || name === 'skip')
        throw new Error(`${name} is not a command on one environment.`);
    const command = COMMANDS[name];
    if (!command.project)
        return (await command.load())(run, clusterOf(run));
    const { compose } = run;
    if (!compose)
        throw new Error(`${name} reads the compose project.`);
    return (await command.load())({ ...run, compose }, clusterOf(run));
}
/** `cleanup`: every environment of the namespace. */
async function runCleanupCommand(run) {
    const { cleanup } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(207), __webpack_require__.e(670), __webpack_require__.e(914)]).then(__webpack_require__.bind(__webpack_require__, 6914));
    return cleanup(run, clusterOf(run));
}
function clusterOf(run) {
    const { settings, log, env, signal } = run;
    return {
        async connect() {
            const { KubeClient } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(789), __webpack_require__.e(326)]).then(__webpack_require__.bind(__webpack_require__, 8789));
            return KubeClient.connect(settings.kubeconfig, settings.context, settings.namespace, {
                log,
                env,
                signal,
            });
        },
    };
}

// EXTERNAL MODULE: ./src/resolve/choose-command.ts + 1 modules
var choose_command = __webpack_require__(1733);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/model/kubeconfig.ts
var kubeconfig = __webpack_require__(1110);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/docker/environment.ts




/**
 * What docker and compose need of the runner, and what a project commonly interpolates without being
 * told: PATH (the CLI plugins), HOME and DOCKER_CONFIG (~/.docker: the registry login, buildx's state),
 * the locale, TZ and TMPDIR, CI and GITHUB_ACTIONS, and GitHub's context variables that identify the
 * run and the commit (never a path of the runner's files: GITHUB_ENV, GITHUB_EVENT_PATH, RUNNER_TEMP).
 */
const ALWAYS = [
    'PATH',
    'HOME',
    'DOCKER_CONFIG',
    'LANG',
    'LANGUAGE',
    'LC_*',
    'TZ',
    'TMPDIR',
    'CI',
    'GITHUB_ACTIONS',
    'GITHUB_SHA',
    'GITHUB_REF',
    'GITHUB_REF_NAME',
    'GITHUB_REF_TYPE',
    'GITHUB_HEAD_REF',
    'GITHUB_BASE_REF',
    'GITHUB_REPOSITORY',
    'GITHUB_REPOSITORY_OWNER',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_NUMBER',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_SERVER_URL',
    'GITHUB_EVENT_NAME',
    'GITHUB_ACTOR',
    'GITHUB_WORKFLOW',
    'GITHUB_JOB',
];
/**
 * Variables of the action, never the project's even when listed: its inputs (the kubeconfig and the
 * GitHub token among them), the runner's own tokens, the step state, and the path of a kubeconfig.
 */
const NEVER = [/^INPUT_/i, /^ACTIONS_/, /^STATE_/, /^GITHUB_TOKEN$/, /^KUBECONFIG$/];
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*\*?$/;
/**
 * The environment docker and compose run with: an allow-list, not the runner's environment. It holds
 * the variables of ALWAYS and those input compose-env lists, less the action's own (NEVER) and any
 * whose value contains one of the action's credentials, whatever its length and its name.
 */
function projectEnvironment(env, options) {
    const listed = parseComposeEnv(options.listed);
    const wanted = [...ALWAYS, ...listed].map(pattern);
    const credentials = options.credentials.map(compact).filter(Boolean);
    const kept = {};
    const dropped = [];
    for (const [name, value] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
        if (value === undefined || !wanted.some((p) => p.test(name)))
            continue;
        if (NEVER.some((p) => p.test(name)))
            dropped.push(`${name} (the action's own: never passed)`);
        else if (credentials.some((c) => compact(value).includes(c)))
            dropped.push(`${name} (its value holds a credential the action uses)`);
        else
            kept[name] = value;
    }
    if (dropped.length > 0) {
        options.log?.warning(`Not passed to compose: ${dropped.join(', ')}. Compose gets ${Object.keys(kept).join(', ') || 'no variables'}.`);
    }
    return kept;
}
/** Input compose-env: names and `PREFIX_*` patterns, separated by newlines or commas. */
function parseComposeEnv(value) {
    const names = (value ?? '')
        .split(/[\n,]/)
        .map((n) => n.trim())
        .filter(Boolean);
    for (const name of names) {
        if (!NAME.test(name))
            throw new errors/* UserError */.yo(explainComposeEnvName(name));
    }
    return names;
}
function explainComposeEnvName(name) {
    return `Input compose-env lists "${name}", which is neither a variable name nor a PREFIX_* pattern. List the variables compose may see, one per line or separated by commas.`;
}
function pattern(name) {
    const literal = name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
    return new RegExp(`^${name.endsWith('*') ? `${literal.slice(0, -2)}.*` : literal}$`);
}
/** Without whitespace: a PEM key re-wrapped or on one line is still the same key. */
function compact(text) {
    return text.replace(/\s+/g, '');
}
/**
 * The credentials the action holds, as values to look for: the kubeconfig whole and each user's token,
 * password, client key and certificate (as given in base64 and decoded), an auth provider's tokens and
 * secret, an exec plugin's environment; the GitHub token; the basic-auth pair and its password.
 */
function knownCredentials(known, env) {
    const texts = known.kubeconfig ? [known.kubeconfig] : defaultKubeconfigs(env);
    const password = known.basicAuth?.includes(':')
        ? known.basicAuth.slice(known.basicAuth.indexOf(':') + 1)
        : undefined;
    const values = [
        ...texts,
        ...texts.flatMap(kubeconfigSecrets),
        known.githubToken,
        known.basicAuth,
        password,
    ];
    return values.filter((v) => typeof v === 'string' && v.trim().length > 0);
}
/** The files the action reads cluster credentials from when input kubeconfig is empty. */
function defaultKubeconfigs(env) {
    const listed = (0,kubeconfig/* listedKubeconfigs */.a2)(env);
    const files = listed.length ? listed : [(0,kubeconfig/* homeKubeconfig */.VU)(env)];
    return files.filter((f) => (0,external_node_fs_.existsSync)(f)).map((f) => (0,external_node_fs_.readFileSync)(f, 'utf8'));
}
/** The credentials of a kubeconfig's users (those src/kube/config.ts masks, and their PEM), from its YAML. */
function kubeconfigSecrets(text) {
    let parsed;
    try {
        parsed = (0,dist/* parse */.qg)(text);
    }
    catch {
        return [];
    }
    const users = parsed?.users;
    return (Array.isArray(users) ? users : []).flatMap((entry) => (0,kubeconfig/* userCredentials */.CO)(entry?.user, { decoded: true }));
}

// EXTERNAL MODULE: ./src/docker/compose-file.ts + 1 modules
var compose_file = __webpack_require__(4741);
// EXTERNAL MODULE: ./src/kube/kubeconfig-file.ts
var kubeconfig_file = __webpack_require__(9657);
;// CONCATENATED MODULE: ./src/kube/kubeconfig-namespace.ts

/**
 * The namespace the kubeconfig's context names, as kubectl finds it: the context of input `context`,
 * else the current one, from the same place loadKubeConfig takes the credentials (the input's content,
 * x-preevy's path, `$KUBECONFIG` merged with the first file winning, `~/.kube/config`, the in-cluster
 * service account). Reads with the YAML parser only, so `plan`, which needs no cluster, does not load
 * the Kubernetes client; undefined when there is no kubeconfig or it names no namespace (loading it
 * later says what is wrong with a broken one).
 */
function kubeconfigNamespace(env = process.env) {
    return (source, context) => {
        const files = (0,kubeconfig_file/* kubeconfigTexts */._B)(source, env);
        if (files === 'in-cluster') {
            const namespace = (0,kubeconfig_file/* readText */.yR)(kubeconfig_file/* IN_CLUSTER_NAMESPACE */.V$)?.trim();
            return namespace ? { namespace, from: "the in-cluster service account's namespace" } : undefined;
        }
        const parsed = files.map(kubeconfig_file/* parseKubeconfig */.DU).filter((f) => f !== undefined);
        const name = context ?? parsed.map((f) => f['current-context']).find((c) => typeof c === 'string' && c);
        if (typeof name !== 'string')
            return undefined;
        // kubectl's merge: the first file that defines a context by that name wins.
        for (const file of parsed) {
            const entry = (Array.isArray(file.contexts) ? file.contexts : []).find((c) => c?.name === name);
            if (!entry)
                continue;
            const namespace = entry.context?.namespace;
            return typeof namespace === 'string' && namespace
                ? { namespace, from: `the kubeconfig's context "${name}"` }
                : undefined;
        }
        return undefined;
    };
}

// EXTERNAL MODULE: ./src/model/ids.ts
var model_ids = __webpack_require__(995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/model/build-cache-prefix.ts
var build_cache_prefix = __webpack_require__(8623);
// EXTERNAL MODULE: ./src/model/input-parsers.ts
var input_parsers = __webpack_require__(5436);
// EXTERNAL MODULE: ./src/model/names.ts
var names = __webpack_require__(1601);
// EXTERNAL MODULE: ./src/model/settings.ts
var settings = __webpack_require__(4692);
;// CONCATENATED MODULE: ./src/model/expose-settings.ts






const URL_PLACEHOLDERS = ['service', 'port', 'id', 'env-id', 'domain'];
/** Inputs expose, domain, url-template and the ingress's: how the published ports become URLs. */
function exposeSettings(input, project) {
    const domain = (0,input_parsers/* optional */.lq)(input('domain'), (v) => (0,input_parsers/* hostName */.Sm)(v.replace(/^\.+/, ''), 'Input domain'));
    const mode = (0,input_parsers/* optional */.lq)(input('expose'), (v) => (0,input_parsers/* oneOf */.yL)(v, ['ingress', 'loadbalancer', 'none'], 'expose')) ??
        (domain ? 'ingress' : 'none');
    const urlTemplate = input('url-template') ?? settings/* DEFAULTS */.zY.urlTemplate;
    for (const [, name] of urlTemplate.matchAll(/\{([^}]*)\}/g)) {
        if (!URL_PLACEHOLDERS.includes(name)) {
            throw new errors/* UserError */.yo(explainUnknownPlaceholder(name));
        }
    }
    if (mode === 'ingress' && !/\{(id|env-id)\}/.test(urlTemplate)) {
        throw new errors/* UserError */.yo(explainSharedUrlTemplate());
    }
    if (mode === 'ingress' && !domain && urlTemplate.includes('{domain}')) {
        throw new errors/* UserError */.yo(explainIngressWithoutDomain());
    }
    const template = input('expose-template') ?? 'expose';
    return {
        mode,
        domain,
        urlTemplate,
        template: template === 'expose' ? template : external_node_path_default().resolve(project.workingDirectory, template),
        ingressClass: (0,input_parsers/* optional */.lq)(input('ingress-class'), (v) => (0,names/* dnsSubdomain */.o)(v, 'Input ingress-class')),
        tlsSecret: (0,input_parsers/* optional */.lq)(input('tls-secret'), (v) => (0,names/* dnsSubdomain */.o)(v, 'Input tls-secret')),
        ingressAnnotations: (0,input_parsers/* optional */.lq)(input('ingress-annotations'), (v) => (0,input_parsers/* stringMap */.Qi)(v, 'ingress-annotations')) ?? {},
        basicAuth: (0,input_parsers/* optional */.lq)(input('basic-auth'), (v) => basicAuth(v, mode)),
        urlTimeoutMs: (0,input_parsers/* optional */.lq)(input('url-timeout'), (v) => (0,duration/* parseDuration */.E9)(v, 'url-timeout')) ?? settings/* DEFAULTS */.zY.urlTimeoutMs,
    };
}
function basicAuth(value, mode) {
    const colon = value.indexOf(':');
    if (colon <= 0 || colon === value.length - 1) {
        // The value is a secret: the message must not repeat it.
        throw new errors/* UserError */.yo('Input basic-auth must be "user:password" with a non-empty user and password (pass it from a secret).');
    }
    // Each line of an htpasswd file is one user: a line break would add another.
    if (/[\r\n\0]/.test(value)) {
        throw new errors/* UserError */.yo('Input basic-auth must be one line "user:password": its user and password may not contain a line break.');
    }
    if (mode !== 'ingress') {
        throw new errors/* UserError */.yo(explainBasicAuthWithoutIngress(mode));
    }
    return { user: value.slice(0, colon), password: value.slice(colon + 1) };
}
function explainUnknownPlaceholder(name) {
    return `Input url-template has an unknown placeholder {${name}}; it may use ${URL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`;
}
function explainSharedUrlTemplate() {
    return 'Input url-template must contain {id} or {env-id}: without it every pull request gets the same host names, and one preview answers for all.';
}
function explainIngressWithoutDomain() {
    return 'Input expose is ingress, whose host names need input domain (e.g. preview.example.com, with a wildcard DNS record pointing at your ingress controller). Set domain, or set expose to loadbalancer or none.';
}
function explainBasicAuthWithoutIngress(mode) {
    return `Input basic-auth protects URLs through the ingress, but input expose is ${mode}: nothing would ask for the password. Set expose to ingress, or remove basic-auth.`;
}

;// CONCATENATED MODULE: ./src/model/pod-settings.ts



function podSettings(input) {
    const given = (name, parse) => {
        const value = input(name);
        return value === undefined ? undefined : parse(value);
    };
    return {
        dockerImage: given('docker-image', imageReference),
        resources: given('resources', resources),
        nodeSelector: given('node-selector', nodeSelector),
        tolerations: given('tolerations', tolerations),
        priorityClassName: given('priority-class', (v) => (0,names/* dnsSubdomain */.o)(v, 'Input priority-class')),
        registryMirrors: given('registry-mirrors', registryMirrors) ?? [],
    };
}
// An image reference (distribution's grammar, loosely): [registry[:port]/]path[:tag][@digest].
const IMAGE = /^[a-zA-Z0-9][a-zA-Z0-9.-]*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;
function imageReference(value) {
    if (value.length > 255 || !IMAGE.test(value)) {
        throw new errors/* UserError */.yo(explainImageReference(value));
    }
    return value;
}
function explainImageReference(value) {
    return `Input docker-image must be an image reference such as docker:28-dind or registry.example.com/dind:1@sha256:…, got "${value}".`;
}
function yamlOf(value, inputName, shape) {
    try {
        return (0,dist/* parse */.qg)(value);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`Input ${inputName} must be ${shape}: ${error.message.split('\n')[0]}`);
    }
}
function isMap(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
// Kubernetes' resource.Quantity: a decimal number with an optional binary, decimal or exponent suffix.
const QUANTITY = /^[+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
// A resource name: a qualified name, optionally prefixed (nvidia.com/gpu).
const RESOURCE_NAME = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
function resources(value) {
    const shape = 'a YAML map with requests and limits, such as "requests: {cpu: 500m, memory: 1Gi}"';
    const parsed = yamlOf(value, 'resources', shape);
    if (!isMap(parsed) || Object.keys(parsed).some((k) => k !== 'requests' && k !== 'limits')) {
        throw new errors/* UserError */.yo(`Input resources must be ${shape}, got "${value}".`);
    }
    const result = {};
    for (const kind of ['requests', 'limits']) {
        const amounts = parsed[kind];
        if (amounts === undefined)
            continue;
        if (!isMap(amounts))
            throw new errors/* UserError */.yo(`Input resources: ${kind} must be a map, such as "cpu: 500m".`);
        result[kind] = Object.fromEntries(Object.entries(amounts).map(([name, amount]) => {
            const quantity = String(amount);
            if (!RESOURCE_NAME.test(name) || (typeof amount !== 'string' && typeof amount !== 'number'))
                throw new errors/* UserError */.yo(`Input resources: "${name}" under ${kind} is not a resource with an amount.`);
            if (!QUANTITY.test(quantity))
                throw new errors/* UserError */.yo(`Input resources: ${kind}.${name} must be a quantity such as 500m, 2 or 1Gi, got "${quantity}".`);
            return [name, quantity];
        }));
    }
    return result;
}
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
function labelKey(key) {
    const [prefix, name] = key.includes('/') ? key.split(/\/(.*)/s) : [undefined, key];
    const prefixOk = prefix === undefined || (prefix.length <= 253 && names/* DNS_SUBDOMAIN */.n.test(prefix));
    return prefixOk && name !== undefined && name.length <= 63 && LABEL_NAME.test(name);
}
function labelValue(value) {
    return value === '' || (value.length <= 63 && LABEL_NAME.test(value));
}
function nodeSelector(value) {
    const shape = 'a YAML map of node labels, such as "kubernetes.io/arch: amd64"';
    const parsed = yamlOf(value, 'node-selector', shape);
    if (!isMap(parsed))
        throw new errors/* UserError */.yo(`Input node-selector must be ${shape}, got "${value}".`);
    return Object.fromEntries(Object.entries(parsed).map(([key, v]) => {
        const label = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
        if (!labelKey(key) || label === null || !labelValue(label))
            throw new errors/* UserError */.yo(`Input node-selector: "${key}: ${String(v)}" is not a node label and value.`);
        return [key, label];
    }));
}
const TOLERATION_KEYS = ['key', 'operator', 'value', 'effect', 'tolerationSeconds'];
function tolerations(value) {
    const shape = 'a YAML list of tolerations, such as "[{key: previews, operator: Exists, effect: NoSchedule}]"';
    const parsed = yamlOf(value, 'tolerations', shape);
    if (!Array.isArray(parsed))
        throw new errors/* UserError */.yo(`Input tolerations must be ${shape}, got "${value}".`);
    return parsed.map((item, index) => {
        const where = `Input tolerations, item ${index + 1}`;
        if (!isMap(item))
            throw new errors/* UserError */.yo(`${where} must be a map with key, operator, value, effect.`);
        const unknown = Object.keys(item).filter((k) => !TOLERATION_KEYS.includes(k));
        if (unknown.length)
            throw new errors/* UserError */.yo(`${where} has unknown fields: ${unknown.join(', ')}.`);
        const { key, operator, value: v, effect, tolerationSeconds } = item;
        if (key !== undefined && (typeof key !== 'string' || !labelKey(key)))
            throw new errors/* UserError */.yo(`${where}: key must be a label key, got "${String(key)}".`);
        if (operator !== undefined && operator !== 'Exists' && operator !== 'Equal')
            throw new errors/* UserError */.yo(`${where}: operator must be Exists or Equal, got "${String(operator)}".`);
        if (v !== undefined && (typeof v !== 'string' || !labelValue(v)))
            throw new errors/* UserError */.yo(`${where}: value must be a label value, got "${String(v)}".`);
        if (effect !== undefined && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect))
            throw new errors/* UserError */.yo(`${where}: effect must be NoSchedule, PreferNoSchedule or NoExecute, got "${String(effect)}".`);
        if (tolerationSeconds !== undefined && !Number.isInteger(tolerationSeconds))
            throw new errors/* UserError */.yo(`${where}: tolerationSeconds must be a whole number of seconds.`);
        return item;
    });
}
function registryMirrors(value) {
    return value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
        let url;
        try {
            url = new URL(line);
        }
        catch {
            url = undefined;
        }
        // Docker takes a mirror at the root of its host only (distribution's "Registry as a pull through cache").
        const root = url?.pathname === '/' && !url.search && !url.hash;
        if (!url || !['http:', 'https:'].includes(url.protocol) || url.username || url.password || !root)
            throw new errors/* UserError */.yo(explainRegistryMirror(line));
        return line;
    });
}
function explainRegistryMirror(line) {
    return `Input registry-mirrors: each line must be the http(s) URL of a host's root, without credentials, such as https://mirror.example.com, got "${line}".`;
}

// EXTERNAL MODULE: ./src/model/run-inputs.ts
var run_inputs = __webpack_require__(4804);
// EXTERNAL MODULE: ./src/model/trigger.ts
var trigger = __webpack_require__(2861);
;// CONCATENATED MODULE: ./src/model/resolve-settings.ts











/**
 * Resolves the settings: a built-in default is overridden by the compose file's `x-preevy` section,
 * which is overridden by an input the workflow (or CLI) gave explicitly.
 */
function resolveSettings(input, fromCompose, project, kubeconfigNamespace = () => undefined) {
    const explicit = {
        namespace: (0,input_parsers/* optional */.lq)(input('namespace'), (v) => (0,input_parsers/* dnsLabel */.UG)(v, 'Input namespace')),
        context: input('context'),
        template: input('template'),
        serverSideApply: (0,input_parsers/* optional */.lq)(input('server-side-apply'), (v) => (0,input_parsers/* boolean */.zM)(v, 'Input server-side-apply')),
        storageClass: (0,input_parsers/* optional */.lq)(input('storage-class'), (v) => (0,names/* dnsSubdomain */.o)(v, 'Input storage-class')),
        storageSize: (0,input_parsers/* optional */.lq)(input('storage-size'), (v) => (0,input_parsers/* storageSize */.pz)(v, 'Input storage-size')),
    };
    const pick = (key) => explicit[key] ?? fromCompose[key];
    const template = pick('template') ?? settings/* DEFAULTS */.zY.template;
    const kubeconfig = kubeconfigSource(input('kubeconfig'), fromCompose, project);
    return {
        command: (0,run_inputs/* readCommand */.UK)(input),
        kubeconfig,
        context: pick('context'),
        ...namespaceOf(explicit.namespace, fromCompose.namespace, () => kubeconfigNamespace(kubeconfig, pick('context'))),
        template: settings/* BUNDLED_TEMPLATES */.RV.includes(template)
            ? template
            : external_node_path_default().resolve(project.workingDirectory, template),
        templateFrom: templateFrom(explicit.template, fromCompose.template),
        serverSideApply: pick('serverSideApply') ?? settings/* DEFAULTS */.zY.serverSideApply,
        storageClass: pick('storageClass'),
        storageSize: pick('storageSize') ?? settings/* DEFAULTS */.zY.storageSize,
        composeFiles: project.composeFiles,
        workingDirectory: project.workingDirectory,
        allowPaths: (0,input_parsers/* lines */.Mn)(input('allow-paths')).map((p) => external_node_path_default().resolve(project.workingDirectory, p)),
        envId: (0,input_parsers/* optional */.lq)(input('env-id'), (v) => (0,input_parsers/* dnsLabel */.UG)(v, 'Input env-id')),
        timeoutMs: (0,input_parsers/* optional */.lq)(input('timeout'), (v) => (0,duration/* parseDuration */.E9)(v, 'timeout')) ?? settings/* DEFAULTS */.zY.timeoutMs,
        labels: (0,input_parsers/* optional */.lq)(input('labels'), (v) => (0,input_parsers/* stringMap */.Qi)(v, 'labels')) ?? {},
        annotations: (0,input_parsers/* optional */.lq)(input('annotations'), (v) => (0,input_parsers/* stringMap */.Qi)(v, 'annotations')) ?? {},
        githubToken: input('github-token'),
        pod: podSettings(input),
        buildCache: (0,input_parsers/* optional */.lq)(input('build-cache'), buildCachePrefix),
        expose: exposeSettings(input, project),
        report: {
            comment: (0,input_parsers/* optional */.lq)(input('comment'), (v) => (0,input_parsers/* boolean */.zM)(v, 'Input comment')) ?? true,
            deployment: (0,input_parsers/* optional */.lq)(input('deployment'), (v) => (0,input_parsers/* boolean */.zM)(v, 'Input deployment')) ?? true,
            deploymentEnvironment: input('deployment-environment'),
            primaryService: input('primary-service'),
        },
        onFork: (0,run_inputs/* readOnFork */.S0)(input),
        allowForkCode: (0,run_inputs/* allowsForkCode */.AC)(input),
        ...pullRequestSettings(input),
        ...lifetimeSettings(input),
        dryRun: (0,input_parsers/* optional */.lq)(input('dry-run'), (v) => (0,input_parsers/* boolean */.zM)(v, 'Input dry-run')) ?? false,
    };
}
/** How long environments live, wait and sleep (inputs ttl, max-ttl, sleep-after). */
function lifetimeSettings(input) {
    // An environment may live a year between deploys: longer is surely a typo (and no longer a Date).
    const span = (name) => (0,input_parsers/* optional */.lq)(input(name), (v) => (0,duration/* parseDuration */.E9)(v, name, 365 * duration/* DAY_MS */.sO));
    return {
        ttlMs: span('ttl'),
        maxTtlMs: span('max-ttl') ?? settings/* DEFAULTS */.zY.maxTtlMs,
        sleepAfterMs: span('sleep-after'),
    };
}
/** The kubeconfig input's content, else x-preevy's path, else kubectl's places (see loadKubeConfig). */
function kubeconfigSource(content, fromCompose, project) {
    if (content)
        return { kind: 'content', content };
    if (!fromCompose.kubeconfig)
        return { kind: 'default' };
    const file = external_node_path_default().resolve(project.workingDirectory, fromCompose.kubeconfig);
    return { kind: 'file', path: file, from: 'x-preevy kubeconfig' };
}
/**
 * As kubectl: input namespace, else x-preevy's, else the one the kubeconfig's context names, else
 * `default` (also what `plan` uses without any kubeconfig).
 */
function namespaceOf(fromInput, fromCompose, fromKubeconfig) {
    if (fromInput)
        return { namespace: notSystem(fromInput, 'Input namespace'), namespaceFrom: 'input namespace' };
    if (fromCompose)
        return {
            namespace: notSystem(fromCompose, "The compose file's x-preevy namespace"),
            namespaceFrom: 'x-preevy namespace of the compose file',
        };
    const found = fromKubeconfig();
    if (found)
        return {
            namespace: (0,input_parsers/* dnsLabel */.UG)(found.namespace, `The namespace of ${found.from}`),
            namespaceFrom: found.from,
        };
    return {
        namespace: settings/* DEFAULTS */.zY.namespace,
        namespaceFrom: 'the default: neither input namespace, x-preevy nor the kubeconfig names one',
    };
}
/**
 * Neither input nor x-preevy may name a system namespace: a preview's objects there would sit next to
 * the cluster's own, and the compose file comes from the pull request.
 */
function notSystem(namespace, where) {
    if (namespace === 'default' || namespace.startsWith('kube-'))
        throw new errors/* UserError */.yo(explainSystemNamespace(where, namespace));
    return namespace;
}
function explainSystemNamespace(where, namespace) {
    return `${where} is "${namespace}", a namespace of the cluster's own: previews go in a namespace of their own (e.g. previews, with deploy/rbac.yaml applied to it). Set input namespace.`;
}
function templateFrom(input, compose) {
    return input ? 'input template' : compose ? 'x-preevy template' : 'default';
}
/** Which pull requests get a preview, and who may run /preview commands in their comments. */
function pullRequestSettings(input) {
    // Validated on every run, so that a typo shows on the pull_request run, not on the first command.
    const permission = (0,input_parsers/* optional */.lq)(input('command-permission'), trigger/* parseCommandPermission */.Eu);
    return {
        triggers: (0,run_inputs/* readTriggers */.kb)(input),
        commandsListed: permission !== undefined && permission.length > 0,
    };
}
/** Input build-cache, checked: a registry host and a path, without scheme or tag. */
function buildCachePrefix(value) {
    const prefix = value.trim().replace(/\/+$/, '');
    const problem = (0,build_cache_prefix/* buildCachePrefixProblem */.iP)(prefix);
    if (problem)
        throw new errors/* UserError */.yo(`Input build-cache is a registry reference prefix: ${problem}.`);
    return prefix;
}

;// CONCATENATED MODULE: ./src/model/x-preevy.ts


const DRIVER_NAMES = ['kube-pod', 'kube-docker'];
/** Keys of `x-preevy` that belong to Preevy itself, not to a driver: accepted and left alone. */
const PREEVY_KEYS = ['driver', 'drivers', 'plugins', 'plainOutput', 'snapshot', 'observe'];
const OPTION_KEYS = {
    namespace: (v, w) => ({ namespace: (0,input_parsers/* dnsLabel */.UG)((0,input_parsers/* text */.Qq)(v, w), w) }),
    kubeconfig: (v, w) => ({ kubeconfig: (0,input_parsers/* text */.Qq)(v, w) }),
    context: (v, w) => ({ context: (0,input_parsers/* text */.Qq)(v, w) }),
    template: (v, w) => ({ template: (0,input_parsers/* text */.Qq)(v, w) }),
    // Preevy's docs name the template option `pod-template` in places; both spellings mean the same.
    'pod-template': (v, w) => ({ template: (0,input_parsers/* text */.Qq)(v, w) }),
    'server-side-apply': (v, w) => ({ serverSideApply: typeof v === 'boolean' ? v : (0,input_parsers/* boolean */.zM)((0,input_parsers/* text */.Qq)(v, w), w) }),
    'storage-class': (v, w) => ({ storageClass: (0,names/* dnsSubdomain */.o)((0,input_parsers/* text */.Qq)(v, w), w) }),
    'storage-size': (v, w) => ({ storageSize: (0,input_parsers/* storageSize */.pz)(typeof v === 'number' ? String(v) : (0,input_parsers/* text */.Qq)(v, w), w) }),
};
/**
 * Reads the driver options of a compose file's `x-preevy` section. Both forms of Preevy's docs are
 * accepted: options at the top level (`x-preevy: {driver: kube-pod, namespace: …}`) and the driver-scoped
 * form (`x-preevy: {drivers: {kube-pod: {namespace: …}}}`), the latter winning.
 */
function readDriverOptions(xPreevy, log) {
    if (xPreevy === undefined || xPreevy === null)
        return {};
    const section = (0,input_parsers/* record */.g1)(xPreevy, 'x-preevy');
    const options = {};
    for (const [key, value] of Object.entries(section)) {
        if (key in OPTION_KEYS)
            Object.assign(options, OPTION_KEYS[key](value, `x-preevy.${key}`));
        else if (!PREEVY_KEYS.includes(key))
            log.warning(`Ignoring unknown key x-preevy.${key} in the compose file.`);
    }
    if (section.drivers !== undefined) {
        const drivers = (0,input_parsers/* record */.g1)(section.drivers, 'x-preevy.drivers');
        const name = DRIVER_NAMES.find((n) => drivers[n] !== undefined);
        if (name) {
            const where = `x-preevy.drivers.${name}`;
            for (const [key, value] of Object.entries((0,input_parsers/* record */.g1)(drivers[name], where))) {
                if (key in OPTION_KEYS)
                    Object.assign(options, OPTION_KEYS[key](value, `${where}.${key}`));
                else
                    log.warning(`Ignoring unknown key ${where}.${key} in the compose file.`);
            }
        }
    }
    if (typeof section.driver === 'string' && !DRIVER_NAMES.includes(section.driver)) {
        log.warning(`x-preevy.driver is "${section.driver}"; kube-pod-preview reads only the kube-pod driver's options.`);
    }
    return options;
}
/**
 * In a workflow, the compose file comes from the pull request: it may not choose the credentials. Its
 * `kubeconfig` and `context` are dropped with a warning there; the CLI, run by someone on their own
 * checkout, keeps them.
 */
function withoutRepositoryCredentials(options, inWorkflow, log) {
    if (!inWorkflow)
        return options;
    const { kubeconfig, context, ...rest } = options;
    for (const [key, value] of [
        ['kubeconfig', kubeconfig],
        ['context', context],
    ]) {
        if (value !== undefined)
            log.warning(explainIgnoredCredential(key));
    }
    return rest;
}
function explainIgnoredCredential(key) {
    return `Ignoring x-preevy ${key} in the compose file: in a workflow the credentials come from input kubeconfig (or $KUBECONFIG) and input context, never from the repository.`;
}

;// CONCATENATED MODULE: ./src/util/phase-timer.ts
/** How long each phase of a run took, in the order they ran: the summary's and the benchmark's figures. */
class PhaseTimer {
    timings = {};
    started = performance.now();
    async time(phase, fn) {
        const phaseStarted = performance.now();
        try {
            return await fn();
        }
        finally {
            this.timings[phase] = Math.round(performance.now() - phaseStarted);
        }
    }
    /** Milliseconds since the run started. */
    get elapsedMs() {
        return performance.now() - this.started;
    }
}

// EXTERNAL MODULE: ./src/resolve/checkout.ts
var checkout = __webpack_require__(9658);
;// CONCATENATED MODULE: ./src/resolve/resolve-run.ts










/**
 * The input-helper: inputs + event + compose file → one typed, validated run. The compose project loads
 * (through `docker compose config`) unless the checkout is a fork's; its x-preevy section fills what the
 * inputs leave; credentials are masked; the ids derive from repository and pull request; the deploy
 * stamp is computed once, for every object of the run.
 */
async function resolveRun(request, choice) {
    const base = await resolveCleanupRun(request, choice);
    const { settings } = base;
    const repository = repositoryOf(request, base.compose);
    const placeholder = choice.command.name === 'doctor' ? model_ids/* DOCTOR_ENV_ID */.I2 : undefined;
    const envId = (0,model_ids/* environmentId */.Xo)(settings.envId, request.context.prNumber, placeholder);
    const ids = { envId, id: (0,model_ids/* resourceId */.a)(repository, envId) };
    return { ...base, repository, ids, stamp: deployStamp(base, repository, ids) };
}
/** `cleanup`'s run: settings and the compose project (when it loads), without an environment of its own. */
async function resolveCleanupRun(request, choice) {
    const { input, log, signal } = request;
    const env = request.env ?? process.env;
    const timer = new PhaseTimer();
    const project = (0,run_inputs/* readProjectInputs */.H8)(input, request.cwd);
    const command = choice.command.name;
    if (choice.checkout === 'read' && command !== 'cleanup')
        (0,checkout/* requireWorkingDirectory */.w)(project.workingDirectory);
    // An allow-list of the runner's environment (input compose-env), less any credential: compose
    // interpolates from it.
    const projectEnv = projectEnvironment(process.env, {
        listed: input('compose-env'),
        credentials: secretInputs(input, env),
        log,
    });
    const compose = choice.checkout === 'records'
        ? undefined
        : await timer.time('compose config', () => command === 'cleanup' || command === 'down' || command === 'extend'
            ? optionalCompose(project, projectEnv, signal, log)
            : (0,compose_file/* loadComposeModel */.M9)(project, projectEnv, signal));
    const fromCompose = readDriverOptions(compose?.['x-preevy'], log);
    const inWorkflow = env.GITHUB_ACTIONS === 'true';
    const settings = resolveSettings(input, withoutRepositoryCredentials(fromCompose, inWorkflow, log), project, kubeconfigNamespace(env));
    for (const secret of [settings.githubToken, settings.expose.basicAuth?.password])
        if (secret)
            log.mask(secret);
    return {
        command: choice.command,
        settings,
        context: request.context,
        log,
        signal,
        timer,
        checkpoint: request.checkpoint ?? (() => { }),
        env,
        projectEnv,
        now: request.now ?? (() => new Date()),
        planOnServer: request.planOnServer ?? false,
        compose,
    };
}
function repositoryOf(request, compose) {
    const { context } = request;
    const repository = context.repository ?? (compose ? `local/${compose.name}` : undefined);
    if (!repository)
        throw new Error('A run without a compose project runs for a repository.');
    if (!context.repository)
        request.log.notice(explainLocalRepository(repository));
    return repository;
}
function explainLocalRepository(repository) {
    return `No repository (--repository, GITHUB_REPOSITORY or a git origin remote): the environment's id derives from ${repository}, which no action run uses. Give --repository owner/name to reach the environment the action made.`;
}
/** What every object of one deploy records: one value, for the workload and the exposure alike. */
function deployStamp(run, repository, ids) {
    const { settings, context } = run;
    const deployedAt = run.now();
    return {
        namespace: settings.namespace,
        ids,
        labels: settings.labels,
        annotations: settings.annotations,
        provenance: {
            repository,
            prUrl: context.prUrl,
            sha: context.headSha,
            deployedAt,
            expiresAt: settings.ttlMs ? new Date(deployedAt.getTime() + settings.ttlMs) : undefined,
        },
    };
}
/**
 * `cleanup`, `down` and `extend` act on what the cluster holds: they read the compose project when it
 * loads (its x-preevy may name the namespace, its template the kinds), and go on without one otherwise,
 * so that a project that no longer loads (or never did: a scheduled cleanup) can still be removed.
 */
async function optionalCompose(project, projectEnv, signal, log) {
    try {
        return await (0,compose_file/* loadComposeModel */.M9)(project, projectEnv, signal);
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        log.warning(`No compose project (${error.message.split('\n')[0]}): working from what the cluster records, in the namespace of the inputs.`);
        return undefined;
    }
}
/** The credentials the action holds, to be kept out of the compose project's reach. */
function secretInputs(input, env) {
    const known = { kubeconfig: input('kubeconfig'), githubToken: input('github-token') };
    return knownCredentials({ ...known, basicAuth: input('basic-auth') }, env);
}

;// CONCATENATED MODULE: ./src/entry/run-preview.ts



/**
 * One run, whichever its entry point: a `/preview` comment is authorized first; then the command is
 * chosen (and whether the checkout may be read at all), the run resolved once, and its command run.
 * `plan` prints the plan; `doctor` asks the cluster what it would make of it; `up` deploys it; `down`
 * removes the environment; `cleanup` removes those of closed pull requests and expired ones, and puts
 * idle ones to sleep.
 */
async function runPreview(request) {
    if (request.context.eventName !== 'issue_comment')
        return runAuthorized(request);
    const { runCommentCommand } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413), __webpack_require__.e(197)]).then(__webpack_require__.bind(__webpack_require__, 197));
    return runCommentCommand(request, runAuthorized);
}
async function runAuthorized(request) {
    const choice = await (0,choose_command/* chooseCommand */.F)(request);
    const { command } = choice;
    if (command.name === 'skip' || choice.checkout === 'skip') {
        if (command.name === 'skip')
            request.log.notice(command.why);
        return (0,choose_command/* skippedOutcome */.d)(request.input, request.context);
    }
    if (command.name === 'cleanup') {
        const run = await resolveCleanupRun(request, choice);
        const cleaned = await runCleanupCommand(run);
        const { namespace } = run.settings;
        const common = { ids: { envId: '*', id: '*' }, namespace, project: run.compose?.name ?? '' };
        return { ...common, command: 'cleanup', cleaned, timings: run.timer.timings };
    }
    const run = await resolveRun(request, choice);
    const { ids, settings } = run;
    request.log.info(`Environment ${ids.envId} (id ${ids.id}) in namespace ${settings.namespace} (${settings.namespaceFrom}): ${command.name}`);
    const result = await runEnvironmentCommand(run);
    const common = {
        ids,
        namespace: settings.namespace,
        project: run.compose?.name ?? '',
        timings: run.timer.timings,
    };
    return { ...common, ...result };
}


/***/ }),

/***/ 9657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DU: () => (/* binding */ parseKubeconfig),
/* harmony export */   Mf: () => (/* binding */ findDefaultKubeconfig),
/* harmony export */   V$: () => (/* binding */ IN_CLUSTER_NAMESPACE),
/* harmony export */   _B: () => (/* binding */ kubeconfigTexts),
/* harmony export */   credentialsAvailable: () => (/* binding */ credentialsAvailable),
/* harmony export */   ez: () => (/* binding */ inClusterCredentials),
/* harmony export */   yR: () => (/* binding */ readText)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _model_kubeconfig_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1110);



/** The in-cluster service account's files, as kubectl and the client library read them. */
const SERVICE_ACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';
const IN_CLUSTER_TOKEN = `${SERVICE_ACCOUNT}/token`;
const IN_CLUSTER_NAMESPACE = `${SERVICE_ACCOUNT}/namespace`;
function findDefaultKubeconfig(env) {
    const listed = (0,_model_kubeconfig_js__WEBPACK_IMPORTED_MODULE_2__/* .listedKubeconfigs */ .a2)(env);
    if (listed.length > 0)
        return { from: 'KUBECONFIG', listed, files: listed.filter((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f)) };
    const home = (0,_model_kubeconfig_js__WEBPACK_IMPORTED_MODULE_2__/* .homeKubeconfig */ .VU)(env);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(home))
        return { from: 'home', file: home };
    return env.KUBERNETES_SERVICE_HOST ? { from: 'in-cluster' } : { from: 'none' };
}
/** Whether the runner runs in a pod whose service account token is mounted. */
function inClusterCredentials(env) {
    return Boolean(env.KUBERNETES_SERVICE_HOST && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(IN_CLUSTER_TOKEN));
}
/**
 * The texts of the kubeconfig `source` names, in kubectl's order of precedence, leaving out the files
 * that cannot be read: for what is read of it without the client library (see loadKubeConfig).
 */
function kubeconfigTexts(source, env) {
    if (source.kind === 'content')
        return [source.content];
    if (source.kind === 'file')
        return readable([source.path]);
    const found = findDefaultKubeconfig(env);
    switch (found.from) {
        case 'KUBECONFIG':
            return readable(found.files);
        case 'home':
            return readable([found.file]);
        case 'in-cluster':
            return 'in-cluster';
        case 'none':
            return [];
    }
}
/** The texts of those of `files` that can be read. */
function readable(files) {
    return files.map(readText).filter((t) => t !== undefined);
}
/** A file's text; undefined when it does not exist or cannot be read. */
function readText(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8') : undefined;
    }
    catch {
        return undefined;
    }
}
/** A kubeconfig text's YAML; undefined when it does not parse, or not to a mapping. */
function parseKubeconfig(text) {
    try {
        const parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(text);
        return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Whether any cluster credentials are within reach, without loading them (nor the client library: a
 * fork's run asks it first): false on a pull request from
 * a fork, where the workflow gets no secrets and the runner has no kubeconfig of its own.
 */
function credentialsAvailable(source, env = process.env) {
    if (source.kind !== 'default')
        return true;
    // Not findDefaultKubeconfig: a KUBECONFIG naming no file that exists leaves ~/.kube/config in reach.
    if ((0,_model_kubeconfig_js__WEBPACK_IMPORTED_MODULE_2__/* .listedKubeconfigs */ .a2)(env).some((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f)))
        return true;
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,_model_kubeconfig_js__WEBPACK_IMPORTED_MODULE_2__/* .homeKubeconfig */ .VU)(env)) || inClusterCredentials(env);
}


/***/ }),

/***/ 8623:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RA: () => (/* binding */ REPOSITORY_COMPONENT),
/* harmony export */   iP: () => (/* binding */ buildCachePrefixProblem),
/* harmony export */   pY: () => (/* binding */ registryHostOf)
/* harmony export */ });
/** A path component of a registry repository (the distribution spec's grammar). */
const REPOSITORY_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/**
 * What is wrong with a value of input build-cache, or undefined: a registry host (with a dot, a port
 * or `localhost`, else Docker reads it as a Docker Hub account) and a path, without scheme or tag.
 */
function buildCachePrefixProblem(prefix) {
    if (/^[a-z]+:\/\//i.test(prefix))
        return 'a reference has no scheme: drop the http:// or https://';
    const [host, ...path] = prefix.split('/');
    if (!host || !/^([a-z0-9.-]+\.[a-z0-9.-]+|localhost|[a-z0-9.-]+:\d+|\[[0-9a-f:]+\](:\d+)?)$/i.test(host))
        return `it must start with a registry host such as registry.example.com:5000, got "${host ?? ''}"`;
    const bad = path.find((component) => !REPOSITORY_COMPONENT.test(component));
    if (bad !== undefined)
        return `each part of its path must be lower-case letters and digits, separated by ".", "_" or "-", without a tag: got "${bad}"`;
    return undefined;
}
/** The registry host of a build-cache prefix (`registry.previews.svc.cluster.local:5000`). */
function registryHostOf(prefix) {
    return prefix.split('/')[0];
}


/***/ }),

/***/ 995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BC: () => (/* binding */ shortHash),
/* harmony export */   I2: () => (/* binding */ DOCTOR_ENV_ID),
/* harmony export */   Xo: () => (/* binding */ environmentId),
/* harmony export */   a: () => (/* binding */ resourceId),
/* harmony export */   yR: () => (/* binding */ slug)
/* harmony export */ });
/* unused harmony export MAX_RESOURCE_ID_LENGTH */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


/** Kubernetes names built from the id stay within limits; Preevy gives templates at most 53 characters. */
const MAX_RESOURCE_ID_LENGTH = 48;
const HASH_LENGTH = 8;
/**
 * The environment id `doctor` checks under when it has none: a user checking a cluster has no
 * environment yet, and doctor only reads and dry-runs, so no environment is touched.
 */
const DOCTOR_ENV_ID = 'doctor';
/** The env-id input, else `pr-<number>`, else `placeholder` (doctor's), else an error saying what to set. */
function environmentId(explicit, prNumber, placeholder) {
    if (explicit)
        return explicit;
    if (prNumber !== undefined)
        return `pr-${prNumber}`;
    if (placeholder)
        return placeholder;
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('No environment id: this run is not for a pull_request event. Set input env-id (or pass --env-id to the CLI).');
}
/**
 * Derives the template's `id` from the repository and the environment id. It is a DNS label of at most
 * 48 characters that reads as `<repo>-<env-id>-<hash>`. The hash covers the full repository name and env
 * id, so two repositories sharing a namespace never share an id, however their names are truncated.
 */
function resourceId(repository, envId) {
    const hash = shortHash(`${repository.toLowerCase()}\n${envId}`);
    const repoName = slug(repository.split('/').pop() ?? '');
    const room = MAX_RESOURCE_ID_LENGTH - HASH_LENGTH - 1;
    let readable = slug(`${repoName}-${envId}`);
    if (readable.length > room) {
        // Keep the env id whole when it fits, trimming the repository name first.
        const repoRoom = room - envId.length - 1;
        readable = repoRoom > 0 ? `${repoName.slice(0, repoRoom)}-${envId}` : envId.slice(0, room);
    }
    return `${slug(readable)}-${hash}`;
}
/** 8 hex digits of the text's SHA-256: what keeps names that were shortened or cleaned apart. */
function shortHash(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
}
/** Lower case letters, digits and single inner dashes: what a DNS label may hold. */
function slug(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '');
}


/***/ }),

/***/ 5436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mn: () => (/* binding */ lines),
/* harmony export */   Qi: () => (/* binding */ stringMap),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   Sm: () => (/* binding */ hostName),
/* harmony export */   UG: () => (/* binding */ dnsLabel),
/* harmony export */   _H: () => (/* binding */ labelName),
/* harmony export */   g1: () => (/* binding */ record),
/* harmony export */   lq: () => (/* binding */ optional),
/* harmony export */   pz: () => (/* binding */ storageSize),
/* harmony export */   yL: () => (/* binding */ oneOf),
/* harmony export */   zM: () => (/* binding */ boolean)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1601);



/**
 * Parsers of input values and of the compose file's x-preevy values: each returns the value or throws
 * a UserError naming where it came from (`where`, or the input's name).
 */
/** The parsed value of an input, or undefined when it was not given. */
function optional(value, parse) {
    return value === undefined ? undefined : parse(value);
}
/** The non-empty lines of a newline-separated input. */
function lines(value) {
    return (value ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
/** A GitHub label's name: at most 50 characters, one line. */
function labelName(value) {
    if (value.length > 50 || /[\r\n]/.test(value))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input label must be one label's name (one line, at most 50 characters); got "${value.slice(0, 60)}".`);
    return value;
}
function oneOf(value, allowed, inputName) {
    if (allowed.includes(value))
        return value;
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input ${inputName} must be one of ${allowed.join(', ')}; got "${value}".`);
}
function hostName(value, where) {
    const host = value.toLowerCase();
    if (host.length > 253 || !_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DNS_SUBDOMAIN */ .n.test(host) || host.split('.').some((label) => label.length > 63)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where} must be a DNS name such as preview.example.com, got "${value}".`);
    }
    return host;
}
function boolean(value, where) {
    if (/^(true|yes|on|1)$/i.test(value))
        return true;
    if (/^(false|no|off|0)$/i.test(value))
        return false;
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where} must be true or false, got "${value}".`);
}
function storageSize(value, where) {
    const size = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(size > 0)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where} must be a positive number of GiB (fractions allowed, e.g. 12.5), got "${value}".`);
    }
    return size;
}
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function dnsLabel(value, where) {
    if (value.length > 63 || !DNS_LABEL.test(value)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(explainDnsLabel(where, value));
    }
    return value;
}
function explainDnsLabel(where, value) {
    return `${where} must be a DNS label (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit), got "${value}".`;
}
function stringMap(value, inputName) {
    let parsed;
    try {
        parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(value);
    }
    catch (error) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input ${inputName} must be a YAML map of strings: ${error.message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input ${inputName} must be a YAML map such as "team: web", got "${value}".`);
    }
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => {
        if (v !== null && typeof v === 'object')
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(explainNestedValue(inputName, k, v));
        return [k, String(v ?? '')];
    }));
}
function explainNestedValue(inputName, key, value) {
    return `Input ${inputName}: the value of "${key}" is a ${Array.isArray(value) ? 'list' : 'map'}; each value must be a string (quote it: ${key}: "…").`;
}
function record(value, where) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where} in the compose file must be a map, got ${describeType(value)}.`);
    }
    return value;
}
function text(value, where) {
    if (typeof value !== 'string' || value.trim() === '') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${where} in the compose file must be a non-empty string, got ${describeType(value)}.`);
    }
    return value.trim();
}
function describeType(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    if (typeof value === 'object')
        return 'a map';
    return `${typeof value} ${JSON.stringify(value)}`;
}


/***/ }),

/***/ 1110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CO: () => (/* binding */ userCredentials),
/* harmony export */   VU: () => (/* binding */ homeKubeconfig),
/* harmony export */   a2: () => (/* binding */ listedKubeconfigs)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Where kubectl finds its kubeconfig when it is given none: the files $KUBECONFIG lists (merged, the
 * first to set a value winning), else ~/.kube/config. Paths only: src/kube/kubeconfig-file.ts reads
 * them for the cluster, src/docker/environment.ts for the credentials compose must not see.
 */
function listedKubeconfigs(env) {
    return env.KUBECONFIG?.split((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter)).filter(Boolean) ?? [];
}
/** ~/.kube/config, the kubeconfig when $KUBECONFIG lists none. */
function homeKubeconfig(env) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(env.HOME ?? node_os__WEBPACK_IMPORTED_MODULE_0___default().homedir(), '.kube', 'config');
}
/** The fields of a kubeconfig user that hold a credential, as the file spells them. */
const USER_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];
/** Of those, the ones that hold a PEM key or certificate in base64. */
const PEM_FIELDS = ['client-key-data', 'client-certificate-data'];
/** The fields of an auth provider's config that hold a credential. */
const AUTH_PROVIDER_FIELDS = ['id-token', 'refresh-token', 'client-secret', 'access-token'];
/**
 * Every credential one user of a kubeconfig carries (its `user` mapping, as the file has it): token,
 * password, client key and certificate data, an auth provider's tokens and secret, and the values an
 * exec plugin gets in its environment. With `decoded`, each key's and certificate's PEM text follows
 * its base64, for a search of values that may hold it decoded.
 */
function userCredentials(user, options = {}) {
    const fields = (typeof user === 'object' && user !== null ? user : {});
    const secrets = [];
    for (const field of USER_FIELDS) {
        const value = fields[field];
        secrets.push(value);
        if (options.decoded && PEM_FIELDS.includes(field) && typeof value === 'string') {
            const pem = Buffer.from(value, 'base64').toString('utf8');
            if (pem.includes('-----BEGIN'))
                secrets.push(pem);
        }
    }
    const provider = fields['auth-provider']
        ?.config;
    for (const field of AUTH_PROVIDER_FIELDS)
        secrets.push(provider?.[field]);
    const exec = fields.exec;
    for (const variable of Array.isArray(exec?.env) ? exec.env : [])
        secrets.push(variable?.value);
    return secrets.filter((s) => typeof s === 'string' && s.length > 0);
}


/***/ }),

/***/ 1601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ DNS_SUBDOMAIN),
/* harmony export */   o: () => (/* binding */ dnsSubdomain)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

/** A DNS subdomain (RFC 1123), the form of most Kubernetes object names. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** `value` when it is a Kubernetes object name; otherwise an error naming `where` (the input or key). */
function dnsSubdomain(value, where) {
    if (value.length > 253 || !DNS_SUBDOMAIN.test(value)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where} must be a Kubernetes object name (lowercase letters, digits, '-' and '.'), got "${value}".`);
    }
    return value;
}


/***/ }),

/***/ 4804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ allowsForkCode),
/* harmony export */   H8: () => (/* binding */ readProjectInputs),
/* harmony export */   S0: () => (/* binding */ readOnFork),
/* harmony export */   UK: () => (/* binding */ readCommand),
/* harmony export */   kb: () => (/* binding */ readTriggers)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _input_parsers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5436);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4692);



/**
 * The inputs a run reads before its compose file, to decide whether and where to read it: the
 * command, whose code a fork's pull request deploys, which pull requests get a preview, the project.
 */
/** Input command, known before the compose file is read. */
function readCommand(input) {
    return (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .oneOf */ .yL)(input('command') ?? 'auto', _settings_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMANDS */ .Lo, 'command');
}
/** Input on-fork: what a fork's pull request, which gets no secrets, does. */
function readOnFork(input) {
    return (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(input('on-fork'), (v) => (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .oneOf */ .yL)(v, ['skip', 'fail'], 'on-fork')) ?? 'skip';
}
/** Input allow-fork-code: deploy another repository's code on events that carry this one's secrets. */
function allowsForkCode(input) {
    return (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(input('allow-fork-code'), (v) => (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zM)(v, 'Input allow-fork-code')) ?? false;
}
/** Inputs drafts and label: which pull requests get a preview, known before the compose file is read. */
function readTriggers(input) {
    return {
        drafts: (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(input('drafts'), (v) => (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .oneOf */ .yL)(v, ['deploy', 'skip'], 'drafts')) ?? 'deploy',
        label: (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .optional */ .lq)(input('label'), _input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .labelName */ ._H),
    };
}
function readProjectInputs(input, cwd) {
    const workingDirectory = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(cwd, input('working-directory') ?? '.');
    const composeFiles = (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .lines */ .Mn)(input('compose-file')).map((f) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workingDirectory, f));
    const allowPaths = (0,_input_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .lines */ .Mn)(input('allow-paths')).map((p) => node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(workingDirectory, p));
    return { workingDirectory, composeFiles, allowPaths };
}


/***/ }),

/***/ 4692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lo: () => (/* binding */ COMMANDS),
/* harmony export */   RV: () => (/* binding */ BUNDLED_TEMPLATES),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
/* harmony export */ });
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);

const COMMANDS = ['auto', 'up', 'down', 'plan', 'doctor', 'cleanup'];
const DEFAULTS = {
    namespace: 'default',
    template: 'default',
    serverSideApply: true,
    storageSize: 5,
    timeoutMs: 5 * 60_000,
    urlTemplate: '{service}-{port}-{id}.{domain}',
    urlTimeoutMs: 2 * 60_000,
    maxTtlMs: 7 * _util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DAY_MS */ .sO,
};
const BUNDLED_TEMPLATES = ['default', 'sysbox'];


/***/ }),

/***/ 2861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ parsePreviewCommand),
/* harmony export */   Eu: () => (/* binding */ parseCommandPermission),
/* harmony export */   II: () => (/* binding */ decideAuto),
/* harmony export */   M0: () => (/* binding */ DEFAULT_COMMAND_PERMISSION),
/* harmony export */   mH: () => (/* binding */ PREVIEW_COMMANDS)
/* harmony export */ });
/* unused harmony export ROLES */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


/** Pull-request actions that (re)deploy: new code, or a pull request that newly wants a preview. */
const DEPLOYS = ['opened', 'reopened', 'synchronize', 'ready_for_review'];
/**
 * `command: auto` for a pull_request event: deploy, tear down, or leave alone. Outside an event (the
 * CLI, workflow_dispatch) it deploys.
 */
function decideAuto(event, triggers) {
    const { action, label } = { action: event.action, label: triggers.label };
    if (action === undefined)
        return { command: 'up' };
    if (action === 'closed')
        return { command: 'down' };
    if (label !== undefined && action === 'unlabeled' && event.changedLabel === label)
        return { command: 'down' };
    const labelled = action === 'labeled' && label !== undefined && event.changedLabel === label;
    if (!DEPLOYS.includes(action) && !labelled) {
        return {
            command: 'skip',
            why: explainIgnoredEvent(action, event.changedLabel),
        };
    }
    if (label !== undefined && !event.labels.includes(label)) {
        return {
            command: 'skip',
            why: `The pull request does not carry the label "${label}" (input label); adding it deploys a preview.`,
        };
    }
    if (event.draft && triggers.drafts === 'skip') {
        return {
            command: 'skip',
            why: 'The pull request is a draft (input drafts is skip); marking it ready for review deploys a preview.',
        };
    }
    return { command: 'up' };
}
function explainIgnoredEvent(action, changedLabel) {
    return `The pull_request event "${action}"${changedLabel ? ` (label "${changedLabel}")` : ''} changes nothing for the preview.`;
}
const PREVIEW_COMMANDS = ['redeploy', 'down', 'extend <duration>', 'wake'];
/**
 * The command a comment gives, from its first line: `/preview redeploy [commit]`, `/preview down`,
 * `/preview extend 2d`, `/preview wake [commit]`. Undefined for a comment that is not a command; a UserError for
 * one that is, but malformed, so its author hears why.
 */
function parsePreviewCommand(body) {
    const first = body.trimStart().split(/\r?\n/, 1)[0].trim();
    const match = /^\/preview(?:\s+(\S+)(?:\s+(\S+))?)?\s*$/.exec(first);
    if (!/^\/preview(\s|$)/.test(first))
        return undefined;
    const usage = `Commands: ${PREVIEW_COMMANDS.map((c) => `/preview ${c}`).join(', ')}.`;
    if (!match || !match[1])
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`That is not a /preview command I know. ${usage}`);
    const [, name, argument] = match;
    if (name === 'extend') {
        if (!argument)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`/preview extend needs a duration, e.g. /preview extend 2d. ${usage}`);
        try {
            return { name, byMs: (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(argument, 'extend', 365 * _util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .DAY_MS */ .sO), text: argument };
        }
        catch {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('/preview extend needs a duration such as 12h, 2d or 1d12h (at most a year).');
        }
    }
    if ((name === 'redeploy' || name === 'wake') && argument !== undefined) {
        // The commit the commenter reviewed: the deploy refuses any other head.
        if (/^[0-9a-f]{7,40}$/i.test(argument))
            return { name, pin: argument.toLowerCase() };
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`/preview ${name} takes the commit to deploy (7 to 40 hex digits), or nothing.`);
    }
    if ((name === 'redeploy' || name === 'down' || name === 'wake') && argument === undefined)
        return { name };
    // The comment's text is not echoed: the reply is posted by this repository's bot.
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`That is not a /preview command I know. ${usage}`);
}
/** GitHub's repository roles, strongest first: what `/preview` commands are granted by. */
const ROLES = ['admin', 'maintain', 'write', 'triage', 'read'];
/** Deploying runs the pull request's code with the cluster's credentials: those who may push may. */
const DEFAULT_COMMAND_PERMISSION = ['admin', 'maintain', 'write'];
/** Author associations: what input command-permission took before roles, refused with the fix. */
const ASSOCIATIONS = [
    'OWNER',
    'MEMBER',
    'COLLABORATOR',
    'CONTRIBUTOR',
    'FIRST_TIME_CONTRIBUTOR',
    'FIRST_TIMER',
];
/** Input command-permission: repository roles separated by commas or newlines, or `none` (commands off). */
function parseCommandPermission(value) {
    const names = value
        .split(/[\s,]+/)
        .map((v) => v.trim())
        .filter(Boolean);
    if (names.length === 1 && names[0].toLowerCase() === 'none')
        return [];
    for (const name of names) {
        if (ASSOCIATIONS.includes(name.toUpperCase()))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(explainAssociationInput(name));
        if (!ROLES.includes(name.toLowerCase()))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(explainUnknownRole(name));
    }
    return names.map((n) => n.toLowerCase());
}
function explainUnknownRole(name) {
    return `Input command-permission: "${name}" is not a repository role; use ${ROLES.join(', ')}, or none to turn comment commands off.`;
}
function explainAssociationInput(name) {
    return `Input command-permission takes repository roles (${ROLES.join(', ')}), not author associations such as "${name}": an organization member or a read-only collaborator cannot push, yet would run the pull request's code with your cluster's credentials. Use e.g. "admin, maintain, write" (the default).`;
}


/***/ }),

/***/ 9658:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ checkoutHead),
/* harmony export */   w: () => (/* binding */ requireWorkingDirectory)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);





/** Input working-directory must be a directory: compose would otherwise fail as if docker were missing. */
function requireWorkingDirectory(dir) {
    let isDirectory = false;
    try {
        isDirectory = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(dir).isDirectory();
    }
    catch {
        // Missing or unreadable: said below.
    }
    if (!isDirectory)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(explainNotADirectory(dir));
}
function explainNotADirectory(dir) {
    return `Input working-directory is ${dir}, which is not a directory here. Point it at the project's directory in the checkout (relative to the workspace), or check out the repository first (actions/checkout).`;
}
/**
 * The commit the workflow checked out around `dir` (`git rev-parse HEAD`), or undefined when `dir` is not
 * in a git checkout. A comment command deploys what is on disk, so this is what was reviewed, not the
 * head the API reports at run time. Git is pointed at the checkout's own `.git`, found by walking up:
 * left to find one itself, git takes a directory whose files look like a bare repository (files a pull
 * request can commit) for one, and would read its config. A `.git` is never a committed path.
 */
async function checkoutHead(dir, signal) {
    const gitDir = enclosingGitDir(dir);
    if (!gitDir)
        return undefined;
    try {
        const { stdout } = await (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', ['--git-dir', gitDir, 'rev-parse', '--verify', 'HEAD'], {
            cwd: dir,
            signal,
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1' },
        });
        return stdout.trim() || undefined;
    }
    catch {
        return undefined;
    }
}
/** The `.git` directory of the checkout `dir` is in (a `.git` file's `gitdir:` for a worktree). */
function enclosingGitDir(dir) {
    for (let at = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(dir);; at = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(at)) {
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(at, '.git');
        try {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(candidate).isDirectory())
                return candidate;
            const link = /^gitdir: (.+)$/m.exec((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(candidate, 'utf8'))?.[1];
            if (link)
                return node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(at, link.trim());
        }
        catch {
            // No .git here: look further up.
        }
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(at) === at)
            return undefined;
    }
}


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ chooseCommand),
  d: () => (/* binding */ skippedOutcome)
});

// EXTERNAL MODULE: ./src/model/ids.ts
var ids = __webpack_require__(995);
// EXTERNAL MODULE: ./src/model/run-inputs.ts
var run_inputs = __webpack_require__(4804);
// EXTERNAL MODULE: ./src/model/trigger.ts
var trigger = __webpack_require__(2861);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/resolve/fork.ts

/** Commands that read the compose file and the template, so the code of the checkout. */
const READS_CODE = ['up', 'plan', 'doctor'];
/**
 * Whose code the checkout holds decides what a run may do with it. A fork's compose file, x-preevy
 * section and template are code (compose `include`s files, a template is a program): a run that holds
 * this repository's credentials never reads them. Deploying, planning and checking a fork's code are
 * refused unless input allow-fork-code says a maintainer reviewed it; `down`, `extend` and `cleanup`
 * work from the labels and annotations the cluster holds.
 */
function checkoutUse(command, context, options) {
    const fork = forkOf(context);
    if (!fork || options.allowForkCode)
        return 'read';
    // On pull_request, GitHub gives a fork's run no secrets: usually there is nothing to act with.
    if (context.fromFork && !options.credentialsAvailable(options.kubeconfig)) {
        const why = `Pull request #${context.prNumber} comes from a fork, and GitHub gives workflows on such pull requests no secrets, so there are no cluster credentials.`;
        if (options.onFork === 'fail' && READS_CODE.includes(command))
            throw new errors/* UserError */.yo(`${why} Input on-fork is fail. See the README on previews of fork pull requests.`);
        options.log.notice(`${why} Skipping the preview (input on-fork is skip).`);
        return 'skip';
    }
    if (READS_CODE.includes(command))
        throw new errors/* UserError */.yo(explainForkRefused(command, fork, context));
    options.log.info(`The checkout holds code from ${fork}: ${command} works from what the cluster records and reads none of it.`);
    return 'records';
}
/** The other repository whose code this run's checkout holds, when it is not this repository's. */
function forkOf(context) {
    return context.foreignCodeWithSecrets ?? (context.fromFork ? 'a fork' : undefined);
}
function explainForkRefused(command, fork, context) {
    const what = command === 'up' ? 'deploy' : command === 'plan' ? 'render and print' : 'check';
    const event = context.eventName ? `${context.eventName} ` : '';
    return `This ${event}run would ${what} code from ${fork}, not from ${context.repository ?? 'this repository'}, with this repository's secrets: the fork's compose file, template and Dockerfiles would run next to your cluster credentials. Use the pull_request event (see the README on fork pull requests), or set input allow-fork-code to true once a maintainer has reviewed that code.`;
}

;// CONCATENATED MODULE: ./src/resolve/choose-command.ts




/**
 * What this run does: a `/preview` comment's command, `auto`'s choice for the pull_request event (drafts,
 * labels, closed), or input command; then, for a fork's code, whether it may be read at all (a compose
 * file is code too: include, env_file; and so is a template).
 */
async function chooseCommand(request) {
    const command = commandOf(request);
    if (command.name === 'skip')
        return { command, checkout: 'skip' };
    return { command, checkout: await checkoutUseOf(command.name, request) };
}
function commandOf({ input, context, commentCommand: comment }) {
    if (comment?.name === 'extend')
        return { name: 'extend', byMs: comment.byMs };
    if (comment?.name === 'down')
        return { name: 'down' };
    if (comment)
        return { name: 'up' };
    const command = (0,run_inputs/* readCommand */.UK)(input);
    if (command === 'auto') {
        const decision = (0,trigger/* decideAuto */.II)(context, (0,run_inputs/* readTriggers */.kb)(input));
        if (decision.command === 'skip')
            return { name: 'skip', why: decision.why };
        return decision.command === 'down' ? { name: 'down' } : { name: 'up' };
    }
    if (command === 'down')
        return { name: 'down' };
    if (command === 'cleanup')
        return { name: 'cleanup' };
    return { name: command };
}
/** Whose code the checkout holds, from inputs alone: nothing of the checkout is read to decide it. */
async function checkoutUseOf(command, request) {
    const { input, context, log } = request;
    if (!forkOf(context))
        return 'read';
    const { credentialsAvailable } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9657));
    const content = input('kubeconfig');
    return checkoutUse(command, context, {
        allowForkCode: (0,run_inputs/* allowsForkCode */.AC)(input),
        onFork: (0,run_inputs/* readOnFork */.S0)(input),
        kubeconfig: content ? { kind: 'content', content } : { kind: 'default' },
        credentialsAvailable: (source) => credentialsAvailable(source, request.env ?? process.env),
        log,
    });
}
/** The outcome of a run that does nothing, with the ids and namespace as far as inputs and the event give them. */
function skippedOutcome(input, context) {
    const envId = input('env-id') ?? (context.prNumber === undefined ? '' : `pr-${context.prNumber}`);
    const id = envId && context.repository ? (0,ids/* resourceId */.a)(context.repository, envId) : '';
    return {
        ids: { envId, id },
        namespace: input('namespace') ?? '',
        project: '',
        timings: {},
        command: 'skipped',
    };
}


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   QA: () => (/* binding */ formatSpan),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   sO: () => (/* binding */ DAY_MS)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/**
 * Parses a duration such as `90s`, `5m`, `1h30m` or a bare number of seconds, into milliseconds.
 * `inputName` is named in the error so the user knows which value to fix.
 */
function parseDuration(text, inputName, maxMs = DAY_MS) {
    // A bare number is seconds.
    const value = /^\d+(\.\d+)?$/.test(text.trim()) ? `${text.trim()}s` : text.trim();
    const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
    const consumed = parts.map((p) => p[0]).join('');
    if (parts.length === 0 || consumed !== value) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input ${inputName} must be a duration such as 90s, 5m or 1h30m (or a number of seconds), got "${text}".`);
    }
    const ms = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * UNIT_MS[unit], 0);
    if (ms <= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input ${inputName} must be longer than zero, got "${text}".`);
    if (ms > maxMs) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input ${inputName} may be at most ${formatLong(maxMs)}, got "${text}".`);
    }
    return Math.round(ms);
}
/** A day: the most a wait (timeout, url-timeout) may last. */
const DAY_MS = 24 * 3_600_000;
function formatLong(ms) {
    return ms % DAY_MS === 0 ? `${ms / DAY_MS}d` : formatDuration(ms);
}
/** A span as people write it for lifetimes: `4h`, `1d12h`, `1h30m` (to the minute). */
function formatSpan(ms) {
    const minutes = Math.round(ms / 60_000);
    const parts = [
        [Math.floor(minutes / 1440), 'd'],
        [Math.floor((minutes % 1440) / 60), 'h'],
        [minutes % 60, 'm'],
    ];
    return (parts
        .filter(([n]) => n > 0)
        .map(([n, unit]) => `${n}${unit}`)
        .join('') || '0m');
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    const seconds = ms / 1000;
    if (seconds < 60)
        return `${seconds.toFixed(1)}s`;
    const minutes = Math.floor(seconds / 60);
    return `${minutes}m${Math.round(seconds - minutes * 60)}s`;
}


/***/ })

};
