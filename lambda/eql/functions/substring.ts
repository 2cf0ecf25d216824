import { toNumber, toText } from '../compiler/values';
import type { FunctionSpec } from './FunctionSpec';

/**
 * `substring(source, start[, end])` with Python slice rules: negative
 * positions count from the end, positions are clamped to the text, and an
 * empty range gives `""`. A null argument gives null.
 */
export const substringFunction: FunctionSpec = {
  name: 'substring',
  usage: 'substring(source, start[, end])',
  params: ['string', 'number', 'number'],
  required: 2,
  hasInsensitiveForm: false,
  returns: 'string',
  apply: (args) => {
    const source = toText(args[0] ?? null);
    const start = toNumber(args[1] ?? null);
    const end = args.length > 2 ? toNumber(args[2] ?? null) : Infinity;
    if (source === null || start === null || end === null) return null;
    return slice(source, Math.trunc(start), end);
  },
};

function slice(source: string, start: number, end: number): string {
  const length = source.length;
  const from = clamp(start < 0 ? start + length : start, length);
  const to = clamp(end < 0 ? end + length : end, length);
  return from >= to ? '' : source.slice(from, to);
}

function clamp(position: number, length: number): number {
  return Math.min(Math.max(position, 0), length);
}
