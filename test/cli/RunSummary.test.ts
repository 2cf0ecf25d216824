import { describe, expect, it } from 'vitest';
import { RunSummary } from '../../cli/detect/RunSummary';

describe('RunSummary', () => {
  it('shows the first five malformed records and counts the rest', () => {
    const summary = new RunSummary();
    summary.addScan({
      object: 'a.ndjson',
      format: 'ecs',
      groups: [],
      eventMatches: [],
      hosts: [],
      malformed: [1, 2, 3, 4, 5, 6, 7].map((line) => ({
        source: { object: 'a.ndjson', line },
        reason: 'not JSON',
      })),
      error: null,
      stats: {
        compressedBytes: 0,
        bytes: 2500,
        records: 10,
        events: 3,
        candidates: 0,
        skipped: 0,
        malformed: 7,
      },
    });
    const lines = summary.format(1500, '24h').split('\n');
    expect(lines[0]).toBe(
      'eqlambda: 1 file, 2.5 kB, 10 records (3 decoded, 0 skipped, ' +
        '7 malformed), 0 alerts in 1.5 s',
    );
    expect(lines.slice(1, 7)).toEqual([
      '  malformed a.ndjson:1: not JSON',
      '  malformed a.ndjson:2: not JSON',
      '  malformed a.ndjson:3: not JSON',
      '  malformed a.ndjson:4: not JSON',
      '  malformed a.ndjson:5: not JSON',
      '  ... and 2 more malformed',
    ]);
  });

  it('says how many events were late and what to do', () => {
    const summary = new RunSummary();
    summary.late = 2;
    expect(summary.format(0, '1h')).toContain(
      '  2 events arrived more than 1h behind newer events and did not ' +
        'count (raise --lateness)',
    );
  });

  it('names a file that failed once, even when the message names it too', () => {
    const summary = new RunSummary();
    summary.addFailure('b.gz', 'b.gz: gzip data ends early');
    summary.addFailure('c.gz', 'permission denied');
    const text = summary.format(0, '24h');
    expect(text).toContain('  error b.gz: gzip data ends early\n');
    expect(text).toContain('  error c.gz: permission denied\n');
  });
});
