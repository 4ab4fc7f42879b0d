import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { InputName } from '../src/model/inputs.js';
import type { KubeObject } from '../src/model/objects.js';
import { NAMESPACE, ROOT, run, scratchDir } from './helpers.js';

/**
 * What a pull request's pod, claims, Roles and selectors reach beyond their environment: another
 * environment's pods and data, the namespace's credentials, the node. From an attacker's pass over the
 * template checks (src/model/*-reach.ts): each test is a template `plan` accepted before.
 */
const HELLO = path.join(ROOT, 'examples/hello');
/** Another environment's objects in the shared namespace (pr-8 of the same repository). */
const OTHER = 'hello-pr-8-1a2b3c4d';

function inputs(
  dir: string,
  extra: Partial<Record<InputName, string>> = {},
): Partial<Record<InputName, string>> {
  return { command: 'plan', 'env-id': 'pr-7', namespace: NAMESPACE, 'working-directory': dir, ...extra };
}

/** `plan` of the project with the bundled pod template as its own (x-preevy), `extra` objects after it. */
async function planWithPodTemplate(extra: string, given: Partial<Record<InputName, string>> = {}) {
  using project = scratchDir(HELLO);
  const own = readFileSync(path.join(ROOT, 'templates/default.yaml.njk'), 'utf8');
  writeFileSync(path.join(project.dir, 'pod.yaml.njk'), `${own}\n---\n${extra}`);
  writeFileSync(path.join(project.dir, 'compose.override.yaml'), 'x-preevy:\n  template: pod.yaml.njk\n');
  // Awaited here: the project's directory goes with this scope.
  return await run(inputs(project.dir, given));
}

async function expectRefused(extra: string, refusal: RegExp | string): Promise<void> {
  await expect(planWithPodTemplate(extra)).rejects.toThrow(refusal);
}

