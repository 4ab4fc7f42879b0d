/**
 * Label and field selectors with the API server's grammar: `a=b`, `a==b`, `a!=b`, `a in (x,y)`,
 * `a notin (x)`, `a`, `!a`, joined by commas. A malformed selector is an error (400 BadRequest).
 */
export type Matcher = (labels: Record<string, string>) => boolean;

export class SelectorError extends Error {}

export function parseLabelSelector(text: string | null): Matcher {
  if (!text) return () => true;
  const terms = splitTerms(text).map((term): Matcher => {
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term))) {
      const [, key, op, list] = m;
      const values = list!.split(',').map((v) => v.trim());
      return op === 'in'
        ? (l) => key! in l && values.includes(l[key!]!)
        : (l) => !(key! in l) || !values.includes(l[key!]!);
    }
    if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(term))) {
      const [, key, op, value] = m;
      return op === '!=' ? (l) => l[key!] !== value : (l) => l[key!] === value;
    }
    if ((m = /^!([\w./-]+)$/.exec(term))) {
      const key = m[1]!;
      return (l) => !(key in l);
    }
    if ((m = /^([\w./-]+)$/.exec(term))) {
      const key = m[1]!;
      return (l) => key in l;
    }
    throw new SelectorError(`unable to parse requirement: ${term}`);
  });
  return (labels) => terms.every((t) => t(labels));
}

/** Field selectors: equality only, on the fields the resource supports. */
export function parseFieldSelector(
  text: string | null,
  supported: string[],
): (fields: Record<string, string | undefined>) => boolean {
  if (!text) return () => true;
  const terms = splitTerms(text).map((term) => {
    const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw new SelectorError(`invalid selector: '${text}'; can't understand '${term}'`);
    const [, field, op, value] = m;
    if (!supported.includes(field!)) {
      throw new SelectorError(
        `"${field}" is not a known field selector: only ${supported.map((s) => `"${s}"`).join(', ')}`,
      );
    }
    return (fields: Record<string, string | undefined>) =>
      op === '!=' ? fields[field!] !== value : fields[field!] === value;
  });
  return (fields) => terms.every((t) => t(fields));
}

function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) terms.push(current.trim());
  return terms;
}
