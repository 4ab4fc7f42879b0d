export const id = 987;
export const ids = [987];
export const modules = {

/***/ 1436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Co: () => (/* binding */ exposureEntries),
/* harmony export */   Dx: () => (/* binding */ htpasswdLine),
/* harmony export */   SC: () => (/* binding */ basicAuthSecretName)
/* harmony export */ });
/* unused harmony export hostName */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(995);



const MAX_LABEL = 63;
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
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(explainSharedHost(other, entry));
        }
        seen.set(entry.host, entry);
    }
}
function explainSharedHost(other, entry) {
    return `Services ${other.service} (port ${other.port}) and ${entry.service} (port ${entry.port}) would share the host ${entry.host}: service names become DNS labels (lower case, '-' for anything else). Rename one, or put {port} in input url-template.`;
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
    const hash = (0,_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .shortHash */ .BC)(clean);
    return `${clean.slice(0, MAX_LABEL - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
/** The Secret the exposure makes for input basic-auth: the environment's, but holding the workflow's password. */
function basicAuthSecretName(id) {
    return `${id}-basic-auth`;
}
/** htpasswd's `{SHA}` scheme, which ingress-nginx (and nginx itself) read from an `auth` key. */
function htpasswdLine(user, password) {
    return `${user}:{SHA}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha1').update(password).digest('base64')}`;
}


/***/ }),

/***/ 522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _U: () => (/* binding */ isIngress),
/* harmony export */   gv: () => (/* binding */ isWorkload),
/* harmony export */   j_: () => (/* binding */ isClaim),
/* harmony export */   kd: () => (/* binding */ isService)
/* harmony export */ });
/* harmony import */ var _objects_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8045);

function isWorkload(object) {
    return _objects_js__WEBPACK_IMPORTED_MODULE_0__/* .WORKLOAD_KIND_KEYS */ .YJ.includes((0,_objects_js__WEBPACK_IMPORTED_MODULE_0__/* .kindKey */ ._V)(object));
}
function isService(object) {
    return object.kind === 'Service';
}
function isIngress(object) {
    return object.kind === 'Ingress';
}
function isClaim(object) {
    return object.kind === 'PersistentVolumeClaim';
}


/***/ }),

/***/ 7409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RW: () => (/* binding */ buildExposurePlan),
  Gg: () => (/* binding */ buildPlan),
  _e: () => (/* binding */ dockerHostObject)
});

// UNUSED EXPORTS: CLUSTER_SCOPED_KINDS

// EXTERNAL MODULE: ./src/model/objects.ts
var model_objects = __webpack_require__(8045);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/model/plan-messages.ts

/** What the plan's checks tell a template's author, each with what to do. */
function explainOpenDockerServer(ref, open) {
    return `The docker-host container of ${ref} runs dockerd, which listens on every address (${open}) without TLS: any pod in the cluster can drive it. Use --host=tcp://127.0.0.1:2375 (port-forward connects from inside the pod) and a readiness probe that asks from inside the pod too, as the bundled templates do.`;
}
function explainClusterScoped(what, ref, namespace) {
    return `The ${what} creates ${ref}, which is cluster-scoped. Every object must live in the namespace "${namespace}"; remove it from the ${what} and create it once, outside the preview.`;
}
function explainOtherNamespace(what, ref, own, namespace) {
    return `The ${what} puts ${ref} in namespace "${own}", but the environment's namespace is "${namespace}". Use {{ namespace }} in the ${what}, or set input namespace.`;
}
function explainOwnLeaseName(what, ref) {
    return `The ${what} creates ${ref}: names of Leases starting with ${model_objects/* LEASE_PREFIX */.O$} are kube-pod-preview's own (the lease that lets one run at a time change an environment). Rename it: put {{ id }} in its name, without that prefix.`;
}
function explainNameWithoutId(what, ref, id, name) {
    return `The ${what} creates ${ref}, whose name does not contain the environment's id (${id}): every pull request's environment would create the same object, and one could take over or lock out another. Put {{ id }} in its name, e.g. name: {{ id }}-${name}.`;
}
function explainDockerHostCount(label, found) {
    return `Exactly one StatefulSet or Deployment in the template must carry the label "${label}" (it runs the Docker server); ${found}.`;
}
function explainNoContainers(ref) {
    return `The docker-host ${ref} has no containers; its first container must run the Docker server and have tar.`;
}

// EXTERNAL MODULE: ./src/model/kinds.ts
var kinds = __webpack_require__(522);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/model/exposure.ts
var exposure = __webpack_require__(1436);
;// CONCATENATED MODULE: ./src/model/spec-walk.ts
/** The mapping at `path` under `value`; undefined when any step is missing or not a mapping. */
function dig(value, ...path) {
    let current = value;
    for (const key of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[key];
    }
    return current !== null && typeof current === 'object' ? current : undefined;
}
/** The mappings of a list; an empty list for anything else. */
function list(value) {
    return Array.isArray(value)
        ? value.filter((v) => v !== null && typeof v === 'object')
        : [];
}
/** A list's items as strings; an empty list for anything else. */
function strings(value) {
    return Array.isArray(value) ? value.map(String) : [];
}

;// CONCATENATED MODULE: ./src/model/pod-reach.ts



/**
 * The volume types a pull request's pod may mount: its own claims and Secrets, the namespace's ConfigMaps
 * (a template's Role may read them anyway), and what the pod makes itself. Others reach the node
 * (hostPath), a credential named in the volume (csi, azureFile, cephfs, rbd, flexVolume) or storage
 * outside the cluster (nfs, iscsi): refused, not filtered.
 */
const VOLUME_TYPES = [
    'configMap',
    'secret',
    'emptyDir',
    'persistentVolumeClaim',
    'projected',
    'downwardAPI',
    'ephemeral',
];
/** Pod fields that put the pod on the node's own network, processes or IPC, or on a node of its choosing. */
const NODE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'];
/**
 * What a pod (of a Pod, a workload's template, a CronJob's job template), a claim, or a ServiceAccount
 * reaches: only its environment's ServiceAccount, Secrets and claims, on a node the scheduler picks.
 */
