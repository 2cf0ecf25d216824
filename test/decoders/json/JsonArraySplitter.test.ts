import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JsonArraySplitter,
  type SplitItem,
} from '../../../lambda/decoders/json/JsonArraySplitter';

function splitAt(
  text: string,
  cuts: readonly number[],
  path: readonly string[],
): SplitItem[] {
  const bytes = Buffer.from(text);
  const splitter = new JsonArraySplitter(path);
  const items: SplitItem[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(cut, bytes.length);
    if (end < start) continue;
    items.push(...splitter.push(bytes.subarray(start, end)));
    start = end;
  }
  items.push(...splitter.push(bytes.subarray(start)));
  items.push(...splitter.end());
  return items;
}

function parsedElements(items: readonly SplitItem[]): unknown[] {
  return items.map((item) => {
    if (item.kind !== 'element') throw new Error(item.reason);
    return JSON.parse(item.text);
  });
}

describe('JsonArraySplitter', () => {
  it('returns every element of any array, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue()),
        fc.array(fc.nat(4000)),
        fc.boolean(),
        (elements, cuts, pretty) => {
          const text = JSON.stringify(elements, null, pretty ? 2 : undefined);
          const items = splitAt(text, cuts, []);
          expect(parsedElements(items)).toEqual(JSON.parse(text));
        },
      ),
    );
  });

  it('finds the array under a key path and ignores look-alikes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 5 }),
        fc.array(fc.nat(2000)),
        (hits, cuts) => {
          const response = {
            took: 1,
            other: { hits: [1, 2, 3] },
            hits: { total: { value: hits.length }, hits },
            aggregations: { hits: { hits: ['not me'] } },
          };
          const text = JSON.stringify(response);
          const items = splitAt(text, cuts, ['hits', 'hits']);
          expect(parsedElements(items)).toEqual(JSON.parse(text).hits.hits);
        },
      ),
    );
  });

  it('reads keys written with escapes', () => {
    const text = '{"hi\\u0074s":{"\\"x":[9],"hits":[1,2]}}';
    expect(parsedElements(splitAt(text, [5, 6, 7], ['hits', 'hits']))).toEqual([
      1, 2,
    ]);
  });

  it('counts lines and byte offsets from the start of the input', () => {
    const items = splitAt('[\n  "é",\n  {"a": 1}\n]', [3], []);
    expect(items).toEqual([
      { kind: 'element', text: '"é"', index: 0, line: 2, offset: 4 },
      { kind: 'element', text: '{"a": 1}', index: 1, line: 3, offset: 12 },
    ]);
  });

  it('stops at a closing bracket that matches nothing', () => {
    const items = splitAt('[1]}', [], []);
    expect(items).toEqual([
      { kind: 'element', text: '1', index: 0, line: 1, offset: 1 },
      { kind: 'error', reason: "unexpected '}'", index: 1, line: 1, offset: 3 },
    ]);
  });
});
