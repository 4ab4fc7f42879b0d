import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceId } from '../src/model/ids.js';
import { ANNOTATIONS, LABELS, identityLabels } from '../src/model/objects.js';
import { buildPlan, type DeployStamp } from '../src/model/plan.js';
import type { TemplateArgs } from '../src/model/template-args.js';
import { loadTemplate, renderTemplate } from '../src/render/template.js';
import { ROOT, kafkaTemplate, scratchDir } from './helpers.js';

const ids = { envId: 'pr-7', id: resourceId('acme/web', 'pr-7') };
const args: TemplateArgs = {
  namespace: 'previews',
  id: ids.id,
  storageClass: undefined,
  storageSize: 12.5,
  labels: identityLabels(ids),
  envId: ids.envId,
  prNumber: 7,
  repository: 'acme/web',
  sha: 'abc123',
  project: 'web',
  dockerImage: undefined,
  resources: undefined,
  nodeSelector: undefined,
  tolerations: undefined,
  priorityClassName: undefined,
  registryMirrors: [],
};
const options: DeployStamp = {
  namespace: 'previews',
  ids,
  labels: { team: 'web' },
  annotations: { owner: 'platform' },
  provenance: {
    repository: 'acme/web',
    prUrl: 'https://github.com/acme/web/pull/7',
    sha: 'abc123',
    deployedAt: new Date('2026-01-02T03:04:05Z'),
  },
};
const FIXTURES = path.join(ROOT, 'test/fixtures/preevy');

async function plan(template: string, overrides: Partial<TemplateArgs> = {}) {
  const loaded = loadTemplate(template);
  const rendered = await renderTemplate(loaded, { ...args, ...overrides });
  return buildPlan({ ...rendered, templateHash: 'f00' }, options);
}

async function planOfText(text: string) {
  using scratch = scratchDir();
  const file = path.join(scratch.dir, 't.yaml.njk');
  writeFileSync(file, text);
  return await plan(file);
}

describe('values in the bundled templates', () => {
  it('cannot end their YAML scalar, whatever they hold: strings are printed as JSON strings', async () => {
    const hostile =
      'x"\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: pwn}';
    const p = await plan('default', { storageClass: hostile });
    expect(p.objects.map((o) => o.kind)).toEqual(['ConfigMap', 'StatefulSet']);
    expect((p.objects[1] as any).spec.volumeClaimTemplates[0].spec.storageClassName).toBe(hostile);
  });
});

describe('the bundled default template', () => {
  it('renders a ConfigMap and a docker-host StatefulSet with a data volume', async () => {
    const p = await plan('default');
    expect(p.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      `ConfigMap/${ids.id}-dc`,
      `StatefulSet/${ids.id}`,
    ]);
    expect(p.dockerHost).toEqual({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: ids.id });
    const sts = p.objects[1] as any;
    const container = sts.spec.template.spec.containers[0];
    expect(container.image).toMatch(/^docker:.*dind/);
    expect(container.securityContext.privileged).toBe(true);
    // Loopback only: no other pod may reach the Docker server; port-forward comes from inside.
    expect(container.command).toEqual([
      'dockerd',
      '--host=tcp://127.0.0.1:2375',
      '--host=unix:///var/run/docker.sock',
    ]);
    expect(container.readinessProbe.exec.command).toEqual([
      'wget',
      '-q',
      '-O',
      '/dev/null',
      'http://127.0.0.1:2375/_ping',
    ]);
    expect(p.warnings).toEqual([]);
    expect(container.volumeMounts).toContainEqual({
      name: 'data',
      subPath: 'docker',
      mountPath: '/var/lib/docker',
    });
    expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('12.5Gi');
    expect(sts.spec.volumeClaimTemplates[0].spec.storageClassName).toBeUndefined();
    expect(JSON.parse((p.objects[0] as any).data['daemon.json'])).toEqual({
      tls: false,
      'registry-mirrors': [],
    });
    expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' } });
    for (const field of ['nodeSelector', 'tolerations', 'priorityClassName'])
      expect(sts.spec.template.spec[field]).toBeUndefined();
  });

  it.each(['default', 'sysbox'])(
    'the %s template takes the pod inputs: image, resources, scheduling and registry mirrors',
    async (template) => {
      const pod = {
        dockerImage: 'registry.example.com/dind:27@sha256:' + 'a'.repeat(64),
        resources: { requests: { cpu: '1' }, limits: { memory: '4Gi', 'nvidia.com/gpu': '1' } },
        nodeSelector: { 'kubernetes.io/arch': 'arm64' },
        tolerations: [{ key: 'previews', operator: 'Exists' as const, effect: 'NoSchedule' as const }],
        priorityClassName: 'previews-low',
        registryMirrors: ['http://mirror.registry.svc:5000', 'https://mirror.gcr.io'],
      };
      const p = await plan(template, pod);
      const workload = p.objects.find((o) => o.kind !== 'ConfigMap') as any;
      const spec = workload.spec.template.spec;
      expect(spec.containers[0].image).toBe(pod.dockerImage);
      expect(spec.containers[0].resources).toEqual(pod.resources);
      expect(spec.nodeSelector).toEqual(pod.nodeSelector);
      expect(spec.tolerations).toEqual(pod.tolerations);
      expect(spec.priorityClassName).toBe('previews-low');
      const daemon = JSON.parse((p.objects.find((o) => o.kind === 'ConfigMap') as any).data['daemon.json']);
      expect(daemon).toEqual({ tls: false, 'registry-mirrors': pod.registryMirrors });
    },
  );

  it('prints pod arguments as JSON, so even unvalidated ones cannot add fields or documents', async () => {
    const hostile = 'x"\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: pwn}';
    const p = await plan('default', {
      dockerImage: hostile,
      nodeSelector: { [hostile]: hostile },
      registryMirrors: [hostile],
      priorityClassName: hostile,
    });
    expect(p.objects.map((o) => o.kind)).toEqual(['ConfigMap', 'StatefulSet']);
    const spec = (p.objects[1] as any).spec.template.spec;
    expect(spec.containers[0].image).toBe(hostile);
    expect(spec.nodeSelector).toEqual({ [hostile]: hostile });
    expect(JSON.parse((p.objects[0] as any).data['daemon.json'])['registry-mirrors']).toEqual([hostile]);
  });

  it('sets the storage class only when given', async () => {
    const sts = (await plan('default', { storageClass: 'fast-ssd' })).objects[1] as any;
    expect(sts.spec.volumeClaimTemplates[0].spec.storageClassName).toBe('fast-ssd');
  });

  it('selects pods by the stable identity labels', async () => {
    const sts = (await plan('default')).objects[1] as any;
    expect(sts.spec.selector.matchLabels).toEqual(identityLabels(ids));
  });
});

