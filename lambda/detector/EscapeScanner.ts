const BACKSLASH = 0x5c;
const KELVIN_SIGN = 0x212a;
const CAPITAL_I_WITH_DOT = 0x130;

/** How an input escapes characters: JSON, XML, or not known. */
export type EscapeSyntax = 'json' | 'xml' | 'unknown';

const KELVIN_UTF8 = Buffer.from('\u212a', 'utf8');
const CAPITAL_I_WITH_DOT_UTF8 = Buffer.from('\u0130', 'utf8');
// The `u` and first hex digits of the JSON `\u` escapes that can stand for
// a character lower-casing into a needle's: U+212A and U+0130.
const JSON_KELVIN_ESCAPE = Buffer.from('u21');
const JSON_DOTTED_I_ESCAPE = Buffer.from('u013');
const XML_CHARACTER_REFERENCE = Buffer.from('&#');

interface Marker {
  readonly pattern: Buffer;
  readonly isJsonEscape: boolean;
}

/**
 * Finds the places where a record may hold a needle in a form the needle
 * search cannot see, so that its line is decoded whatever the needles say:
 * an XML character reference, or a character whose lower case (which EQL's
 * `:` and `~` comparisons use) is ASCII, raw or as a JSON `\u` escape: the
 * Kelvin sign, which lower-cases to `k`, and the capital I with dot, which
 * lower-cases to `i` and a combining dot. Each is looked for only where it
 * could matter (the Kelvin sign only when a needle has a `k`, the dotted I
 * only when a needle ends in `i`, since the combining dot can then be taken
 * by a wildcard), and each search is one native byte search.
 *
 * Known limit: JSON `\u` escapes of printable ASCII (`msiexec\u002eexe`)
 * are not looked for. JSON encoders escape only control characters, quotes,
 * backslashes and, in some, `/ < > & ' + \`` and non-ASCII text, and the
 * needles never hold those; an input that escapes other ASCII characters
 * may have records with matches skipped. Searching for every `\u00` cost
 * a tenth of the detector's time on every JSON export.
 */
export class EscapeScanner {
  readonly #markers: readonly Marker[];

  /**
   * `needles` are the lower-case needles searched for; `syntax` is how the
   * input escapes characters ('unknown' looks for both JSON and XML forms).
   */
  constructor(needles: readonly string[], syntax: EscapeSyntax) {
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
    return code === KELVIN_SIGN || code === CAPITAL_I_WITH_DOT;
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
    if (hasK) add(JSON_KELVIN_ESCAPE, true);
    if (endsInI) add(JSON_DOTTED_I_ESCAPE, true);
  }
  if (syntax !== 'json') add(XML_CHARACTER_REFERENCE);
  if (hasK) add(KELVIN_UTF8);
  if (endsInI) add(CAPITAL_I_WITH_DOT_UTF8);
  return markers;
}
