import { PairScan, SLICE_BYTES } from './wasm/PairScan';

// Blocks are the two bytes ending a window, read as one little-endian
// 16-bit number (the second byte high) and indexed as they are: every
// letter-case variant of a needle's pair gets its own entry. The table
// takes 64 KiB, but text touches only its printable pairs (about 12 KiB of
// cache lines), and an exact index needs no case-folding mask in the inner
// loop.
const BLOCK_SPACE = 1 << 16;

/**
 * Finds every occurrence of a set of lower-case ASCII needles in raw bytes,
 * in any letter case, in one pass (Wu-Manber with two-byte blocks). The
 * window moves by up to the shortest needle's length minus one at each
 * step, so the longer the shortest needle, the fewer bytes it looks at; it
 * compares bytes as they are, so no lower-cased copy of the input is made.
 * The window loop runs as WebAssembly (PairScan); this class builds its
 * tables, feeds it the input in slices and compares the needles where it
 * stops.
 */
export class NeedleScanner {
  readonly #needles: readonly Uint8Array[];
  readonly #window: number;
  // Indexed by the two bytes that end the window, as they appear in the
  // input (every letter-case variant has its own entry).
  readonly #shift: Uint8Array;
  // The needles to compare, by the lower-case pair that ends the window.
  readonly #verify = new Map<number, number[]>();
  // 1 for the first two bytes of some needle: a window whose end matches
  // but whose start does not is dismissed without looking at the needles.
  readonly #heads: Uint8Array;
  readonly #pairScan: PairScan;

  /** `needles` must be lower-case ASCII, each at least 2 bytes long. */
  constructor(needles: readonly string[]) {
    if (needles.length === 0) throw new RangeError('no needles to scan for');
    this.#needles = needles.map((needle) => Buffer.from(needle, 'latin1'));
    this.#window = Math.min(...needles.map((needle) => needle.length));
    if (this.#window < 2) throw new RangeError('needles need two bytes');
    this.#shift = new Uint8Array(BLOCK_SPACE).fill(
      Math.min(this.#window - 1, 255),
    );
    this.#heads = new Uint8Array(BLOCK_SPACE);
    for (const [index, needle] of this.#needles.entries()) {
      this.#index(needle, index);
    }
    this.#pairScan = new PairScan(this.#shift, this.#heads, this.#window);
  }

  #index(needle: Uint8Array, index: number): void {
    const window = this.#window;
    for (const block of blockVariants(needle, 0)) this.#heads[block] = 1;
    for (let end = 1; end < window; end += 1) {
      const shift = window - 1 - end;
      for (const block of blockVariants(needle, end - 1)) {
        if (shift < (this.#shift[block] as number)) this.#shift[block] = shift;
      }
    }
    const key = blockOf(
      needle[window - 2] as number,
      needle[window - 1] as number,
    );
    const list = this.#verify.get(key) ?? [];
    list.push(index);
    this.#verify.set(key, list);
  }

  /**
   * Appends to `hits` the offset of every needle occurrence lying wholly in
   * `bytes[from, to)`, in increasing order (an offset may repeat when two
   * needles start there).
   */
  scan(bytes: Uint8Array, from: number, to: number, hits: number[]): void {
    const found = hits.length;
    const confirm = (start: number) => this.#confirm(bytes, start, to, hits);
    const last = this.#window - 1;
    // Slices of window starts; each takes the bytes its last window needs.
    for (let start = from; start + last < to; start += SLICE_BYTES) {
      const end = Math.min(start + SLICE_BYTES + last, to);
      this.#pairScan.find(bytes, start, end, confirm);
    }
    if (hits.length - found > 1) sortTail(hits, found);
  }

  /** True when any needle occurs in `bytes[from, to)`. */
  has(bytes: Uint8Array, from: number, to: number): boolean {
    const hits: number[] = [];
    this.scan(bytes, from, to, hits);
    return hits.length > 0;
  }

  // Compares the needles whose window ends in the same pair as the window
  // starting at `start`.
  #confirm(bytes: Uint8Array, start: number, to: number, hits: number[]) {
    const last = this.#window - 1;
    const block = blockOf(
      bytes[start + last - 1] as number,
      bytes[start + last] as number,
    );
    for (const index of this.#verify.get(block) ?? []) {
      const needle = this.#needles[index] as Uint8Array;
      if (start + needle.length > to) continue;
      if (equalsFolded(bytes, start, needle)) hits.push(start);
    }
  }
}

function equalsFolded(
  bytes: Uint8Array,
  start: number,
  needle: Uint8Array,
): boolean {
  for (let i = 0; i < needle.length; i += 1) {
    if (toLower(bytes[start + i] as number) !== needle[i]) return false;
  }
  return true;
}

function toLower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte;
}

// The lower-case block of two bytes, the key of the needles to compare.
function blockOf(first: number, second: number): number {
  return (toLower(first) << 8) | toLower(second);
}

// Every letter-case variant of the block `needle[at, at + 2)`, each as the
// little-endian 16-bit number the scan reads.
function blockVariants(needle: Uint8Array, at: number): number[] {
  const firsts = caseVariants(needle[at] as number);
  const seconds = caseVariants(needle[at + 1] as number);
  return firsts.flatMap((first) =>
    seconds.map((second) => (second << 8) | first),
  );
}

function caseVariants(byte: number): number[] {
  return byte >= 0x61 && byte <= 0x7a ? [byte, byte & 0xdf] : [byte];
}

/** Sorts `hits` from index `start` on, in place, numerically. */
function sortTail(hits: number[], start: number): void {
  const tail = hits.splice(start).sort((x, y) => x - y);
  hits.push(...tail);
}
