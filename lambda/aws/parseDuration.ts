const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Reads a duration such as `24h`, `90m`, `30s`, `2d` or `500ms` and returns
 * milliseconds. A bare number means seconds. Returns null when the text is
 * not a duration, so the caller can report it with the setting's name.
 *
 * @example parseDuration('24h') // 86_400_000
 */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (match === null) return null;
  const amount = Number(match[1]);
  const unit = UNIT_MS[match[2] ?? 's'] ?? 1_000;
  return Math.round(amount * unit);
}
