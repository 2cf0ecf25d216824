import { type JsonObject, parseJsonObject } from './parseJsonObject';

/**
 * The first of some sniffed lines that parses as a JSON object, so that one
 * corrupt line at the top of an export does not hide its format.
 */
export function firstJsonObject(
  lines: readonly string[],
): JsonObject | undefined {
  for (const line of lines) {
    const parsed = parseJsonObject(line);
    if (parsed.ok) return parsed.value;
  }
  return undefined;
}
