import { KubeApiError } from './api-error.js';
import type { KubeClient } from './client.js';
import { isIngress } from '../model/kinds.js';
import type { KubeObject } from '../model/objects.js';
import type { Check } from '../model/outcome.js';
import type { ObjectSet } from '../model/plan.js';

const INGRESS_CLASS_DEFAULT = 'ingressclass.kubernetes.io/is-default-class';

/**
 * The class of each Ingress of the exposure: the IngressClass it names exists, or, naming none (input
 * ingress-class not given), the cluster has a default one. ingress-nginx and most controllers ignore an
 * Ingress without a class when no IngressClass is the default, so its URLs would never answer.
 */
export async function ingressClasses(
  client: KubeClient,
  subject: { exposure: ObjectSet | undefined; ingressClass: string | undefined },
): Promise<Check[]> {
  const ingresses = (subject.exposure?.objects ?? []).filter(isIngress);
  const named = new Set(ingresses.map((i) => i.spec?.ingressClassName));
  const checks: Check[] = [];
  for (const className of named) {
    if (className) {
      const source = className === subject.ingressClass ? 'input ingress-class' : 'the exposure template';
      checks.push(await ingressClass(client, className, source));
    } else if (ingresses.some((i) => !i.spec?.ingressClassName && !annotatedClass(i))) {
      checks.push(await defaultIngressClass(client));
    }
  }
  return checks;
}

/** The deprecated annotation that named a class before IngressClasses (input ingress-annotations). */
function annotatedClass(ingress: KubeObject): string | undefined {
  return ingress.metadata.annotations?.['kubernetes.io/ingress.class'];
}

async function defaultIngressClass(client: KubeClient): Promise<Check> {
  const name = 'ingress class';
  let classes: KubeObject[];
  try {
    classes = (await client.list<KubeObject>('networking.k8s.io/v1', 'IngressClass')).items;
  } catch (error) {
    if (!(error instanceof KubeApiError && error.code === 403)) throw error;
    return { name, state: 'skipped', detail: FORBIDDEN };
  }
  const fallback = classes.find((c) => c.metadata.annotations?.[INGRESS_CLASS_DEFAULT] === 'true');
  if (fallback)
    return {
      name,
      state: 'ok',
      detail: `the Ingress names no class: the cluster's default IngressClass "${fallback.metadata.name}" serves it`,
    };
  if (classes.length === 0)
    return {
      name,
      state: 'skipped',
      detail:
        'the cluster has no IngressClass, so only a controller that serves Ingresses without a class would serve the preview (ingress-nginx does not): install an ingress controller, or set input expose to loadbalancer or none',
    };
  return {
    name,
    state: 'failed',
    detail: `Input ingress-class is not set and the cluster has no default IngressClass, so no controller that needs a class (ingress-nginx, by default) would serve the preview's Ingress. Set input ingress-class to one of ${classes.map((c) => `"${c.metadata.name}"`).join(', ')}, or mark one default (annotation ${INGRESS_CLASS_DEFAULT}: "true").`,
  };
}

const FORBIDDEN =
  'IngressClasses are cluster-scoped and the identity may not read them (a ClusterRole granting get and list on ingressclasses.networking.k8s.io enables this check)';

async function ingressClass(client: KubeClient, className: string, source: string): Promise<Check> {
  const name = 'ingress class';
  try {
    const found = await client.read({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      name: className,
    });
    return found
      ? { name, state: 'ok', detail: `IngressClass "${className}" exists` }
      : {
          name,
          state: 'failed',
          detail: `IngressClass "${className}" (${source}) does not exist: no ingress controller would serve the preview's Ingress. Set input ingress-class to one of \`kubectl get ingressclass\`, or leave it empty for the cluster's default.`,
        };
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 403)
      return { name, state: 'skipped', detail: FORBIDDEN };
    throw error;
  }
}
