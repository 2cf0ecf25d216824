import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadQuery } from '../../lambda/eql/index';
import { compileQueryAt } from '../../lambda/rules/compileQueryAt';
import { RuleLoadError } from '../../lambda/rules/errors';
import { listRuleFiles } from '../../lambda/rules/listRuleFiles';
import { loadRuleText } from '../../lambda/rules/loadRuleText';
import { bundledRulesPath } from '../bundledRulesPath';
import type { CliIo } from '../CliIo';
import { UsageError } from '../errors';
import { parseCommandArgs } from '../parseCommandArgs';
import { USAGE } from '../usage';

/**
 * `eqlambda rules check [PATHS...]`: loads each `.toml` rule and `.eql`
 * query and prints `ok PATH` or the error with its caret excerpt.
 *
 * @returns 0 when every file loads, 1 when any does not.
 * @throws UsageError (exit 2) for an unknown subcommand or unreadable path.
 */
export async function rulesCommand(
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parseCommandArgs('rules', args, {});
  const [subcommand, ...paths] = positionals;
  if (values.help) {
    io.stdout.write(USAGE.rules ?? '');
    return 0;
  }
  if (subcommand !== 'check') {
    const given =
      subcommand === undefined
        ? 'no rules command given'
        : `unknown rules command ${JSON.stringify(subcommand)}`;
    throw new UsageError(`${given}; use: eqlambda rules check [PATHS...]`);
  }
  const files = await listFiles(
    paths.length > 0 ? paths : [bundledRulesPath()],
  );
  let failed = 0;
  for (const file of files) {
    const problem = await checkFile(file);
    if (problem === null) io.stdout.write(`ok ${file}\n`);
    else {
      failed += 1;
      io.stdout.write(`${problem.describe()}\n`);
    }
  }
  if (files.length === 0) {
    io.stderr.write(`no .toml or .eql files under ${paths.join(', ')}\n`);
  }
  return failed > 0 ? 1 : 0;
}

async function listFiles(paths: readonly string[]): Promise<string[]> {
  try {
    return await listRuleFiles(paths, ['.toml', '.eql']);
  } catch (error) {
    if (!(error instanceof RuleLoadError)) throw error;
    throw new UsageError(`cannot read ${error.path}: ${error.reason}`, {
      cause: error,
    });
  }
}

/** The file's problem, or null when it loads. */
async function checkFile(path: string): Promise<RuleLoadError | null> {
  try {
    const text = await readFile(path, 'utf8');
    if (extname(path) === '.eql') {
      const fileLines = text.split(/\r?\n/);
      const origin = { path, line: 1, column: 1, fileLines };
      compileQueryAt(text, origin, loadQuery);
    } else {
      loadRuleText(text, path);
    }
    return null;
  } catch (error) {
    if (error instanceof RuleLoadError) return error;
    const reason = `cannot read: ${(error as Error).message}`;
    return new RuleLoadError(path, { line: 1, column: 1 }, reason, {
      cause: error,
    });
  }
}
