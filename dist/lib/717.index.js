export const id = 717;
export const ids = [717];
export const modules = {

/***/ 1670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ docker),
/* harmony export */   U: () => (/* binding */ firstLines)
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
                reject(new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('Docker Compose v2 is required (`docker compose`), but this docker CLI has no compose plugin. Install the docker-compose-plugin package, or put the compose binary in ~/.docker/cli-plugins/docker-compose.'));
            }
            else
                resolve({ code: code ?? 1, stdout, stderr });
        });
    });
}
function firstLines(text, count = 8) {
    return text.trim().split('\n').slice(0, count).join('\n');
}


/***/ }),

/***/ 5097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ loadComposeModel),
/* harmony export */   l: () => (/* binding */ declaredPorts)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1670);


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
 */
async function loadComposeModel(project, environment, signal) {
    const args = ['compose', ...project.composeFiles.flatMap((f) => ['-f', f]), 'config', '--format', 'json'];
    const where = project.composeFiles.length
        ? `compose file ${project.composeFiles.join(', ')}`
        : `a compose file in ${project.workingDirectory}`;
    const result = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T)(args, { cwd: project.workingDirectory, environment, signal });
    if (result.code !== 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Could not read ${where}: ${(0,_cli_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLines */ .U)(result.stderr)}\nSet input compose-file (newline-separated paths) or working-directory to point at the project.`);
    }
    let model;
    try {
        model = JSON.parse(result.stdout);
    }
    catch {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`docker compose config did not print a JSON model for ${where}; is Compose v2 installed?`);
    }
    if (!model.name || typeof model.services !== 'object' || model.services === null) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${where} has no services.`);
    }
    return model;
}


/***/ }),

/***/ 1436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Co: () => (/* binding */ exposureEntries),
/* harmony export */   Dx: () => (/* binding */ htpasswdLine)
/* harmony export */ });
/* unused harmony export hostName */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(995);



const MAX_LABEL = 63;
const HASH_LENGTH = 8;
/**
 * One entry per published TCP port (an Ingress or a browser cannot reach UDP), in a stable order, with
 * the host name `url-template` gives it when exposing through an Ingress.
 */
function exposureEntries(ports, expose, ids) {
    const scheme = expose.tlsSecret ? 'https' : 'http';
    const entries = ports
        .filter((p) => p.protocol === 'tcp')
        .sort((a, b) => a.service.localeCompare(b.service) || a.targetPort - b.targetPort)
        .map((p) => {
        const host = expose.mode === 'ingress'
            ? hostName(expose.urlTemplate, {
                service: p.service,
                port: String(p.targetPort),
                id: ids.id,
                'env-id': ids.envId,
                domain: expose.domain ?? '',
            })
            : undefined;
        return {
            service: p.service,
            port: p.targetPort,
            publishedPort: p.publishedPort,
            portName: `p-${p.publishedPort}`,
            host,
            url: host ? `${scheme}://${host}` : undefined,
        };
    });
    refuseSharedHosts(entries);
    return entries;
}
/** Two ports with one host name would be served by whichever Ingress rule wins: say so instead. */
function refuseSharedHosts(entries) {
    const seen = new Map();
    for (const entry of entries) {
        if (!entry.host)
            continue;
        const other = seen.get(entry.host);
        if (other) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Services ${other.service} (port ${other.port}) and ${entry.service} (port ${entry.port}) would share the host ${entry.host}: service names become DNS labels (lower case, '-' for anything else). Rename one, or put {port} in input url-template.`);
        }
        seen.set(entry.host, entry);
    }
}
/**
 * Fills in url-template and makes each dot-separated part a valid DNS label. Only {domain} may add dots:
 * a dot in any other value (a service `api.v2`) becomes '-', so the host stays under the wildcard. A
 * label longer than 63 characters is cut and ends with a hash of the whole label, so two long names
 * never share a host.
 */
function hostName(template, values) {
    const filled = template.replace(/\{([^}]*)\}/g, (_, name) => name === 'domain' ? (values[name] ?? '') : (values[name] ?? '').replace(/\./g, '-'));
    return filled
        .split('.')
        .map((label) => fitLabel(label))
        .filter(Boolean)
        .join('.');
}
function fitLabel(label) {
    const clean = (0,_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .slug */ .yR)(label);
    if (clean.length <= MAX_LABEL)
        return clean;
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(clean).digest('hex').slice(0, HASH_LENGTH);
    return `${clean.slice(0, MAX_LABEL - HASH_LENGTH - 1).replace(/-+$/, '')}-${hash}`;
}
/** htpasswd's `{SHA}` scheme, which ingress-nginx (and nginx itself) read from an `auth` key. */
function htpasswdLine(user, password) {
    return `${user}:{SHA}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha1').update(password).digest('base64')}`;
}


/***/ }),

/***/ 995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
function environmentId(explicit, prNumber) {
    if (explicit)
        return explicit;
    if (prNumber !== undefined)
        return `pr-${prNumber}`;
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('No environment id: this run is not for a pull_request event. Set input env-id (or pass --env-id to the CLI).');
}
/**
 * Derives the template's `id` from the repository and the environment id. It is a DNS label of at most
 * 48 characters that reads as `<repo>-<env-id>-<hash>`. The hash covers the full repository name and env
 * id, so two repositories sharing a namespace never share an id, however their names are truncated.
 */
function resourceId(repository, envId) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`${repository.toLowerCase()}\n${envId}`)
        .digest('hex')
        .slice(0, HASH_LENGTH);
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
/** Lower case letters, digits and single inner dashes: what a DNS label may hold. */
function slug(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '');
}


/***/ }),

