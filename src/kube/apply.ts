import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import type { ObjectSet } from '../model/plan.js';
import { KubeApiError } from './api-error.js';
import { FIELD_MANAGER, type KubeClient, type WriteOptions } from './client.js';
import { LABELS, MANAGER, describeRef, parseKindKey, refOf, type KubeObject } from '../model/objects.js';

/**
 * Creates or updates every object of the plan. Before changing anything it checks that the cluster serves
 * each kind in the namespace and that no object it would write belongs to someone else: an object not
 * created by kube-pod-preview, or one of another preview environment. With `dryRun` every write is the
 * same request as `dryRun=All`: admission and validation answer as they would, and nothing is stored.
 * Resolves with the objects as the API server returned them (defaults filled in).
 */
export async function applyPlan(
  client: KubeClient,
  plan: ObjectSet,
  options: { serverSideApply: boolean; log: Logger } & WriteOptions,
): Promise<KubeObject[]> {
  const { log } = options;
  for (const key of plan.kinds) {
    const { apiVersion, kind } = parseKindKey(key);
    const resource = await client.resource(apiVersion, kind);
    if (!resource) {
      throw new UserError(
        `The cluster does not serve ${kind} in ${apiVersion}, which the template uses. Install its CRD or fix apiVersion in the template.`,
      );
    }
    if (!resource.namespaced) {
      throw new UserError(
        `The template creates a ${kind}, which is cluster-scoped; every object must live in namespace "${plan.namespace}".`,
      );
    }
  }

  const existing = await Promise.all(plan.objects.map((object) => client.read(refOf(object))));
  plan.objects.forEach((object, index) => checkOwnership(object, existing[index], plan));

  const write: WriteOptions = { dryRun: options.dryRun ?? false };
  const stored: KubeObject[] = [];
  for (const [index, object] of plan.objects.entries()) {
    const current = existing[index];
    if (options.serverSideApply) stored.push(await applyAsEnvironment(client, object, plan, write));
    else if (current) stored.push(await client.mergePatch(object, write));
    else stored.push(await createOrPatch(client, object, plan, write));
    const verb = current ? 'configured' : 'created';
    log.info(`  ${describeRef(refOf(object))} ${options.dryRun ? `would be ${verb} (dry run)` : verb}`);
  }
  return stored;
}

/**
 * The field manager of one environment. Two environments that apply one object (a fixed name in the
 * template, two runs racing past the ownership check) conflict instead of one taking it over.
 */
export function environmentManager(id: string): string {
  return `${FIELD_MANAGER}/${id}`;
}

/**
 * Server-side apply as the environment's manager, without force. Fields still owned by the manager name
 * earlier versions used for every environment are ours (the labels say so): those are taken over. Any
 * other manager's field is a conflict that names it.
 */
async function applyAsEnvironment(
  client: KubeClient,
  object: KubeObject,
  plan: ObjectSet,
  write: WriteOptions,
): Promise<KubeObject> {
  const manager = environmentManager(plan.ids.id);
  try {
    return await client.serverSideApply(object, { manager, force: false, ...write });
  } catch (error) {
    const others = error instanceof KubeApiError ? error.conflictingManagers : [];
    if (others.length === 0) throw error;
    if (others.every((m) => m === FIELD_MANAGER))
      return client.serverSideApply(object, { manager, force: true, ...write });
    const environment = others.some((m) => m.startsWith(`${FIELD_MANAGER}/`));
    const fix = environment
      ? 'Object names must be unique per environment: put {{ id }} in its metadata.name in the template.'
      : 'Someone changed it outside kube-pod-preview: undo that change (or delete the object), then run again.';
    throw new UserError(
      `${describeRef(refOf(object))} is also managed by ${others.map((m) => `"${m}"`).join(', ')}${environment ? ' (another preview environment)' : ''}; refusing to take it over. ${fix}`,
    );
  }
}

/**
 * Client-side apply's create. An object that appeared since it was read is checked again: it is
 * patched only when it is this environment's.
 */
async function createOrPatch(
  client: KubeClient,
  object: KubeObject,
  plan: ObjectSet,
  write: WriteOptions,
): Promise<KubeObject> {
  try {
    return await client.create(object, write);
  } catch (error) {
    if (!(error instanceof KubeApiError && error.code === 409)) throw error;
    checkOwnership(object, await client.read(refOf(object)), plan);
    return client.mergePatch(object, write);
  }
}

function checkOwnership(desired: KubeObject, current: KubeObject | undefined, plan: ObjectSet): void {
  if (!current) return;
  const labels = current.metadata?.labels ?? {};
  const ref = describeRef(refOf(desired));
  if (labels[LABELS.managedBy] !== MANAGER) {
    throw new UserError(
      `${ref} already exists in namespace "${plan.namespace}" and was not created by kube-pod-preview; refusing to take it over. Give the object a name unique to the environment in the template (include {{ id }}), or delete the existing one.`,
    );
  }
  if (labels[LABELS.id] !== plan.ids.id) {
    throw new UserError(
      `${ref} belongs to another preview environment (${LABELS.envId}=${labels[LABELS.envId] ?? '?'}, ${LABELS.id}=${labels[LABELS.id] ?? '?'}). Object names must be unique per environment: put {{ id }} in metadata.name of ${ref} in the template.`,
    );
  }
}
