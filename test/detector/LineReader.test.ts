import { describe, expect, it } from 'vitest';
import { LineReader } from '../../lambda/detector/LineReader';
import { Prefilter } from '../../lambda/detector/Prefilter';

function readAll(
  text: string,
  chunkSize: number,
  options: { needles?: string[]; maxBytes?: number } = {},
) {
  const lines: [number, string][] = [];
  const overlong: [number, number][] = [];
  const prefilter = options.needles ? new Prefilter(options.needles) : null;
  const reader = new LineReader(prefilter, options.maxBytes ?? 1000, {
    onLine: (line, number) => lines.push([number, line]),
    onOverlong: (number, bytes) => overlong.push([number, bytes]),
  });
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += chunkSize) {
    reader.push(bytes.subarray(at, at + chunkSize));
  }
  reader.end();
  return { lines, overlong, count: reader.lines, records: reader.records };
}

describe('LineReader', () => {
  it('numbers lines from 1 whatever the chunk size', () => {
    const text = 'alpha\nbeta\n\ngamma\r\ndelta';
    for (const size of [1, 2, 3, 7, 100]) {
      expect(readAll(text, size).lines).toEqual([
        [1, 'alpha'],
        [2, 'beta'],
        [4, 'gamma'],
        [5, 'delta'],
      ]);
    }
  });

  it('counts empty lines as lines but not as records', () => {
    const result = readAll('a\n\n\nb\n', 4);
    expect(result.count).toBe(4);
    expect(result.records).toBe(2);
  });

  it('hands on only lines holding a needle, even split across chunks', () => {
    const text = 'one cmd\ntwo MsIeXeC.eXe here\nthree\nmsiexec.ex\n';
    for (const size of [1, 5, 9, 64]) {
      expect(readAll(text, size, { needles: ['msiexec.exe'] }).lines).toEqual([
        [2, 'two MsIeXeC.eXe here'],
      ]);
    }
  });

  it('reports an over-long line by number without holding it', () => {
    const text = `short\n${'x'.repeat(50)}\nafter\n${'y'.repeat(11)}`;
    const result = readAll(text, 4, { maxBytes: 10 });
    expect(result.overlong).toEqual([
      [2, 50],
      [4, 11],
    ]);
    expect(result.lines).toEqual([
      [1, 'short'],
      [3, 'after'],
    ]);
    expect(result.records).toBe(4);
  });

  it('accepts a line of exactly the limit, with or without \\r', () => {
    const result = readAll('0123456789\r\n0123456789\n', 3, { maxBytes: 10 });
    expect(result.overlong).toEqual([]);
    expect(result.lines.map(([n]) => n)).toEqual([1, 2]);
  });
});
