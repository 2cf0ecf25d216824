/** A place the command line writes text to. */
export interface TextOutput {
  write(text: string): unknown;
  /** True when a person is watching (progress lines, text alerts). */
  readonly isTTY?: boolean;
}

/**
 * Everything the command line touches outside its arguments, injected so
 * that tests capture the output and fix the clock without spawning a
 * process.
 */
export interface CliIo {
  readonly stdout: TextOutput;
  readonly stderr: TextOutput;
  /** The wall clock in epoch ms (detection times, progress throttling). */
  now(): number;
}

/** The real process streams and clock. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => Date.now(),
  };
}
