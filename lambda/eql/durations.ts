import type { DurationNode } from './ast';
import { spanOf } from './parser/SourceText';
import type { TokenCursor } from './parser/TokenCursor';

/** Milliseconds in one of each `maxspan` unit Elasticsearch accepts. */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const UNIT_LIST = 'ms, s, m, h or d';

/**
 * Parses the value of `maxspan=`: a positive integer followed by a unit
 * (`500ms`, `30s`, `5m`, `1h`, `2d`). Elasticsearch rejects a decimal, zero
 * or negative value, and a missing or unknown unit; so does this.
 */
export function parseDuration(cursor: TokenCursor): DurationNode {
  const number = cursor.peek();
  if (number.kind !== 'number') {
    throw cursor.unexpected(
      'a duration such as 1m',
      'maxspan takes a duration such as 5m',
    );
  }
  cursor.next();
  if (!number.integer || (number.value as number) <= 0) {
    throw cursor.fail(
      number,
      `maxspan must be a positive whole number of a unit, found ${number.text}`,
      'write a whole number with a unit, such as 1500ms or 2m',
    );
  }
  const unit = cursor.peek();
  if (unit.kind !== 'identifier') {
    throw cursor.fail(
      number,
      'maxspan needs a unit',
      `maxspan needs a unit, such as 1m (the units are ${UNIT_LIST})`,
    );
  }
  const perUnit = DURATION_UNITS[unit.text];
  if (perUnit === undefined) {
    throw cursor.fail(
      unit,
      `unknown maxspan unit "${unit.text}"`,
      `use one of ${UNIT_LIST}, such as ${number.text}m`,
    );
  }
  cursor.next();
  const pos = spanOf(number.pos, unit.pos);
  const text = cursor.source.text.slice(pos.offset, pos.offset + pos.length);
  return { ms: (number.value as number) * perUnit, text, pos };
}
