/** Reading a rendered object's fields without trusting their shape: a template's YAML can be anything. */
export type Spec = Record<string, unknown>;

/** The mapping at `path` under `value`; undefined when any step is missing or not a mapping. */
export function dig(value: unknown, ...path: string[]): Spec | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Spec)[key];
  }
  return current !== null && typeof current === 'object' ? (current as Spec) : undefined;
}

/** The mappings of a list; an empty list for anything else. */
export function list(value: unknown): Spec[] {
  return Array.isArray(value)
    ? (value as unknown[]).filter((v): v is Spec => v !== null && typeof v === 'object')
    : [];
}

/** A list's items as strings; an empty list for anything else. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? (value as unknown[]).map(String) : [];
}
