import { UsageError } from './errors';

const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Reads a duration option such as `24h`, `90m`, `30s`, `2d` or `500ms`
 * into milliseconds.
 *
 * @throws UsageError naming the option and the accepted forms.
 */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  const unit = match?.[2] ? UNITS[match[2]] : undefined;
  if (!match?.[1] || unit === undefined) {
    throw new UsageError(
      `${option} ${JSON.stringify(text)} is not a duration; ` +
        'write a number and a unit: 500ms, 30s, 15m, 24h or 2d',
    );
  }
  return Number(match[1]) * unit;
}
