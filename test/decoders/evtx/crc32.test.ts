import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../lambda/decoders/evtx/crc32';

describe('crc32', () => {
  it('gives the standard check value 0xCBF43926 for "123456789"', () => {
    expect(crc32(Buffer.from('123456789', 'latin1'))).toBe(0xcbf43926);
  });

  it('gives 0 for no bytes', () => {
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('sums two ranges in turn as if they were one', () => {
    const bytes = Buffer.from('1234----56789', 'latin1');
    const twoRanges = crc32(bytes, 8, 13, crc32(bytes, 0, 4));
    expect(twoRanges).toBe(0xcbf43926);
  });
});