function podReach(reach) {
    const { object, at } = reach;
    const spec = podSpecOf(object);
    if (spec)
        podSpecReach(spec, reach);
    if (object.kind === 'PersistentVolumeClaim')
        claimReach(dig(object, 'spec'), 'spec', reach);
    if (object.kind === 'StatefulSet')
        for (const template of list(dig(object, 'spec')?.volumeClaimTemplates))
            claimReach(dig(template, 'spec'), 'spec.volumeClaimTemplates[].spec', reach);
    if (object.kind === 'ServiceAccount') {
        const record = object;
        for (const secret of list(record.imagePullSecrets))
            at('imagePullSecrets[].name', secret.name);
        for (const secret of list(record.secrets))
            at('secrets[].name', secret.name);
    }
}
/** The pod spec of a Pod, a workload's template, or a CronJob's job template. */
function podSpecOf(object) {
    const spec = object.spec;
    if (object.kind === 'Pod')
        return spec;
    if (object.kind === 'CronJob')
        return dig(spec, 'jobTemplate', 'spec', 'template', 'spec');
    return dig(spec, 'template', 'spec');
}
/** The pod fields that say where it runs, with the input a workflow says it with. */
const PLACEMENT = {
    nodeSelector: 'node-selector',
    tolerations: 'tolerations',
    priorityClassName: 'priority-class',
};
/**
 * Where the pod runs is the workflow's to say: a pull request that tolerates the control plane's taint
 * and selects its nodes would run a privileged Docker server there. A template renders the inputs'
 * values ({{ nodeSelector | dump }}, …); its own, a node affinity or another scheduler are refused.
 */
function placementReach(spec, { allowance, refuse }) {
    for (const [field, input] of Object.entries(PLACEMENT)) {
        const given = allowance.placement?.[field];
        // Left out, tolerations and a priority only narrow; a node selector left out widens the pool.
        const required = field === 'nodeSelector' && given !== undefined;
        if ((spec[field] !== undefined || required) && !(0,external_node_util_.isDeepStrictEqual)(spec[field], given))
            refuse(`spec.${field}`, `is not what input ${input} gives: where the preview's pods run is the workflow's to say. Set input ${input} and render {{ ${field} | dump }}, or leave it out.`);
    }
    if (dig(spec, 'affinity', 'nodeAffinity') !== undefined)
        refuse('spec.affinity.nodeAffinity', "is set: where the pods run is the workflow's to say (input node-selector).");
    if (spec.schedulerName !== undefined && spec.schedulerName !== 'default-scheduler')
        refuse('spec.schedulerName', `is "${String(spec.schedulerName)}": the pod would be placed by another scheduler. Leave it out.`);
}
function podSpecReach(spec, reach) {
    const { at, refuse, ids } = reach;
    placementReach(spec, reach);
    // The Secret the exposure makes for basic auth carries the id, but holds the workflow's password.
    const secretAt = (field, name) => {
        if (name === (0,exposure/* basicAuthSecretName */.SC)(ids.id))
            refuse(field, `is "${name}", the basic-auth Secret the action makes from input basic-auth. Leave it out.`);
        at(field, name);
    };
    for (const field of ['serviceAccountName', 'serviceAccount'])
        if (spec[field] !== 'default')
            at(`spec.${field}`, spec[field]);
    if (spec.nodeName !== undefined)
        refuse('spec.nodeName', 'is set: the pod would skip the scheduler and its taints. Leave it out.');
    for (const field of NODE_FIELDS)
        if (spec[field] === true)
            refuse(`spec.${field}`, "is true: the pod would share the node's own. Leave it out.");
    for (const secret of list(spec.imagePullSecrets))
        secretAt('spec.imagePullSecrets[].name', secret.name);
    for (const volume of list(spec.volumes))
        volumeReach(volume, reach, secretAt);
    for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
        for (const container of list(spec[key])) {
            for (const variable of list(container.env))
                secretAt(`${key}[].env[].valueFrom.secretKeyRef.name`, dig(variable, 'valueFrom', 'secretKeyRef')?.name);
            for (const source of list(container.envFrom))
                secretAt(`${key}[].envFrom[].secretRef.name`, dig(source, 'secretRef')?.name);
        }
    }
}
function volumeReach(volume, reach, secretAt) {
    // Every key: one set to null reads as unset to Kubernetes, and must not hide the one that is not.
    for (const type of Object.keys(volume).filter((key) => key !== 'name' && !VOLUME_TYPES.includes(key)))
        reach.refuse(`volumes[].${type}`, `is a volume type a template from the pull request may not mount: only ${VOLUME_TYPES.join(', ')}.`);
    secretAt('volumes[].secret.secretName', dig(volume, 'secret')?.secretName);
    reach.at('volumes[].persistentVolumeClaim.claimName', dig(volume, 'persistentVolumeClaim')?.claimName);
    for (const source of list(dig(volume, 'projected')?.sources))
        secretAt('volumes[].projected.sources[].secret.name', dig(source, 'secret')?.name);
    claimReach(dig(volume, 'ephemeral', 'volumeClaimTemplate', 'spec'), 'volumes[].ephemeral…spec', reach);
}
/** A claim starts empty or from its environment's own data, and binds the volume the cluster provisions. */
function claimReach(spec, field, { at, refuse }) {
    if (!spec)
        return;
    for (const source of ['dataSource', 'dataSourceRef']) {
        at(`${field}.${source}.name`, dig(spec, source)?.name);
        if (dig(spec, source)?.namespace !== undefined)
            refuse(`${field}.${source}.namespace`, 'is set: a claim copies only its own namespace’s data. Leave it out.');
    }
    if (spec.volumeName !== undefined)
        refuse(`${field}.volumeName`, `is "${String(spec.volumeName)}": the claim would bind a volume of its choosing (another environment's data). Leave it out.`);
}

;// CONCATENATED MODULE: ./src/model/rbac-reach.ts

/**
 * A template's RoleBinding binds its own Role to its own ServiceAccounts, never a ClusterRole nor a
 * ServiceAccount of another namespace.
 */