/***/ 8045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ab: () => (/* binding */ identityLabels),
/* harmony export */   BA: () => (/* binding */ EXPOSE_COMPONENT),
/* harmony export */   BC: () => (/* binding */ ANNOTATIONS),
/* harmony export */   H8: () => (/* binding */ refOf),
/* harmony export */   Pb: () => (/* binding */ parseKindKey),
/* harmony export */   Ro: () => (/* binding */ describeRef),
/* harmony export */   YJ: () => (/* binding */ WORKLOAD_KIND_KEYS),
/* harmony export */   _V: () => (/* binding */ kindKey),
/* harmony export */   b6: () => (/* binding */ environmentSelector),
/* harmony export */   ev: () => (/* binding */ annotatedTime),
/* harmony export */   kg: () => (/* binding */ LABELS),
/* harmony export */   qK: () => (/* binding */ DOCKER_HOST_COMPONENT),
/* harmony export */   u: () => (/* binding */ MANAGER)
/* harmony export */ });
function refOf(object) {
    return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name };
}
/** `StatefulSet/web-pr-1`, the way kubectl names an object. */
function describeRef(ref) {
    return `${ref.kind}/${ref.name}`;
}
/** A kind as teardown remembers it: `apps/v1/StatefulSet`, `v1/ConfigMap`. */
function kindKey(ref) {
    return `${ref.apiVersion}/${ref.kind}`;
}
function parseKindKey(key) {
    const at = key.lastIndexOf('/');
    return { apiVersion: key.slice(0, at), kind: key.slice(at + 1) };
}
/** Labels that identify what kube-pod-preview created, and for which environment. */
const LABELS = {
    managedBy: 'app.kubernetes.io/managed-by',
    envId: 'kube-pod-preview/env-id',
    id: 'kube-pod-preview/id',
    component: 'app.kubernetes.io/component',
};
const MANAGER = 'kube-pod-preview';
/** The kinds that may run the Docker server, as kind keys: teardown, cleanup and access checks list both. */
const WORKLOAD_KIND_KEYS = ['apps/v1/StatefulSet', 'apps/v1/Deployment'];
const DOCKER_HOST_COMPONENT = 'docker-host';
/** The component label of the objects that expose the published ports (Services, Ingresses, …). */
const EXPOSE_COMPONENT = 'preview-exposure';
const ANNOTATIONS = {
    repository: 'kube-pod-preview/repository',
    prUrl: 'kube-pod-preview/pr-url',
    sha: 'kube-pod-preview/sha',
    templateHash: 'kube-pod-preview/template-hash',
    deployedAt: 'kube-pod-preview/deployed-at',
    /** On the docker-host workload: every kind the environment's template used, for teardown. */
    kinds: 'kube-pod-preview/kinds',
    /** On the docker-host workload: the kinds the exposure template used, recorded before it applies them. */
    exposureKinds: 'kube-pod-preview/exposure-kinds',
    /** When `cleanup` may remove the environment: the last deploy plus input ttl (or `/preview extend`). */
    expiresAt: 'kube-pod-preview/expires-at',
    /** On the docker-host workload: since when `cleanup` has it scaled to zero (input sleep-after). */
    sleepingSince: 'kube-pod-preview/sleeping-since',
    /** On the docker-host workload: the last deploy's URLs (JSON), for the comment of a sleeping one. */
    urls: 'kube-pod-preview/urls',
};
/** A time an annotation of the object records (deployed-at, expires-at, …); undefined without one. */
function annotatedTime(object, annotation) {
    const at = Date.parse(object.metadata.annotations?.[annotation] ?? '');
    return Number.isNaN(at) ? undefined : new Date(at);
}
/** The labels that identify one environment's objects. Stable across deploys, so fit for selectors. */
function identityLabels(ids) {
    return { [LABELS.managedBy]: MANAGER, [LABELS.envId]: ids.envId, [LABELS.id]: ids.id };
}
/** The label selector that finds every object of one environment. */
function environmentSelector(id) {
    return `${LABELS.managedBy}=${MANAGER},${LABELS.id}=${id}`;
}


/***/ }),

/***/ 7978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gg: () => (/* binding */ buildPlan),
/* harmony export */   RW: () => (/* binding */ buildExposurePlan),
/* harmony export */   _e: () => (/* binding */ dockerHostObject)
/* harmony export */ });
/* unused harmony export CLUSTER_SCOPED_KINDS */
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8045);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


/**
 * Kinds that are not namespaced. A template may not create them: the environment must stay inside its
 * namespace, and its teardown only looks there. Kinds not listed here are checked against the cluster's
 * discovery when applying.
 */
const CLUSTER_SCOPED_KINDS = new Set([
    'APIService',
    'CertificateSigningRequest',
    'ClusterRole',
    'ClusterRoleBinding',
    'ComponentStatus',
    'CSIDriver',
    'CSINode',
    'CustomResourceDefinition',
    'FlowSchema',
    'IngressClass',
    'MutatingWebhookConfiguration',
    'Namespace',
    'Node',
    'PersistentVolume',
    'PodSecurityPolicy',
    'PriorityClass',
    'PriorityLevelConfiguration',
    'RuntimeClass',
    'StorageClass',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
    'ValidatingWebhookConfiguration',
    'VolumeAttachment',
]);
/** The docker-host workload among the plan's objects, as the template rendered it. */
function dockerHostObject(plan) {
    const { kind, name } = plan.dockerHost;
    return plan.objects.find((o) => o.kind === kind && o.metadata.name === name);
}
/**
 * Validates the rendered objects against the kube-pod contract and adds the labels and annotations that
 * let kube-pod-preview find, own and remove them. Pure: the same input gives the same plan.
 */
function buildPlan(rendered, options) {
    const objects = labelObjects(rendered, options, 'template');
    const dockerHost = findDockerHost(objects);
    const kinds = kindsOf(objects);
    dockerHost.metadata.annotations = {
        ...dockerHost.metadata.annotations,
        [_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATIONS */ .BC.kinds]: kinds.join(','),
    };
    // The exposure's Service selects the docker-host pod by this label, whatever the template's own labels.
    const podTemplate = dockerHost.spec
        .template;
    if (podTemplate?.metadata) {
        podTemplate.metadata.labels = {
            ...podTemplate.metadata.labels,
            [_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .LABELS */ .kg.component]: _objects_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCKER_HOST_COMPONENT */ .qK,
        };
    }
    return {
        namespace: options.namespace,
        ids: options.ids,
        objects,
        dockerHost: (0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .refOf */ .H8)(dockerHost),
        kinds,
        warnings: exposedDockerServer(dockerHost),
    };
}
/**
 * A Docker server listening on every address of the pod is open to every pod of the cluster (another
 * pull request's included), without TLS: it should listen on the pod's loopback, where port-forward
 * connects from.
 */
function exposedDockerServer(dockerHost) {
    const spec = dockerHost.spec;
    const container = spec?.template?.spec?.containers?.[0];
    const words = [...(container?.command ?? []), ...(container?.args ?? [])].map(String);
    const open = words.map((w) => /tcp:\/\/(0\.0\.0\.0|\[::\]|)(:\d+)/.exec(w)?.[0]).find(Boolean);
    if (!open)
        return [];
    return [
        `The docker-host container of ${(0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro)((0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .refOf */ .H8)(dockerHost))} runs dockerd, which listens on every address (${open}) without TLS: any pod in the cluster can drive it. Use --host=tcp://127.0.0.1:2375 (port-forward connects from inside the pod) and a readiness probe that asks from inside the pod too, as the bundled templates do.`,
    ];
}
/**
 * The objects of the exposure template (Services, Ingresses, …), held to the same rules as the pod
 * template's and labelled as the environment's exposure, so a redeploy can prune what it no longer needs.
 */
