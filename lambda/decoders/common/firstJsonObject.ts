import { type JsonObject, parseJsonObject } from './parseJsonObject';

const UTF8_BOM = '\uFEFF';

/**
 * The first of some sniffed lines that parses as a JSON object, so that one
 * corrupt line at the top of an export does not hide its format. A leading
 * byte-order mark is ignored.
 */
export function firstJsonObject(
  lines: readonly string[],
): JsonObject | undefined {
  for (const line of lines) {
    const text = line.startsWith(UTF8_BOM) ? line.slice(1) : line;
    const parsed = parseJsonObject(text);
    if (parsed.ok) return parsed.value;
  }
  return undefined;
}