const pod = (spec: string, name = '{{ id }}-x') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: "${name}"}\nspec:\n  containers: [{name: c, image: busybox}]\n${spec}\n`;

describe('a Role that "only reads" execs into every pod of the namespace', () => {
  // Exec, attach and port-forward are WebSocket upgrades of a GET, authorized as `get` by every API
  // server before 1.35 (deploy/rbac.yaml says so): `get` on pods/exec is a shell in another
  // environment's privileged docker-host pod.
  it('refuses get on pods/exec, pods/attach, pods/portforward bound to the preview’s ServiceAccount', async () => {
    await expectRefused(
      [
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: "{{ id }}-r"}\nrules: [{apiGroups: [""], resources: [pods, pods/exec, pods/attach, pods/portforward], verbs: [get, list]}]',
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: "{{ id }}-sa"}',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: "{{ id }}-rb"}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "{{ id }}-r"}\nsubjects: [{kind: ServiceAccount, name: "{{ id }}-sa"}]',
        pod('  serviceAccountName: "{{ id }}-sa"'),
      ].join('\n---\n'),
      'grant "pods/exec", "pods/attach", "pods/portforward"',
    );
  });
});

describe('a claim that clones another environment’s volume', () => {
  const claim = (spec: string) =>
    `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: "{{ id }}-loot"}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 2Gi}}\n${spec}\n`;
  it.each([
    [
      'dataSource',
      claim(`  dataSource: {kind: PersistentVolumeClaim, name: data-${OTHER}-0}`),
      `spec.dataSource.name is "data-${OTHER}-0"`,
    ],
    [
      'dataSourceRef',
      claim(`  dataSourceRef: {kind: PersistentVolumeClaim, name: data-${OTHER}-0}`),
      `spec.dataSourceRef.name is "data-${OTHER}-0"`,
    ],
    [
      'volumeName (binds a chosen PersistentVolume)',
      claim('  volumeName: pvc-of-another-environment'),
      'spec.volumeName is "pvc-of-another-environment"',
    ],
    [
      'an ephemeral volume’s claim template',
      pod(
        `  volumes: [{name: v, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 2Gi}}, dataSource: {kind: PersistentVolumeClaim, name: data-${OTHER}-0}}}}}]`,
      ),
      `volumes[].ephemeral…spec.dataSource.name is "data-${OTHER}-0"`,
    ],
  ])('refuses %s', async (_what, extra, refusal) => {
    await expectRefused(extra, refusal);
  });
});

describe('objects whose selectors or targets act on other environments', () => {
  it.each([
    [
      'an HPA that scales another environment’s privileged docker-host to 20',
      `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: "{{ id }}-hpa"}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: ${OTHER}}, minReplicas: 20, maxReplicas: 20}`,
      `spec.scaleTargetRef.name is "${OTHER}"`,
    ],
    [
      'a NetworkPolicy that cuts off every pod of the namespace',
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: "{{ id }}-np"}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}',
      'spec.podSelector.matchLabels has no label whose value contains',
    ],
    [
      'a PodDisruptionBudget that blocks eviction of every pod of the namespace',
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: "{{ id }}-pdb"}\nspec: {maxUnavailable: 0, selector: {}}',
      'spec.selector.matchLabels has no label whose value contains',
    ],
    [
      'a LoadBalancer Service in front of another environment’s pod (no ingress, no basic-auth)',
      `apiVersion: v1\nkind: Service\nmetadata: {name: "{{ id }}-lb"}\nspec: {type: LoadBalancer, selector: {app.kubernetes.io/instance: ${OTHER}}, ports: [{port: 80, targetPort: 8080}]}`,
      'spec.selector has no label whose value contains',
    ],
  ])('refuses %s', async (_what, extra, refusal) => {
    await expectRefused(extra, refusal);
  });
});

describe('pod fields that reach the namespace’s credentials or decide where the pod runs', () => {
  it.each([
    [
      'imagePullSecrets of the namespace’s registry',
      pod('  imagePullSecrets: [{name: registry-credentials}]'),
      'spec.imagePullSecrets[].name is "registry-credentials"',
    ],
    [
      'a ServiceAccount handing its pods the registry secret',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: "{{ id }}-sa"}\nimagePullSecrets: [{name: registry-credentials}]',
      'imagePullSecrets[].name is "registry-credentials"',
    ],
    [
      'a CSI volume’s nodePublishSecretRef',
      pod(
        '  volumes: [{name: v, csi: {driver: secrets-store.csi.k8s.io, readOnly: true, volumeAttributes: {secretProviderClass: shared-vault}, nodePublishSecretRef: {name: cloud-credentials}}}]',
      ),
      'volumes[].csi is a volume type a template from the pull request may not mount',
    ],
    [
      'an azureFile volume’s secretName',
      pod('  volumes: [{name: v, azureFile: {secretName: storage-account-key, shareName: data}}]'),
      'volumes[].azureFile is a volume type',
    ],
    [
      'a cephfs volume’s secretRef',
      pod('  volumes: [{name: v, cephfs: {monitors: ["10.0.0.1:6789"], secretRef: {name: ceph-admin}}}]'),
      'volumes[].cephfs is a volume type',
    ],
    [
      'a control-plane node by nodeName',
      pod('  nodeName: control-plane-1'),
      'spec.nodeName is set: the pod would skip the scheduler',
    ],
    [
      'the node’s root filesystem',
      pod('  volumes: [{name: root, hostPath: {path: /}}]'),
      'volumes[].hostPath is a volume type',
    ],
    [
      'the node’s root filesystem behind an allowed type set to null',
      pod('  volumes: [{name: root, emptyDir: null, hostPath: {path: /}}]'),
      'volumes[].hostPath is a volume type',
    ],
    ['the node’s network', pod('  hostNetwork: true'), 'spec.hostNetwork is true'],
  ])('refuses %s', async (_what, extra, refusal) => {
    await expectRefused(extra, refusal);
  });

  // Not "another environment's", but the workflow's basic-auth password (an unsalted {SHA} line, the
  // same password for every preview): the checks let the pod read it because its name carries the id.
  it('refuses mounting the basic-auth Secret the exposure makes for this environment', async () => {
    await expectRefused(
      pod('  volumes: [{name: v, secret: {secretName: "{{ id }}-basic-auth", optional: true}}]'),
      'the basic-auth Secret the action makes from input basic-auth',
    );
  });
});

describe('where the pods run is the workflow’s to say', () => {
  const controlPlane =
    '  nodeSelector: {node-role.kubernetes.io/control-plane: ""}\n  tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]';
  it.each([
    [
      'the control plane’s nodes',
      pod(controlPlane),
      'spec.nodeSelector is not what input node-selector gives',
    ],
    [
      'a toleration of its own',
      pod('  tolerations: [{operator: Exists}]'),
      'spec.tolerations is not what input tolerations gives',
    ],
    [
      'a node affinity',
      pod(
        '  affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [cp-1]}]}]}}}',
      ),
      'spec.affinity.nodeAffinity is set',
    ],
    ['another scheduler', pod('  schedulerName: anywhere'), 'spec.schedulerName is "anywhere"'],
    ['a priority of its own', pod('  priorityClassName: business-critical'), 'spec.priorityClassName is not'],
  ])('refuses %s', async (_what, extra, refusal) => {
    await expectRefused(extra, refusal);
  });

  it('takes the inputs’ placement, rendered by the template', async () => {
    const given = { 'node-selector': 'pool: previews', tolerations: '[{key: previews, operator: Exists}]' };
    const outcome = await planWithPodTemplate(
      pod('  nodeSelector: {{ nodeSelector | dump }}\n  tolerations: {{ tolerations | dump }}'),
      given,
    );
    const objects = parseAllDocuments(outcome.manifest ?? '').map((d) => d.toJS() as KubeObject);
    const own = objects.find((o) => o.kind === 'Pod')!;
    expect(own.spec).toMatchObject({
      nodeSelector: { pool: 'previews' },
      tolerations: [{ key: 'previews', operator: 'Exists' }],
    });
  });

  it('refuses a pod that leaves out the node selector the workflow gives', async () => {
    await expect(planWithPodTemplate(pod(''), { 'node-selector': 'pool: previews' })).rejects.toThrow(
      'spec.nodeSelector is not what input node-selector gives',
    );
  });
});
