import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, 'fixtures', 'growOldGeneration.ts');

// Runs the script in a fresh Node with V8's incremental-marking trace and
// counts how often marking started.
function markingStarts(mode: 'default' | 'prefer'): number {
  const child = spawnSync(
    process.execPath,
    ['--trace-incremental-marking', '--import', 'tsx', SCRIPT, mode],
    { encoding: 'utf8', cwd: join(import.meta.dirname, '..') },
  );
  expect(child.status, child.stderr).toBe(0);
  expect(child.stdout).toContain('kept 400000');
  return child.stdout.split('[IncrementalMarking] Start marking').length - 1;
}

describe('preferThroughputGc', () => {
  it('is needed: by default V8 starts incremental marking as the heap grows', () => {
    expect(markingStarts('default')).toBeGreaterThan(0);
  });

  it('keeps V8 from starting incremental marking afterwards', () => {
    expect(markingStarts('prefer')).toBe(0);
  });
});
