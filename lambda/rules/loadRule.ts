import { readFile } from 'node:fs/promises';
import { RuleLoadError } from './errors';
import type { LoadedRule } from './LoadedRule';
import { loadRuleText } from './loadRuleText';

/**
 * Reads and loads one rule file.
 *
 * @throws RuleLoadError when the file cannot be read or the rule is invalid.
 */
export async function loadRule(path: string): Promise<LoadedRule> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    const reason = `cannot read: ${(error as Error).message}`;
    throw new RuleLoadError(path, { line: 1, column: 1 }, reason, {
      cause: error,
    });
  });
  return loadRuleText(text, path);
}
