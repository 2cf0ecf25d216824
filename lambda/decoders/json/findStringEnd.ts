const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Where a JSON string ends in a chunk, and the escape state carried over. */
export interface StringEnd {
  /** Index of the closing quote, or -1 when the chunk ends inside. */
  readonly index: number;
  /** True when the chunk's last byte escapes the next chunk's first. */
  readonly escaped: boolean;
}

/**
 * Finds the quote that closes a JSON string, reading `chunk` from `from`
 * (just past the opening quote, or the start of a later chunk) with
 * `escaped` telling whether the previous chunk ended on an escaping
 * backslash. Jumps from quote to quote with `indexOf` and counts the
 * backslashes before each, instead of visiting every byte.
 */
export function findStringEnd(
  chunk: Buffer,
  from: number,
  escaped: boolean,
): StringEnd {
  let position = escaped ? from + 1 : from;
  while (true) {
    const quote = chunk.indexOf(QUOTE, position);
    const end = quote === -1 ? chunk.length : quote;
    const backslashes = countBackslashesBefore(chunk, end, position);
    if (quote === -1) return { index: -1, escaped: backslashes % 2 === 1 };
    if (backslashes % 2 === 0) return { index: quote, escaped: false };
    position = quote + 1;
  }
}

function countBackslashesBefore(
  chunk: Buffer,
  end: number,
  floor: number,
): number {
  let count = 0;
  while (end - count - 1 >= floor && chunk[end - count - 1] === BACKSLASH) {
    count += 1;
  }
  return count;
}
