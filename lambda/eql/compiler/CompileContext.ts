import type { ExprNode, LiteralNode, Position } from '../ast';
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

  /**
   * True when an expression has a floating-point type before any event is
   * seen: a float literal, or arithmetic over one (`-3.0`, `2 * 1.5`), as
   * Java's numeric promotion gives.
   */
  isFloatExpression(node: ExprNode): boolean {
    switch (node.kind) {
      case 'literal':
        return this.isFloatLiteral(node);
      case 'negate':
        return this.isFloatExpression(node.operand);
      case 'arithmetic':
        return (
          this.isFloatExpression(node.left) ||
          this.isFloatExpression(node.right)
        );
      case 'call':
        return (
          ['add', 'subtract', 'multiply', 'divide', 'modulo'].includes(
            node.name.toLowerCase(),
          ) && node.args.some((arg) => this.isFloatExpression(arg))
        );
      default:
        return false;
    }
  }
}
