import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import type { ObjectSet } from '../model/plan.js';
import { FIELD_MANAGER, KubeApiError, type KubeClient } from './client.js';
import { LABELS, MANAGER, describeRef, parseKindKey, refOf, type KubeObject } from '../model/objects.js';

/**
 * Creates or updates every object of the plan. Before changing anything it checks that the cluster serves
 * each kind in the namespace and that no object it would write belongs to someone else: an object not
 * created by kube-pod-preview, or one of another preview environment.
 */
export async function applyPlan(
  client: KubeClient,
  plan: ObjectSet,
  options: { serverSideApply: boolean; log: Logger },
): Promise<void> {
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

  for (const [index, object] of plan.objects.entries()) {
    const current = existing[index];
    if (options.serverSideApply) await applyAsEnvironment(client, object, plan);
    else if (current) await client.mergePatch(object);
    else await createOrPatch(client, object, plan);
    log.info(`  ${describeRef(refOf(object))} ${current ? 'configured' : 'created'}`);
  }
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
async function applyAsEnvironment(client: KubeClient, object: KubeObject, plan: ObjectSet): Promise<void> {
  const manager = environmentManager(plan.ids.id);
  try {
    await client.serverSideApply(object, { manager, force: false });
  } catch (error) {
    const others = error instanceof KubeApiError ? error.conflictingManagers : [];
    if (others.length === 0) throw error;
    if (others.every((m) => m === FIELD_MANAGER)) {
      await client.serverSideApply(object, { manager, force: true });
      return;
    }
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
async function createOrPatch(client: KubeClient, object: KubeObject, plan: ObjectSet): Promise<void> {
  try {
    await client.create(object);
  } catch (error) {
    if (!(error instanceof KubeApiError && error.code === 409)) throw error;
    checkOwnership(object, await client.read(refOf(object)), plan);
    await client.mergePatch(object);
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