function roleBindingReach({ object, at, refuse }) {
    const record = object;
    const roleRef = dig(record, 'roleRef');
    if (roleRef?.kind !== 'Role')
        at('roleRef (a ClusterRole)', `${String(roleRef?.kind)}/${String(roleRef?.name)}`);
    at('roleRef.name', roleRef?.name);
    for (const subject of list(record.subjects)) {
        if (subject.kind !== 'ServiceAccount')
            at('subjects[] (not a ServiceAccount)', `${String(subject.kind)}/${String(subject.name)}`);
        at('subjects[].name', subject.name);
        if (subject.namespace !== undefined && subject.namespace !== object.metadata.namespace)
            refuse('subjects[].namespace', `is "${String(subject.namespace)}": a template binds only ServiceAccounts of its own namespace. Leave it out.`);
    }
}
const READ_VERBS = ['get', 'list', 'watch'];
/**
 * A template's Role may read what the namespace holds, but not its Secrets, and change nothing. No
 * subresource: exec, attach and port-forward are WebSocket upgrades of a GET, authorized as `get` before
 * Kubernetes 1.35, so `get` on pods/exec is a shell in every pod of the namespace.
 */
function roleRulesReach({ object, refuse }) {
    for (const rule of list(object.rules)) {
        const verbs = strings(rule.verbs);
        const resources = strings(rule.resources);
        const granted = [
            ...verbs.filter((v) => !READ_VERBS.includes(v)),
            ...resources.filter((r) => r === '*' || r === 'secrets' || r.startsWith('serviceaccounts') || r.includes('/')),
        ];
        if (granted.length > 0)
            refuse('rules', `grant ${granted.map((v) => `"${v}"`).join(', ')}: a template's Role may only read (get, list, watch) resources, never subresources (pods/exec is a shell in every pod), Secrets or ServiceAccounts, or the pull request's code would gain what the action's identity holds. Narrow its rules.`);
    }
}

;// CONCATENATED MODULE: ./src/model/reach.ts


function reachOf(object, ids, what, allowance = {}) {
    const refuse = (field, why) => {
        throw new errors/* UserError */.yo(`The ${what} creates ${(0,model_objects/* describeRef */.Ro)((0,model_objects/* refOf */.H8)(object))}, whose ${field} ${why}`);
    };
    const at = (field, name) => {
        if (typeof name === 'string' && !name.includes(ids.id))
            refuse(field, `is "${name}", which is not this environment's (its name does not contain ${ids.id}): the preview's code would run with, or read, what belongs to the namespace, another environment or the action itself. Refer only to objects the template creates ({{ id }}-…), or leave the field out.`);
    };
    return { object, ids, what, allowance, at, refuse };
}

;// CONCATENATED MODULE: ./src/model/route-reach.ts


/**
 * The annotations a pull request's Ingress may carry besides the workflow's: the basic auth of the
 * bundled exposure template (its Secret is the environment's). Every other annotation configures the
 * controller that serves every namespace (server-alias serves another host, snippets rewrite its
 * configuration, auth-url makes it fetch any address): refused, not filtered.
 */
const INGRESS_ANNOTATIONS = new Map([
    ['nginx.ingress.kubernetes.io/auth-type', (value) => value === 'basic'],
    ['nginx.ingress.kubernetes.io/auth-secret', (value, id) => value === (0,exposure/* basicAuthSecretName */.SC)(id)],
    ['nginx.ingress.kubernetes.io/auth-realm', () => true],
]);
/** An Ingress or route from a pull request serves only its environment's hosts, through its own Services. */
function routeReach(reach) {
    const { object, ids, refuse, allowance } = reach;
    const host = (field, name) => {
        if (typeof name === 'string' && ((allowance.hosts ?? []).includes(name) || name.includes(ids.id)))
            return;
        refuse(field, `${typeof name === 'string' && name !== ''
            ? `is "${name}", which is not this environment's host: the preview would take over that host's route`
            : 'names no host: the preview would answer for every host without a route of its own'}. Serve only the hosts url-template gives this environment (the entries' host) or host names that contain ${ids.id}.`);
    };
    if (object.kind === 'Ingress') {
        ingressHosts(object, host);
        // Its own Services only: another environment's app on this host would skip that one's basic auth.
        for (const rule of list(dig(object, 'spec')?.rules))
            for (const path of list(dig(rule, 'http')?.paths))
                reach.at('spec.rules[].http.paths[].backend.service.name', dig(path, 'backend', 'service')?.name);
        ingressAnnotations(reach, allowance.ingressAnnotations ?? {});
    }
    if (isRoute(object))
        routeHosts(object, host, reach);
}
/**
 * A rule without a host, or a default backend, would answer for every host the controller has no rule
 * for; another host name would take over a route that is not the preview's.
 */
function ingressHosts(object, host) {
    const spec = dig(object, 'spec');
    if (spec?.defaultBackend !== undefined)
        host('spec.defaultBackend', undefined);
    for (const rule of list(spec?.rules))
        host('spec.rules[].host', rule.host);
    for (const tls of list(spec?.tls))
        for (const name of strings(tls.hosts))
            host('spec.tls[].hosts[]', name);
}
function ingressAnnotations({ object, ids, refuse }, workflows) {
    for (const [key, value] of Object.entries(object.metadata.annotations ?? {})) {
        const text = String(value);
        if (Object.hasOwn(workflows, key) ? workflows[key] === text : INGRESS_ANNOTATIONS.get(key)?.(text, ids.id))
            continue;
        refuse(`metadata.annotations["${key}"]`, "is not one the workflow set: an Ingress's annotations configure the ingress controller, which serves every namespace. Set it in input ingress-annotations, or leave it out.");
    }
}
/** A Gateway API route (HTTPRoute, GRPCRoute): without hostnames it takes every listener's. */
function isRoute(object) {
    return object.apiVersion.startsWith('gateway.networking.k8s.io/') && object.kind.endsWith('Route');
}
function routeHosts(object, host, reach) {
    const { refuse } = reach;
    const spec = dig(object, 'spec');
    const names = strings(spec?.hostnames);
    if (names.length === 0)
        host('spec.hostnames', undefined);
    for (const name of names)
        host('spec.hostnames[]', name);
    for (const rule of list(spec?.rules)) {
        const backends = [
            ...list(rule.backendRefs),
            ...list(rule.filters).flatMap((f) => list([dig(f, 'requestMirror', 'backendRef')])),
        ];
        if (backends.some((backend) => backend.namespace !== undefined))
            refuse('spec.rules[] backendRefs', "name another namespace's Service: a route serves only its own namespace's. Leave the namespace out.");
        for (const backend of backends)
            reach.at('spec.rules[].backendRefs[].name', backend.name);
    }
}

;// CONCATENATED MODULE: ./src/model/selector-reach.ts

