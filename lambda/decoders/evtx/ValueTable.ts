/**
 * The substitution values of one template instance, as positions into the
 * chunk: nothing is decoded until a caller asks for a value, so a record
 * that is skipped costs only its descriptor array.
 */
export interface ValueTable {
  /** The 64 KiB chunk the values live in. */
  readonly chunk: Buffer;
  readonly offsets: readonly number[];
  readonly sizes: readonly number[];
  /** Value type codes (`0x01` UTF-16 string, `0x21` Binary XML...). */
  readonly types: readonly number[];
}

/** A table with no values, for a fragment that holds no template. */
export function emptyValueTable(chunk: Buffer): ValueTable {
  return { chunk, offsets: [], sizes: [], types: [] };
}
