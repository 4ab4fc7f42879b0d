import { parse as parseYaml } from 'yaml';
import { UserError } from '../util/errors.js';
import { DNS_SUBDOMAIN } from './names.js';

/**
 * Parsers of input values and of the compose file's x-preevy values: each returns the value or throws
 * a UserError naming where it came from (`where`, or the input's name).
 */

/** The parsed value of an input, or undefined when it was not given. */
export function optional<T>(value: string | undefined, parse: (v: string) => T): T | undefined {
  return value === undefined ? undefined : parse(value);
}

/** The non-empty lines of a newline-separated input. */
export function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A GitHub label's name: at most 50 characters, one line. */
export function labelName(value: string): string {
  if (value.length > 50 || /[\r\n]/.test(value))
    throw new UserError(
      `Input label must be one label's name (one line, at most 50 characters); got "${value.slice(0, 60)}".`,
    );
  return value;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], inputName: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`Input ${inputName} must be one of ${allowed.join(', ')}; got "${value}".`);
}

export function hostName(value: string, where: string): string {
  const host = value.toLowerCase();
  if (host.length > 253 || !DNS_SUBDOMAIN.test(host) || host.split('.').some((label) => label.length > 63)) {
    throw new UserError(`${where} must be a DNS name such as preview.example.com, got "${value}".`);
  }
  return host;
}

export function boolean(value: string, where: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new UserError(`${where} must be true or false, got "${value}".`);
}

export function storageSize(value: string, where: string): number {
  const size = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(size > 0)) {
    throw new UserError(
      `${where} must be a positive number of GiB (fractions allowed, e.g. 12.5), got "${value}".`,
    );
  }
  return size;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function dnsLabel(value: string, where: string): string {
  if (value.length > 63 || !DNS_LABEL.test(value)) {
    throw new UserError(explainDnsLabel(where, value));
  }
  return value;
}

function explainDnsLabel(where: string, value: string): string {
  return `${where} must be a DNS label (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit), got "${value}".`;
}

export function stringMap(value: string, inputName: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = parseYaml(value);
  } catch (error) {
    throw new UserError(`Input ${inputName} must be a YAML map of strings: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UserError(`Input ${inputName} must be a YAML map such as "team: web", got "${value}".`);
  }
  return Object.fromEntries(
    Object.entries(parsed).map(([k, v]) => {
      if (v !== null && typeof v === 'object') throw new UserError(explainNestedValue(inputName, k, v));
      return [k, String(v ?? '')];
    }),
  );
}

function explainNestedValue(inputName: string, key: string, value: object): string {
  return `Input ${inputName}: the value of "${key}" is a ${Array.isArray(value) ? 'list' : 'map'}; each value must be a string (quote it: ${key}: "…").`;
}

export function record(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`${where} in the compose file must be a map, got ${describeType(value)}.`);
  }
  return value as Record<string, unknown>;
}

export function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UserError(
      `${where} in the compose file must be a non-empty string, got ${describeType(value)}.`,
    );
  }
  return value.trim();
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}
