/**
 * Binary XML substitution value types, as the EVTX format documentation
 * numbers them. `ARRAY_FLAG` ORed into a scalar type gives the array of it.
 */
export const ValueType = {
  null: 0x00,
  string: 0x01,
  ansiString: 0x02,
  int8: 0x03,
  uint8: 0x04,
  int16: 0x05,
  uint16: 0x06,
  int32: 0x07,
  uint32: 0x08,
  int64: 0x09,
  uint64: 0x0a,
  real32: 0x0b,
  real64: 0x0c,
  bool: 0x0d,
  binary: 0x0e,
  guid: 0x0f,
  sizeT: 0x10,
  fileTime: 0x11,
  systemTime: 0x12,
  sid: 0x13,
  hexInt32: 0x14,
  hexInt64: 0x15,
  binXml: 0x21,
} as const;

/** Set on a value type when the value is an array of that type. */
export const ARRAY_FLAG = 0x80;
