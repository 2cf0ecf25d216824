import { toText } from '../compiler/values';
import { compileWildcard } from '../wildcard';
import type { FunctionSpec } from './FunctionSpec';

type Test = (source: string, part: string) => boolean;
type FieldQuery = NonNullable<FunctionSpec['asFieldQuery']>;

function affixFunction(
  name: string,
  test: Test,
  asFieldQuery: FieldQuery,
): FunctionSpec {
  return {
    name,
    usage: `${name}(source, substring)`,
    params: ['string', 'string'],
    required: 2,
    hasInsensitiveForm: true,
    returns: 'boolean',
    asFieldQuery,
    apply: (args, { caseInsensitive }) => {
      const source = toText(args[0] ?? null);
      const part = toText(args[1] ?? null);
      if (source === null || part === null) return null;
      return caseInsensitive
        ? test(source.toLowerCase(), part.toLowerCase())
        : test(source, part);
    },
  };
}

/**
 * On a field, Elasticsearch runs `endsWith` and `stringContains` as a
 * Lucene wildcard query, `*literal` or `*literal*`, without escaping the
 * literal: `*` and `?` in it are wildcards and `\` escapes the next
 * character (published rules rely on this, writing `"Principal=\\*"` for a
 * literal star). An empty literal then matches any value.
 */
function wildcardQuery(prefix: string, suffix: string): FieldQuery {
  return (literals, caseInsensitive) => {
    const literal = toText(literals[0] ?? null);
    if (literal === null) return () => false;
    const pattern = `${prefix}${literal}${suffix}`;
    const matches = compileWildcard(pattern, caseInsensitive, 'lucene');
    return (value) => matches(toText(value) as string);
  };
}

/** On a field, `startsWith` is a prefix query: the literal is plain text. */
const prefixQuery: FieldQuery = (literals, caseInsensitive) => {
  const literal = toText(literals[0] ?? null);
  if (literal === null) return () => false;
  const prefix = caseInsensitive ? literal.toLowerCase() : literal;
  return (value) => {
    const text = toText(value) as string;
    return (caseInsensitive ? text.toLowerCase() : text).startsWith(prefix);
  };
};

/**
 * `startsWith`, `endsWith` and `stringContains`, with their `~` forms.
 * Null in gives null out. As functions (on anything but a plain field
 * with a literal), `stringContains` is false for an empty substring, as
 * Elasticsearch documents (`stringContains("", "")` is false).
 */
export const affixFunctions: readonly FunctionSpec[] = [
  affixFunction(
    'startsWith',
    (source, part) => source.startsWith(part),
    prefixQuery,
  ),
  affixFunction(
    'endsWith',
    (source, part) => source.endsWith(part),
    wildcardQuery('*', ''),
  ),
  affixFunction(
    'stringContains',
    (source, part) => part.length > 0 && source.includes(part),
    wildcardQuery('*', '*'),
  ),
];
