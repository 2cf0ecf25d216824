import { type CliIo, processIo } from './CliIo';
import { detectCommand } from './commands/detectCommand';
import { normalizeCommand } from './commands/normalizeCommand';
import { queryCommand } from './commands/queryCommand';
import { rulesCommand } from './commands/rulesCommand';
import type { DetectEngine } from './detect/DetectEngine';
import { CliError } from './errors';
import { USAGE } from './usage';

type Command = (
  args: readonly string[],
  io: CliIo,
  engine: DetectEngine,
) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  detect: detectCommand,
  query: queryCommand,
  rules: (args, io) => rulesCommand(args, io),
  normalize: normalizeCommand,
};

/**
 * The `eqlambda` command line. Returns the exit code instead of exiting,
 * and writes only through `io`, so that tests run it in process.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(
  argv: readonly string[],
  io: CliIo = processIo(),
  engine?: DetectEngine,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE.main ?? '');
    return 0;
  }
  if (name === undefined) {
    io.stderr.write(USAGE.main ?? '');
    return 2;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr.write(
      `eqlambda: unknown command ${JSON.stringify(name)}; ` +
        "run 'eqlambda --help' for the commands\n",
    );
    return 2;
  }
  try {
    return await command(args, io, engine ?? (await loadEngine()));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr.write(`eqlambda ${name}: ${error.message}\n`);
    return error.exitCode;
  }
}

// Loaded on demand so that `--help` stays fast.
async function loadEngine(): Promise<DetectEngine> {
  const { realEngine } = await import('./realEngine');
  return realEngine;
}
