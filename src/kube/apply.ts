import { UserError } from '../util/errors.js';
import type { Logger } from '../util/log.js';
import type { ObjectSet } from '../model/plan.js';
import { KubeApiError, type KubeClient } from './client.js';
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
    if (options.serverSideApply) await client.serverSideApply(object);
    else if (current) await client.mergePatch(object);
    else await createOrPatch(client, object);
    log.info(`  ${describeRef(refOf(object))} ${current ? 'configured' : 'created'}`);
  }
}

/** Client-side apply's create, tolerating an object that appeared since it was read. */
async function createOrPatch(client: KubeClient, object: KubeObject): Promise<void> {
  try {
    await client.create(object);
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 409) await client.mergePatch(object);
    else throw error;
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
