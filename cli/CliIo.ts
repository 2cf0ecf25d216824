/** A place the command line writes text to. */
export interface TextOutput {
  write(text: string): unknown;
  /** True when a person is watching (progress lines, text alerts). */
  readonly isTTY?: boolean;
  /** True while the stream's buffer is full (a slow reader downstream). */
  readonly writableNeedDrain?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
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

let watchingPipe = false;

/**
 * The real process streams and clock. When the reader of stdout goes away
 * (`eqlambda normalize | head -1`), the process ends quietly with code 0,
 * as Unix tools do, instead of failing on the broken pipe.
 */
export function processIo(): CliIo {
  if (!watchingPipe) {
    watchingPipe = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(0);
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => Date.now(),
  };
}
