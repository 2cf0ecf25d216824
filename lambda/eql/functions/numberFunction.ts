import type { Scalar } from '../compiler/values';
import type { FunctionSpec } from './FunctionSpec';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * `number(string[, base])`: parses an integer or a float. Surrounding
 * whitespace is ignored, `+` and `-` are accepted, and `0x` selects base
 * 16 when no base is given (or the base is null). The base must be a
 * literal. Text that is not a number gives null here, where Elasticsearch
 * would fail the search.
 */
export const numberFunction: FunctionSpec = {
  name: 'number',
  usage: 'number(string[, base])',
  params: ['string', 'number'],
  required: 1,
  hasInsensitiveForm: false,
  literalOnly: [1],
  returns: 'number',
  checkLiteral: (value, index) =>
    index !== 1 || value === null || isValidBase(value)
      ? null
      : `the base must be a whole number from 2 to 36, not ${value}`,
  apply: (args) => {
    const value = args[0] ?? null;
    if (value === null) return null;
    if (typeof value === 'number') return value;
    const base = args[1] ?? null;
    return parseNumber(String(value).trim(), base);
  },
};

function isValidBase(value: Scalar): boolean {
  return Number.isInteger(value) && Number(value) >= 2 && Number(value) <= 36;
}

function parseNumber(text: string, base: Scalar): number | null {
  const sign = text.startsWith('-') ? -1 : 1;
  const unsigned = text.replace(/^[+-]/, '');
  const isHex = /^0x/i.test(unsigned);
  const radix = typeof base === 'number' ? base : isHex ? 16 : 10;
  if (radix === 10 && !isHex) return DECIMAL.test(text) ? Number(text) : null;
  const digits = radix === 16 && isHex ? unsigned.slice(2) : unsigned;
  return parseInteger(digits, radix, sign);
}

function parseInteger(digits: string, radix: number, sign: number) {
  if (radix < 2 || radix > 36 || digits === '') return null;
  const valid = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix);
  for (const char of digits.toLowerCase()) {
    if (!valid.includes(char)) return null;
  }
  return sign * Number.parseInt(digits, radix);
}
