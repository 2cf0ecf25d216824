import { Nfa } from './Nfa';
import { parseRegex } from './parseRegex';

/** Tests a whole text against a compiled regular expression. */
export type RegexMatcher = (text: string) => boolean;

/**
 * Compiles a Lucene regular expression (see parseRegex for the syntax) into
 * a matcher that must match the entire text, as Elasticsearch's `regexp`
 * query does. `caseInsensitive` is the `regex~` form.
 *
 * @throws RegexSyntaxError for bad syntax or an unsupported operator.
 * @example
 * const isSystemExe = compileRegex('[a-z]:\\\\windows\\\\.*\\.exe', true);
 * isSystemExe('C:\\Windows\\notepad.exe'); // true
 */
export function compileRegex(
  pattern: string,
  caseInsensitive: boolean,
): RegexMatcher {
  const nfa = new Nfa(parseRegex(pattern, caseInsensitive), caseInsensitive);
  return (text) => nfa.matches(text);
}
