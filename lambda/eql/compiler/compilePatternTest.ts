import type { ExprNode, PatternNode } from '../ast';
import { compileRegex } from '../regex/compileRegex';
import { RegexSyntaxError } from '../regex/RegexSyntaxError';
import { compileWildcard, hasWildcard } from '../wildcard';
import type { CompileContext } from './CompileContext';
import { foldCase, type Scalar, toText } from './values';

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
  const folded = patterns.map(foldCase);
  const exact = new Set(folded.filter((p) => !hasWildcard(p)));
  const wild = folded.filter(hasWildcard);
  // Patterns are folded here and the text once per test, so the wildcard
  // matcher itself runs case-sensitively.
  const matches = wild.length > 0 ? compileWildcard(wild, false) : null;
  return (value) => {
    const text = foldCase(toText(value) as string);
    if (exact.has(text)) return true;
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