function buildExposurePlan(rendered, options) {
    const objects = labelObjects(rendered, options, 'exposure template', { allowEmpty: true });
    for (const object of objects)
        object.metadata.labels[_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .LABELS */ .kg.component] = _objects_js__WEBPACK_IMPORTED_MODULE_0__/* .EXPOSE_COMPONENT */ .BA;
    return { namespace: options.namespace, ids: options.ids, objects, kinds: kindsOf(objects) };
}
function kindsOf(objects) {
    return [...new Set(objects.map(_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .kindKey */ ._V))].sort();
}
function labelObjects(rendered, options, what, { allowEmpty = false } = {}) {
    if (rendered.objects.length === 0 && !allowEmpty)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The ${what} rendered no objects.`);
    for (const key of Object.keys(options.labels)) {
        if (Object.values(_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .LABELS */ .kg).includes(key)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input labels may not set ${key}: kube-pod-preview sets it to find its objects.`);
        }
    }
    const objects = inNamespace(rendered.objects, options.namespace, what);
    const identity = (0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .identityLabels */ .Ab)(options.ids);
    const annotations = { ...options.annotations, ...provenanceAnnotations(options.provenance, rendered) };
    for (const object of objects) {
        object.metadata.labels = { ...object.metadata.labels, ...options.labels, ...identity };
        object.metadata.annotations = { ...object.metadata.annotations, ...annotations };
        labelNested(object, identity);
    }
    return objects;
}
/** Copies of the objects, each checked to be namespaced, in `namespace`, and there once. */
function inNamespace(rendered, namespace, what) {
    const seen = new Set();
    return rendered.map((original) => {
        const object = structuredClone(original);
        const ref = (0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro)((0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .refOf */ .H8)(object));
        if (CLUSTER_SCOPED_KINDS.has(object.kind)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The ${what} creates ${ref}, which is cluster-scoped. Every object must live in the namespace "${namespace}"; remove it from the ${what} and create it once, outside the preview.`);
        }
        const own = object.metadata.namespace;
        if (own !== undefined && own !== namespace) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The ${what} puts ${ref} in namespace "${String(own)}", but the environment's namespace is "${namespace}". Use {{ namespace }} in the ${what}, or set input namespace.`);
        }
        const key = `${(0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .kindKey */ ._V)(object)}/${object.metadata.name}`;
        if (seen.has(key))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The ${what} creates ${ref} twice.`);
        seen.add(key);
        object.metadata.namespace = namespace;
        return object;
    });
}
function provenanceAnnotations(provenance, rendered) {
    return {
        [_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATIONS */ .BC.repository]: provenance.repository,
        ...(provenance.prUrl ? { [_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATIONS */ .BC.prUrl]: provenance.prUrl } : {}),
        ...(provenance.sha ? { [_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATIONS */ .BC.sha]: provenance.sha } : {}),
        [_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATIONS */ .BC.templateHash]: `sha256:${rendered.templateHash}`,
        [_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATIONS */ .BC.deployedAt]: provenance.deployedAt.toISOString(),
        ...(provenance.expiresAt ? { [_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .ANNOTATIONS */ .BC.expiresAt]: provenance.expiresAt.toISOString() } : {}),
    };
}
function findDockerHost(objects) {
    const workloads = objects.filter((o) => _objects_js__WEBPACK_IMPORTED_MODULE_0__/* .WORKLOAD_KIND_KEYS */ .YJ.includes((0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .kindKey */ ._V)(o)));
    const hosts = workloads.filter((o) => o.metadata.labels?.[_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .LABELS */ .kg.component] === _objects_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCKER_HOST_COMPONENT */ .qK);
    const label = `${_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .LABELS */ .kg.component}: ${_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCKER_HOST_COMPONENT */ .qK}`;
    if (hosts.length !== 1) {
        const found = hosts.length
            ? `found ${hosts.length}: ${hosts.map((o) => (0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro)((0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .refOf */ .H8)(o))).join(', ')}`
            : `found none among ${workloads.length ? workloads.map((o) => (0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro)((0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .refOf */ .H8)(o))).join(', ') : 'no StatefulSet or Deployment at all'}`;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Exactly one StatefulSet or Deployment in the template must carry the label "${label}" (it runs the Docker server); ${found}.`);
    }
    const host = hosts[0];
    const containers = host.spec?.template
        ?.spec?.containers;
    if (!Array.isArray(containers) || containers.length === 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The docker-host ${(0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRef */ .Ro)((0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .refOf */ .H8)(host))} has no containers; its first container must run the Docker server and have tar.`);
    }
    return host;
}
/**
 * Adds the identity labels where Kubernetes copies them to objects it creates for us: pods from pod
 * templates and PersistentVolumeClaims from a StatefulSet's volumeClaimTemplates. Teardown and
 * diagnosis find those by the same labels. Selectors are left alone: changing one is not allowed.
 */
function labelNested(object, identity) {
    const spec = object.spec;
    if (!spec || typeof spec !== 'object')
        return;
    if (spec.template && typeof spec.template === 'object') {
        spec.template.metadata = { ...spec.template.metadata };
        spec.template.metadata.labels = { ...spec.template.metadata.labels, ...identity };
    }
    if (object.kind === 'StatefulSet' && Array.isArray(spec.volumeClaimTemplates)) {
        for (const claim of spec.volumeClaimTemplates) {
            claim.metadata = { ...claim.metadata };
            claim.metadata.labels = { ...claim.metadata.labels, ...identity };
        }
    }
}


/***/ }),

/***/ 4621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ templateArgs),
/* harmony export */   n: () => (/* binding */ exposureTemplateArgs)
/* harmony export */ });
/* harmony import */ var _exposure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1436);
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8045);


function templateArgs(settings, ids, run) {
    return {
        namespace: settings.namespace,
        id: ids.id,
        storageClass: settings.storageClass,
        storageSize: settings.storageSize,
        labels: (0,_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .identityLabels */ .Ab)(ids),
        envId: ids.envId,
        ...run,
        ...settings.pod,
    };
}
function exposureTemplateArgs(namespace, expose, ids, entries) {
    const labels = (0,_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .identityLabels */ .Ab)(ids);
    return {
        namespace,
        id: ids.id,
        envId: ids.envId,
        labels,
        selector: { ...labels, [_objects_js__WEBPACK_IMPORTED_MODULE_1__/* .LABELS */ .kg.component]: _objects_js__WEBPACK_IMPORTED_MODULE_1__/* .DOCKER_HOST_COMPONENT */ .qK },
        expose: expose.mode,
        entries,
        ingressClass: expose.ingressClass,
        tlsSecret: expose.tlsSecret,
        ingressAnnotations: expose.ingressAnnotations,
        basicAuth: expose.basicAuth
            ? {
                secretName: `${ids.id}-basic-auth`,
                htpasswd: (0,_exposure_js__WEBPACK_IMPORTED_MODULE_0__/* .htpasswdLine */ .Dx)(expose.basicAuth.user, expose.basicAuth.password),
            }
            : undefined,
    };
}


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
/* unused harmony export ASSOCIATIONS */
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
            why: `The pull_request event "${action}"${event.changedLabel ? ` (label "${event.changedLabel}")` : ''} changes nothing for the preview.`,
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
const PREVIEW_COMMANDS = ['redeploy', 'down', 'extend <duration>', 'wake'];
/**
 * The command a comment gives, from its first line: `/preview redeploy`, `/preview down`,
 * `/preview extend 2d`, `/preview wake`. Undefined for a comment that is not a command; a UserError for
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
    if ((name === 'redeploy' || name === 'down' || name === 'wake') && argument === undefined)
        return { name };
    // The comment's text is not echoed: the reply is posted by this repository's bot.
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`That is not a /preview command I know. ${usage}`);
}
/** GitHub's author associations, strongest first. */
const ASSOCIATIONS = [
    'OWNER',
    'MEMBER',
    'COLLABORATOR',
    'CONTRIBUTOR',
    'FIRST_TIME_CONTRIBUTOR',
    'FIRST_TIMER',
    'NONE',
];
const DEFAULT_COMMAND_PERMISSION = ['OWNER', 'MEMBER', 'COLLABORATOR'];
/** Input command-permission: associations separated by commas or newlines, or `none` (commands off). */
function parseCommandPermission(value) {
    const names = value
        .split(/[\s,]+/)
        .map((v) => v.trim().toUpperCase())
        .filter(Boolean);
    if (names.length === 1 && names[0] === 'NONE')
        return [];
    for (const name of names) {
        if (!ASSOCIATIONS.includes(name))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Input command-permission: "${name}" is not an author association; use ${ASSOCIATIONS.filter((a) => a !== 'NONE').join(', ')}, or none to turn comment commands off.`);
    }
    return names;
}


