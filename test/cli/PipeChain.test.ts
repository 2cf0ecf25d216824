import { describe, expect, it } from 'vitest';
import { PipeChain } from '../../cli/PipeChain';
import type { PipeNode } from '../../lambda/eql/ast';

const at = { line: 1, column: 1, offset: 0, length: 1 };
const head = (count: number): PipeNode => ({ name: 'head', count, pos: at });
const tail = (count: number): PipeNode => ({ name: 'tail', count, pos: at });

function run(pipes: PipeNode[], items: number[]) {
  const out: number[] = [];
  const chain = new PipeChain<number>(pipes, (item) => out.push(item));
  let fedBeforeFull = 0;
  for (const item of items) {
    if (chain.isFull()) break;
    chain.push(item);
    fedBeforeFull += 1;
  }
  chain.finish();
  return { out, fedBeforeFull };
}

describe('PipeChain', () => {
  it('passes everything through without pipes', () => {
    expect(run([], [1, 2, 3]).out).toEqual([1, 2, 3]);
  });

  it('keeps the first N with head and reports itself full', () => {
    expect(run([head(2)], [1, 2, 3, 4])).toEqual({
      out: [1, 2],
      fedBeforeFull: 2,
    });
  });

  it('keeps the last N with tail, only once the input ends', () => {
    expect(run([tail(2)], [1, 2, 3, 4]).out).toEqual([3, 4]);
  });

  it('applies pipes in order: head 3 then tail 1 is the third item', () => {
    expect(run([head(3), tail(1)], [1, 2, 3, 4, 5]).out).toEqual([3]);
  });

  it('applies pipes in order: tail 3 then head 1 is the third from last', () => {
    const result = run([tail(3), head(1)], [1, 2, 3, 4, 5]);
    expect(result.out).toEqual([3]);
    // A tail must see everything, so a later head cannot stop the input.
    expect(result.fedBeforeFull).toBe(5);
  });
});
