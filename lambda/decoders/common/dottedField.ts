import { isJsonObject } from './parseJsonObject';

/**
 * Reads `a.b.c` from a record that writes it either as one flat dotted key
 * (`{"a.b.c": 1}`, as SentinelOne Cloud Funnel does) or nested
 * (`{"a": {"b": {"c": 1}}}`), trying the flat key first.
 */
export function dottedField(
  record: Record<string, unknown>,
  path: string,
): unknown {
  const flat = record[path];
  if (flat !== undefined) return flat;
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (!isJsonObject(value)) return undefined;
    value = value[part];
  }
  return value;
}

/** `dottedField` as a string: strings as they are, numbers written out. */
export function dottedText(
  record: Record<string, unknown>,
  path: string,
): string | undefined {
  const value = dottedField(record, path);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