/***/ }),

/***/ 2944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AY: () => (/* binding */ renderExposureTemplate),
/* harmony export */   PM: () => (/* binding */ loadTemplate),
/* harmony export */   Xm: () => (/* binding */ renderTemplate)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var nunjucks__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8115);
/* harmony import */ var nunjucks__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(nunjucks__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17);







/** Reads a template by path, or one bundled with the action by name (`default`, `sysbox`). */
function loadTemplate(template) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(template) ? template : bundledTemplatePath(template);
    let source;
    try {
        source = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8');
    }
    catch (error) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`Cannot read the template ${file}: ${error.code ?? error.message}. Set input template (or x-preevy template) to a readable file, or to "default" or "sysbox".`);
    }
    return { path: file, source, hash: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(source).digest('hex') };
}
/** Renders a pod template (Preevy's contract) into its objects. */
function renderTemplate(template, args) {
    return { objects: render(template, args), templateHash: template.hash };
}
/** Renders an exposure template into its objects. */
function renderExposureTemplate(template, args) {
    return { objects: render(template, args), templateHash: template.hash };
}
/** Renders the template and parses every `---`-separated document into an object. */
function render(template, args) {
    const env = new (nunjucks__WEBPACK_IMPORTED_MODULE_4___default().Environment)(new (nunjucks__WEBPACK_IMPORTED_MODULE_4___default().FileSystemLoader)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(template.path)), {
        autoescape: false,
        throwOnUndefined: false,
    });
    let rendered;
    try {
        rendered = new (nunjucks__WEBPACK_IMPORTED_MODULE_4___default().Template)(template.source, env, template.path, true).render({ ...args });
    }
    catch (error) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`The template ${template.path} does not render: ${oneLine(error.message)}`);
    }
    return parseDocuments(rendered, template.path);
}
function parseDocuments(text, where) {
    const objects = [];
    (0,yaml__WEBPACK_IMPORTED_MODULE_5__/* .parseAllDocuments */ .hR)(text).forEach((doc, index) => {
        const position = `document ${index + 1} of the rendered template ${where}`;
        if (doc.errors.length > 0) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`The ${position} is not valid YAML: ${oneLine(doc.errors[0].message)}`);
        }
        const value = doc.toJS();
        if (value === null || value === undefined)
            return; // an empty document, e.g. after a trailing ---
        if (typeof value !== 'object' || Array.isArray(value)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`The ${position} is not a Kubernetes object (a map with apiVersion, kind and metadata).`);
        }
        const object = value;
        const name = object.metadata?.name;
        if (typeof object.apiVersion !== 'string' ||
            typeof object.kind !== 'string' ||
            typeof name !== 'string' ||
            !name) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`The ${position} needs apiVersion, kind and metadata.name.`);
        }
        objects.push(object);
    });
    return objects;
}
/**
 * The directory of the templates that ship with the action. It sits at the repository root: one level
 * above `src/`, two above `src/render/` and `dist/lib/`, three above `lib/src/render/` (the benchmark's
 * and the soak test's compiled sources).
 */
function bundledTemplatePath(name) {
    const here = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url));
    for (const up of ['..', '../..', '../../..']) {
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(here, up, 'templates', `${name}.yaml.njk`);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(candidate))
            return candidate;
    }
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo(`There is no bundled template "${name}"; bundled templates are "default", "sysbox" and (for exposure) "expose".`);
}
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ').trim();
}


/***/ }),

/***/ 6717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

;// CONCATENATED MODULE: ./src/docker/environment.ts
/**
 * Variables of the runner that are the action's, not the project's: its inputs (the kubeconfig and the
 * GitHub token among them), the runner's own tokens, the step state, and the path of a kubeconfig.
 */
const WITHHELD = [/^INPUT_/i, /^ACTIONS_/, /^STATE_/, /^GITHUB_TOKEN$/, /^KUBECONFIG$/];
/** Secrets shorter than this are not looked for inside other values: too likely to match by chance. */
const MIN_SECRET = 8;
/**
 * The environment docker and compose run with: the runner's, less every variable of the action's and
 * every variable that carries one of `secrets` (the kubeconfig, the basic-auth credentials, the GitHub
 * token, however the workflow named them). Variables the workflow sets for the step (`env:`) still
 * reach compose: that is how users pass their own settings to the project.
 */
function projectEnvironment(env, secrets) {
    const values = secrets.filter((s) => s !== undefined && s.trim().length >= MIN_SECRET);
    const kept = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined || WITHHELD.some((pattern) => pattern.test(name)))
            continue;
        if (values.some((secret) => value.includes(secret.trim())))
            continue;
        kept[name] = value;
    }
    return kept;
}

// EXTERNAL MODULE: ./src/docker/model.ts
var docker_model = __webpack_require__(5097);
// EXTERNAL MODULE: ./src/model/ids.ts
var model_ids = __webpack_require__(995);
// EXTERNAL MODULE: ./src/model/trigger.ts
var trigger = __webpack_require__(2861);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/model/names.ts

