import { parse as parseYaml } from 'yaml';
import { UserError } from '../util/errors.js';
import type { InputSource } from './inputs.js';
import { DNS_SUBDOMAIN, dnsSubdomain } from './names.js';

/** Requests and limits of the Docker server's container, by resource name (`cpu`, `memory`, …). */
export interface Resources {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

/**
 * The Docker server's pod as inputs describe it, without writing a template (as kubedock's flags do). The
 * bundled templates use every field, falling back to their own image and resources; a custom template may
 * use them too (template arguments of the same names). Undefined: not given.
 */
export interface PodSettings {
  dockerImage: string | undefined;
  resources: Resources | undefined;
  nodeSelector: Record<string, string> | undefined;
  tolerations: Toleration[] | undefined;
  priorityClassName: string | undefined;
  /** Registry mirrors for the Docker server's daemon.json (`registry-mirrors`). */
  registryMirrors: string[];
}

export function podSettings(input: InputSource): PodSettings {
  const given = <T>(name: Parameters<InputSource>[0], parse: (value: string) => T): T | undefined => {
    const value = input(name);
    return value === undefined ? undefined : parse(value);
  };
  return {
    dockerImage: given('docker-image', imageReference),
    resources: given('resources', resources),
    nodeSelector: given('node-selector', nodeSelector),
    tolerations: given('tolerations', tolerations),
    priorityClassName: given('priority-class', (v) => dnsSubdomain(v, 'Input priority-class')),
    registryMirrors: given('registry-mirrors', registryMirrors) ?? [],
  };
}

// An image reference (distribution's grammar, loosely): [registry[:port]/]path[:tag][@digest].
const IMAGE =
  /^[a-zA-Z0-9][a-zA-Z0-9.-]*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

function imageReference(value: string): string {
  if (value.length > 255 || !IMAGE.test(value)) {
    throw new UserError(explainImageReference(value));
  }
  return value;
}

function explainImageReference(value: string): string {
  return `Input docker-image must be an image reference such as docker:28-dind or registry.example.com/dind:1@sha256:…, got "${value}".`;
}

function yamlOf(value: string, inputName: string, shape: string): unknown {
  try {
    return parseYaml(value) as unknown;
  } catch (error) {
    throw new UserError(`Input ${inputName} must be ${shape}: ${(error as Error).message.split('\n')[0]}`);
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Kubernetes' resource.Quantity: a decimal number with an optional binary, decimal or exponent suffix.
const QUANTITY = /^[+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
// A resource name: a qualified name, optionally prefixed (nvidia.com/gpu).
const RESOURCE_NAME = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function resources(value: string): Resources {
  const shape = 'a YAML map with requests and limits, such as "requests: {cpu: 500m, memory: 1Gi}"';
  const parsed = yamlOf(value, 'resources', shape);
  if (!isMap(parsed) || Object.keys(parsed).some((k) => k !== 'requests' && k !== 'limits')) {
    throw new UserError(`Input resources must be ${shape}, got "${value}".`);
  }
  const result: Resources = {};
  for (const kind of ['requests', 'limits'] as const) {
    const amounts = parsed[kind];
    if (amounts === undefined) continue;
    if (!isMap(amounts)) throw new UserError(`Input resources: ${kind} must be a map, such as "cpu: 500m".`);
    result[kind] = Object.fromEntries(
      Object.entries(amounts).map(([name, amount]) => {
        const quantity = String(amount);
        if (!RESOURCE_NAME.test(name) || (typeof amount !== 'string' && typeof amount !== 'number'))
          throw new UserError(`Input resources: "${name}" under ${kind} is not a resource with an amount.`);
        if (!QUANTITY.test(quantity))
          throw new UserError(
            `Input resources: ${kind}.${name} must be a quantity such as 500m, 2 or 1Gi, got "${quantity}".`,
          );
        return [name, quantity];
      }),
    );
  }
  return result;
}

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function labelKey(key: string): boolean {
  const [prefix, name] = key.includes('/') ? key.split(/\/(.*)/s) : [undefined, key];
  const prefixOk = prefix === undefined || (prefix.length <= 253 && DNS_SUBDOMAIN.test(prefix));
  return prefixOk && name !== undefined && name.length <= 63 && LABEL_NAME.test(name);
}

function labelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && LABEL_NAME.test(value));
}

function nodeSelector(value: string): Record<string, string> {
  const shape = 'a YAML map of node labels, such as "kubernetes.io/arch: amd64"';
  const parsed = yamlOf(value, 'node-selector', shape);
  if (!isMap(parsed)) throw new UserError(`Input node-selector must be ${shape}, got "${value}".`);
  return Object.fromEntries(
    Object.entries(parsed).map(([key, v]) => {
      const label =
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
      if (!labelKey(key) || label === null || !labelValue(label))
        throw new UserError(`Input node-selector: "${key}: ${String(v)}" is not a node label and value.`);
      return [key, label];
    }),
  );
}

const TOLERATION_KEYS = ['key', 'operator', 'value', 'effect', 'tolerationSeconds'];

function tolerations(value: string): Toleration[] {
  const shape =
    'a YAML list of tolerations, such as "[{key: previews, operator: Exists, effect: NoSchedule}]"';
  const parsed = yamlOf(value, 'tolerations', shape);
  if (!Array.isArray(parsed)) throw new UserError(`Input tolerations must be ${shape}, got "${value}".`);
  return parsed.map((item: unknown, index) => {
    const where = `Input tolerations, item ${index + 1}`;
    if (!isMap(item)) throw new UserError(`${where} must be a map with key, operator, value, effect.`);
    const unknown = Object.keys(item).filter((k) => !TOLERATION_KEYS.includes(k));
    if (unknown.length) throw new UserError(`${where} has unknown fields: ${unknown.join(', ')}.`);
    const { key, operator, value: v, effect, tolerationSeconds } = item;
    if (key !== undefined && (typeof key !== 'string' || !labelKey(key)))
      throw new UserError(`${where}: key must be a label key, got "${String(key)}".`);
    if (operator !== undefined && operator !== 'Exists' && operator !== 'Equal')
      throw new UserError(`${where}: operator must be Exists or Equal, got "${String(operator)}".`);
    if (v !== undefined && (typeof v !== 'string' || !labelValue(v)))
      throw new UserError(`${where}: value must be a label value, got "${String(v)}".`);
    if (effect !== undefined && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect as string))
      throw new UserError(
        `${where}: effect must be NoSchedule, PreferNoSchedule or NoExecute, got "${String(effect)}".`,
      );
    if (tolerationSeconds !== undefined && !Number.isInteger(tolerationSeconds))
      throw new UserError(`${where}: tolerationSeconds must be a whole number of seconds.`);
    return item as Toleration;
  });
}

function registryMirrors(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      let url: URL | undefined;
      try {
        url = new URL(line);
      } catch {
        url = undefined;
      }
      // Docker takes a mirror at the root of its host only (distribution's "Registry as a pull through cache").
      const root = url?.pathname === '/' && !url.search && !url.hash;
      if (!url || !['http:', 'https:'].includes(url.protocol) || url.username || url.password || !root)
        throw new UserError(explainRegistryMirror(line));
      return line;
    });
}

function explainRegistryMirror(line: string): string {
  return `Input registry-mirrors: each line must be the http(s) URL of a host's root, without credentials, such as https://mirror.example.com, got "${line}".`;
}
