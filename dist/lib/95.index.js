export const id = 95;
export const ids = [95];
export const modules = {

/***/ 2095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   credentialsAvailable: () => (/* binding */ credentialsAvailable),
/* harmony export */   u: () => (/* binding */ loadKubeConfig)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7010);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _model_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1110);
/* harmony import */ var _kubeconfig_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9657);






/**
 * Every credential the kubeconfig's users carry (see userCredentials), or `only` that user's. Read from
 * the users as the client library holds them, so a token it read from a token file is one too.
 */
function credentialsOf(kc, only) {
    const users = JSON.parse(kc.exportConfig()).users;
    const chosen = only === undefined ? users : only ? users.filter((u) => u.name === only.name).slice(0, 1) : [];
    return chosen.flatMap((u) => (0,_model_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .userCredentials */ .CO)(u.user));
}
/**
 * Loads cluster credentials: the `kubeconfig` input's content, else a path from `x-preevy`, else
 * `$KUBECONFIG`, `~/.kube/config`, and finally the in-cluster service account. Every secret in it is
 * masked before anything can print it.
 */
function loadKubeConfig(source, context, log, env = process.env) {
    const kc = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_2__/* .KubeConfig */ .ypW();
    const origin = load(kc, source, env);
    for (const secret of credentialsOf(kc))
        log.mask(secret);
    if (context) {
        if (!kc.getContextObject(context)) {
            const known = kc.getContexts().map((c) => c.name);
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Input context "${context}" is not in ${origin}; it has ${known.length ? known.map((n) => `"${n}"`).join(', ') : 'no contexts'}.`);
        }
        kc.setCurrentContext(context);
    }
    const cluster = currentCluster(kc, origin);
    // Without credentials (kubectl proxy) plain HTTP is harmless, but the client library takes it only with TLS checks off.
    const withCredentials = credentialsOf(kc, kc.getCurrentUser()).length > 0;
    if (/^http:\/\//i.test(cluster.server) && (withCredentials || !cluster.skipTLSVerify)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`The cluster server in ${origin} is ${cluster.server}: plain HTTP would send the credentials in clear (skipping TLS verification changes nothing there). Use the API server's https:// address.`);
    }
    if (cluster.skipTLSVerify && withCredentials) {
        log.warning(`${capitalize(origin)} sets insecure-skip-tls-verify for ${cluster.server}: anyone between this runner and the API server can read the credentials. Give the cluster's certificate-authority-data instead.`);
    }
    return kc;
}
/** The current context's cluster, or an error that says what the file lacks. */
function currentCluster(kc, origin) {
    if (kc.clusters.length === 0 || kc.getContexts().length === 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${capitalize(origin)} has no ${kc.clusters.length === 0 ? 'clusters' : 'contexts'}: is it a kubeconfig? Give a whole kubeconfig file (clusters, users, contexts and current-context), e.g. from a secret: kubeconfig: \${{ secrets.KUBECONFIG }}.`);
    }
    const context = kc.getCurrentContext();
    if (!context) {
        const known = kc.getContexts().map((c) => `"${c.name}"`);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${capitalize(origin)} has no current-context. Set input context to one of its contexts: ${known.join(', ')}.`);
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${capitalize(origin)} names no cluster for context "${context}". Set input context to one of its contexts.`);
    }
    return cluster;
}
function load(kc, source, env) {
    const parse = (origin, fn) => {
        try {
            fn();
        }
        catch (error) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${capitalize(origin)} is not a valid kubeconfig: ${error.message.split('\n')[0]}. Give the whole file, e.g. from a secret: kubeconfig: \${{ secrets.KUBECONFIG }}.`);
        }
        return origin;
    };
    switch (source.kind) {
        case 'content':
            return parse('the kubeconfig input', () => kc.loadFromString(source.content));
        case 'file': {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(source.path))
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`The ${source.from} file ${source.path} does not exist.`);
            const origin = `the kubeconfig file ${source.path} (${source.from})`;
            const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(source.path, 'utf8');
            // Before loading: the client library reads a token-file while it loads.
            refuseRunnerAccess((0,_kubeconfig_file_js__WEBPACK_IMPORTED_MODULE_5__/* .parseKubeconfig */ .DU)(text), origin);
            return parse(origin, () => loadText(kc, source.path, text));
        }
        case 'default':
            return loadDefault(kc, env, parse);
    }
}
/** `$KUBECONFIG`'s files, else `~/.kube/config`, else the in-cluster service account (see load). */
function loadDefault(kc, env, parse) {
    const found = (0,_kubeconfig_file_js__WEBPACK_IMPORTED_MODULE_5__/* .findDefaultKubeconfig */ .Mf)(env);
    if (found.from === 'KUBECONFIG') {
        const { listed, files } = found;
        if (files.length === 0)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`KUBECONFIG names ${listed.join(', ')}; none of them exists.`);
        // Like kubectl: the first file gives the current context, the others add to it.
        return parse(`the kubeconfig from KUBECONFIG (${listed.join((node_path__WEBPACK_IMPORTED_MODULE_1___default().delimiter))})`, () => {
            loadFile(kc, files[0]);
            for (const file of files.slice(1)) {
                const other = new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_2__/* .KubeConfig */ .ypW();
                loadFile(other, file);
                mergeFirstWins(kc, other);
            }
        });
    }
    if (found.from === 'home')
        return parse(`the kubeconfig file ${found.file}`, () => loadFile(kc, found.file));
    if (found.from === 'in-cluster' && (0,_kubeconfig_file_js__WEBPACK_IMPORTED_MODULE_5__/* .inClusterCredentials */ .ez)(env)) {
        kc.loadFromCluster();
        return 'the in-cluster service account';
    }
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('No cluster credentials: set input kubeconfig to the content of a kubeconfig file (from a secret), or provide $KUBECONFIG or ~/.kube/config.');
}
/** The client library's loadFromFile, from a text already read: relative paths are the file's. */
function loadText(kc, file, text) {
    kc.loadFromString(text);
    kc.makePathsAbsolute(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(file));
}
function loadFile(kc, file) {
    loadText(kc, file, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
}
/**
 * kubectl's merge of KUBECONFIG's files: the first file to set the current context, or to define a
 * cluster, user or context of a name, wins. The client library's own merge lets the last file's current
 * context win and refuses a name two files define.
 */
function mergeFirstWins(kc, other) {
    if (!kc.currentContext && other.currentContext)
        kc.setCurrentContext(other.currentContext);
    const missing = (mine, theirs) => theirs.filter((t) => !mine.some((m) => m.name === t.name));
    for (const cluster of missing(kc.clusters, other.clusters))
        kc.addCluster(cluster);
    for (const user of missing(kc.users, other.users))
        kc.addUser(user);
    for (const context of missing(kc.contexts, other.contexts))
        kc.addContext(context);
}
/**
 * A kubeconfig from a path in the repository may not make the runner run a command or read its files
 * (and send them to a server the file names): no exec plugin, token file or auth provider command.
 */
function refuseRunnerAccess(parsed, origin) {
    // One that does not parse: loading says what is wrong with it.
    const users = (parsed?.users ?? []);
    for (const { name, user } of Array.isArray(users) ? users : []) {
        const provider = user?.['auth-provider'];
        const what = user?.exec
            ? 'an exec plugin'
            : user?.['token-file'] || user?.tokenFile
                ? 'a token file'
                : provider?.config?.['cmd-path']
                    ? "an auth provider's command"
                    : undefined;
        if (what) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`${capitalize(origin)} gives user ${name ?? '?'} ${what}, which runs or reads something on the runner. Such a kubeconfig is taken only from input kubeconfig or $KUBECONFIG, not from a path in the repository.`);
        }
    }
}
function capitalize(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}
/**
 * Whether any cluster credentials are within reach, without loading them: false on a pull request from
 * a fork, where the workflow gets no secrets and the runner has no kubeconfig of its own.
 */
function credentialsAvailable(source, env = process.env) {
    if (source.kind !== 'default')
        return true;
    // Not findDefaultKubeconfig: a KUBECONFIG naming no file that exists leaves ~/.kube/config in reach.
    if ((0,_model_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .listedKubeconfigs */ .a2)(env).some((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f)))
        return true;
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,_model_kubeconfig_js__WEBPACK_IMPORTED_MODULE_4__/* .homeKubeconfig */ .VU)(env)) || (0,_kubeconfig_file_js__WEBPACK_IMPORTED_MODULE_5__/* .inClusterCredentials */ .ez)(env);
}


/***/ })

};
