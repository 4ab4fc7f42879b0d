import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseDuration } from '../src/util/duration.js';
import { INPUT_NAMES, mapInputs } from '../src/model/inputs.js';
import { resolveSettings } from '../src/model/resolve-settings.js';
import { readProjectInputs } from '../src/model/run-inputs.js';
import { readDriverOptions } from '../src/model/x-preevy.js';
import { ROOT, memoryLogger } from './helpers.js';

const project = { workingDirectory: '/work/app', composeFiles: [] };

describe('settings precedence: default < x-preevy < explicit input', () => {
  it('uses the built-in defaults when nothing is set', () => {
    const s = resolveSettings(mapInputs({}), {}, project);
    expect(s).toMatchObject({
      command: 'auto',
      namespace: 'default',
      template: 'default',
      serverSideApply: true,
      storageSize: 5,
      storageClass: undefined,
      timeoutMs: 300_000,
      kubeconfig: { kind: 'default' },
    });
  });

  it('lets x-preevy override the defaults and an explicit input override x-preevy', () => {
    const fromCompose = readDriverOptions(
      {
        driver: 'kube-pod',
        drivers: {
          'kube-pod': {
            namespace: 'previews',
            'storage-size': 12.5,
            'storage-class': 'fast',
            'server-side-apply': false,
            template: 'k8s/preview.njk',
            kubeconfig: 'k8s/kubeconfig',
            context: 'staging',
          },
        },
      },
      memoryLogger(),
    );
    const s = resolveSettings(
      mapInputs({ namespace: 'from-input', 'storage-size': '3' }),
      fromCompose,
      project,
    );
    expect(s.namespace).toBe('from-input');
    expect(s.storageSize).toBe(3);
    expect(s.storageClass).toBe('fast');
    expect(s.serverSideApply).toBe(false);
    expect(s.context).toBe('staging');
    expect(s.template).toBe(path.resolve('/work/app/k8s/preview.njk'));
    expect(s.kubeconfig).toEqual({
      kind: 'file',
      path: '/work/app/k8s/kubeconfig',
      from: 'x-preevy kubeconfig',
    });
  });

  it('prefers the kubeconfig input over a path in x-preevy', () => {
    const s = resolveSettings(mapInputs({ kubeconfig: 'apiVersion: v1' }), { kubeconfig: 'k' }, project);
    expect(s.kubeconfig).toEqual({ kind: 'content', content: 'apiVersion: v1' });
  });

  it('accepts the flat x-preevy form of the kube-pod docs, the driver-scoped form winning', () => {
    const log = memoryLogger();
    const options = readDriverOptions(
      {
        driver: 'kube-pod',
        namespace: 'flat',
        'storage-size': 12.5,
        drivers: { 'kube-pod': { namespace: 'scoped' } },
      },
      log,
    );
    expect(options).toEqual({ namespace: 'scoped', storageSize: 12.5 });
    expect(log.warnings).toEqual([]);
  });

  it('reads the older kube-docker driver section and the pod-template spelling', () => {
    expect(
      readDriverOptions({ drivers: { 'kube-docker': { 'pod-template': 't.njk' } } }, memoryLogger()),
    ).toEqual({
      template: 't.njk',
    });
  });

  it('warns on unknown keys and ignores other drivers', () => {
    const log = memoryLogger();
    const options = readDriverOptions(
      {
        driver: 'kube-pod',
        namespce: 'typo',
        drivers: { 'kube-pod': { storage: 3 }, lightsail: { region: 'x' } },
      },
      log,
    );
    expect(options).toEqual({});
    expect(log.warnings).toEqual([
      'Ignoring unknown key x-preevy.namespce in the compose file.',
      'Ignoring unknown key x-preevy.drivers.kube-pod.storage in the compose file.',
    ]);
  });

  it.each([
    [['a', 'list'], 'x-preevy in the compose file must be a map, got a list.'],
    [{ drivers: 'kube-pod' }, 'x-preevy.drivers in the compose file must be a map, got string "kube-pod".'],
    [
      { drivers: { 'kube-pod': { namespace: 3 } } },
      'x-preevy.drivers.kube-pod.namespace in the compose file must be a non-empty string, got number 3.',
    ],
    [{ 'storage-size': 'big' }, 'x-preevy.storage-size must be a positive number of GiB'],
    [{ 'server-side-apply': 'maybe' }, 'x-preevy.server-side-apply must be true or false'],
    // A value that would end its YAML scalar and add a document (a RoleBinding to cluster-admin).
    [
      { 'storage-class': 'x"\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding' },
      'x-preevy.storage-class must be a Kubernetes object name',
    ],
  ])('rejects x-preevy %j with a message naming the key', (section, message) => {
    expect(() => readDriverOptions(section, memoryLogger())).toThrow(message);
  });

  it.each([
    ['storage-size', 'ten', 'Input storage-size must be a positive number of GiB'],
    ['storage-size', '0', 'Input storage-size must be a positive number of GiB'],
    ['server-side-apply', 'sure', 'Input server-side-apply must be true or false, got "sure".'],
    ['namespace', 'Bad_NS', 'Input namespace must be a DNS label'],
    ['env-id', 'PR 12', 'Input env-id must be a DNS label'],
    [
      'command',
      'deploy',
      'Input command must be one of auto, up, down, plan, doctor, cleanup; got "deploy".',
    ],
    ['timeout', '5 minutes', 'Input timeout must be a duration such as 90s, 5m or 1h30m'],
    ['labels', '[a, b]', 'Input labels must be a YAML map'],
    ['annotations', 'a: [', 'Input annotations must be a YAML map of strings'],
  ])('rejects input %s=%j naming the input', (name, value, message) => {
    expect(() => resolveSettings(mapInputs({ [name]: value }), {}, project)).toThrow(message);
  });

  it.each([
    ['docker-image', 'docker:28 dind', 'Input docker-image must be an image reference'],
    ['docker-image', 'x"\nkind: Secret', 'Input docker-image must be an image reference'],
    ['resources', 'cpu: 1', 'Input resources must be a YAML map with requests and limits'],
    ['resources', 'requests: {cpu: lots}', 'Input resources: requests.cpu must be a quantity'],
    ['resources', 'limits: [1]', 'Input resources: limits must be a map'],
    ['node-selector', '[a]', 'Input node-selector must be a YAML map of node labels'],
    ['node-selector', '"bad key": x', 'Input node-selector: "bad key: x" is not a node label and value.'],
    ['tolerations', 'key: x', 'Input tolerations must be a YAML list of tolerations'],
    [
      'tolerations',
      '[{key: x, operator: Maybe}]',
      'Input tolerations, item 1: operator must be Exists or Equal',
    ],
    ['tolerations', '[{key: x, effect: Now}]', 'Input tolerations, item 1: effect must be NoSchedule'],
    ['tolerations', '[{key: x, seconds: 3}]', 'Input tolerations, item 1 has unknown fields: seconds.'],
    ['priority-class', 'High Priority', 'Input priority-class must be a Kubernetes object name'],
    [
      'registry-mirrors',
      'mirror.example.com',
      'Input registry-mirrors: each line must be the http(s) URL of a host',
    ],
    [
      'registry-mirrors',
      'https://mirror.example.com/docker',
      'Input registry-mirrors: each line must be the http(s) URL of a host',
    ],
    [
      'registry-mirrors',
      'https://u:p@mirror.example.com',
      'Input registry-mirrors: each line must be the http(s) URL of a host',
    ],
  ])('rejects pod input %s=%j naming the input', (name, value, message) => {
    expect(() => resolveSettings(mapInputs({ [name]: value }), {}, project)).toThrow(message);
  });

  it('reads the pod inputs: image, resources, node selector, tolerations, priority class, mirrors', () => {
    const s = resolveSettings(
      mapInputs({
        'docker-image': 'docker:27-dind',
        resources: 'requests: {cpu: 500m, memory: 1Gi}\nlimits:\n  memory: 2Gi\n  cpu: 2',
        'node-selector': 'kubernetes.io/arch: amd64\npool: previews',
        tolerations:
          '- {key: previews, operator: Equal, value: "yes", effect: NoSchedule, tolerationSeconds: 60}',
        'priority-class': 'previews-low',
        'registry-mirrors': 'https://mirror.example.com\n\n http://10.0.0.5:5000 \n',
      }),
      {},
      project,
    );
    expect(s.pod).toEqual({
      dockerImage: 'docker:27-dind',
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi', cpu: '2' } },
      nodeSelector: { 'kubernetes.io/arch': 'amd64', pool: 'previews' },
      tolerations: [
        { key: 'previews', operator: 'Equal', value: 'yes', effect: 'NoSchedule', tolerationSeconds: 60 },
      ],
      priorityClassName: 'previews-low',
      registryMirrors: ['https://mirror.example.com', 'http://10.0.0.5:5000'],
    });
    expect(resolveSettings(mapInputs({}), {}, project).pod).toEqual({
      dockerImage: undefined,
      resources: undefined,
      nodeSelector: undefined,
      tolerations: undefined,
      priorityClassName: undefined,
      registryMirrors: [],
    });
  });

  it('matches action.yml: every input it declares is one the settings read, and the other way round', () => {
    const declared = Object.keys(
      (parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs,
    );
    expect([...declared].sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('reads compose files and allow-paths one per line relative to the working directory', () => {
    const p = readProjectInputs(
      mapInputs({
        'working-directory': 'app',
        'compose-file': 'a.yaml\n\n b.yaml \n',
        'allow-paths': '../shared\n/opt/assets',
      }),
      '/repo',
    );
    expect(p).toEqual({
      workingDirectory: '/repo/app',
      composeFiles: ['/repo/app/a.yaml', '/repo/app/b.yaml'],
      allowPaths: ['/repo/shared', '/opt/assets'],
    });
  });

  it('parses labels and annotations as YAML maps of strings', () => {
    const s = resolveSettings(
      mapInputs({ labels: 'team: web\ntier: 2', annotations: 'a.b/c: "x"' }),
      {},
      project,
    );
    expect(s.labels).toEqual({ team: 'web', tier: '2' });
    expect(s.annotations).toEqual({ 'a.b/c': 'x' });
  });
});

describe('durations', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5s', 1500],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text, 'timeout')).toBe(ms));

  it.each(['', '5 m', 'm5', '-1s', '0s', '5x'])('%j is refused', (text) => {
    expect(() => parseDuration(text, 'timeout')).toThrow(/Input timeout must be/);
  });
});