/** A DNS subdomain (RFC 1123), the form of most Kubernetes object names. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** `value` when it is a Kubernetes object name; otherwise an error naming `where` (the input or key). */
function dnsSubdomain(value, where) {
    if (value.length > 253 || !DNS_SUBDOMAIN.test(value)) {
        throw new errors/* UserError */.yo(`${where} must be a Kubernetes object name (lowercase letters, digits, '-' and '.'), got "${value}".`);
    }
    return value;
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
        priorityClassName: given('priority-class', (v) => dnsSubdomain(v, 'Input priority-class')),
        registryMirrors: given('registry-mirrors', registryMirrors) ?? [],
    };
}
// An image reference (distribution's grammar, loosely): [registry[:port]/]path[:tag][@digest].
const IMAGE = /^[a-zA-Z0-9][a-zA-Z0-9.-]*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;
function imageReference(value) {
    if (value.length > 255 || !IMAGE.test(value)) {
        throw new errors/* UserError */.yo(`Input docker-image must be an image reference such as docker:28-dind or registry.example.com/dind:1@sha256:…, got "${value}".`);
    }
    return value;
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
    const prefixOk = prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix));
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
            throw new errors/* UserError */.yo(`Input registry-mirrors: each line must be the http(s) URL of a host's root, without credentials, such as https://mirror.example.com, got "${line}".`);
        return line;
    });
}

;// CONCATENATED MODULE: ./src/model/settings.ts







const COMMANDS = ['auto', 'up', 'down', 'plan', 'doctor', 'cleanup'];
const DEFAULTS = {
    namespace: 'default',
    template: 'default',
    serverSideApply: true,
    storageSize: 5,
    timeoutMs: 5 * 60_000,
    urlTemplate: '{service}-{port}-{id}.{domain}',
    urlTimeoutMs: 2 * 60_000,
};
function readProjectInputs(input, cwd) {
    const workingDirectory = external_node_path_default().resolve(cwd, input('working-directory') ?? '.');
    const composeFiles = lines(input('compose-file')).map((f) => external_node_path_default().resolve(workingDirectory, f));
    return { workingDirectory, composeFiles };
}
/** The non-empty lines of a newline-separated input. */
function lines(value) {
    return (value ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
/** Input allow-fork-code: deploy another repository's code on events that carry this one's secrets. */
function allowsForkCode(input) {
    return optional(input('allow-fork-code'), (v) => settings_boolean(v, 'Input allow-fork-code')) ?? false;
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
            log.warning(`Ignoring x-preevy ${key} in the compose file: in a workflow the credentials come from input kubeconfig (or $KUBECONFIG) and input context, never from the repository.`);
    }
    return rest;
}
/**
 * Resolves the settings: a built-in default is overridden by the compose file's `x-preevy` section,
 * which is overridden by an input the workflow (or CLI) gave explicitly.
 */
function resolveSettings(input, fromCompose, project) {
    const explicit = {
        namespace: optional(input('namespace'), (v) => dnsLabel(v, 'Input namespace')),
        context: input('context'),
        template: input('template'),
        serverSideApply: optional(input('server-side-apply'), (v) => settings_boolean(v, 'Input server-side-apply')),
        storageClass: optional(input('storage-class'), (v) => dnsSubdomain(v, 'Input storage-class')),
        storageSize: optional(input('storage-size'), (v) => storageSize(v, 'Input storage-size')),
    };
    const kubeconfigContent = input('kubeconfig');
    const pick = (key) => explicit[key] ?? fromCompose[key];
    const template = pick('template') ?? DEFAULTS.template;
    return {
        command: command(input('command') ?? 'auto'),
        kubeconfig: kubeconfigContent
            ? { kind: 'content', content: kubeconfigContent }
            : fromCompose.kubeconfig
                ? {
                    kind: 'file',
                    path: external_node_path_default().resolve(project.workingDirectory, fromCompose.kubeconfig),
                    from: 'x-preevy kubeconfig',
                }
                : { kind: 'default' },
        context: pick('context'),
        namespace: pick('namespace') ?? DEFAULTS.namespace,
        template: BUNDLED_TEMPLATES.includes(template)
            ? template
            : external_node_path_default().resolve(project.workingDirectory, template),
        serverSideApply: pick('serverSideApply') ?? DEFAULTS.serverSideApply,
        storageClass: pick('storageClass'),
        storageSize: pick('storageSize') ?? DEFAULTS.storageSize,
        composeFiles: project.composeFiles,
        workingDirectory: project.workingDirectory,
        allowPaths: lines(input('allow-paths')).map((p) => external_node_path_default().resolve(project.workingDirectory, p)),
        envId: optional(input('env-id'), (v) => dnsLabel(v, 'Input env-id')),
        timeoutMs: optional(input('timeout'), (v) => (0,duration/* parseDuration */.E9)(v, 'timeout')) ?? DEFAULTS.timeoutMs,
        labels: optional(input('labels'), (v) => stringMap(v, 'labels')) ?? {},
        annotations: optional(input('annotations'), (v) => stringMap(v, 'annotations')) ?? {},
        githubToken: input('github-token'),
        pod: podSettings(input),
        expose: exposeSettings(input, project),
        report: {
            comment: optional(input('comment'), (v) => settings_boolean(v, 'Input comment')) ?? true,
            deployment: optional(input('deployment'), (v) => settings_boolean(v, 'Input deployment')) ?? true,
            deploymentEnvironment: input('deployment-environment'),
            primaryService: input('primary-service'),
        },
        onFork: optional(input('on-fork'), (v) => oneOf(v, ['skip', 'fail'], 'on-fork')) ?? 'skip',
        allowForkCode: allowsForkCode(input),
        // An environment may live a year between deploys: longer is surely a typo (and no longer a Date).
        ...pullRequestSettings(input),
        ttlMs: optional(input('ttl'), (v) => (0,duration/* parseDuration */.E9)(v, 'ttl', 365 * duration/* DAY_MS */.sO)),
        sleepAfterMs: optional(input('sleep-after'), (v) => (0,duration/* parseDuration */.E9)(v, 'sleep-after', 365 * duration/* DAY_MS */.sO)),
        dryRun: optional(input('dry-run'), (v) => settings_boolean(v, 'Input dry-run')) ?? false,
    };
}
const URL_PLACEHOLDERS = ['service', 'port', 'id', 'env-id', 'domain'];
function exposeSettings(input, project) {
    const domain = optional(input('domain'), (v) => hostName(v.replace(/^\.+/, ''), 'Input domain'));
    const mode = optional(input('expose'), (v) => oneOf(v, ['ingress', 'loadbalancer', 'none'], 'expose')) ??
        (domain ? 'ingress' : 'none');
    const urlTemplate = input('url-template') ?? DEFAULTS.urlTemplate;
    for (const [, name] of urlTemplate.matchAll(/\{([^}]*)\}/g)) {
        if (!URL_PLACEHOLDERS.includes(name)) {
            throw new errors/* UserError */.yo(`Input url-template has an unknown placeholder {${name}}; it may use ${URL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`);
        }
    }
    if (mode === 'ingress' && !/\{(id|env-id)\}/.test(urlTemplate)) {
        throw new errors/* UserError */.yo('Input url-template must contain {id} or {env-id}: without it every pull request gets the same host names, and one preview answers for all.');
    }
    if (mode === 'ingress' && !domain && urlTemplate.includes('{domain}')) {
        throw new errors/* UserError */.yo('Input expose is ingress, whose host names need input domain (e.g. preview.example.com, with a wildcard DNS record pointing at your ingress controller). Set domain, or set expose to loadbalancer or none.');
    }
    const template = input('expose-template') ?? 'expose';
    return {
        mode,
        domain,
        urlTemplate,
        template: template === 'expose' ? template : external_node_path_default().resolve(project.workingDirectory, template),
        ingressClass: optional(input('ingress-class'), (v) => dnsSubdomain(v, 'Input ingress-class')),
        tlsSecret: optional(input('tls-secret'), (v) => dnsSubdomain(v, 'Input tls-secret')),
        ingressAnnotations: optional(input('ingress-annotations'), (v) => stringMap(v, 'ingress-annotations')) ?? {},
        basicAuth: optional(input('basic-auth'), (v) => basicAuth(v, mode)),
        urlTimeoutMs: optional(input('url-timeout'), (v) => (0,duration/* parseDuration */.E9)(v, 'url-timeout')) ?? DEFAULTS.urlTimeoutMs,
    };
}
function basicAuth(value, mode) {
    const colon = value.indexOf(':');
    if (colon <= 0 || colon === value.length - 1) {
        // The value is a secret: the message must not repeat it.
        throw new errors/* UserError */.yo('Input basic-auth must be "user:password" with a non-empty user and password (pass it from a secret).');
    }
    if (mode !== 'ingress') {
        throw new errors/* UserError */.yo(`Input basic-auth protects URLs through the ingress, but input expose is ${mode}: nothing would ask for the password. Set expose to ingress, or remove basic-auth.`);
    }
    return { user: value.slice(0, colon), password: value.slice(colon + 1) };
}
const BUNDLED_TEMPLATES = ['default', 'sysbox'];
const DRIVER_NAMES = ['kube-pod', 'kube-docker'];
/** Keys of `x-preevy` that belong to Preevy itself, not to a driver: accepted and left alone. */
const PREEVY_KEYS = ['driver', 'drivers', 'plugins', 'plainOutput', 'snapshot', 'observe'];
const OPTION_KEYS = {
    namespace: (v, w) => ({ namespace: dnsLabel(settings_text(v, w), w) }),
    kubeconfig: (v, w) => ({ kubeconfig: settings_text(v, w) }),
    context: (v, w) => ({ context: settings_text(v, w) }),
    template: (v, w) => ({ template: settings_text(v, w) }),
    // Preevy's docs name the template option `pod-template` in places; both spellings mean the same.
    'pod-template': (v, w) => ({ template: settings_text(v, w) }),
    'server-side-apply': (v, w) => ({ serverSideApply: typeof v === 'boolean' ? v : settings_boolean(settings_text(v, w), w) }),
    'storage-class': (v, w) => ({ storageClass: dnsSubdomain(settings_text(v, w), w) }),
    'storage-size': (v, w) => ({ storageSize: storageSize(typeof v === 'number' ? String(v) : settings_text(v, w), w) }),
};
/**
 * Reads the driver options of a compose file's `x-preevy` section. Both forms of Preevy's docs are
 * accepted: options at the top level (`x-preevy: {driver: kube-pod, namespace: …}`) and the driver-scoped
 * form (`x-preevy: {drivers: {kube-pod: {namespace: …}}}`), the latter winning.
 */