/** Kinds whose `spec.selector.matchLabels` pick the pods they act on. */
const SELECTING_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'PodDisruptionBudget'];
/**
 * The pods and workloads an object of the pull request's acts on are its environment's: a selector with
 * one of its labels whose value carries the id (the `labels` argument gives them), a scale target of its
 * own. Without it a NetworkPolicy cuts off, a PodDisruptionBudget pins, a Service publishes and an
 * autoscaler multiplies another environment's pods.
 */
function selectorReach(reach) {
    const { object, at } = reach;
    const spec = dig(object, 'spec');
    if (object.kind === 'Service')
        serviceReach(spec, reach);
    if (object.kind === 'NetworkPolicy')
        ownSelector('spec.podSelector.matchLabels', dig(spec, 'podSelector', 'matchLabels'), reach);
    if (SELECTING_KINDS.includes(object.kind))
        ownSelector('spec.selector.matchLabels', dig(spec, 'selector', 'matchLabels'), reach);
    if (object.kind === 'HorizontalPodAutoscaler') {
        at('spec.scaleTargetRef.name', dig(spec, 'scaleTargetRef')?.name);
        if (typeof dig(spec, 'scaleTargetRef')?.name !== 'string')
            reach.refuse('spec.scaleTargetRef.name', 'is not set. Name the workload the template creates.');
    }
}
/**
 * A Service reaches what its pods serve: an external name would have the ingress controller or cluster
 * DNS send the preview's traffic anywhere, and external IPs take traffic meant for those addresses from
 * every pod of the cluster (CVE-2020-8554). Without a selector it has no endpoints (a template may not
 * make EndpointSlices).
 */
function serviceReach(spec, reach) {
    if (spec?.type === 'ExternalName' || spec?.externalName !== undefined)
        reach.refuse('spec.externalName', 'is set: a Service from the pull request serves its own pods only. Leave it out.');
    if (Array.isArray(spec?.externalIPs) && spec.externalIPs.length > 0)
        reach.refuse('spec.externalIPs', 'are set: the Service would take traffic meant for those addresses. Leave them out.');
    const selector = dig(spec, 'selector');
    if (selector && Object.keys(selector).length > 0)
        ownSelector('spec.selector', selector, reach);
}
function ownSelector(field, labels, { ids, refuse }) {
    if (Object.values(labels ?? {}).some((value) => typeof value === 'string' && value.includes(ids.id)))
        return;
    refuse(field, `has no label whose value contains ${ids.id}: it would select other environments' pods too. Select with the environment's labels (the labels argument).`);
}

;// CONCATENATED MODULE: ./src/model/references.ts







/**
 * The kinds a pull request's template may create, by API group: those preview templates use (Preevy's
 * own among them), whose reach the checks here understand. Anything else (an EndpointSlice that points a
 * Service anywhere, an ingress controller's own route kinds) is refused, not filtered.
 */
const PULL_REQUEST_KINDS = {
    '': ['Pod', 'Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim'],
    apps: ['Deployment', 'StatefulSet', 'ReplicaSet'],
    batch: ['Job', 'CronJob'],
    'rbac.authorization.k8s.io': ['Role', 'RoleBinding'],
    'networking.k8s.io': ['Ingress', 'NetworkPolicy'],
    'gateway.networking.k8s.io': ['HTTPRoute', 'GRPCRoute'],
    policy: ['PodDisruptionBudget'],
    autoscaling: ['HorizontalPodAutoscaler'],
};
/**
 * What a rendered object from the pull request may reach in the namespace it shares with other
 * environments and with the action's own identity: only what belongs to its environment. A pod that
 * runs as the action's ServiceAccount, mounts another environment's Secret or claim, a Role the template
 * binds, a route for another host or a selector over other pods would hand the pull request's code what
 * its name check alone does not see. `allowance`: what the workflow lets them do besides.
 */
function ownReferences(object, ids, what, allowance = {}) {
    allowedKind(object, what);
    const reach = reachOf(object, ids, what, allowance);
    podReach(reach);
    selectorReach(reach);
    routeReach(reach);
    if (object.kind === 'RoleBinding')
        roleBindingReach(reach);
    if (object.kind === 'Role')
        roleRulesReach(reach);
    if (object.kind === 'Secret' && object.type === 'kubernetes.io/service-account-token')
        throw new errors/* UserError */.yo(`The ${what} creates ${(0,model_objects/* describeRef */.Ro)((0,model_objects/* refOf */.H8)(object))}, a ServiceAccount token Secret: it would mint a token for whichever ServiceAccount it names. Remove it.`);
}
function allowedKind(object, what) {
    const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
    if (Object.hasOwn(PULL_REQUEST_KINDS, group) && PULL_REQUEST_KINDS[group].includes(object.kind))
        return;
    throw new errors/* UserError */.yo(`The ${what} creates ${(0,model_objects/* describeRef */.Ro)((0,model_objects/* refOf */.H8)(object))} (${object.apiVersion}), a kind a template from the pull request may not create: only ${Object.values(PULL_REQUEST_KINDS).flat().join(', ')}. To use it, name a template of the workflow's (input template or expose-template, outside the checkout).`);
}

;// CONCATENATED MODULE: ./src/model/plan.ts





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
 * let kube-pod-preview find, own and remove them. Pure: the same input gives the same plan. `allowance`:
 * where the workflow's inputs put the pods (a pull request's template may not choose).
 */
