import { RuleSetError } from '../lambda/rules/errors';
import type { LoadedRule } from '../lambda/rules/LoadedRule';
import { loadRules } from '../lambda/rules/loadRules';
import { UsageError } from './errors';

/**
 * Loads the rules a command runs, refusing to start when any rule is
 * broken (a detector that silently skips a rule would miss its alerts).
 *
 * @throws UsageError with every broken rule's position and caret excerpt.
 */
export async function loadRulesOrExit(
  paths: readonly string[],
): Promise<LoadedRule[]> {
  let rules: LoadedRule[];
  try {
    rules = await loadRules(paths);
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    const details = error.errors.map((e) => e.describe()).join('\n');
    throw new UsageError(
      `${details}\nfix the rule, then check it with 'eqlambda rules check'`,
      { cause: error },
    );
  }
  if (rules.length === 0) {
    throw new UsageError(
      `no .toml rules found in ${paths.join(', ')}; give --rules a rule ` +
        'file or a folder of rules',
    );
  }
  return rules;
}
