import { RuleLoadError, RuleSetError } from './errors';
import type { LoadedRule } from './LoadedRule';
import { listRuleFiles } from './listRuleFiles';
import { loadRule } from './loadRule';

/**
 * Loads every `.toml` rule under the given files and directories (walked
 * recursively, in sorted order) and compiles their queries. Every broken
 * file is reported, not only the first, and two files with the same
 * `rule_id` are refused: alert ids derive from the rule id, so a duplicate
 * would make two rules' alerts collide.
 *
 * @example
 * const rules = await loadRules(['rules/']);
 *
 * @throws RuleSetError listing a RuleLoadError per failed file.
 */
export async function loadRules(
  paths: readonly string[],
): Promise<LoadedRule[]> {
  let files: string[];
  try {
    files = await listRuleFiles(paths);
  } catch (error) {
    if (error instanceof RuleLoadError) throw new RuleSetError([error]);
    throw error;
  }
  const loaded: LoadedRule[] = [];
  const errors: RuleLoadError[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    try {
      const rule = await loadRule(file);
      const first = seen.get(rule.rule.id);
      if (first !== undefined) {
        const reason = `rule_id ${rule.rule.id} is also used by ${first}`;
        throw new RuleLoadError(file, { line: 1, column: 1 }, reason);
      }
      seen.set(rule.rule.id, file);
      loaded.push(rule);
    } catch (error) {
      if (!(error instanceof RuleLoadError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new RuleSetError(errors);
  return loaded;
}
