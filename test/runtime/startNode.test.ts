import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../lambda/runtime/start-node');

// What the node process reports about how it was started.
const REPORT =
  'process.stdout.write(JSON.stringify({' +
  'flags: process.execArgv, args: process.argv.slice(1) }))';

// Runs the script as Lambda does: the interpreter's path, then its own
// arguments (here, runtime-like flags and an inline program).
function startAsLambdaDoes(...args: string[]) {
  const child = spawnSync(
    SCRIPT,
    [process.execPath, '--max-semi-space-size=16', '-e', REPORT, ...args],
    { encoding: 'utf8' },
  );
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as { flags: string[]; args: string[] };
}

describe('lambda/runtime/start-node', () => {
  it('is executable, as Lambda needs a wrapper script to be', () => {
    expect(statSync(SCRIPT).mode & 0o111).toBe(0o111);
  });

  it('starts the interpreter with the old-generation flag added', () => {
    const { flags } = startAsLambdaDoes();
    expect(flags).toContain('--initial-old-space-size=64');
  });

  it("keeps the runtime's own flags and arguments, spaces included", () => {
    const { flags, args } = startAsLambdaDoes('an argument', '--with-dash');
    expect(flags).toContain('--max-semi-space-size=16');
    expect(args).toEqual(['an argument', '--with-dash']);
  });
});
