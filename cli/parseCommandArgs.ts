import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed options and positional arguments of one command. */
export interface CommandArgs {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

/**
 * Parses a command's arguments strictly (an unknown option is an error) and
 * turns node's parse error into a UsageError that points at the command's
 * help.
 *
 * @throws UsageError for an unknown option or a missing option value.
 */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  options: Options,
): CommandArgs {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return {
      values: parsed.values as CommandArgs['values'],
      positionals: parsed.positionals,
    };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] ?? String(error);
    throw new UsageError(
      `${reason}\nrun 'eqlambda ${command} --help' for the options`,
      { cause: error },
    );
  }
}
