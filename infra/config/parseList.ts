/**
 * Reads a list setting. From `cdk.json` it is already an array; from a
 * `-c key=value` flag it is a string holding either a JSON array or
 * comma-separated items. Returns null when the value is neither.
 */
export function parseList(value: unknown): unknown[] | null {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
