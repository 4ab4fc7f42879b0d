import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputName } from '../src/model/inputs.js';
import { NAMESPACE, ROOT, run, scratchDir } from './helpers.js';

/**
 * What a pull request's template reaches beyond its own objects. The ingress controller serves every
 * namespace: a route for a host that is not the preview's, or for no host at all, takes another route's
 * traffic (the production site's, another preview's); a Service can point anywhere, and a kind the
 * checks do not understand can do anything its controller does. Each test is such a template, which
 * `plan` rendered and accepted before.
 */
const HELLO = path.join(ROOT, 'examples/hello');

function inputs(
  dir: string,
  extra: Partial<Record<InputName, string>> = {},
): Partial<Record<InputName, string>> {
  return {
    command: 'plan',
    'env-id': 'pr-7',
    namespace: NAMESPACE,
    'working-directory': dir,
    domain: 'preview.example.com',
    ...extra,
  };
}

/** The project with the bundled pod template as its own (x-preevy), and `extra` objects after it. */
function projectWithPodTemplate(dir: string, extra: string): void {
  const own = readFileSync(path.join(ROOT, 'templates/default.yaml.njk'), 'utf8');
  writeFileSync(path.join(dir, 'pod.yaml.njk'), `${own}\n---\n${extra}`);
  writeFileSync(path.join(dir, 'compose.override.yaml'), 'x-preevy:\n  template: pod.yaml.njk\n');
}

/** `plan` of that project refuses, saying `refusal`. */
async function expectRefused(extra: string, refusal: string): Promise<void> {
  using project = scratchDir(HELLO);
  projectWithPodTemplate(project.dir, extra);
  await expect(run(inputs(project.dir))).rejects.toThrow(refusal);
}