function readDriverOptions(xPreevy, log) {
    if (xPreevy === undefined || xPreevy === null)
        return {};
    const section = record(xPreevy, 'x-preevy');
    const options = {};
    for (const [key, value] of Object.entries(section)) {
        if (key in OPTION_KEYS)
            Object.assign(options, OPTION_KEYS[key](value, `x-preevy.${key}`));
        else if (!PREEVY_KEYS.includes(key))
            log.warning(`Ignoring unknown key x-preevy.${key} in the compose file.`);
    }
    if (section.drivers !== undefined) {
        const drivers = record(section.drivers, 'x-preevy.drivers');
        const name = DRIVER_NAMES.find((n) => drivers[n] !== undefined);
        if (name) {
            const where = `x-preevy.drivers.${name}`;
            for (const [key, value] of Object.entries(record(drivers[name], where))) {
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
function optional(value, parse) {
    return value === undefined ? undefined : parse(value);
}
/** Which pull requests get a preview, and who may run /preview commands in their comments. */
function pullRequestSettings(input) {
    // Validated on every run, so that a typo shows on the pull_request run, not on the first command.
    const permission = optional(input('command-permission'), trigger/* parseCommandPermission */.Eu);
    return {
        triggers: {
            drafts: optional(input('drafts'), (v) => oneOf(v, ['deploy', 'skip'], 'drafts')) ?? 'deploy',
            label: optional(input('label'), labelName),
        },
        commandsListed: permission !== undefined && permission.length > 0,
    };
}
/** A GitHub label's name: at most 50 characters, one line. */
function labelName(value) {
    if (value.length > 50 || /[\r\n]/.test(value))
        throw new errors/* UserError */.yo(`Input label must be one label's name (one line, at most 50 characters); got "${value.slice(0, 60)}".`);
    return value;
}
function command(value) {
    return oneOf(value, COMMANDS, 'command');
}
function oneOf(value, allowed, inputName) {
    if (allowed.includes(value))
        return value;
    throw new errors/* UserError */.yo(`Input ${inputName} must be one of ${allowed.join(', ')}; got "${value}".`);
}
function hostName(value, where) {
    const host = value.toLowerCase();
    if (!DNS_SUBDOMAIN.test(host) || host.split('.').some((label) => label.length > 63)) {
        throw new errors/* UserError */.yo(`${where} must be a DNS name such as preview.example.com, got "${value}".`);
    }
    return host;
}
function settings_boolean(value, where) {
    if (/^(true|yes|on|1)$/i.test(value))
        return true;
    if (/^(false|no|off|0)$/i.test(value))
        return false;
    throw new errors/* UserError */.yo(`${where} must be true or false, got "${value}".`);
}
function storageSize(value, where) {
    const size = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(size > 0)) {
        throw new errors/* UserError */.yo(`${where} must be a positive number of GiB (fractions allowed, e.g. 12.5), got "${value}".`);
    }
    return size;
}
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function dnsLabel(value, where) {
    if (value.length > 63 || !DNS_LABEL.test(value)) {
        throw new errors/* UserError */.yo(`${where} must be a DNS label (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit), got "${value}".`);
    }
    return value;
}
function stringMap(value, inputName) {
    let parsed;
    try {
        parsed = (0,dist/* parse */.qg)(value);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`Input ${inputName} must be a YAML map of strings: ${error.message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new errors/* UserError */.yo(`Input ${inputName} must be a YAML map such as "team: web", got "${value}".`);
    }
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
}
function record(value, where) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new errors/* UserError */.yo(`${where} in the compose file must be a map, got ${describeType(value)}.`);
    }
    return value;
}
function settings_text(value, where) {
    if (typeof value !== 'string' || value.trim() === '') {
        throw new errors/* UserError */.yo(`${where} in the compose file must be a non-empty string, got ${describeType(value)}.`);
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

// EXTERNAL MODULE: ./src/model/plan.ts
var model_plan = __webpack_require__(7978);
// EXTERNAL MODULE: ./src/model/template-args.ts
var template_args = __webpack_require__(4621);
// EXTERNAL MODULE: ./src/render/template.ts
var render_template = __webpack_require__(2944);
;// CONCATENATED MODULE: ./src/run/plan.ts




/**
 * What every object of one deploy records: one value, computed once, for the workload and the
 * exposure alike (the same deployed-at and expires-at).
 */
function planOptions(run) {
    const { settings, context } = run;
    const deployedAt = run.now();
    return {
        namespace: settings.namespace,
        ids: run.ids,
        labels: settings.labels,
        annotations: settings.annotations,
        provenance: {
            repository: run.repository,
            prUrl: context.prUrl,
            sha: context.headSha,
            deployedAt,
            expiresAt: settings.ttlMs ? new Date(deployedAt.getTime() + settings.ttlMs) : undefined,
        },
    };
}
/** The environment's objects: its pod template rendered, validated and labelled. */
function planEnvironment(run, options) {
    const template = (0,render_template/* loadTemplate */.PM)(run.settings.template);
    const args = (0,template_args/* templateArgs */.g)(run.settings, run.ids, {
        repository: run.repository,
        prNumber: run.context.prNumber,
        sha: run.context.headSha,
        project: run.model.name,
    });
    const plan = (0,model_plan/* buildPlan */.Gg)((0,render_template/* renderTemplate */.Xm)(template, args), options);
    for (const warning of plan.warnings)
        run.log.warning(warning);
    return plan;
}
/** The plan as multi-document YAML, what `plan` prints. */
function manifestOf(plan) {
    return plan.objects.map((o) => (0,dist/* stringify */.As)(o, { lineWidth: 0 })).join('---\n');
}

// EXTERNAL MODULE: ./src/run/run.ts
var run_run = __webpack_require__(9240);
;// CONCATENATED MODULE: ./src/run/dispatch.ts








/**
 * One run, whichever its entry point: settings → ids → plan, then the command. `plan` prints the plan
 * (`--server`: as the API server would store it); `doctor` asks the cluster what it would make of it;
 * `up` deploys it (preflight → apply → wait → tunnel → sync → compose → expose → report); `down`
 * removes the environment; `cleanup` removes those of closed pull requests and expired ones, and puts
 * idle ones to sleep. A `/preview` comment (issue_comment) runs one of them for its pull request.
 *
 * The Kubernetes and GitHub client libraries are most of the bundle and most of its start-up time, so
 * they are imported only by the commands that talk to a cluster, when they do (`plan` needs neither).
 */
async function runCommand(options) {
    if (options.context.eventName === 'issue_comment' && !options.commentCommand) {
        const { runCommentCommand } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(724)]).then(__webpack_require__.bind(__webpack_require__, 6724));
        return runCommentCommand(options, runCommand);
    }
    const { input, context, log, signal } = options;
    // Before anything reads the fork's files: a compose file is code too (include, env_file).
    refuseForeignCode(input, context, options.commentCommand);
    const env = options.env ?? process.env;
    const now = options.now ?? (() => new Date());
    const timer = new run_run/* PhaseTimer */.x();
    const project = readProjectInputs(input, options.cwd);
    // The runner's environment, less the action's inputs and secrets: compose interpolates from it.
    const projectEnv = projectEnvironment(process.env, secretInputs(input));
    const model = await timer.time('compose config', () => input('command') === 'cleanup'
        ? optionalModel(project, projectEnv, signal, log)
        : (0,docker_model/* loadComposeModel */.M)(project, projectEnv, signal));
    const fromCompose = readDriverOptions(model?.['x-preevy'], log);
    const inWorkflow = env.GITHUB_ACTIONS === 'true';
    const settings = resolveSettings(input, withoutRepositoryCredentials(fromCompose, inWorkflow, log), project);
    for (const secret of [settings.githubToken, settings.expose.basicAuth?.password])
        if (secret)
            log.mask(secret);
    const connect = () => connectTo(settings, { log, env, signal });
    if (settings.command === 'cleanup')
        return runCleanupCommand(settings, model, options, { timer, connect, env, now });
    if (!model)
        throw new Error('Only cleanup runs without a compose project.');
    const run = resolveRun(options, { settings, model, timer, projectEnv, now });
    const common = { ids: run.ids, namespace: settings.namespace, project: model.name, timings: timer.timings };
    const command = chooseCommand(settings, context, options.commentCommand);
    if (command.name === 'skip') {
        log.notice(command.why);
        return { ...common, command: 'skipped' };
    }
    if (command.name !== 'plan' && (await skipFork(settings, context, env, log)))
        return { ...common, command: 'skipped' };
    log.info(`Environment ${run.ids.envId} (id ${run.ids.id}) in namespace ${settings.namespace}: ${command.name}`);
    return { ...common, ...(await execute(run, command, { ...options, env }, connect)) };
}
function chooseCommand(settings, context, comment) {
    if (comment?.name === 'extend')
        return { name: 'extend', byMs: comment.byMs };
    if (comment)
        return { name: comment.name === 'down' ? 'down' : 'up' };
    if (settings.command === 'auto') {
        const decision = (0,trigger/* decideAuto */.II)(context, settings.triggers);
        return decision.command === 'skip' ? { name: 'skip', why: decision.why } : { name: decision.command };
    }
    if (settings.command === 'cleanup')
        throw new Error('cleanup is dispatched before any plan.');
    return { name: settings.command };
}
async function execute(run, command, options, connect) {
    if (command.name === 'down') {
        const { runDown } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(708), __webpack_require__.e(553), __webpack_require__.e(641)]).then(__webpack_require__.bind(__webpack_require__, 3553));
        const client = await connect();
        return runDown(run, client, templateKinds(run), await reportOf(run, options.env));
    }
    if (command.name === 'extend') {
        const { runExtend } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(708), __webpack_require__.e(909)]).then(__webpack_require__.bind(__webpack_require__, 2333));
        return runExtend(run, await connect(), command.byMs, await reportOf(run, options.env));
    }
    // A bad template fails `plan` and `up` before anything touches the cluster.
    const provenance = planOptions(run);
    const plan = planEnvironment(run, provenance);
    if (command.name === 'plan' && !options.planOnServer)
        return { command: 'plan', manifest: manifestOf(plan) };
    if (command.name === 'plan') {
        const { planOnServer } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(708), __webpack_require__.e(750)]).then(__webpack_require__.bind(__webpack_require__, 2738));
        return { command: 'plan', manifest: await planOnServer(run, await connect(), plan, provenance) };
    }
    if (command.name === 'doctor') {
        const { runDoctor } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(708), __webpack_require__.e(750), __webpack_require__.e(646)]).then(__webpack_require__.bind(__webpack_require__, 3646));
        return runDoctor(run, await connect(), plan, provenance);
    }
    const { runUp } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(708), __webpack_require__.e(750), __webpack_require__.e(553), __webpack_require__.e(781)]).then(__webpack_require__.bind(__webpack_require__, 7781));
    const client = await connect();
    return runUp(run, client, plan, provenance, await reportOf(run, options.env));
}
async function runCleanupCommand(settings, model, options, resolved) {
    const { context, log, signal } = options;
    const { timer, env, now } = resolved;
    const cleaned = await timer.time('cleanup', async () => {
        const { runCleanup } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(413), __webpack_require__.e(708), __webpack_require__.e(85), __webpack_require__.e(417)]).then(__webpack_require__.bind(__webpack_require__, 7705));
        const { githubApi } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(85)]).then(__webpack_require__.bind(__webpack_require__, 8085));
        const github = githubApi(settings, context, env);
        return runCleanup(await resolved.connect(), { settings, context, github, log, signal, now });
    });
    const common = { ids: { envId: '*', id: '*' }, namespace: settings.namespace, project: model?.name ?? '' };
    return { ...common, command: 'cleanup', cleaned, timings: timer.timings };
}
async function connectTo(settings, options) {
    const { KubeClient } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(708), __webpack_require__.e(977)]).then(__webpack_require__.bind(__webpack_require__, 4708));
    return KubeClient.connect(settings.kubeconfig, settings.context, settings.namespace, options);
}
/** The pull request's comment and deployment for `up` and `down`, when the run has them. */
async function reportOf(run, env) {
    const { githubApi, reportFor } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(85)]).then(__webpack_require__.bind(__webpack_require__, 8085));
    const { settings, context } = run;
    return reportFor(githubApi(settings, context, env), settings, run.ids, context.prNumber, context, run.log);
}
/**
 * `cleanup` works on a whole namespace and may run on a schedule without a compose project: it reads
 * one when compose finds it (its x-preevy may name the namespace), and goes on without one otherwise.
 */
async function optionalModel(project, projectEnv, signal, log) {
    try {
        return await (0,docker_model/* loadComposeModel */.M)(project, projectEnv, signal);
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        log.info(`No compose project (${error.message.split('\n')[0]}); cleaning up input namespace.`);
        return undefined;
    }
}
function resolveRun(options, resolved) {
    const { context } = options;
    const { settings, model } = resolved;
    const repository = context.repository ?? `local/${model.name}`;
    const envId = (0,model_ids/* environmentId */.Xo)(settings.envId, context.prNumber);
    const ids = { envId, id: (0,model_ids/* resourceId */.a)(repository, envId) };
    return {
        ...resolved,
        context,
        repository,
        ids,
        log: options.log,
        signal: options.signal,
        checkpoint: options.checkpoint ?? (() => { }),
    };
}
/** The values of the inputs that carry credentials, to be kept out of the compose project's reach. */
function secretInputs(input) {
    const basicAuth = input('basic-auth');
    return [input('kubeconfig'), input('github-token'), basicAuth, basicAuth?.split(':').slice(1).join(':')];
}
/** A fork's pull request gets no secrets, so no credentials: skip with a notice, or fail (input on-fork). */
async function skipFork(settings, context, env, log) {
    if (!context.fromFork)
        return false;
    const { credentialsAvailable } = await Promise.all(/* import() */[__webpack_require__.e(10), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 2095));
    if (credentialsAvailable(settings.kubeconfig, env))
        return false;
    const why = `Pull request #${context.prNumber} comes from a fork, and GitHub gives workflows on such pull requests no secrets, so there are no cluster credentials.`;
    if (settings.onFork === 'fail') {
        throw new errors/* UserError */.yo(`${why} Input on-fork is fail. See the README on previews of fork pull requests.`);
    }
    log.notice(`${why} Skipping the preview (input on-fork is skip).`);
    return true;
}
/**
 * pull_request_target and workflow_run give the run this repository's secrets whoever wrote the code:
 * deploying a fork's compose file and Dockerfiles then runs them next to the cluster credentials.
 */
function refuseForeignCode(input, context, comment) {
    const foreign = context.foreignCodeWithSecrets;
    const command = input('command') ?? 'auto';
    const deploys = comment
        ? comment.name === 'redeploy' || comment.name === 'wake'
        : command === 'up' || (command === 'auto' && context.action !== 'closed');
    if (!foreign || !deploys || allowsForkCode(input))
        return;
    throw new errors/* UserError */.yo(`This ${context.eventName} run would deploy code from ${foreign}, not from ${context.repository ?? 'this repository'}, with this repository's secrets: the fork's compose file and Dockerfiles would run next to your cluster credentials. Use the pull_request event (see the README on fork pull requests), or set input allow-fork-code to true once a maintainer has reviewed that code.`);
}
/**
 * The kinds the current template uses, for teardown. Teardown must work even when the template no
 * longer renders: it then relies on what the deploy recorded on the docker-host workload.
 */
function templateKinds(run) {
    try {
        return planEnvironment(run, planOptions(run)).kinds;
    }
    catch (error) {
        run.log.warning(`The template does not render (${(0,errors/* describeError */.Uc)(error)}); removing what the last deploy recorded.`);
        return [];
    }
}


/***/ }),

/***/ 9240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ holderOf),
/* harmony export */   x: () => (/* binding */ PhaseTimer)
/* harmony export */ });
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
/** Who holds a lease, as other runs see it while they wait: the workflow run's URL when there is one. */
function holderOf(context) {
    return context.runUrl ?? 'the kube-pod-preview CLI';
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
