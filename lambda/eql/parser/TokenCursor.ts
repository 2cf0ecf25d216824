import type { EqlSyntaxError } from '../errors';
import { describeToken, type Token } from '../token';
import type { SourceText } from './SourceText';

/**
 * Walks a token list for the parser: look ahead, consume, and raise errors
 * that name what was expected and what was found.
 */
export class TokenCursor {
  private index = 0;

  constructor(
    readonly source: SourceText,
    private readonly tokens: readonly Token[],
  ) {}

  /** The token `ahead` places after the current one (never past `eof`). */
  peek(ahead = 0): Token {
    const last = this.tokens.length - 1;
    return this.tokens[Math.min(this.index + ahead, last)] as Token;
  }

  /** The token just consumed. */
  previous(): Token {
    return this.tokens[Math.max(0, this.index - 1)] as Token;
  }

  /** Consumes and returns the current token. */
  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  /** True when the current token is the keyword `word`. */
  isKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'keyword' && token.text === word;
  }

  /** True when the current token is the operator `op`. */
  isOperator(op: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'operator' && token.text === op;
  }

  /** Consumes the keyword `word` if it is next. */
  acceptKeyword(word: string): Token | undefined {
    return this.isKeyword(word) ? this.next() : undefined;
  }

  /** Consumes the operator `op` if it is next. */
  acceptOperator(op: string): Token | undefined {
    return this.isOperator(op) ? this.next() : undefined;
  }

  /** Consumes the keyword `word`, or fails naming it. */
  expectKeyword(word: string, hint?: string): Token {
    const token = this.acceptKeyword(word);
    if (token) return token;
    throw this.unexpected(`"${word}"`, hint ?? this.keywordCaseHint(word));
  }

  /** Consumes the operator `op`, or fails naming it. */
  expectOperator(op: string, hint?: string): Token {
    const token = this.acceptOperator(op);
    if (token) return token;
    throw this.unexpected(`"${op}"`, hint);
  }

  /** An error at the current token: `expected X, found Y`. */
  unexpected(expected: string, hint?: string): EqlSyntaxError {
    const token = this.peek();
    return this.fail(
      token,
      `expected ${expected}, found ${describeToken(token)}`,
      hint,
    );
  }

  /** An error about `token`. */
  fail(token: Token, reason: string, hint?: string): EqlSyntaxError {
    const { offset, length } = token.pos;
    return this.source.error(offset, length, reason, hint);
  }

  // Keywords are case-sensitive in Elasticsearch, so `WHERE` is a name.
  private keywordCaseHint(word: string): string | undefined {
    const token = this.peek();
    const isOtherCase =
      token.kind === 'identifier' && token.text.toLowerCase() === word;
    return isOtherCase
      ? `EQL keywords are lowercase: write "${word}"`
      : undefined;
  }
}
