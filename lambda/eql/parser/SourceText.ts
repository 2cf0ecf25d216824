import type { Position } from '../ast';
import { EqlSyntaxError } from '../errors';

/**
 * Query text with the offsets where its lines start, so that any offset can
 * be turned into a line and column for an error message.
 */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') this.lineStarts.push(i + 1);
    }
  }

  /** The position of `length` characters starting at `offset`. */
  position(offset: number, length: number): Position {
    const index = this.lineIndexOf(offset);
    const start = this.lineStarts[index] ?? 0;
    return { line: index + 1, column: offset - start + 1, offset, length };
  }

  /** A syntax error about the text at `offset`. */
  error(
    offset: number,
    length: number,
    reason: string,
    hint?: string,
  ): EqlSyntaxError {
    const pos = this.position(offset, Math.max(1, length));
    return new EqlSyntaxError(reason, this.text, pos, hint);
  }

  // Binary search keeps positioning logarithmic in the number of lines.
  private lineIndexOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** The position covering everything from `first` to the end of `last`. */
export function spanOf(first: Position, last: Position): Position {
  const end = Math.max(first.offset + first.length, last.offset + last.length);
  return {
    line: first.line,
    column: first.column,
    offset: first.offset,
    length: end - first.offset,
  };
}