function buildPlan(rendered, stamp, allowance = {}) {
    const objects = labelObjects(rendered, stamp, 'template', { allowance });
    const dockerHost = findDockerHost(objects);
    const kinds = kindsOf(objects);
    dockerHost.metadata.annotations = {
        ...dockerHost.metadata.annotations,
        [model_objects/* ANNOTATIONS */.BC.kinds]: kinds.join(','),
    };
    // The exposure's Service selects the docker-host pod by this label, whatever the template's own labels.
    const podTemplate = dockerHost.spec?.template;
    if (podTemplate?.metadata) {
        podTemplate.metadata.labels = {
            ...podTemplate.metadata.labels,
            [model_objects/* LABELS */.kg.component]: model_objects/* DOCKER_HOST_COMPONENT */.qK,
        };
    }
    return {
        namespace: stamp.namespace,
        ids: stamp.ids,
        objects,
        dockerHost: (0,model_objects/* refOf */.H8)(dockerHost),
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
    const container = dockerHost.spec?.template?.spec?.containers?.[0];
    const words = [...(container?.command ?? []), ...(container?.args ?? [])].map(String);
    const open = words.map((w) => /tcp:\/\/(0\.0\.0\.0|\[::\]|)(:\d+)/.exec(w)?.[0]).find(Boolean);
    if (!open)
        return [];
    return [explainOpenDockerServer((0,model_objects/* describeRef */.Ro)((0,model_objects/* refOf */.H8)(dockerHost)), open)];
}
/**
 * The objects of the exposure template (Services, Ingresses, …), held to the same rules as the pod
 * template's and labelled as the environment's exposure, so a redeploy can prune what it no longer needs.
 * `allowance`: the hosts url-template gives this environment and the workflow's ingress annotations.
 */
function buildExposurePlan(rendered, stamp, allowance = {}) {
    const objects = labelObjects(rendered, stamp, 'exposure template', { allowEmpty: true, allowance });
    for (const object of objects)
        object.metadata.labels[model_objects/* LABELS */.kg.component] = model_objects/* EXPOSE_COMPONENT */.BA;
    return { namespace: stamp.namespace, ids: stamp.ids, objects, kinds: kindsOf(objects) };
}
function kindsOf(objects) {
    return [...new Set(objects.map(model_objects/* kindKey */._V))].sort();
}
function labelObjects(rendered, stamp, what, { allowEmpty = false, allowance = {} } = {}) {
    if (rendered.objects.length === 0 && !allowEmpty)
        throw new errors/* UserError */.yo(`The ${what} rendered no objects.`);
    for (const key of Object.keys(stamp.labels)) {
        if (Object.values(model_objects/* LABELS */.kg).includes(key)) {
            throw new errors/* UserError */.yo(`Input labels may not set ${key}: kube-pod-preview sets it to find its objects.`);
        }
    }
    const objects = inNamespace(rendered.objects, stamp.namespace, what);
    for (const object of objects) {
        ownName(object, stamp.ids, what);
        // A template the workflow names may use the namespace's shared objects (a ServiceAccount, a Secret).
        if (rendered.fromPullRequest)
            ownReferences(object, stamp.ids, what, allowance);
    }
    const identity = (0,model_objects/* identityLabels */.Ab)(stamp.ids);
    const annotations = { ...stamp.annotations, ...provenanceAnnotations(stamp.provenance, rendered) };
    for (const object of objects) {
        object.metadata.labels = { ...object.metadata.labels, ...stamp.labels, ...identity };
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
        const ref = (0,model_objects/* describeRef */.Ro)((0,model_objects/* refOf */.H8)(object));
        if (CLUSTER_SCOPED_KINDS.has(object.kind)) {
            throw new errors/* UserError */.yo(explainClusterScoped(what, ref, namespace));
        }
        const own = object.metadata.namespace;
        if (own !== undefined && own !== namespace) {
            throw new errors/* UserError */.yo(explainOtherNamespace(what, ref, String(own), namespace));
        }
        const key = `${(0,model_objects/* kindKey */._V)(object)}/${object.metadata.name}`;
        if (seen.has(key))
            throw new errors/* UserError */.yo(`The ${what} creates ${ref} twice.`);
        seen.add(key);
        object.metadata.namespace = namespace;
        return object;
    });
}
/**
 * Names belong to their environment: each carries its id, so no two environments in a namespace render
 * the same object (one would take over, or lock out, the other), and none takes a name the action keeps.
 */
function ownName(object, ids, what) {
    const { name } = object.metadata;
    const ref = (0,model_objects/* describeRef */.Ro)((0,model_objects/* refOf */.H8)(object));
    if (object.kind === 'Lease' && name.startsWith(model_objects/* LEASE_PREFIX */.O$)) {
        throw new errors/* UserError */.yo(explainOwnLeaseName(what, ref));
    }
    if (!name.includes(ids.id)) {
        throw new errors/* UserError */.yo(explainNameWithoutId(what, ref, ids.id, name));
    }
}
function provenanceAnnotations(provenance, rendered) {
    return {
        [model_objects/* ANNOTATIONS */.BC.repository]: provenance.repository,
        ...(provenance.prUrl ? { [model_objects/* ANNOTATIONS */.BC.prUrl]: provenance.prUrl } : {}),
        ...(provenance.sha ? { [model_objects/* ANNOTATIONS */.BC.sha]: provenance.sha } : {}),
        [model_objects/* ANNOTATIONS */.BC.templateHash]: `sha256:${rendered.templateHash}`,
        [model_objects/* ANNOTATIONS */.BC.deployedAt]: provenance.deployedAt.toISOString(),
        ...(provenance.expiresAt ? { [model_objects/* ANNOTATIONS */.BC.expiresAt]: provenance.expiresAt.toISOString() } : {}),
    };
}
function findDockerHost(objects) {
    const workloads = objects.filter(kinds/* isWorkload */.gv);
    const hosts = workloads.filter((o) => o.metadata.labels?.[model_objects/* LABELS */.kg.component] === model_objects/* DOCKER_HOST_COMPONENT */.qK);
    const label = `${model_objects/* LABELS */.kg.component}: ${model_objects/* DOCKER_HOST_COMPONENT */.qK}`;
    if (hosts.length !== 1) {
        const found = hosts.length
            ? `found ${hosts.length}: ${hosts.map((o) => (0,model_objects/* describeRef */.Ro)((0,model_objects/* refOf */.H8)(o))).join(', ')}`
            : `found none among ${workloads.length ? workloads.map((o) => (0,model_objects/* describeRef */.Ro)((0,model_objects/* refOf */.H8)(o))).join(', ') : 'no StatefulSet or Deployment at all'}`;
        throw new errors/* UserError */.yo(explainDockerHostCount(label, found));
    }
    const host = hosts[0];
    // The template's own YAML: nothing but this check says containers is a list.
    const containers = host.spec?.template?.spec?.containers;
    if (!Array.isArray(containers) || containers.length === 0) {
        throw new errors/* UserError */.yo(explainNoContainers((0,model_objects/* describeRef */.Ro)((0,model_objects/* refOf */.H8)(host))));
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

/***/ 6987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ planEnvironment)
});

// EXTERNAL MODULE: ./src/docker/compose-file.ts + 1 modules
var compose_file = __webpack_require__(4741);
// EXTERNAL MODULE: ./src/model/exposure.ts
var exposure = __webpack_require__(1436);
// EXTERNAL MODULE: ./src/model/plan.ts + 8 modules
var model_plan = __webpack_require__(7409);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
;// CONCATENATED MODULE: ./src/render/sandbox.ts






