/** Base class of every error raised while loading detection rules. */
export class RuleError extends Error {
  override readonly name: string = 'RuleError';
}

/** A place in a rule file. Lines and columns start at 1. */
export interface FilePosition {
  readonly line: number;
  readonly column: number;
  /** How many characters to underline; 1 when unknown. */
  readonly length?: number;
}

/** What a RuleLoadError can carry besides its position and reason. */
export interface RuleLoadErrorDetails {
  /** The line of the file the position is on, shown under the message. */
  readonly excerpt?: string;
  /** A likely fix. */
  readonly hint?: string;
  readonly cause?: unknown;
}

/**
 * A rule file that cannot be used: unreadable, not TOML, not an EQL rule, a
 * required field missing, or a query that does not compile. `line` and
 * `column` point into the rule file itself (not into the query), so that an
 * editor can jump there.
 */
export class RuleLoadError extends RuleError {
  override readonly name: string = 'RuleLoadError';
  readonly line: number;
  readonly column: number;
  readonly length: number;
  readonly excerpt: string | null;
  readonly hint: string | null;

  constructor(
    readonly path: string,
    position: FilePosition,
    readonly reason: string,
    details: RuleLoadErrorDetails = {},
  ) {
    super(`${path}:${position.line}:${position.column}: ${reason}`, {
      cause: details.cause,
    });
    this.line = position.line;
    this.column = position.column;
    this.length = position.length ?? 1;
    this.excerpt = details.excerpt ?? null;
    this.hint = details.hint ?? null;
  }

  /**
   * The message, then the offending line of the file with a caret under the
   * place, then the hint when there is one:
   *
   * ```text
   * rules/x.toml:62:33: maxspan needs a unit
   * sequence by host.id with maxspan=1
   *                                  ^
   * hint: write the unit, such as 1m
   * ```
   */
  describe(): string {
    const parts = [this.message];
    if (this.excerpt !== null) {
      const room = this.excerpt.length - this.column + 1;
      const width = Math.max(1, Math.min(this.length, room));
      const caret = ' '.repeat(this.column - 1) + '^'.repeat(width);
      parts.push(this.excerpt, caret);
    }
    if (this.hint) parts.push(`hint: ${this.hint}`);
    return parts.join('\n');
  }
}

/** One or more rule files failed to load; every failure is listed. */
export class RuleSetError extends RuleError {
  override readonly name: string = 'RuleSetError';

  constructor(readonly errors: readonly RuleLoadError[]) {
    const details = errors.map((error) => error.describe()).join('\n');
    super(`${errors.length} rule file(s) failed to load:\n${details}`);
  }
}
