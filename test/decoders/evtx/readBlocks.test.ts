import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../../lambda/decoders/evtx/readBlocks';
import { collect } from '../fixtures';

async function* pieces(...parts: string[]): AsyncIterable<Buffer> {
  for (const part of parts) yield Buffer.from(part, 'latin1');
}

function texts(blocks: Buffer[]): string[] {
  return blocks.map((block) => block.toString('latin1'));
}

describe('readBlocks', () => {
  it('cuts pieces of any size into blocks of the sizes asked for', async () => {
    const blocks = await collect(
      readBlocks(pieces('ab', 'cdefg', 'h', 'ijklmn'), (index) =>
        index === 0 ? 2 : 4,
      ),
    );
    expect(texts(blocks)).toEqual(['ab', 'cdef', 'ghij', 'klmn']);
  });

  it('yields a short last block when the stream ends inside it', async () => {
    const blocks = await collect(readBlocks(pieces('abcdefg'), () => 3));
    expect(texts(blocks)).toEqual(['abc', 'def', 'g']);
  });

  it('yields nothing for an empty stream', async () => {
    expect(await collect(readBlocks(pieces(), () => 3))).toEqual([]);
  });

  it('does not let a later piece overwrite a block already yielded', async () => {
    const blocks = await collect(readBlocks(pieces('abc', 'def'), () => 2));
    expect(texts(blocks)).toEqual(['ab', 'cd', 'ef']);
  });
});