const DEFAULT_LIMITS = { timeoutMs: 10_000, memoryMb: 128 };
/** An included file larger than this is not a template. */
const MAX_INCLUDE_BYTES = 1024 * 1024;
/** More include requests than this is a loop, not a template. */
const MAX_INCLUDES = 200;
/** The result's JSON: the rendered objects, well above any pod template's. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;
/**
 * Renders a template in a child process that holds nothing worth stealing and may do next to nothing:
 * an empty environment, Node's permission model (it may read its own code only: no other file, no
 * child process, worker, addon, WASI or inspector), no code generation from strings, a time and memory
 * limit. Only data crosses: the source and arguments in, the parsed YAML documents out. The template's
 * includes are read here, confined to its directory, symbolic links resolved (Node's permission model
 * follows them wherever they point).
 */
function renderInSandbox(job) {
    const limits = { ...DEFAULT_LIMITS, ...job.limits };
    const { script, flags } = sandboxProcess(limits);
    const child = (0,external_node_child_process_.spawn)(process.execPath, [...flags, script], {
        env: {},
        cwd: external_node_path_default().dirname(script),
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
        const session = new Session(external_node_path_default().dirname(job.file), child.stdin, (result) => {
            if ('failed' in result)
                reject(new errors/* UserError */.yo(`${lead(job)}: ${clip(result.failed)}${hint(result.failed)}`));
            else
                resolve(result.documents);
        });
        const stop = (error) => {
            child.kill('SIGKILL');
            session.stop();
            reject(error);
        };
        const timer = setTimeout(() => stop(new errors/* UserError */.yo(`${lead(job)}: it ran longer than ${limits.timeoutMs / 1000} s, and was stopped.`)), limits.timeoutMs);
        const abort = () => stop(job.signal.reason);
        if (job.signal?.aborted)
            abort();
        job.signal?.addEventListener('abort', abort, { once: true });
        let stderr = '';
        child.stderr.on('data', (data) => (stderr = (stderr + data.toString()).slice(-4096)));
        child.stdout.on('data', (data) => {
            if (!session.receive(data))
                stop(new errors/* UserError */.yo(`${lead(job)}: it sent back more than ${MAX_OUTPUT_BYTES} bytes.`));
        });
        child.on('error', (error) => stop(error));
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            job.signal?.removeEventListener('abort', abort);
            if (!session.done)
                reject(new errors/* UserError */.yo(`${lead(job)}: ${crash(code, signal, stderr, limits)}`));
        });
        child.stdin.on('error', () => { }); // a child that died early: its close says why
        child.stdin.write(`${JSON.stringify({ name: external_node_path_default().basename(job.file), source: job.source, args: job.args })}\n`);
    });
}
/** The child's side of the conversation: include requests answered, the result handed on once. */
class Session {
    root;
    stdin;
    onResult;
    done = false;
    /** The start of a line whose end has not come yet. */
    pending = [];
    received = 0;
    includes = 0;
    constructor(root, stdin, onResult) {
        this.root = root;
        this.stdin = stdin;
        this.onResult = onResult;
    }
    /** Takes a chunk of the child's output; false when it sent too much. */
    receive(data) {
        this.received += data.length;
        if (this.received > MAX_OUTPUT_BYTES)
            return false;
        let start = 0;
        for (let end = data.indexOf(10); end >= 0 && !this.done; end = data.indexOf(10, start)) {
            const line = Buffer.concat([...this.pending, data.subarray(start, end)]).toString('utf8');
            this.pending = [];
            start = end + 1;
            this.handle(line);
        }
        if (!this.done && start < data.length)
            this.pending.push(data.subarray(start));
        return true;
    }
    /** Stopped from outside (time limit, cancellation): later output is ignored. */
    stop() {
        this.done = true;
    }
    handle(line) {
        let message;
        try {
            message = JSON.parse(line);
        }
        catch {
            return this.result({ failed: 'its process sent something that is not a message' });
        }
        if (typeof message.include === 'string') {
            this.includes += 1;
            const answer = this.includes > MAX_INCLUDES
                ? { refused: `it includes more than ${MAX_INCLUDES} templates` }
                : includeAnswer(this.root, message.include);
            this.stdin.write(`${JSON.stringify(answer)}\n`);
            return;
        }
        if (Array.isArray(message.documents) && message.documents.every(isDocument))
            return this.result({ documents: message.documents });
        this.result({ failed: typeof message.failed === 'string' ? message.failed : 'it sent no result' });
    }
    result(result) {
        this.done = true;
        this.stdin.end();
        this.onResult(result);
    }
}
/** The child's word is checked, not trusted: a document is a value or an error. */
function isDocument(doc) {
    if (doc === null || typeof doc !== 'object')
        return false;
    return 'value' in doc || typeof doc.error === 'string';
}
/** The source of an include, when it is a file inside the template's directory (links resolved). */
function includeAnswer(root, name) {
    try {
        return readInclude(root, name, (0,external_node_fs_.realpathSync)(external_node_path_default().resolve(root, name)));
    }
    catch {
        return { missing: true }; // gone, unreadable, or no such file: nunjucks says "template not found"
    }
}
function readInclude(root, name, real) {
    const relative = external_node_path_default().relative(root, real);
    if (relative === '..' || relative.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(relative)) {
        return { refused: explainIncludeOutside(name, root) };
    }
    if (relative.split((external_node_path_default()).sep).includes('.git')) {
        return { refused: `it includes "${name}", inside .git (which may hold the checkout's token)` };
    }
    const stat = (0,external_node_fs_.statSync)(real);
    if (!stat.isFile())
        return { missing: true };
    if (stat.size > MAX_INCLUDE_BYTES)
        return { refused: `it includes "${name}", larger than 1 MiB` };
    return { source: (0,external_node_fs_.readFileSync)(real, 'utf8') };
}
function explainIncludeOutside(name, root) {
    return `it includes "${name}", which is outside the template's directory ${root}: a template may include files beside it or below it only`;
}
/**
 * The child's script and Node's flags for it. The script sits beside this module in all three settings:
 * sandbox-child.ts in the sources (vitest), .js in lib/ (the bench) and in dist/lib/ (its own bundle,
 * built by scripts/build.mjs, beside the chunks). Node 24's permission model has no network switch
 * (--allow-net came with Node 25, where the network is denied by default under --permission).
 */
