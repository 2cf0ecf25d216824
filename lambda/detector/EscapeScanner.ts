const BACKSLASH = 0x5c;
const KELVIN_SIGN = 0x212a;
const CAPITAL_I_WITH_DOT = 0x130;

// Raw UTF-8 of the two characters whose lower case (what the EQL `:` and
// `~` comparisons use) is ASCII: the Kelvin sign lower-cases to `k`, and
// the capital I with dot above to `i` and a combining dot.
const FOLDING_TO_ASCII = [
  Buffer.from('\u212a', 'utf8'),
  Buffer.from('\u0130', 'utf8'),
];

// The `u` and first hex digits of JSON `\u` escapes that can stand for a
// character of a needle: ASCII (`\u00XX`), `\u0130` and `\u212A`.
const JSON_ESCAPES = [Buffer.from('u0'), Buffer.from('u21')];

const XML_CHARACTER_REFERENCE = Buffer.from('&#');

/**
 * Finds the places where a record may hold a needle in a form the needle
 * search cannot see: a JSON `\u` escape or an XML character reference of
 * one of the needles' characters, or a character whose lower case is an
 * ASCII letter. A line with such a place is decoded whatever the needles
 * say. Each search is a native byte search for a rare pattern.
 */
export class EscapeScanner {
  readonly #needleChars: ReadonlySet<number>;

  /** `needles` are the lower-case needles being searched for. */
  constructor(needles: readonly string[]) {
    const chars = new Set<number>();
    for (const needle of needles) {
      for (const char of needle) {
        const code = char.charCodeAt(0);
        chars.add(code);
        chars.add(char.toUpperCase().charCodeAt(0));
      }
    }
    this.#needleChars = chars;
  }

  /** Appends to `hits` the offsets in `bytes[from, to)` that need decoding. */
  scan(bytes: Buffer, from: number, to: number, hits: number[]): void {
    for (const pattern of JSON_ESCAPES) {
      this.#find(bytes, pattern, from, to, hits, (at) =>
        this.#isHidingJsonEscape(bytes, at),
      );
    }
    this.#find(bytes, XML_CHARACTER_REFERENCE, from, to, hits, () => true);
    for (const pattern of FOLDING_TO_ASCII) {
      this.#find(bytes, pattern, from, to, hits, () => true);
    }
  }

  #find(
    bytes: Buffer,
    pattern: Buffer,
    from: number,
    to: number,
    hits: number[],
    accept: (at: number) => boolean,
  ): void {
    let at = bytes.indexOf(pattern, from);
    while (at !== -1 && at + pattern.length <= to) {
      if (accept(at)) hits.push(at);
      at = bytes.indexOf(pattern, at + 1);
    }
  }

  // `at` is the `u` of a possible escape: it is one when an odd number of
  // backslashes precede it (`\\u0041` is a backslash and the text `u0041`).
  #isHidingJsonEscape(bytes: Buffer, at: number): boolean {
    let backslashes = 0;
    while (at - backslashes > 0 && bytes[at - 1 - backslashes] === BACKSLASH) {
      backslashes += 1;
    }
    if (backslashes % 2 === 0) return false;
    const code = Number.parseInt(bytes.toString('latin1', at + 1, at + 5), 16);
    if (code === KELVIN_SIGN || code === CAPITAL_I_WITH_DOT) return true;
    return this.#needleChars.has(code);
  }
}
