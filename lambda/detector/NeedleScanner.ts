// Blocks are the two bytes ending a window, indexed as they are: every
// letter-case variant of a needle's pair gets its own entry. The table
// takes 64 KiB, but text touches only its printable pairs (about 12 KiB of
// cache lines), and an exact index needs no case-folding mask in the inner
// loop. With the stop check moved out of the loop, the scan of ECS NDJSON
// got about a fifth faster than with a case-folded 12 KiB table.
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
    const length = to - from;
    if (length < SPLIT_ABOVE) {
      this.#scanRange(bytes, from + this.#window - 1, to, to, hits);
      return;
    }
    const found = hits.length;
    this.#scanQuarters(bytes, from, to, hits);
    if (hits.length - found > 1) sortTail(hits, found);
  }

  // One window walking over window ends in [pos, end).
  #scanRange(
    bytes: Uint8Array,
    start: number,
    end: number,
    to: number,
    hits: number[],
  ): void {
    const shift = this.#shift;
    let pos = start;
    while (pos < end) {
      const step = shift[
        ((bytes[pos - 1] as number) << 8) | (bytes[pos] as number)
      ] as number;
      if (step !== 0) {
        pos += step;
        continue;
      }
      const start = pos - this.#window + 1;
      if (this.#isHead(bytes, start)) this.#confirm(bytes, start, to, hits);
      pos += 1;
    }
  }

  // Four windows, each over a quarter of the range, advanced in lock step.
  // Each step of one window waits on a table lookup that depends on the
  // previous step; four independent windows let the processor overlap
  // those waits, which nearly halves the time of a single window.
  // Quarter q finds the occurrences that start in it, so its windows run
  // on past its end by the window length.
  #scanQuarters(bytes: Uint8Array, from: number, to: number, hits: number[]) {
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
      const stepA = shift[
        ((bytes[a - 1] as number) << 8) | (bytes[a] as number)
      ] as number;
      const stepB = shift[
        ((bytes[b - 1] as number) << 8) | (bytes[b] as number)
      ] as number;
      const stepC = shift[
        ((bytes[c - 1] as number) << 8) | (bytes[c] as number)
      ] as number;
      const stepD = shift[
        ((bytes[d - 1] as number) << 8) | (bytes[d] as number)
      ] as number;
      // A zero step is rare (a needle's last pair ends some window), so
      // the four windows are checked together, out of the hot loop.
      if (stepA === 0 || stepB === 0 || stepC === 0 || stepD === 0) {
        this.#checkStop(bytes, a, to, hits);
        this.#checkStop(bytes, b, to, hits);
        this.#checkStop(bytes, c, to, hits);
        this.#checkStop(bytes, d, to, hits);
      }
      a += stepA || 1;
      b += stepB || 1;
      c += stepC || 1;
      d += stepD || 1;
    }
    this.#scanRange(bytes, a, endA, to, hits);
    this.#scanRange(bytes, b, endB, to, hits);
    this.#scanRange(bytes, c, endC, to, hits);
    this.#scanRange(bytes, d, to, to, hits);
  }

  /** True when any needle occurs in `bytes[from, to)`. */
  has(bytes: Uint8Array, from: number, to: number): boolean {
    const hits: number[] = [];
    this.scan(bytes, from, to, hits);
    return hits.length > 0;
  }

  // Confirms the needles a window ending at `end` may hold, when the pair
  // ending it is a needle's last pair and the pair starting it a first.
  #checkStop(bytes: Uint8Array, end: number, to: number, hits: number[]) {
    const pair = ((bytes[end - 1] as number) << 8) | (bytes[end] as number);
    if (this.#shift[pair] !== 0) return;
    const start = end - this.#window + 1;
    if (this.#isHead(bytes, start)) this.#confirm(bytes, start, to, hits);
  }

  #isHead(bytes: Uint8Array, start: number): boolean {
    return (
      this.#heads[
        ((bytes[start] as number) << 8) | (bytes[start + 1] as number)
      ] === 1
    );
  }

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

// Every letter-case variant of the block `needle[at, at + 2)`.
function blockVariants(needle: Uint8Array, at: number): number[] {
  const firsts = caseVariants(needle[at] as number);
  const seconds = caseVariants(needle[at + 1] as number);
  return firsts.flatMap((first) =>
    seconds.map((second) => (first << 8) | second),
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
