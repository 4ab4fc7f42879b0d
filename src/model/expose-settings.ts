import path from 'node:path';
import { parseDuration } from '../util/duration.js';
import { UserError } from '../util/errors.js';
import type { InputSource } from './inputs.js';
import { hostName, oneOf, optional, stringMap } from './input-parsers.js';
import { dnsSubdomain } from './names.js';
import { DEFAULTS, type ExposeMode, type ExposeSettings, type ProjectInputs } from './settings.js';

const URL_PLACEHOLDERS = ['service', 'port', 'id', 'env-id', 'domain'];

/** Inputs expose, domain, url-template and the ingress's: how the published ports become URLs. */
export function exposeSettings(input: InputSource, project: ProjectInputs): ExposeSettings {
  const domain = optional(input('domain'), (v) => hostName(v.replace(/^\.+/, ''), 'Input domain'));
  const mode =
    optional(input('expose'), (v) => oneOf(v, ['ingress', 'loadbalancer', 'none'] as const, 'expose')) ??
    (domain ? 'ingress' : 'none');
  const urlTemplate = input('url-template') ?? DEFAULTS.urlTemplate;
  for (const [, name] of urlTemplate.matchAll(/\{([^}]*)\}/g)) {
    if (!URL_PLACEHOLDERS.includes(name!)) {
      throw new UserError(explainUnknownPlaceholder(name!));
    }
  }
  if (mode === 'ingress' && !/\{(id|env-id)\}/.test(urlTemplate)) {
    throw new UserError(explainSharedUrlTemplate());
  }
  if (mode === 'ingress' && !domain && urlTemplate.includes('{domain}')) {
    throw new UserError(explainIngressWithoutDomain());
  }
  const template = input('expose-template') ?? 'expose';
  return {
    mode,
    domain,
    urlTemplate,
    template: template === 'expose' ? template : path.resolve(project.workingDirectory, template),
    ingressClass: optional(input('ingress-class'), (v) => dnsSubdomain(v, 'Input ingress-class')),
    tlsSecret: optional(input('tls-secret'), (v) => dnsSubdomain(v, 'Input tls-secret')),
    ingressAnnotations:
      optional(input('ingress-annotations'), (v) => stringMap(v, 'ingress-annotations')) ?? {},
    basicAuth: optional(input('basic-auth'), (v) => basicAuth(v, mode)),
    urlTimeoutMs:
      optional(input('url-timeout'), (v) => parseDuration(v, 'url-timeout')) ?? DEFAULTS.urlTimeoutMs,
  };
}

function basicAuth(value: string, mode: ExposeMode): { user: string; password: string } {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) {
    // The value is a secret: the message must not repeat it.
    throw new UserError(
      'Input basic-auth must be "user:password" with a non-empty user and password (pass it from a secret).',
    );
  }
  // Each line of an htpasswd file is one user: a line break would add another.
  if (/[\r\n\0]/.test(value)) {
    throw new UserError(
      'Input basic-auth must be one line "user:password": its user and password may not contain a line break.',
    );
  }
  if (mode !== 'ingress') {
    throw new UserError(explainBasicAuthWithoutIngress(mode));
  }
  return { user: value.slice(0, colon), password: value.slice(colon + 1) };
}

function explainUnknownPlaceholder(name: string): string {
  return `Input url-template has an unknown placeholder {${name}}; it may use ${URL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`;
}

function explainSharedUrlTemplate(): string {
  return 'Input url-template must contain {id} or {env-id}: without it every pull request gets the same host names, and one preview answers for all.';
}

function explainIngressWithoutDomain(): string {
  return 'Input expose is ingress, whose host names need input domain (e.g. preview.example.com, with a wildcard DNS record pointing at your ingress controller). Set domain, or set expose to loadbalancer or none.';
}

function explainBasicAuthWithoutIngress(mode: ExposeMode): string {
  return `Input basic-auth protects URLs through the ingress, but input expose is ${mode}: nothing would ask for the password. Set expose to ingress, or remove basic-auth.`;
}
