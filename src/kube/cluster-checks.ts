import type { Logger } from '../util/log.js';
import { describeError } from '../util/errors.js';
import { applyPlan } from './apply.js';
import { KubeApiError } from './api-error.js';
import type { KubeClient } from './client.js';
import { isClaim, isWorkload, type Pod, type PodSpec, type Workload } from '../model/kinds.js';
import { environmentSelector, type KubeObject, type ObjectRef } from '../model/objects.js';
import type { Check } from '../model/outcome.js';
import { dockerHostObject, type ObjectSet } from '../model/plan.js';
import { ingressClasses } from './ingress-classes.js';

/** What the checks compare the cluster with: the rendered objects and the inputs they came from. */
export interface PreflightSubject {
  /** The docker-host objects of the pod template. */
  plan: ObjectSet & { dockerHost: ObjectRef };
  /** The exposure objects of the ports compose declares, when there are any. */
  exposure: ObjectSet | undefined;
  serverSideApply: boolean;
  storageClass: string | undefined;
  ingressClass: string | undefined;
  tlsSecret: string | undefined;
}

const STORAGE_CLASS_DEFAULT = 'storageclass.kubernetes.io/is-default-class';

/**
 * Asks the API server about everything a deploy will send, changing nothing: every object as the same
 * apply with `dryRun=All` (validation, quotas, LimitRanges, webhooks answer as they will), the docker-host
 * pod as its workload's controller will create it (Pod Security judges pods, not workloads), and the
 * StorageClass, IngressClass and TLS Secret the objects name.
 */
export async function preflightChecks(
  client: KubeClient,
  subject: PreflightSubject,
  log: Logger,
): Promise<Check[]> {
  const quiet: Logger = { ...log, info: () => {} };
  const checks: Check[] = [await dryRun('objects of the pod template', client, subject.plan, subject, quiet)];
  if (subject.exposure && subject.exposure.objects.length > 0)
    checks.push(await dryRun('exposure objects', client, subject.exposure, subject, quiet));
  checks.push(await podAdmission(client, subject.plan));
  checks.push(...(await storageClasses(client, subject)));
  checks.push(...(await ingressClasses(client, subject)));
  if (subject.tlsSecret) checks.push(await tlsSecret(client, subject.tlsSecret));
  return checks;
}

async function dryRun(
  name: string,
  client: KubeClient,
  set: ObjectSet,
  subject: PreflightSubject,
  log: Logger,
): Promise<Check> {
  try {
    await applyPlan(client, set, { serverSideApply: subject.serverSideApply, log, dryRun: true });
    return { name: `dry run: ${name}`, state: 'ok', detail: `${set.objects.length} objects accepted` };
  } catch (error) {
    return { name: `dry run: ${name}`, state: 'failed', detail: describeError(error) };
  }
}

/**
 * The docker-host pod, created with `dryRun=All` as its StatefulSet or Deployment will create it. Pod
 * Security's enforce mode, the RuntimeClass plugin and quotas on pods judge pods only: a workload they
 * refuse is stored and its pods never come. Checked while the environment has no pod (first deploy, or
 * asleep): a running one would count against a pod quota the real rollout frees first.
 *
 * The ServiceAccount plugin refuses a pod whose ServiceAccount does not exist yet, and a dry-run one
 * does not count (../shared/real-cluster/api/dryrun-pod-missing-sa*.json). It is a mutating plugin, so
 * its refusal comes before Pod Security, quotas and webhooks have judged the pod: taking it as a pass
 * would leave those unchecked. A pod naming a ServiceAccount the plan creates is therefore dry-run
 * under the namespace's default one, and the rest of admission answers. (Its ConfigMaps, Secrets and
 * claims are not looked up by admission: the kubelet and the scheduler wait for them.)
 */
async function podAdmission(client: KubeClient, plan: PreflightSubject['plan']): Promise<Check> {
  const name = 'pod admission (Pod Security, RuntimeClass, quotas)';
  const workload = dockerHostObject(plan);
  const pods = await client.list<KubeObject>('v1', 'Pod', {
    labelSelector: environmentSelector(plan.ids.id),
  });
  if (pods.items.length > 0)
    return {
      name,
      state: 'skipped',
      detail: 'the environment runs a pod already; its wait diagnoses a new one',
    };
  const { pod, planned } = podOf(workload, plannedServiceAccounts(plan.objects));
  const under = planned
    ? ` (under the namespace's default ServiceAccount: ServiceAccount/${planned} is created by the deploy)`
    : '';
  try {
    await client.create(pod, { dryRun: true });
    return {
      name,
      state: 'ok',
      detail: `a pod of ${plan.dockerHost.kind}/${plan.dockerHost.name} is admitted${under}`,
    };
  } catch (error) {
    if (error instanceof KubeApiError && error.rbacDenied) {
      return {
        name,
        state: 'skipped',
        detail:
          'the identity may not create pods (grant create on pods for this check; deploy/rbac.yaml does)',
      };
    }
    // A namespace without its default ServiceAccount (yet): the deploy's own one will exist.
    if (planned && error instanceof KubeApiError && MISSING_ACCOUNT.test(error.status.message ?? '')) {
      return { name, state: 'skipped', detail: `${describeError(error)}${under}` };
    }
    return { name, state: 'failed', detail: describeError(error) };
  }
}

/** The ServiceAccount plugin's refusal (dryrun-pod-missing-sa.json). */
const MISSING_ACCOUNT = /error looking up service account [^:]+: serviceaccount "[^"]+" not found/;

