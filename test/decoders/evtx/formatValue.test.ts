import { describe, expect, it } from 'vitest';
import {
  formatFileTime,
  formatValue,
} from '../../../lambda/decoders/evtx/formatValue';

function hex(text: string): Buffer {
  return Buffer.from(text.replace(/\s/g, ''), 'hex');
}

function format(bytes: Buffer, type: number): string {
  return formatValue(bytes, 0, bytes.length, type);
}

describe('formatValue', () => {
  it('reads a UTF-16 string and drops a trailing NUL', () => {
    expect(format(Buffer.from('CORP\\jdoe\0', 'utf16le'), 0x01)).toBe(
      'CORP\\jdoe',
    );
  });

  it('writes unsigned and signed integers in decimal', () => {
    expect(format(hex('e8 0b 00 00'), 0x08)).toBe('3048');
    expect(format(hex('ff'), 0x03)).toBe('-1');
    expect(format(hex('ff ff ff ff ff ff ff ff'), 0x0a)).toBe(
      '18446744073709551615',
    );
  });

  it('writes the hex types as 0x and lower-case digits without padding', () => {
    expect(format(hex('fc 01 00 00'), 0x14)).toBe('0x1fc');
    expect(format(hex('00 00 00 00 00 00 20 80'), 0x15)).toBe(
      '0x8020000000000000',
    );
    expect(format(hex('78 02 00 00 00 00 00 00'), 0x10)).toBe('0x278');
  });

  it('writes a GUID in braces, upper case, first three groups little-endian', () => {
    const bytes = hex('5f 38 70 57 2a c2 e0 43 bf 4c 06 f5 69 8f fb d9');
    expect(format(bytes, 0x0f)).toBe('{5770385F-C22A-43E0-BF4C-06F5698FFBD9}');
  });

  it('writes a SID as S-revision-authority-subauthorities', () => {
    // Revision 1, one sub-authority, authority 5 (NT), sub-authority 18.
    const bytes = hex('01 01 00 00 00 00 00 05 12 00 00 00');
    expect(format(bytes, 0x13)).toBe('S-1-5-18');
  });

  it('writes a FILETIME as ISO 8601 with seven fractional digits', () => {
    // 116444736000000000 ticks of 100 ns after 1601 is the Unix epoch.
    expect(formatFileTime(116_444_736_000_000_000n)).toBe(
      '1970-01-01T00:00:00.0000000Z',
    );
    expect(formatFileTime(116_444_736_000_000_000n + 12_345_678n)).toBe(
      '1970-01-01T00:00:01.2345678Z',
    );
  });

  it('writes a SYSTEMTIME as ISO 8601 with milliseconds', () => {
    // 2020 / 10 / (Tuesday) / 27, 20:00:14.320
    const bytes = hex('e4 07 0a 00 02 00 1b 00 14 00 00 00 0e 00 40 01');
    expect(format(bytes, 0x12)).toBe('2020-10-27T20:00:14.320Z');
  });

  it('writes booleans, nulls and binary data', () => {
    expect(format(hex('01 00 00 00'), 0x0d)).toBe('true');
    expect(format(hex('00 00 00 00'), 0x0d)).toBe('false');
    expect(format(Buffer.alloc(0), 0x00)).toBe('');
    expect(format(hex('de ad be ef'), 0x0e)).toBe('DEADBEEF');
  });

  it('joins the items of an array with a comma and a space', () => {
    expect(format(Buffer.from('a\0bc\0', 'utf16le'), 0x81)).toBe('a, bc');
    expect(format(hex('01 00 02 00'), 0x86)).toBe('1, 2');
  });

  it('refuses a value shorter than its type', () => {
    expect(() => format(hex('01 02'), 0x08)).toThrow(RangeError);
  });
});
