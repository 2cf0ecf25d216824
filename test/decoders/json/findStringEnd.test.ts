import { describe, expect, it } from 'vitest';
import { findStringEnd } from '../../../lambda/decoders/json/findStringEnd';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('findStringEnd', () => {
  it('finds the first quote not escaped by an odd run of backslashes', () => {
    // Bytes: a \ " b \ \ " r e s t; the quote at 6 follows two backslashes.
    expect(findStringEnd(bytes('a\\"b\\\\"rest'), 0, false)).toEqual({
      index: 6,
      escaped: false,
    });
  });

  it('carries an escaping backslash at the end of a chunk', () => {
    expect(findStringEnd(bytes('ab\\'), 0, false)).toEqual({
      index: -1,
      escaped: true,
    });
    expect(findStringEnd(bytes('"x"'), 0, true)).toEqual({
      index: 2,
      escaped: false,
    });
  });

  it('does not carry an escaped backslash', () => {
    expect(findStringEnd(bytes('ab\\\\'), 0, false)).toEqual({
      index: -1,
      escaped: false,
    });
  });
});
