import { UserError } from '../util/errors.js';

/** A DNS subdomain (RFC 1123), the form of most Kubernetes object names. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `value` when it is a Kubernetes object name; otherwise an error naming `where` (the input or key). */
export function dnsSubdomain(value: string, where: string): string {
  if (value.length > 253 || !DNS_SUBDOMAIN.test(value)) {
    throw new UserError(
      `${where} must be a Kubernetes object name (lowercase letters, digits, '-' and '.'), got "${value}".`,
    );
  }
  return value;
}
