import type { CliIo } from '../../cli/CliIo';

/** An in-memory CliIo: what was written, and a clock fixed by the test. */
export function captureIo(options: { tty?: boolean; now?: number } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { isTTY: options.tty ?? false, write: (t: string) => out.push(t) },
    stderr: { isTTY: false, write: (t: string) => err.push(t) },
    now: () => options.now ?? Date.parse('2026-03-18T11:00:00Z'),
  };
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    /** stdout as parsed JSON lines. */
    lines: () =>
      out
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