describe('labels and annotations', () => {
  it('labels every object, pod template and claim template, and annotates the provenance', async () => {
    const p = await plan('default');
    for (const object of p.objects) {
      expect(object.metadata.namespace).toBe('previews');
      expect(object.metadata.labels).toMatchObject({ ...identityLabels(ids), team: 'web' });
      expect(object.metadata.annotations).toMatchObject({
        owner: 'platform',
        [ANNOTATIONS.repository]: 'acme/web',
        [ANNOTATIONS.prUrl]: 'https://github.com/acme/web/pull/7',
        [ANNOTATIONS.sha]: 'abc123',
        [ANNOTATIONS.templateHash]: 'sha256:f00',
        [ANNOTATIONS.deployedAt]: '2026-01-02T03:04:05.000Z',
      });
    }
    const sts = p.objects[1] as any;
    expect(sts.metadata.annotations[ANNOTATIONS.kinds]).toBe('apps/v1/StatefulSet,v1/ConfigMap');
    expect(sts.spec.template.metadata.labels).toMatchObject(identityLabels(ids));
    expect(sts.spec.volumeClaimTemplates[0].metadata.labels).toEqual(identityLabels(ids));
    // Annotations change on every deploy; on a claim template that would be a forbidden StatefulSet update.
    expect(sts.spec.volumeClaimTemplates[0].metadata.annotations).toBeUndefined();
  });

  it('is pure: the same inputs give the same plan', async () => {
    expect(await plan('default')).toEqual(await plan('default'));
  });

  it('refuses input labels that would hide the identity labels', async () => {
    const rendered = await renderTemplate(loadTemplate('default'), args);
    expect(() => buildPlan(rendered, { ...options, labels: { [LABELS.id]: 'x' } })).toThrow(
      `Input labels may not set ${LABELS.id}`,
    );
  });
});

describe("Preevy's templates render unchanged, where their names are the environment's", () => {
  it('the sysbox example (a Deployment docker-host)', async () => {
    const p = await plan(path.join(FIXTURES, 'announcement-sysbox.yaml.njk'));
    // Its dockerd listens on every address: any pod of the cluster could drive it.
    expect(p.warnings).toEqual([
      expect.stringContaining('The docker-host container of Deployment/web-pr-7-'),
    ]);
    expect(p.warnings[0]).toContain('listens on every address (tcp://0.0.0.0:2375)');
    expect(p.dockerHost).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: ids.id });
    expect((p.objects[1] as any).spec.runtimeClassName).toBe('sysbox-runc');
  });

  it("refuses the Kafka example: its Deployment/kafka would be every environment's", async () => {
    const kafka = path.join(FIXTURES, 'announcement-kafka.yaml.njk');
    const error = await plan(kafka).catch((e: Error) => e);
    expect(String(error)).toContain(
      `The template creates Deployment/kafka, whose name does not contain the environment's id (${ids.id})`,
    );
    expect(String(error)).toContain('Put {{ id }} in its name, e.g. name: {{ id }}-kafka.');
  });

  it('the Kafka example with that fix (extra Deployment and Service)', async () => {
    using scratch = scratchDir();
    const p = await plan(kafkaTemplate(scratch.dir));
    expect(p.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      `ConfigMap/${ids.id}-dc`,
      `Deployment/${ids.id}`,
      `Deployment/${ids.id}-kafka`,
      `Service/${ids.id}-kafka`,
    ]);
    expect(p.kinds).toEqual(['apps/v1/Deployment', 'v1/ConfigMap', 'v1/Service']);
    const env = (p.objects[1] as any).spec.template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'KAFKA_SERVICE', value: `${ids.id}-kafka` });
  });

  it('the bundled sysbox template', async () => {
    expect((await plan('sysbox')).dockerHost.kind).toBe('Deployment');
  });

  it('the fixtures are the reference templates, byte for byte', async () => {
    const reference = path.join(ROOT, '../shared/reference/preevy-kubernetes-announcement.txt');
    // The reference documents sit beside the repository on development machines and in CI runs of
    // this workplace; a GitHub checkout has only the fixtures.
    if (!existsSync(reference)) return;
    const text = readFileSync(reference, 'utf8');
    for (const name of ['announcement-sysbox.yaml.njk', 'announcement-kafka.yaml.njk']) {
      expect(text).toContain(readFileSync(path.join(FIXTURES, name), 'utf8').trimEnd());
    }
  });
});

