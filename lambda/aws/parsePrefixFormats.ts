/** Objects whose key starts with `prefix` are read as `format`. */
export interface PrefixFormat {
  readonly prefix: string;
  readonly format: string;
}

/**
 * Reads the key-prefix to format mapping, given either as JSON
 * (`{"fdr/": "crowdstrike-fdr"}`) or as `prefix=format` pairs separated by
 * commas (`fdr/=crowdstrike-fdr,s1/=sentinelone`). The result is ordered
 * longest prefix first, so the most specific prefix wins. Problems are
 * pushed onto `problems` rather than thrown, so that every bad setting is
 * reported at once.
 */
export function parsePrefixFormats(
  text: string,
  problems: string[],
): PrefixFormat[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const pairs = trimmed.startsWith('{')
    ? readJsonPairs(trimmed, problems)
    : readListPairs(trimmed, problems);
  return pairs.sort((a, b) => b.prefix.length - a.prefix.length);
}

function readJsonPairs(text: string, problems: string[]): PrefixFormat[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    problems.push(`PREFIX_FORMATS is not valid JSON: ${String(error)}`);
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push('PREFIX_FORMATS JSON must be an object of prefix: format');
    return [];
  }
  const pairs: PrefixFormat[] = [];
  for (const [prefix, format] of Object.entries(parsed)) {
    if (typeof format !== 'string' || format === '') {
      problems.push(`PREFIX_FORMATS: the format for "${prefix}" is no name`);
    } else pairs.push({ prefix, format });
  }
  return pairs;
}

function readListPairs(text: string, problems: string[]): PrefixFormat[] {
  const pairs: PrefixFormat[] = [];
  for (const entry of text.split(',')) {
    const at = entry.lastIndexOf('=');
    const prefix = entry.slice(0, at).trim();
    const format = entry.slice(at + 1).trim();
    if (at < 0 || format === '') {
      problems.push(`PREFIX_FORMATS: "${entry.trim()}" is not prefix=format`);
    } else pairs.push({ prefix, format });
  }
  return pairs;
}

/** The format configured for a key, or undefined to let the reader sniff. */
export function formatForKey(
  key: string,
  formats: readonly PrefixFormat[],
): string | undefined {
  return formats.find((entry) => key.startsWith(entry.prefix))?.format;
}
