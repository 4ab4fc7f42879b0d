import { stringify } from 'yaml';
import type { KubeObject } from '../model/objects.js';

/**
 * Objects as multi-document YAML, what `plan` prints (the pod template's, then the exposure's, so the
 * URLs show before a deploy). A Secret's values are masked: a plan goes to logs and terminals.
 */
export function manifestOf(objects: KubeObject[]): string {
  return objects.map((o) => stringify(maskSecret(o), { lineWidth: 0 })).join('---\n');
}

/** A Secret with every value of `data` and `stringData` replaced by its size; other objects as they are. */
export function maskSecret(object: KubeObject): KubeObject {
  if (object.kind !== 'Secret') return object;
  const masked: KubeObject & Record<string, unknown> = { ...object };
  for (const [field, encoding] of [
    ['data', 'base64'],
    ['stringData', 'utf8'],
  ] as const) {
    const values = masked[field];
    if (typeof values !== 'object' || values === null) continue;
    masked[field] = Object.fromEntries(
      Object.entries(values as Record<string, unknown>).map(([key, value]) => [
        key,
        `(masked: ${Buffer.byteLength(String(value), encoding)} bytes)`,
      ]),
    );
  }
  return masked;
}
