import { loadQuery } from '../eql/index';
import { compileQueryAt } from './compileQueryAt';
import type { LoadedRule } from './LoadedRule';
import { locateTomlKeys } from './locateTomlKeys';
import { parseRule } from './parseRule';

/**
 * Parses a rule file's text and compiles its query, so that a rule that
 * cannot run is refused when it loads, never while events flow.
 *
 * @example
 * const { rule, query } = loadRuleText(text, 'rules/rmm.toml');
 *
 * @throws RuleLoadError with the file's line and column of the problem.
 */
export function loadRuleText(text: string, path: string): LoadedRule {
  const rule = parseRule(text, path);
  const located = locateTomlKeys(text).get('rule')?.keys.get('query');
  const query = compileQueryAt(
    rule.query,
    {
      path,
      line: located?.valueLine ?? 1,
      column: located?.valueColumn ?? 1,
      fileLines: text.split(/\r?\n/),
    },
    loadQuery,
  );
  return { rule, query };
}
