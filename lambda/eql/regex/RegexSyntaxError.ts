/**
 * A Lucene regular expression that cannot be compiled: bad syntax, or an
 * operator this engine does not run. `index` is the offset in the pattern.
 */
export class RegexSyntaxError extends Error {
  override readonly name = 'RegexSyntaxError';

  constructor(
    readonly reason: string,
    readonly index: number,
  ) {
    super(`${reason} at offset ${index} of the regular expression`);
  }
}
