import { EscapeScanner, type EscapeSyntax } from './EscapeScanner';
import { NeedleScanner } from './NeedleScanner';

/**
 * Tells which places of raw input may belong to a record some rule could
 * care about: an occurrence of a needle in any letter case, or an escape
 * that could hide one. A record without such a place cannot satisfy any
 * stage, so it need not be parsed.
 */
export class Prefilter {
  readonly needles: readonly string[];
  readonly #needles: NeedleScanner;
  readonly #escapes: EscapeScanner;

  /**
   * `needles`: lower-case ASCII texts, as `queryNeedles` derives them;
   * `syntax`: how the input escapes characters.
   */
  constructor(needles: readonly string[], syntax: EscapeSyntax = 'unknown') {
    this.needles = needles;
    this.#needles = new NeedleScanner(needles);
    this.#escapes = new EscapeScanner(needles, syntax);
  }

  /** The offsets in `bytes[from, to)` worth a look, in increasing order. */
  hits(bytes: Buffer, from: number, to: number): number[] {
    const hits: number[] = [];
    this.#needles.scan(bytes, from, to, hits);
    const needleHits = hits.length;
    this.#escapes.scan(bytes, from, to, hits);
    if (hits.length > needleHits) hits.sort((a, b) => a - b);
    return hits;
  }
}
