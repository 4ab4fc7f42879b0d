import { UserError } from '../util/errors.js';
import { createHash } from 'node:crypto';
import { shortHash, slug, type Ids } from './ids.js';
import type { ExposeSettings } from './settings.js';

/** A port a compose service publishes on the pod's Docker server, as `docker compose ps` reports it. */
export interface PublishedPort {
  service: string;
  targetPort: number;
  publishedPort: number;
  protocol: string;
}

/** One published port as the exposure template sees it. */
export interface ExposureEntry {
  /** The compose service. */
  service: string;
  /** The port inside the service's container (what Preevy's URLs name). */
  port: number;
  /** The port the pod's Docker server publishes it on: what a Service targets. */
  publishedPort: number;
  /** The Service port's name: a DNS label of at most 15 characters. */
  portName: string;
  /** `ingress`: the host name of its Ingress rule. */
  host: string | undefined;
  /** `ingress`: the URL the rule serves. Load-balancer URLs are known only once the address is. */
  url: string | undefined;
}

const MAX_LABEL = 63;

/**
 * One entry per published TCP port (an Ingress or a browser cannot reach UDP), in a stable order, with
 * the host name `url-template` gives it when exposing through an Ingress.
 */
export function exposureEntries(ports: PublishedPort[], expose: ExposeSettings, ids: Ids): ExposureEntry[] {
  const scheme = expose.tlsSecret ? 'https' : 'http';
  const entries = ports
    .filter((p) => p.protocol === 'tcp')
    .sort((a, b) => a.service.localeCompare(b.service) || a.targetPort - b.targetPort)
    .map((p) => {
      const host =
        expose.mode === 'ingress'
          ? hostName(expose.urlTemplate, {
              service: p.service,
              port: String(p.targetPort),
              id: ids.id,
              'env-id': ids.envId,
              domain: expose.domain ?? '',
            })
          : undefined;
      return {
        service: p.service,
        port: p.targetPort,
        publishedPort: p.publishedPort,
        portName: `p-${p.publishedPort}`,
        host,
        url: host ? `${scheme}://${host}` : undefined,
      };
    });
  refuseSharedHosts(entries);
  return entries;
}

/** Two ports with one host name would be served by whichever Ingress rule wins: say so instead. */
function refuseSharedHosts(entries: ExposureEntry[]): void {
  const seen = new Map<string, ExposureEntry>();
  for (const entry of entries) {
    if (!entry.host) continue;
    const other = seen.get(entry.host);
    if (other) {
      throw new UserError(explainSharedHost(other, entry));
    }
    seen.set(entry.host, entry);
  }
}

function explainSharedHost(other: ExposureEntry, entry: ExposureEntry): string {
  return `Services ${other.service} (port ${other.port}) and ${entry.service} (port ${entry.port}) would share the host ${entry.host}: service names become DNS labels (lower case, '-' for anything else). Rename one, or put {port} in input url-template.`;
}

/**
 * Fills in url-template and makes each dot-separated part a valid DNS label. Only {domain} may add dots:
 * a dot in any other value (a service `api.v2`) becomes '-', so the host stays under the wildcard. A
 * label longer than 63 characters is cut and ends with a hash of the whole label, so two long names
 * never share a host.
 */
export function hostName(template: string, values: Record<string, string>): string {
  const filled = template.replace(/\{([^}]*)\}/g, (_, name: string) =>
    name === 'domain' ? (values[name] ?? '') : (values[name] ?? '').replace(/\./g, '-'),
  );
  return filled
    .split('.')
    .map((label) => fitLabel(label))
    .filter(Boolean)
    .join('.');
}

function fitLabel(label: string): string {
  const clean = slug(label);
  if (clean.length <= MAX_LABEL) return clean;
  const hash = shortHash(clean);
  return `${clean.slice(0, MAX_LABEL - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** The Secret the exposure makes for input basic-auth: the environment's, but holding the workflow's password. */
export function basicAuthSecretName(id: string): string {
  return `${id}-basic-auth`;
}

/** htpasswd's `{SHA}` scheme, which ingress-nginx (and nginx itself) read from an `auth` key. */
export function htpasswdLine(user: string, password: string): string {
  return `${user}:{SHA}${createHash('sha1').update(password).digest('base64')}`;
}
