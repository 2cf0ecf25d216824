import { describe, expect, it } from 'vitest';
import { ProgressLine } from '../../cli/detect/ProgressLine';

function terminal(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, output: { isTTY, write: (t: string) => writes.push(t) } };
}

const FIGURES = {
  object: 'a.ndjson',
  bytes: 2_500_000,
  records: 1000,
  alerts: 1,
};

describe('ProgressLine', () => {
  it('draws at most four times a second on the injected clock', () => {
    let now = 0;
    const { writes, output } = terminal(true);
    const line = new ProgressLine(output, () => now);
    now = 1000;
    line.update(FIGURES);
    now = 1100;
    line.update(FIGURES);
    now = 1250;
    line.update(FIGURES);
    expect(writes).toHaveLength(2);
    expect(writes[0]).toBe(
      '\r\x1b[Ka.ndjson  2.5 MB  1,000 records  1,000/s  1 alert',
    );
  });

  it('stays silent when stderr is not a terminal', () => {
    const { writes, output } = terminal(false);
    const line = new ProgressLine(output, () => 5000);
    line.update(FIGURES);
    line.clear();
    expect(writes).toEqual([]);
  });

  it('erases itself once drawn', () => {
    const { writes, output } = terminal(true);
    const line = new ProgressLine(output, () => 1000);
    line.update(FIGURES);
    line.clear();
    line.clear();
    expect(writes.slice(1)).toEqual(['\r\x1b[K']);
  });
});
