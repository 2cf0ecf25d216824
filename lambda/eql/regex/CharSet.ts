/** The largest Unicode code point. */
export const MAX_CODE_POINT = 0x10ffff;

/** An inclusive range of code points. */
export type CodeRange = readonly [number, number];

/**
 * A set of code points, kept as sorted, merged ranges so that membership is
 * a binary search.
 */
export class CharSet {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(ranges: readonly CodeRange[]) {
    const merged = mergeRanges(ranges);
    this.starts = Int32Array.from(merged, (r) => r[0]);
    this.ends = Int32Array.from(merged, (r) => r[1]);
  }

  /** The set of one code point. */
  static of(code: number): CharSet {
    return new CharSet([[code, code]]);
  }

  /** Every code point. */
  static any(): CharSet {
    return new CharSet([[0, MAX_CODE_POINT]]);
  }

  /** The ranges of this set. */
  ranges(): CodeRange[] {
    return Array.from(this.starts, (start, i) => [start, this.ends[i] ?? 0]);
  }

  /** Every code point not in this set. */
  complement(): CharSet {
    return new CharSet(complementRanges(this.ranges()));
  }

  has(code: number): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (code < (this.starts[middle] as number)) high = middle - 1;
      else if (code > (this.ends[middle] as number)) low = middle + 1;
      else return true;
    }
    return false;
  }
}

function mergeRanges(ranges: readonly CodeRange[]): CodeRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** The ranges covering every code point outside `ranges`. */
export function complementRanges(ranges: readonly CodeRange[]): CodeRange[] {
  const out: CodeRange[] = [];
  let next = 0;
  for (const [start, end] of mergeRanges(ranges)) {
    if (start > next) out.push([next, start - 1]);
    next = end + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}
