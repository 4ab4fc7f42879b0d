import { isDeepStrictEqual } from 'node:util';
import { basicAuthSecretName } from './exposure.js';
import type { KubeObject } from './objects.js';
import type { Reach } from './reach.js';
import { dig, list, type Spec } from './spec-walk.js';

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
const NODE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/**
 * What a pod (of a Pod, a workload's template, a CronJob's job template), a claim, or a ServiceAccount
 * reaches: only its environment's ServiceAccount, Secrets and claims, on a node the scheduler picks.
 */
export function podReach(reach: Reach): void {
  const { object, at } = reach;
  const spec = podSpecOf(object);
  if (spec) podSpecReach(spec, reach);
  if (object.kind === 'PersistentVolumeClaim') claimReach(dig(object, 'spec'), 'spec', reach);
  if (object.kind === 'StatefulSet')
    for (const template of list(dig(object, 'spec')?.volumeClaimTemplates))
      claimReach(dig(template, 'spec'), 'spec.volumeClaimTemplates[].spec', reach);
  if (object.kind === 'ServiceAccount') {
    const record = object as unknown as Spec;
    for (const secret of list(record.imagePullSecrets)) at('imagePullSecrets[].name', secret.name);
    for (const secret of list(record.secrets)) at('secrets[].name', secret.name);
  }
}

/** The pod spec of a Pod, a workload's template, or a CronJob's job template. */
function podSpecOf(object: KubeObject): Spec | undefined {
  const spec = object.spec as Spec | undefined;
  if (object.kind === 'Pod') return spec;
  if (object.kind === 'CronJob') return dig(spec, 'jobTemplate', 'spec', 'template', 'spec');
  return dig(spec, 'template', 'spec');
}

/** The pod fields that say where it runs, with the input a workflow says it with. */
const PLACEMENT = {
  nodeSelector: 'node-selector',
  tolerations: 'tolerations',
  priorityClassName: 'priority-class',
} as const;

/**
 * Where the pod runs is the workflow's to say: a pull request that tolerates the control plane's taint
 * and selects its nodes would run a privileged Docker server there. A template renders the inputs'
 * values ({{ nodeSelector | dump }}, …); its own, a node affinity or another scheduler are refused.
 */
function placementReach(spec: Spec, { allowance, refuse }: Reach): void {
  for (const [field, input] of Object.entries(PLACEMENT) as [keyof typeof PLACEMENT, string][]) {
    const given = allowance.placement?.[field];
    // Left out, tolerations and a priority only narrow; a node selector left out widens the pool.
    const required = field === 'nodeSelector' && given !== undefined;
    if ((spec[field] !== undefined || required) && !isDeepStrictEqual(spec[field], given))
      refuse(
        `spec.${field}`,
        `is not what input ${input} gives: where the preview's pods run is the workflow's to say. Set input ${input} and render {{ ${field} | dump }}, or leave it out.`,
      );
  }
  if (dig(spec, 'affinity', 'nodeAffinity') !== undefined)
    refuse(
      'spec.affinity.nodeAffinity',
      "is set: where the pods run is the workflow's to say (input node-selector).",
    );
  if (spec.schedulerName !== undefined && spec.schedulerName !== 'default-scheduler')
    refuse(
      'spec.schedulerName',
      `is "${String(spec.schedulerName)}": the pod would be placed by another scheduler. Leave it out.`,
    );
}

function podSpecReach(spec: Spec, reach: Reach): void {
  const { at, refuse, ids } = reach;
  placementReach(spec, reach);
  // The Secret the exposure makes for basic auth carries the id, but holds the workflow's password.
  const secretAt = (field: string, name: unknown) => {
    if (name === basicAuthSecretName(ids.id))
      refuse(
        field,
        `is "${name}", the basic-auth Secret the action makes from input basic-auth. Leave it out.`,
      );
    at(field, name);
  };
  for (const field of ['serviceAccountName', 'serviceAccount'] as const)
    if (spec[field] !== 'default') at(`spec.${field}`, spec[field]);
  if (spec.nodeName !== undefined)
    refuse('spec.nodeName', 'is set: the pod would skip the scheduler and its taints. Leave it out.');
  for (const field of NODE_FIELDS)
    if (spec[field] === true)
      refuse(`spec.${field}`, "is true: the pod would share the node's own. Leave it out.");
  for (const secret of list(spec.imagePullSecrets)) secretAt('spec.imagePullSecrets[].name', secret.name);
  for (const volume of list(spec.volumes)) volumeReach(volume, reach, secretAt);
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const container of list(spec[key])) {
      for (const variable of list(container.env))
        secretAt(
          `${key}[].env[].valueFrom.secretKeyRef.name`,
          dig(variable, 'valueFrom', 'secretKeyRef')?.name,
        );
      for (const source of list(container.envFrom))
        secretAt(`${key}[].envFrom[].secretRef.name`, dig(source, 'secretRef')?.name);
    }
  }
}

function volumeReach(volume: Spec, reach: Reach, secretAt: (field: string, name: unknown) => void): void {
  // Every key: one set to null reads as unset to Kubernetes, and must not hide the one that is not.
  for (const type of Object.keys(volume).filter((key) => key !== 'name' && !VOLUME_TYPES.includes(key)))
    reach.refuse(
      `volumes[].${type}`,
      `is a volume type a template from the pull request may not mount: only ${VOLUME_TYPES.join(', ')}.`,
    );
  secretAt('volumes[].secret.secretName', dig(volume, 'secret')?.secretName);
  reach.at('volumes[].persistentVolumeClaim.claimName', dig(volume, 'persistentVolumeClaim')?.claimName);
  for (const source of list(dig(volume, 'projected')?.sources))
    secretAt('volumes[].projected.sources[].secret.name', dig(source, 'secret')?.name);
  claimReach(dig(volume, 'ephemeral', 'volumeClaimTemplate', 'spec'), 'volumes[].ephemeral…spec', reach);
}

/** A claim starts empty or from its environment's own data, and binds the volume the cluster provisions. */
function claimReach(spec: Spec | undefined, field: string, { at, refuse }: Reach): void {
  if (!spec) return;
  for (const source of ['dataSource', 'dataSourceRef'] as const) {
    at(`${field}.${source}.name`, dig(spec, source)?.name);
    if (dig(spec, source)?.namespace !== undefined)
      refuse(
        `${field}.${source}.namespace`,
        'is set: a claim copies only its own namespace’s data. Leave it out.',
      );
  }
  if (spec.volumeName !== undefined)
    refuse(
      `${field}.volumeName`,
      `is "${String(spec.volumeName)}": the claim would bind a volume of its choosing (another environment's data). Leave it out.`,
    );
}
