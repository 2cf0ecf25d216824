/**
 * An error the command line reports as one message and an exit code,
 * without a stack trace: the user can fix it.
 */
export class CliError extends Error {
  override readonly name: string = 'CliError';

  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A bad argument, an unreadable path or an invalid rule: exit code 2. The
 * message says what to do.
 */
export class UsageError extends CliError {
  override readonly name: string = 'UsageError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
  }
}