const ingress = (spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: "{{ id }}-web"}\nspec:\n${spec}\n`;
const backend = '{service: {name: "{{ id }}", port: {number: 80}}}';

describe('a pull request’s route serves only its environment’s hosts', () => {
  it.each([
    [
      'another host',
      ingress(
        `  rules: [{host: www.example.com, http: {paths: [{path: /, pathType: Prefix, backend: ${backend}}]}}]`,
      ),
      'spec.rules[].host is "www.example.com", which is not this environment\'s host',
    ],
    [
      'every host (a rule without one)',
      ingress(`  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: ${backend}}]}}]`),
      'spec.rules[].host names no host',
    ],
    ['the default backend', ingress(`  defaultBackend: ${backend}`), 'spec.defaultBackend names no host'],
    [
      'another host’s certificate',
      ingress(
        `  tls: [{hosts: [shop.example.com], secretName: "{{ id }}-tls"}]\n  rules: [{host: "web-{{ id }}.preview.example.com", http: {paths: [{path: /, pathType: Prefix, backend: ${backend}}]}}]`,
      ),
      'spec.tls[].hosts[] is "shop.example.com"',
    ],
    [
      'every listener’s hosts (an HTTPRoute without hostnames)',
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "{{ id }}-web"}\nspec:\n  parentRefs: [{name: shared-gateway}]\n  rules: [{backendRefs: [{name: "{{ id }}", port: 80}]}]\n',
      'spec.hostnames names no host',
    ],
  ])('refuses a pod template whose Ingress takes %s', async (_what, extra, refusal) => {
    await expectRefused(extra, refusal);
  });

  it('accepts hosts that carry the environment’s id', async () => {
    using project = scratchDir(HELLO);
    projectWithPodTemplate(
      project.dir,
      ingress(
        `  rules: [{host: "api-{{ id }}.preview.example.com", http: {paths: [{path: /, pathType: Prefix, backend: ${backend}}]}}]`,
      ),
    );
    const outcome = await run(inputs(project.dir));
    expect(outcome.manifest).toContain(`host: api-${outcome.ids.id}.preview.example.com`);
  });

  it('an exposure template from the pull request serves the hosts url-template gives it, and no other', async () => {
    using project = scratchDir(HELLO);
    const template = path.join(project.dir, 'expose.yaml.njk');
    copyFileSync(path.join(ROOT, 'templates/expose.yaml.njk'), template);
    // Hosts without the id: url-template's own, for this environment, are the preview's.
    const given = inputs(project.dir, {
      'expose-template': template,
      'url-template': '{service}-{env-id}.{domain}',
    });
    const outcome = await run(given);
    expect(outcome.manifest).toMatch(/host: \S+-pr-7\.preview\.example\.com/);

    const own = readFileSync(template, 'utf8');
    writeFileSync(
      template,
      `${own}\n---\n${ingress(`  rules: [{host: preview.example.com, http: {paths: [{path: /, pathType: Prefix, backend: ${backend}}]}}]`)}`,
    );
    await expect(run(given)).rejects.toThrow('spec.rules[].host is "preview.example.com"');
  });
});

describe('a pull request’s template creates only kinds whose reach is checked', () => {
  it.each([
    [
      'an EndpointSlice that points its Service at the cloud’s metadata address',
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: "{{ id }}-meta"}\naddressType: IPv4\nendpoints: [{addresses: [169.254.169.254]}]\n',
      '-meta (discovery.k8s.io/v1), a kind a template from the pull request may not create',
    ],
    [
      'an ingress controller’s own route kind',
      'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: "{{ id }}-web"}\nspec: {routes: [{match: "Host(`www.example.com`)", kind: Rule}]}\n',
      '(traefik.io/v1alpha1), a kind a template from the pull request may not create',
    ],
    [
      'a Service of another name (ExternalName)',
      'apiVersion: v1\nkind: Service\nmetadata: {name: "{{ id }}-api"}\nspec: {type: ExternalName, externalName: kubernetes.default.svc.cluster.local}\n',
      'whose spec.externalName is set',
    ],
    [
      'a Service that takes external IPs’ traffic',
      'apiVersion: v1\nkind: Service\nmetadata: {name: "{{ id }}-mitm"}\nspec: {externalIPs: [8.8.8.8], ports: [{port: 53}], selector: {app: "{{ id }}"}}\n',
      'whose spec.externalIPs are set',
    ],
  ])('refuses %s', async (_what, extra, refusal) => {
    await expectRefused(extra, refusal);
  });
});

describe('a pull request’s Ingress says nothing to the controller the workflow did not', () => {
  const ownIngress = (annotations: string) =>
    ingress(
      `  rules: [{host: "web-{{ id }}.preview.example.com", http: {paths: [{path: /, pathType: Prefix, backend: ${backend}}]}}]`,
    ).replace(
      'metadata: {name: "{{ id }}-web"}',
      `metadata: {name: "{{ id }}-web", annotations: {${annotations}}}`,
    );
  it.each([
    [
      'server-alias (another host for the same server)',
      'nginx.ingress.kubernetes.io/server-alias',
      'www.example.com',
    ],
    ['server-snippet', 'nginx.ingress.kubernetes.io/server-snippet', 'server_name www.example.com;'],
    [
      'configuration-snippet',
      'nginx.ingress.kubernetes.io/configuration-snippet',
      'proxy_pass http://kubernetes.default.svc;',
    ],
    [
      'auth-url (the controller fetches any URL)',
      'nginx.ingress.kubernetes.io/auth-url',
      'http://169.254.169.254/latest/meta-data/',
    ],
    ['another Secret for basic auth', 'nginx.ingress.kubernetes.io/auth-secret', 'wildcard-tls'],
    ['a key that is a property of every object', 'constructor', 'x'],
  ])('refuses %s', async (_what, key, value) => {
    await expectRefused(
      ownIngress(`"${key}": "${value}"`),
      `metadata.annotations["${key}"] is not one the workflow set`,
    );
  });

  it('passes the workflow’s own annotations (input ingress-annotations) and its basic auth', async () => {
    using project = scratchDir(HELLO);
    const template = path.join(project.dir, 'expose.yaml.njk');
    copyFileSync(path.join(ROOT, 'templates/expose.yaml.njk'), template);
    const given = inputs(project.dir, {
      'expose-template': template,
      'ingress-annotations': 'nginx.ingress.kubernetes.io/proxy-body-size: 64m',
      'basic-auth': 'reviewer:s3cr3t-passw0rd',
    });
    expect((await run(given)).manifest).toContain('nginx.ingress.kubernetes.io/proxy-body-size: 64m');
  });

  it.each([
    [
      'an Ingress',
      ingress(
        '  rules: [{host: "web-{{ id }}.preview.example.com", http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web-pr-8-1a2b3c4d, port: {number: 80}}}}]}}]',
      ),
      'spec.rules[].http.paths[].backend.service.name is "web-pr-8-1a2b3c4d"',
    ],
    [
      'an HTTPRoute',
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "{{ id }}-r"}\nspec:\n  hostnames: ["web-{{ id }}.preview.example.com"]\n  rules: [{backendRefs: [{name: web-pr-8-1a2b3c4d, port: 80}]}]\n',
      'spec.rules[].backendRefs[].name is "web-pr-8-1a2b3c4d"',
    ],
  ])(
    'refuses %s that serves another environment’s Service on its own host',
    async (_what, extra, refusal) => {
      await expectRefused(extra, refusal);
    },
  );

  it('refuses a route to another namespace’s backend', async () => {
    await expectRefused(
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: "{{ id }}-r"}\nspec:\n  hostnames: ["web-{{ id }}.preview.example.com"]\n  parentRefs: [{name: shared-gateway, namespace: gateways}]\n  rules: [{backendRefs: [{name: api, namespace: prod, port: 80}]}]\n',
      "backendRefs name another namespace's Service",
    );
  });
});
