import type { Position } from './ast';

/** Base class of every error the EQL engine raises. */
export class EqlError extends Error {
  override readonly name: string = 'EqlError';
}

/**
 * An error tied to a place in the query text: a syntax error, an unknown
 * function, a wrong argument. `hint` suggests a likely fix, when there is one.
 */
export class EqlQueryError extends EqlError {
  override readonly name: string = 'EqlQueryError';

  constructor(
    readonly reason: string,
    readonly source: string,
    readonly pos: Position,
    readonly hint?: string,
  ) {
    super(`${pos.line}:${pos.column}: ${reason}`);
  }

  /**
   * The message with the offending line of the query and a caret under the
   * token, followed by the hint:
   *
   * ```text
   * 1:34: maxspan needs a unit
   * sequence by host.id with maxspan=1
   *                                  ^
   * hint: maxspan needs a unit, such as 1m
   * ```
   */
  describe(): string {
    const lines = this.source.split('\n');
    const text = lines[this.pos.line - 1] ?? '';
    const width = Math.max(1, Math.min(this.pos.length, text.length));
    const caret = `${' '.repeat(this.pos.column - 1)}${'^'.repeat(width)}`;
    const hint = this.hint ? `\nhint: ${this.hint}` : '';
    return `${this.message}\n${text}\n${caret}${hint}`;
  }
}

/** The query text is not valid EQL. */
export class EqlSyntaxError extends EqlQueryError {
  override readonly name: string = 'EqlSyntaxError';
}

/**
 * The query parses but cannot run: an unknown function, a wrong number or
 * type of arguments, a feature Elasticsearch rejects. Raised when the rule
 * loads, never while events flow.
 */
export class EqlSemanticError extends EqlQueryError {
  override readonly name: string = 'EqlSemanticError';
}
