/**
 * Binary XML that cannot be read: an unknown token, a value past the end of
 * its record, a name or template offset outside the chunk. `offset` is the
 * position in the chunk (0 to 65535) where reading stopped, so that a report
 * can point at the byte.
 */
export class BinXmlError extends Error {
  override readonly name = 'BinXmlError';
  readonly offset: number;

  constructor(message: string, offset: number, options?: ErrorOptions) {
    super(`${message} at chunk offset ${offset}`, options);
    this.offset = offset;
  }
}