function sandboxProcess(limits = DEFAULT_LIMITS) {
    const here = (0,external_node_url_.fileURLToPath)(import.meta.url);
    const script = external_node_path_default().join(external_node_path_default().dirname(here), `sandbox-child${external_node_path_default().extname(here)}`);
    const flags = [
        '--permission',
        ...readablePaths(script).map((p) => `--allow-fs-read=${p}`),
        '--disallow-code-generation-from-strings',
        `--max-old-space-size=${limits.memoryMb}`,
    ];
    return { script, flags };
}
/**
 * The child's own code. Unbundled (this module is sandbox.ts or .js, not a chunk of dist/), it imports
 * nunjucks and yaml from node_modules, which it may read too; bundled, it is one file.
 */
function readablePaths(script) {
    const here = (0,external_node_url_.fileURLToPath)(import.meta.url);
    if (external_node_path_default().basename(here, external_node_path_default().extname(here)) !== 'sandbox')
        return [script];
    const require = (0,external_node_module_.createRequire)(script);
    const modules = ['nunjucks', 'yaml'].map((name) => {
        const entry = require.resolve(name);
        return entry.slice(0, entry.lastIndexOf(`${(external_node_path_default()).sep}node_modules${(external_node_path_default()).sep}`) + '/node_modules'.length);
    });
    return [script, ...new Set(modules)];
}
function lead(job) {
    return `The template ${job.where} does not render`;
}
/** A message from the child is about the template, written by it: one line, short. */
function clip(text) {
    const line = text.replace(/\s*\n\s*/g, ' ').trim();
    return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
/** What the sandbox refused, said as such. */
function hint(failure) {
    return /Code generation from strings disallowed|ERR_ACCESS_DENIED|Access to this API has been restricted/.test(failure)
        ? explainSandboxRules()
        : '';
}
function explainSandboxRules() {
    return '. Templates render in a sandbox: they may not run JavaScript, read files outside their own directory, start processes or see the environment.';
}
function crash(code, signal, stderr, limits) {
    if (/heap out of memory|Reached heap limit/.test(stderr))
        return `it used more than ${limits.memoryMb} MB of memory, and was stopped.`;
    // The child catches what a template throws: an error that ends it is the sandbox's own.
    const error = /^\w*Error\b.*$/m.exec(stderr)?.[0];
    return `its process ended (${signal ?? `exit code ${code}`}) without a result${error ? `: ${clip(error)}` : ''}.`;
}

;// CONCATENATED MODULE: ./src/render/template.ts






/**
 * Reads a template by path, or one bundled with the action by name (`default`, `sysbox`). A template
 * the compose file named is refused, before it is read, unless its real path lies inside the project.
 */
function loadTemplate(template, origin) {
    const bundled = !external_node_path_default().isAbsolute(template);
    const file = bundled ? bundledTemplatePath(template) : template;
    let real;
    let source;
    try {
        real = (0,external_node_fs_.realpathSync)(file);
        if (origin?.confined && !bundled)
            confine(real, template, origin);
        source = (0,external_node_fs_.readFileSync)(real, 'utf8');
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo)
            throw error;
        throw new errors/* UserError */.yo(`Cannot read the template ${file}: ${error.code ?? error.message}. Set input template (or x-preevy template) to a readable file, or to "default" or "sysbox".`);
    }
    const fromPullRequest = !bundled &&
        (origin?.confined === true || (origin !== undefined && inside(real, origin.workingDirectory)));
    return {
        path: file,
        file: real,
        source,
        hash: (0,external_node_crypto_.createHash)('sha256').update(source).digest('hex'),
        fromPullRequest,
    };
}
function confine(real, template, origin) {
    const project = origin.workingDirectory;
    if (!inside(real, project) || real.split((external_node_path_default()).sep).includes('.git')) {
        throw new errors/* UserError */.yo(`${origin.from} is ${template}, which is not a file of the project (working-directory ${project}${real === template ? '' : `; it resolves to ${real}`}). The compose file comes from the pull request: the template it names must lie inside the project, outside .git. To use a template from elsewhere, set input template in the workflow.`);
    }
}
/** Whether `real` lies inside `directory`, both with links resolved. */
function inside(real, directory) {
    let root;
    try {
        root = (0,external_node_fs_.realpathSync)(directory);
    }
    catch {
        return false;
    }
    const relative = external_node_path_default().relative(root, real);
    const out = relative === '..' || relative.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(relative);
    return relative !== '' && !out;
}
/** Renders a pod template (Preevy's contract) into its objects, in the sandbox. */
async function renderTemplate(template, args, options = {}) {
    return { objects: await render(template, args, options), templateHash: template.hash };
}
/**
 * Stands for the basic-auth htpasswd line in the sandbox, which never sees it (it is derived from the
 * password): the line replaces it in the rendered objects.
 */
