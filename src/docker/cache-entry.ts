import { UserError } from '../util/errors.js';

/**
 * A `cache_from`/`cache_to` entry as buildx reads it (CacheOptionsEntry.UnmarshalText): one CSV record
 * of `key=value` fields, keys lower-cased, `type` defaulting to registry (a bare value is its ref).
 * Parsing it as the builder's client does is what lets a check see what the client will open.
 */
export function parseCacheEntry(entry: string, where: string): Record<string, string> {
  const fields = csvRecord(entry, where);
  if (fields.length === 1 && !fields[0]!.includes('=')) return { type: 'registry', ref: fields[0]! };
  const parsed: Record<string, string> = {};
  for (const field of fields) {
    const at = field.indexOf('=');
    if (at < 0) throw new UserError(explainCacheField(where, field));
    parsed[field.slice(0, at).trim().toLowerCase()] = field.slice(at + 1);
  }
  parsed.type = (parsed.type ?? 'registry').toLowerCase();
  return parsed;
}

/** The fields of one CSV record: commas split, double quotes group, `""` inside quotes is a quote. */
function csvRecord(text: string, where: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"' && (quoted || field === '')) quoted = !quoted;
    else if (c === '"' || c === '\n' || c === '\r') throw new UserError(explainCacheQuote(where));
    else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) throw new UserError(explainCacheQuote(where));
  fields.push(field);
  return fields;
}

function explainCacheField(where: string, field: string): string {
  return `${where} has a field "${field}" without "=": each field of a cache entry is key=value (type=registry,ref=…).`;
}

function explainCacheQuote(where: string): string {
  return `${where} is not a CSV record buildx can read (a stray or unclosed quote): write it as key=value fields separated by commas.`;
}