describe('validation', () => {
  /** The name `{{ id }}-<suffix>` renders to. */
  const own = (suffix: string) => `${ids.id}-${suffix}`;
  const workload = (suffix: string, kind = 'StatefulSet', dockerHost = true) => `
apiVersion: apps/v1
kind: ${kind}
metadata:
  name: "{{ id }}-${suffix}"
  ${dockerHost ? 'labels: {app.kubernetes.io/component: docker-host}' : ''}
spec:
  selector: {matchLabels: {app: x}}
  template:
    metadata: {labels: {app: x}}
    spec:
      containers: [{name: docker, image: docker:dind}]
`;

  it('requires exactly one docker-host workload, naming what it found', async () => {
    await expect(planOfText(workload('a', 'Deployment', false))).rejects.toThrow(
      `must carry the label "app.kubernetes.io/component: docker-host" (it runs the Docker server); found none among Deployment/${own('a')}.`,
    );
    await expect(planOfText(`${workload('a')}---${workload('b', 'Deployment')}`)).rejects.toThrow(
      `found 2: StatefulSet/${own('a')}, Deployment/${own('b')}.`,
    );
    await expect(
      planOfText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "{{ id }}-c"}\n'),
    ).rejects.toThrow('found none among no StatefulSet or Deployment at all.');
  });

  it('refuses cluster-scoped objects', async () => {
    await expect(
      planOfText(
        `${workload('a')}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n`,
      ),
    ).rejects.toThrow('The template creates ClusterRole/r, which is cluster-scoped.');
  });

  it('refuses objects in another namespace and fills in the namespace when absent', async () => {
    await expect(
      planOfText(
        `${workload('a')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: kube-system}\n`,
      ),
    ).rejects.toThrow(
      'The template puts ConfigMap/c in namespace "kube-system", but the environment\'s namespace is "previews".',
    );
    expect((await planOfText(workload('a'))).objects[0]!.metadata.namespace).toBe('previews');
  });

  it('requires a container on the docker-host', async () => {
    const text = workload('a').replace('containers: [{name: docker, image: docker:dind}]', 'containers: []');
    await expect(planOfText(text)).rejects.toThrow(
      `The docker-host StatefulSet/${own('a')} has no containers`,
    );
  });

  it('reports template syntax errors with the file', async () => {
    await expect(planOfText('{% if id %}\nkind: x\n')).rejects.toThrow(
      /The template .*t\.yaml\.njk does not render: .*expected/i,
    );
  });

  it('reports YAML errors and non-objects by document', async () => {
    await expect(planOfText(`${workload('a')}---\nkey: [unclosed\n`)).rejects.toThrow(
      /document 2 of the rendered template .* is not valid YAML/,
    );
    await expect(planOfText(`${workload('a')}---\n- a list\n`)).rejects.toThrow(
      /document 2 .* is not a Kubernetes object/,
    );
    await expect(planOfText(`${workload('a')}---\nkind: ConfigMap\n`)).rejects.toThrow(
      /document 2 .* needs apiVersion, kind and metadata.name/,
    );
  });

  it('skips empty documents and refuses duplicates', async () => {
    expect((await planOfText(`---\n${workload('a')}---\n---\n`)).objects).toHaveLength(1);
    await expect(planOfText(`${workload('a')}---${workload('a')}`)).rejects.toThrow(
      `The template creates StatefulSet/${own('a')} twice.`,
    );
  });

  it('names a missing template and unknown bundled names', async () => {
    expect(() => loadTemplate('/nonexistent/t.njk')).toThrow(
      'Cannot read the template /nonexistent/t.njk: ENOENT',
    );
    expect(() => loadTemplate('fancy')).toThrow('There is no bundled template "fancy"');
  });
});