const HTPASSWD_PLACEHOLDER = 'kube-pod-preview-basic-auth-htpasswd';
/** Renders an exposure template into its objects, in the sandbox. */
async function renderExposureTemplate(template, args, options = {}) {
    const auth = args.basicAuth;
    const sent = auth ? { ...args, basicAuth: { ...auth, htpasswd: HTPASSWD_PLACEHOLDER } } : args;
    let objects = await render(template, sent, options);
    if (auth)
        objects = replaceInStrings(objects, HTPASSWD_PLACEHOLDER, auth.htpasswd);
    return { objects, templateHash: template.hash };
}
function replaceInStrings(value, from, to) {
    if (typeof value === 'string')
        return value.split(from).join(to);
    if (Array.isArray(value))
        return value.map((v) => replaceInStrings(v, from, to));
    if (value && typeof value === 'object') {
        const entries = Object.entries(value).map(([k, v]) => [k, replaceInStrings(v, from, to)]);
        return Object.fromEntries(entries);
    }
    return value;
}
async function render(template, args, options) {
    const documents = await renderInSandbox({
        file: template.file,
        where: template.path,
        source: template.source,
        args,
        signal: options.signal,
        limits: options.limits,
    });
    return objectsOf(documents, template.path);
}
/** Every `---`-separated document the child parsed, checked to be an object with a name. */
function objectsOf(documents, where) {
    const objects = [];
    documents.forEach((doc, index) => {
        const position = `document ${index + 1} of the rendered template ${where}`;
        if ('error' in doc) {
            const line = doc.line ? ` (line ${doc.line} of the rendered text)` : '';
            throw new errors/* UserError */.yo(`The ${position} is not valid YAML${line}: ${oneLine(doc.error)}`);
        }
        const value = doc.value;
        if (value === null || value === undefined)
            return; // an empty document, e.g. after a trailing ---
        if (typeof value !== 'object' || Array.isArray(value)) {
            throw new errors/* UserError */.yo(`The ${position} is not a Kubernetes object (a map with apiVersion, kind and metadata).`);
        }
        const object = value;
        const name = object.metadata?.name;
        if (typeof object.apiVersion !== 'string' ||
            typeof object.kind !== 'string' ||
            typeof name !== 'string' ||
            !name) {
            throw new errors/* UserError */.yo(`The ${position} needs apiVersion, kind and metadata.name.`);
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
    const here = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (const up of ['..', '../..', '../../..']) {
        const candidate = external_node_path_default().join(here, up, 'templates', `${name}.yaml.njk`);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
    }
    throw new errors/* UserError */.yo(`There is no bundled template "${name}"; bundled templates are "default", "sysbox" and (for exposure) "expose".`);
}
function oneLine(text) {
    return text
        .replace(/\s*\n\s*/g, ' ')
        .trim()
        .slice(0, 300);
}

// EXTERNAL MODULE: ./src/model/build-cache-prefix.ts
var build_cache_prefix = __webpack_require__(8623);
// EXTERNAL MODULE: ./src/model/objects.ts
var objects = __webpack_require__(8045);
;// CONCATENATED MODULE: ./src/plan/template-arguments.ts



/** The pod template's arguments: Preevy's four, what a pull request's preview knows, the pod inputs. */
function templateArgs(settings, ids, run) {
    return {
        namespace: settings.namespace,
        id: ids.id,
        storageClass: settings.storageClass,
        storageSize: settings.storageSize,
        labels: (0,objects/* identityLabels */.Ab)(ids),
        envId: ids.envId,
        ...run,
        ...settings.pod,
        insecureRegistries: settings.buildCache ? [(0,build_cache_prefix/* registryHostOf */.pY)(settings.buildCache)] : [],
    };
}
/** The exposure template's arguments: one entry per published TCP port, and how to expose them. */
function exposureTemplateArgs(namespace, expose, ids, entries) {
    const labels = (0,objects/* identityLabels */.Ab)(ids);
    return {
        namespace,
        id: ids.id,
        envId: ids.envId,
        labels,
        selector: { ...labels, [objects/* LABELS */.kg.component]: objects/* DOCKER_HOST_COMPONENT */.qK },
        expose: expose.mode,
        entries,
        ingressClass: expose.ingressClass,
        tlsSecret: expose.tlsSecret,
        ingressAnnotations: expose.ingressAnnotations,
        basicAuth: expose.basicAuth
            ? {
                secretName: (0,exposure/* basicAuthSecretName */.SC)(ids.id),
                htpasswd: (0,exposure/* htpasswdLine */.Dx)(expose.basicAuth.user, expose.basicAuth.password),
            }
            : undefined,
    };
}

;// CONCATENATED MODULE: ./src/plan/environment-plan.ts





/** The environment's objects: its pod template rendered (in the sandbox), validated and labelled. */
async function planEnvironment(run) {
    const pod = await planPod(run);
    const rendered = new Map();
    const exposureFor = async (ports) => {
        const entries = (0,exposure/* exposureEntries */.Co)(ports, run.settings.expose, run.ids);
        const key = JSON.stringify(entries);
        if (!rendered.has(key))
            rendered.set(key, planExposure(run, entries));
        return { entries, objects: await rendered.get(key) };
    };
    const declared = (0,compose_file/* declaredPorts */.lA)(run.compose);
    return {
        pod,
        declaredExposure: async () => (await exposureFor(declared)).objects,
        exposureFor,
    };
}
async function planPod(run) {
    const { settings } = run;
    const template = loadTemplate(settings.template, {
        from: settings.templateFrom,
        workingDirectory: settings.workingDirectory,
        confined: settings.templateFrom === 'x-preevy template',
    });
    if (template.fromPullRequest)
        run.log.info(explainFromPullRequest(template, settings.templateFrom));
    const args = templateArgs(settings, run.ids, {
        repository: run.repository,
        prNumber: run.context.prNumber,
        sha: run.context.headSha,
        project: run.compose.name,
    });
    const rendered = await renderTemplate(template, args, { signal: run.signal });
    const plan = (0,model_plan/* buildPlan */.Gg)({ ...rendered, fromPullRequest: template.fromPullRequest }, run.stamp, {
        placement: settings.pod,
    });
    for (const warning of plan.warnings)
        run.log.warning(warning);
    const source = {
        path: template.path,
        from: settings.templateFrom,
        fromPullRequest: template.fromPullRequest,
    };
    return { ...plan, template: source };
}
/** The exposure objects of these entries (rendered in the sandbox): none with expose none or nothing to expose. */
async function planExposure(run, entries) {
    const { expose, namespace, workingDirectory } = run.settings;
    if (expose.mode === 'none' || entries.length === 0)
        return (0,model_plan/* buildExposurePlan */.RW)({ objects: [], templateHash: '' }, run.stamp);
    const from = 'input expose-template';
    const template = loadTemplate(expose.template, { from, workingDirectory, confined: false });
    if (template.fromPullRequest)
        run.log.info(explainFromPullRequest(template, from));
    const args = exposureTemplateArgs(namespace, expose, run.ids, entries);
    const rendered = await renderExposureTemplate(template, args, { signal: run.signal });
    const allowance = {
        hosts: entries.flatMap((entry) => (entry.host ? [entry.host] : [])),
        ingressAnnotations: expose.ingressAnnotations,
    };
    return (0,model_plan/* buildExposurePlan */.RW)({ ...rendered, fromPullRequest: template.fromPullRequest }, run.stamp, allowance);
}
/** The log's line for a template whose content the pull request controls. */
function explainFromPullRequest(template, from) {
    return `The template ${template.path} (${from}) comes from the pull request: it renders in a sandbox (no credentials, files, processes or environment), and its objects must carry the environment's id.`;
}


/***/ })

};
