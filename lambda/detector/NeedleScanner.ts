// Blocks are the two bytes ending a window, read as one little-endian
// 16-bit number (the second byte high) and indexed as they are: every
// letter-case variant of a needle's pair gets its own entry. The table
// takes 64 KiB, but text touches only its printable pairs (about 12 KiB of
// cache lines), and an exact index needs no case-folding mask in the inner
// loop. Reading the pair with one DataView load rather than two byte loads
// made the scan about a sixth faster.
const BLOCK_SPACE = 1 << 16;

// Ranges shorter than this are scanned by one window; splitting them would
// cost more than it saves.
const SPLIT_ABOVE = 4096;

/**
 * Finds every occurrence of a set of lower-case ASCII needles in raw bytes,
 * in any letter case, in one pass (Wu-Manber with two-byte blocks). The
 * window moves by up to the shortest needle's length minus one at each
 * step, so the longer the shortest needle, the fewer bytes it looks at; it
 * compares bytes as they are, so no lower-cased copy of the input is made.
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
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    if (to - from < SPLIT_ABOVE) {
      this.#scanRange(view, from + this.#window - 1, to, to, hits);
      return;
    }
    const found = hits.length;
    this.#scanQuarters(view, from, to, hits);
    if (hits.length - found > 1) sortTail(hits, found);
  }

  // One window walking over window ends in [pos, end).
  #scanRange(
    view: DataView,
    start: number,
    end: number,
    to: number,
    hits: number[],
  ): void {
    const shift = this.#shift;
    let pos = start;
    while (pos < end) {
      const step = shift[view.getUint16(pos - 1, true)] as number;
      if (step === 0) {
        this.#checkStop(view, pos, to, hits);
        pos += 1;
      } else {
        pos += step;
      }
    }
  }

  // Four windows, each over a quarter of the range, advanced in lock step.
  // Each step of one window waits on a table lookup that depends on the
  // previous step; four independent windows let the processor overlap
  // those waits, which nearly halves the time of a single window.
  // Quarter q finds the occurrences that start in it, so its windows run
  // on past its end by the window length.
  #scanQuarters(view: DataView, from: number, to: number, hits: number[]) {
    const shift = this.#shift;
    const last = this.#window - 1;
    const quarter = Math.floor((to - from) / 4);
    const s1 = from + quarter;
    const s2 = s1 + quarter;
    const s3 = s2 + quarter;
    let a = from + last;
    let b = s1 + last;
    let c = s2 + last;
    let d = s3 + last;
    const endA = s1 + last;
    const endB = s2 + last;
    const endC = s3 + last;
    while (a < endA && b < endB && c < endC && d < to) {
      const stepA = shift[view.getUint16(a - 1, true)] as number;
      const stepB = shift[view.getUint16(b - 1, true)] as number;
      const stepC = shift[view.getUint16(c - 1, true)] as number;
      const stepD = shift[view.getUint16(d - 1, true)] as number;
      // A zero step is rare: the pair ending the window ends some needle's
      // window too.
      if (stepA === 0) this.#checkStop(view, a, to, hits);
      if (stepB === 0) this.#checkStop(view, b, to, hits);
      if (stepC === 0) this.#checkStop(view, c, to, hits);
      if (stepD === 0) this.#checkStop(view, d, to, hits);
      a += stepA || 1;
      b += stepB || 1;
      c += stepC || 1;
      d += stepD || 1;
    }
    this.#scanRange(view, a, endA, to, hits);
    this.#scanRange(view, b, endB, to, hits);
    this.#scanRange(view, c, endC, to, hits);
    this.#scanRange(view, d, to, to, hits);
  }

  /** True when any needle occurs in `bytes[from, to)`. */
  has(bytes: Uint8Array, from: number, to: number): boolean {
    const hits: number[] = [];
    this.scan(bytes, from, to, hits);
    return hits.length > 0;
  }

  // Confirms the needles a window ending at `end` may hold, when the pair
  // ending it is a needle's last pair and the pair starting it a first.
  #checkStop(view: DataView, end: number, to: number, hits: number[]) {
    const start = end - this.#window + 1;
    if (this.#heads[view.getUint16(start, true)] !== 1) return;
    const last = this.#window - 1;
    const block = blockOf(
      view.getUint8(start + last - 1),
      view.getUint8(start + last),
    );
    for (const index of this.#verify.get(block) ?? []) {
      const needle = this.#needles[index] as Uint8Array;
      if (start + needle.length > to) continue;
      if (equalsFolded(view, start, needle)) hits.push(start);
    }
  }
}

function equalsFolded(
  view: DataView,
  start: number,
  needle: Uint8Array,
): boolean {
  for (let i = 0; i < needle.length; i += 1) {
    if (toLower(view.getUint8(start + i)) !== needle[i]) return false;
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
