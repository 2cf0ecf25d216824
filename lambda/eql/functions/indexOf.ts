import { toNumber, toText } from '../compiler/values';
import type { FunctionSpec } from './FunctionSpec';

/**
 * `indexOf(source, substring[, start])`: the first position of substring at
 * or after start (negative starts count as 0), or null when it is absent or
 * start is past the end. A null argument, start included, gives null.
 */
export const indexOfFunction: FunctionSpec = {
  name: 'indexOf',
  usage: 'indexOf(source, substring[, start])',
  params: ['string', 'string', 'number'],
  required: 2,
  hasInsensitiveForm: true,
  returns: 'number',
  apply: (args, { caseInsensitive }) => {
    const source = toText(args[0] ?? null);
    const part = toText(args[1] ?? null);
    if (source === null || part === null) return null;
    const start = args.length > 2 ? toNumber(args[2] ?? null) : 0;
    if (start === null) return null;
    const from = Math.max(0, Math.trunc(start));
    if (from > source.length) return null;
    const haystack = caseInsensitive ? source.toLowerCase() : source;
    const needle = caseInsensitive ? part.toLowerCase() : part;
    const found = haystack.indexOf(needle, from);
    return found < 0 ? null : found;
  },
};
