import { toText } from '../compiler/values';
import type { FunctionSpec } from './FunctionSpec';

/**
 * `between(source, left, right[, greedy])`: the text after the first
 * `left` and before the next `right` (the last `right` when greedy).
 * An empty source, left or right gives the source back; a bound that is not
 * found gives `""`; a null source or bound gives null. When a greedy right
 * bound ends before the left one, the result is `""` (Elasticsearch fails
 * the search there).
 */
export const betweenFunction: FunctionSpec = {
  name: 'between',
  usage: 'between(source, left, right[, greedy])',
  params: ['string', 'string', 'string', 'boolean'],
  required: 3,
  hasInsensitiveForm: true,
  literalOnly: [3],
  returns: 'string',
  apply: (args, { caseInsensitive }) => {
    const source = toText(args[0] ?? null);
    const left = toText(args[1] ?? null);
    const right = toText(args[2] ?? null);
    if (source === null || left === null || right === null) return null;
    const greedy = args[3] === true;
    return extractBetween(source, left, right, greedy, caseInsensitive);
  },
};

function extractBetween(
  source: string,
  left: string,
  right: string,
  greedy: boolean,
  caseInsensitive: boolean,
): string {
  if (source === '' || left === '' || right === '') return source;
  const haystack = caseInsensitive ? source.toLowerCase() : source;
  const from = caseInsensitive ? left.toLowerCase() : left;
  const to = caseInsensitive ? right.toLowerCase() : right;
  const leftAt = haystack.indexOf(from);
  if (leftAt < 0) return '';
  const start = leftAt + from.length;
  const end = greedy ? haystack.lastIndexOf(to) : haystack.indexOf(to, start);
  if (end < start) return '';
  return source.slice(start, end);
}
