import type { LiteralNode, Position } from '../ast';
import { EqlSemanticError } from '../errors';

/** What the compiler carries while it walks one query. */
export class CompileContext {
  constructor(readonly source: string) {}

  /** A load-time error at `pos`, chaining `cause` when there is one. */
  fail(
    pos: Position,
    reason: string,
    hint?: string,
    cause?: unknown,
  ): EqlSemanticError {
    const error = new EqlSemanticError(reason, this.source, pos, hint);
    if (cause !== undefined) error.cause = cause;
    return error;
  }

  /**
   * True for a number literal written with a decimal point or exponent
   * (`4.0`, `1e3`). The tree holds only the number, so the text decides;
   * Elasticsearch types such a literal as a float, which makes `/` exact.
   */
  isFloatLiteral(node: LiteralNode): boolean {
    if (typeof node.value !== 'number') return false;
    const { offset, length } = node.pos;
    return /[.eE]/.test(this.source.slice(offset, offset + length));
  }
}
