import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { captureIo } from './captureIo';

describe('eqlambda normalize', () => {
  it('prints every decoded event whole, fields the alerts omit included', async () => {
    const capture = captureIo();
    const code = await main(
      ['normalize', 'test/fixtures/cli/split/1-msi.ndjson'],
      capture.io,
    );
    expect(code).toBe(0);
    const events = capture.lines();
    expect(events).toHaveLength(2);
    expect(events[1]?.event).toEqual({
      id: 'a1',
      category: ['process'],
      type: ['start'],
    });
  });

  it('summarises malformed records on stderr with file and line', async () => {
    const capture = captureIo();
    await main(
      ['normalize', '--source', 'ecs', 'test/fixtures/cli/malformed.ndjson'],
      capture.io,
    );
    expect(capture.lines()).toHaveLength(2);
    const [totals, first] = capture.stderr().split('\n');
    expect(totals).toBe(
      'eqlambda normalize: 1 file, 2 events (0 skipped, 1 malformed)',
    );
    expect(first).toMatch(
      /^ {2}malformed test\/fixtures\/cli\/malformed\.ndjson:2: /,
    );
  });
});
