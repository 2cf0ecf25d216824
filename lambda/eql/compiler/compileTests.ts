import type { ExprNode, InNode, PatternNode } from '../ast';
import { compileRegex } from '../regex/compileRegex';
import { RegexSyntaxError } from '../regex/RegexSyntaxError';
import { compileWildcard, hasWildcard } from '../wildcard';
import type { CompileContext } from './CompileContext';
import { compileValue } from './compileValue';
import { foldCase, parseDecimal, type Scalar, toText } from './values';

/** Tests one non-null scalar. */
export type ScalarTest = (value: Scalar) => boolean;

/**
 * Compiles the right-hand side of `:`, `like`, `like~`, `regex`, `regex~`
 * once: `:` is case-insensitive, wildcard when the pattern holds `*` or
 * `?` and plain equality otherwise; `like` and `regex` follow their `~`.
 * A list matches when any pattern matches. Numbers and booleans are
 * matched by their text.
 */
export function compilePatternTest(
  node: PatternNode,
  ctx: CompileContext,
): ScalarTest {
  const patterns = node.patterns.map((p) => literalString(p));
  if (node.op === 'regex' || node.op === 'regex~') {
    const matchers = node.patterns.map((p, i) =>
      compileRegexAt(p, patterns[i] as string, node.op === 'regex~', ctx),
    );
    return (value) => {
      const text = toText(value) as string;
      return matchers.some((matches) => matches(text));
    };
  }
  const caseInsensitive = node.op !== 'like';
  if (node.op === ':') return compileColonTest(patterns);
  const matches = compileWildcard(patterns, caseInsensitive);
  return (value) => matches(toText(value) as string);
}

function compileColonTest(patterns: readonly string[]): ScalarTest {
  const exact = new Set(
    patterns.filter((p) => !hasWildcard(p)).map((p) => foldCase(p)),
  );
  const wild = patterns.filter(hasWildcard);
  const matches = wild.length > 0 ? compileWildcard(wild, true) : null;
  return (value) => {
    const text = toText(value) as string;
    if (exact.size > 0 && exact.has(foldCase(text))) return true;
    return matches?.(text) ?? false;
  };
}

function literalString(node: ExprNode): string {
  return node.kind === 'literal' ? String(node.value) : '';
}

function compileRegexAt(
  node: ExprNode,
  pattern: string,
  caseInsensitive: boolean,
  ctx: CompileContext,
) {
  try {
    return compileRegex(pattern, caseInsensitive);
  } catch (error) {
    if (!(error instanceof RegexSyntaxError)) throw error;
    throw ctx.fail(
      node.pos,
      `invalid regular expression: ${error.reason}`,
      'EQL regex uses Lucene syntax; see the Elasticsearch regexp syntax',
      error,
    );
  }
}

/**
 * Compiles the list of `in` / `in~` once into sets. Text matches text
 * exactly (case-folded for `in~`); a number matches the same number or
 * text holding it; a boolean matches itself or its text. Null entries
 * match nothing, as Elasticsearch drops them from the lookup.
 */
export function compileInTest(node: InNode, ctx: CompileContext): ScalarTest {
  const fold = (text: string) => (node.caseInsensitive ? foldCase(text) : text);
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const numericStrings = new Set<number>();
  const booleans = new Set<boolean>();
  for (const item of node.values) {
    const value = compileValue(item, ctx)({});
    if (typeof value === 'string') {
      strings.add(fold(value));
      const parsed = parseDecimal(value);
      if (parsed !== null) numericStrings.add(parsed);
    } else if (typeof value === 'number') numbers.add(value);
    else if (typeof value === 'boolean') booleans.add(value);
  }
  return (value) => {
    if (typeof value === 'string') {
      if (strings.has(fold(value))) return true;
      if (value === 'true' || value === 'false') {
        if (booleans.has(value === 'true')) return true;
      }
      const parsed = numbers.size > 0 ? parseDecimal(value) : null;
      return parsed !== null && numbers.has(parsed);
    }
    if (typeof value === 'number') {
      return numbers.has(value) || numericStrings.has(value);
    }
    return booleans.has(value as boolean) || strings.has(String(value));
  };
}
