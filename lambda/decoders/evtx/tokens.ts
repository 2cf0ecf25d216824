/**
 * Binary XML token bytes. Tokens that can be followed by more of the same
 * content carry `MORE_FLAG` (0x40); compare `token & ~MORE_FLAG` with these.
 */
export const Token = {
  endOfFile: 0x00,
  openStartElement: 0x01,
  closeStartElement: 0x02,
  closeEmptyElement: 0x03,
  endElement: 0x04,
  value: 0x05,
  attribute: 0x06,
  cdataSection: 0x07,
  charRef: 0x08,
  entityRef: 0x09,
  piTarget: 0x0a,
  piData: 0x0b,
  templateInstance: 0x0c,
  normalSubstitution: 0x0d,
  optionalSubstitution: 0x0e,
  fragmentHeader: 0x0f,
} as const;

/** The "more data follows" / "has attributes" bit of a token byte. */
export const MORE_FLAG = 0x40;

/** A token byte without its `MORE_FLAG` bit. */
export function baseToken(token: number): number {
  return token & ~MORE_FLAG;
}
