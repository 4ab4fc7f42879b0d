export const id = 501;
export const ids = [501];
export const modules = {

/***/ 9501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyPlan: () => (/* binding */ applyPlan)
/* harmony export */ });
/* unused harmony export environmentManager */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var _model_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8045);



/**
 * Creates or updates every object of the plan. Before changing anything it checks that the cluster serves
 * each kind in the namespace and that no object it would write belongs to someone else: an object not
 * created by kube-pod-preview, or one of another preview environment. With `dryRun` every write is the
 * same request as `dryRun=All`: admission and validation answer as they would, and nothing is stored.
 * Resolves with the objects as the API server returned them (defaults filled in).
 */
async function applyPlan(client, plan, options) {
    const { log } = options;
    for (const key of plan.kinds) {
        const { apiVersion, kind } = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .parseKindKey */ .Pb)(key);
        const resource = await client.resource(apiVersion, kind);
        if (!resource) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The cluster does not serve ${kind} in ${apiVersion}, which the template uses. Install its CRD or fix apiVersion in the template.`);
        }
        if (!resource.namespaced) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`The template creates a ${kind}, which is cluster-scoped; every object must live in namespace "${plan.namespace}".`);
        }
    }
    const existing = await Promise.all(plan.objects.map((object) => client.read((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(object))));
    plan.objects.forEach((object, index) => checkOwnership(object, existing[index], plan));
    const write = { dryRun: options.dryRun ?? false };
    const stored = [];
    for (const [index, object] of plan.objects.entries()) {
        const current = existing[index];
        if (options.serverSideApply)
            stored.push(await applyAsEnvironment(client, object, plan, write));
        else if (current)
            stored.push(await client.mergePatch(object, write));
        else
            stored.push(await createOrPatch(client, object, plan, write));
        const verb = current ? 'configured' : 'created';
        log.info(`  ${(0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRef */ .Ro)((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(object))} ${options.dryRun ? `would be ${verb} (dry run)` : verb}`);
    }
    return stored;
}
/**
 * The field manager of one environment. Two environments that apply one object (a fixed name in the
 * template, two runs racing past the ownership check) conflict instead of one taking it over.
 */
function environmentManager(id) {
    return `${_client_js__WEBPACK_IMPORTED_MODULE_1__/* .FIELD_MANAGER */ .v}/${id}`;
}
/**
 * Server-side apply as the environment's manager, without force. Fields still owned by the manager name
 * earlier versions used for every environment are ours (the labels say so): those are taken over. Any
 * other manager's field is a conflict that names it.
 */
async function applyAsEnvironment(client, object, plan, write) {
    const manager = environmentManager(plan.ids.id);
    try {
        return await client.serverSideApply(object, { manager, force: false, ...write });
    }
    catch (error) {
        const others = error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W ? error.conflictingManagers : [];
        if (others.length === 0)
            throw error;
        if (others.every((m) => m === _client_js__WEBPACK_IMPORTED_MODULE_1__/* .FIELD_MANAGER */ .v))
            return client.serverSideApply(object, { manager, force: true, ...write });
        const environment = others.some((m) => m.startsWith(`${_client_js__WEBPACK_IMPORTED_MODULE_1__/* .FIELD_MANAGER */ .v}/`));
        const fix = environment
            ? 'Object names must be unique per environment: put {{ id }} in its metadata.name in the template.'
            : 'Someone changed it outside kube-pod-preview: undo that change (or delete the object), then run again.';
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${(0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRef */ .Ro)((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(object))} is also managed by ${others.map((m) => `"${m}"`).join(', ')}${environment ? ' (another preview environment)' : ''}; refusing to take it over. ${fix}`);
    }
}
/**
 * Client-side apply's create. An object that appeared since it was read is checked again: it is
 * patched only when it is this environment's.
 */
async function createOrPatch(client, object, plan, write) {
    try {
        return await client.create(object, write);
    }
    catch (error) {
        if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeApiError */ .W && error.code === 409))
            throw error;
        checkOwnership(object, await client.read((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(object)), plan);
        return client.mergePatch(object, write);
    }
}
function checkOwnership(desired, current, plan) {
    if (!current)
        return;
    const labels = current.metadata?.labels ?? {};
    const ref = (0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .describeRef */ .Ro)((0,_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .refOf */ .H8)(desired));
    if (labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.managedBy] !== _model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGER */ .u) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${ref} already exists in namespace "${plan.namespace}" and was not created by kube-pod-preview; refusing to take it over. Give the object a name unique to the environment in the template (include {{ id }}), or delete the existing one.`);
    }
    if (labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.id] !== plan.ids.id) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${ref} belongs to another preview environment (${_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.envId}=${labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.envId] ?? '?'}, ${_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.id}=${labels[_model_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.id] ?? '?'}). Object names must be unique per environment: put {{ id }} in metadata.name of ${ref} in the template.`);
    }
}


/***/ })

};