/** The names of the ServiceAccounts the plan creates. */
function plannedServiceAccounts(objects: KubeObject[]): Set<string> {
  const accounts = objects.filter((o) => o.apiVersion === 'v1' && o.kind === 'ServiceAccount');
  return new Set(accounts.map((o) => o.metadata.name));
}

/**
 * The pod a workload's controller creates: its template, with the volumes of its claim templates; less
 * its ServiceAccount when the plan creates that one (`planned`, which is then returned).
 */
function podOf(workload: KubeObject, accounts: Set<string>): { pod: Pod; planned?: string } {
  const spec = (isWorkload(workload) ? workload.spec : undefined) ?? {};
  const podSpec: PodSpec = structuredClone(spec.template?.spec ?? {});
  // serviceAccount is the deprecated alias the API server still reads when serviceAccountName is empty.
  const account = podSpec.serviceAccountName || podSpec.serviceAccount;
  const planned = account && accounts.has(account) ? account : undefined;
  if (planned) {
    delete podSpec.serviceAccountName;
    delete podSpec.serviceAccount;
  }
  const claims = (spec.volumeClaimTemplates ?? []).map((c) => c.metadata?.name ?? '');
  const podName = `${workload.metadata.name}-preflight`;
  if (claims.length > 0) {
    const volumes = claims.map((claim) => ({
      name: claim,
      persistentVolumeClaim: { claimName: `${claim}-${podName}` },
    }));
    podSpec.volumes = [...(podSpec.volumes ?? []), ...volumes];
  }
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: podName, labels: spec.template?.metadata?.labels ?? {} },
    spec: podSpec,
  };
  return planned ? { pod, planned } : { pod };
}

/**
 * Every StorageClass the claims name exists, and a claim that names none has a default one: without
 * it the claim stays Pending and the deploy waits out its timeout.
 */
async function storageClasses(client: KubeClient, subject: PreflightSubject): Promise<Check[]> {
  const claims = claimsOf(subject.plan.objects);
  if (claims.length === 0) return [];
  const name = 'storage class';
  let classes: KubeObject[];
  try {
    classes = (await client.list<KubeObject>('storage.k8s.io/v1', 'StorageClass')).items;
  } catch (error) {
    if (!(error instanceof KubeApiError && error.code === 403)) throw error;
    return [
      {
        name,
        state: 'skipped',
        detail:
          'StorageClasses are cluster-scoped and the identity may not list them (a ClusterRole granting list on storageclasses.storage.k8s.io enables this check)',
      },
    ];
  }
  const known = classes.map((c) => c.metadata.name);
  const fallback = classes.find((c) => c.metadata.annotations?.[STORAGE_CLASS_DEFAULT] === 'true');
  const available = `The cluster has ${known.length ? known.map((n) => `"${n}"`).join(', ') : 'none'}${fallback ? ` (default "${fallback.metadata.name}")` : ''}.`;
  return [...new Set(claims)].map((claimClass): Check => {
    if (claimClass === undefined) {
      return fallback
        ? { name, state: 'ok', detail: `the claims use the default StorageClass "${fallback.metadata.name}"` }
        : {
            name,
            state: 'failed',
            detail: `No StorageClass is named and the cluster has no default one, so the docker-host's volume claim would stay Pending. Set input storage-class. ${available}`,
          };
    }
    const source = claimClass === subject.storageClass ? 'input storage-class' : 'the template';
    return known.includes(claimClass)
      ? { name, state: 'ok', detail: `StorageClass "${claimClass}" exists` }
      : {
          name,
          state: 'failed',
          detail: `StorageClass "${claimClass}" (from ${source}) does not exist, so the docker-host's volume claim would stay Pending. Set input storage-class to one that does. ${available}`,
        };
  });
}

/** The storageClassName of every claim the objects make (undefined: the default class). */
function claimsOf(objects: KubeObject[]): (string | undefined)[] {
  return objects.flatMap((o) => {
    if (isClaim(o)) return [o.spec?.storageClassName];
    // Not only a StatefulSet: a custom resource may make claims from templates the same way.
    const templates = (o as Workload).spec?.volumeClaimTemplates;
    return (templates ?? []).map((claim) => claim.spec?.storageClassName);
  });
}

async function tlsSecret(client: KubeClient, secretName: string): Promise<Check> {
  return readNamed(
    client,
    { apiVersion: 'v1', kind: 'Secret', name: secretName },
    {
      name: 'TLS secret',
      found: `Secret "${secretName}" exists in namespace ${client.namespace}`,
      missing: `Secret "${secretName}" (input tls-secret) does not exist in namespace ${client.namespace}: the ingress would serve its controller's default certificate. Create it there (kubectl create secret tls ${secretName} --cert … --key … -n ${client.namespace}) or unset input tls-secret.`,
      forbidden: 'the identity may not read Secrets in the namespace (grant get on secrets to check it)',
    },
  );
}

async function readNamed(
  client: KubeClient,
  ref: ObjectRef,
  text: { name: string; found: string; missing: string; forbidden: string },
): Promise<Check> {
  try {
    const object = await client.read(ref);
    return object
      ? { name: text.name, state: 'ok', detail: text.found }
      : { name: text.name, state: 'failed', detail: text.missing };
  } catch (error) {
    if (error instanceof KubeApiError && error.code === 403)
      return { name: text.name, state: 'skipped', detail: text.forbidden };
    throw error;
  }
}
