const BACKSLASH = 0x5c;
const KELVIN_SIGN = 0x212a;
const CAPITAL_I_WITH_DOT = 0x130;

/** How an input escapes characters: JSON, XML, or not known. */
export type EscapeSyntax = 'json' | 'xml' | 'unknown';

const KELVIN_UTF8 = Buffer.from('\u212a', 'utf8');
const CAPITAL_I_WITH_DOT_UTF8 = Buffer.from('\u0130', 'utf8');
// The `u` and first hex digits of JSON `\u` escapes that can stand for a
// needle's character: ASCII and U+0130 (`\u00XX`, `\u0130`), U+212A.
const JSON_ESCAPE = Buffer.from('u0');
const JSON_KELVIN_ESCAPE = Buffer.from('u21');
const XML_CHARACTER_REFERENCE = Buffer.from('&#');

interface Marker {
  readonly pattern: Buffer;
  readonly isJsonEscape: boolean;
}

/**
 * Finds the places where a record may hold a needle in a form the needle
 * search cannot see, so that its line is decoded whatever the needles say:
 * a JSON `\u` escape or an XML character reference of a needle character,
 * or a raw character whose lower case (which EQL's `:` and `~` comparisons
 * use) is ASCII: the Kelvin sign, which lower-cases to `k`, and the capital
 * I with dot, which lower-cases to `i` and a combining dot. Each is looked
 * for only where it could matter (the Kelvin sign only when a needle has a
 * `k`, the dotted I only when a needle ends in `i`, since the combining
 * dot can then be taken by a wildcard), and each search is one native byte
 * search for a rare pattern.
 */
export class EscapeScanner {
  readonly #needleChars: ReadonlySet<number>;
  readonly #markers: readonly Marker[];

  /**
   * `needles` are the lower-case needles searched for; `syntax` is how the
   * input escapes characters ('unknown' looks for both JSON and XML forms).
   */
  constructor(needles: readonly string[], syntax: EscapeSyntax) {
    const chars = new Set<number>();
    for (const needle of needles) {
      for (const char of needle) {
        chars.add(char.charCodeAt(0));
        chars.add(char.toUpperCase().charCodeAt(0));
      }
    }
    this.#needleChars = chars;
    this.#markers = markersFor(needles, syntax);
  }

  /** Appends to `hits` the offsets in `bytes[from, to)` that need decoding. */
  scan(bytes: Buffer, from: number, to: number, hits: number[]): void {
    for (const marker of this.#markers) {
      this.#find(bytes, marker, from, to, hits);
    }
  }

  #find(
    bytes: Buffer,
    marker: Marker,
    from: number,
    to: number,
    hits: number[],
  ): void {
    const pattern = marker.pattern;
    let at = bytes.indexOf(pattern, from);
    while (at !== -1 && at + pattern.length <= to) {
      if (!marker.isJsonEscape || this.#isHidingJsonEscape(bytes, at)) {
        hits.push(at);
      }
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

function markersFor(
  needles: readonly string[],
  syntax: EscapeSyntax,
): Marker[] {
  const hasK = needles.some((needle) => needle.includes('k'));
  const endsInI = needles.some((needle) => needle.endsWith('i'));
  const markers: Marker[] = [];
  const add = (pattern: Buffer, isJsonEscape = false) =>
    markers.push({ pattern, isJsonEscape });
  if (syntax !== 'xml') {
    add(JSON_ESCAPE, true);
    if (hasK) add(JSON_KELVIN_ESCAPE, true);
  }
  if (syntax !== 'json') add(XML_CHARACTER_REFERENCE);
  if (hasK) add(KELVIN_UTF8);
  if (endsInI) add(CAPITAL_I_WITH_DOT_UTF8);
  return markers;
}
