/**
 * Typed reads of fields from a parsed JSON record, for formats whose values
 * may be strings or numbers.
 */

/** A field as a string: strings as they are, numbers written out. */
export function text(
  record: Record<string, unknown>,
  key: string,
): string | undefined {
  const value = record[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') {
    return String(value);
  }
  return undefined;
}

const DECIMAL_INTEGER = /^\d{1,16}$/;
const HEX_INTEGER = /^0x[0-9a-f]{1,13}$/i;

/**
 * An integer id (a pid) from a number or a decimal or `0x` hexadecimal
 * string, when it fits a double exactly; undefined otherwise, so that an id
 * past 2^53 is never silently rounded.
 */
export function integer(value: unknown): number | undefined {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value !== 'string') return undefined;
  else if (DECIMAL_INTEGER.test(value)) number = Number(value);
  else if (HEX_INTEGER.test(value)) number = Number.parseInt(value, 16);
  else return undefined;
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}
