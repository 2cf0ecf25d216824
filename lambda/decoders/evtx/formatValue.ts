import { ARRAY_FLAG, ValueType } from './valueTypes';

// 100-nanosecond intervals between 1601-01-01 (FILETIME's epoch) and
// 1970-01-01 (the Unix epoch).
const FILETIME_UNIX_OFFSET = 116_444_736_000_000_000n;
const TICKS_PER_SECOND = 10_000_000n;

// Fixed widths of the scalar types, for splitting arrays of them.
const WIDTHS: Readonly<Record<number, number>> = {
  [ValueType.int8]: 1,
  [ValueType.uint8]: 1,
  [ValueType.int16]: 2,
  [ValueType.uint16]: 2,
  [ValueType.int32]: 4,
  [ValueType.uint32]: 4,
  [ValueType.int64]: 8,
  [ValueType.uint64]: 8,
  [ValueType.real32]: 4,
  [ValueType.real64]: 8,
  [ValueType.bool]: 4,
  [ValueType.guid]: 16,
  [ValueType.fileTime]: 8,
  [ValueType.systemTime]: 16,
  [ValueType.hexInt32]: 4,
  [ValueType.hexInt64]: 8,
};

/**
 * Renders one substitution value as text, the way Windows writes it in the
 * event's XML: decimal integers, `0x` lower-case hexadecimal for the hex
 * types, `{GUID}` in upper case, `S-1-...` SIDs, ISO 8601 UTC times with
 * seven fractional digits for FILETIME. Arrays are joined with `, `.
 * Binary XML values are not text and render as the empty string; callers
 * that want them parse them as a fragment instead.
 *
 * Throws a RangeError when the value is shorter than its type needs.
 */
export function formatValue(
  bytes: Buffer,
  offset: number,
  size: number,
  type: number,
): string {
  if (type & ARRAY_FLAG) return formatArray(bytes, offset, size, type);
  return formatScalar(bytes, offset, size, type);
}

function formatScalar(
  bytes: Buffer,
  offset: number,
  size: number,
  type: number,
): string {
  const width = WIDTHS[type];
  if (width !== undefined && size < width) {
    throw new RangeError(
      `value of type 0x${type.toString(16)} in ${size} bytes`,
    );
  }
  switch (type) {
    case ValueType.null:
    case ValueType.binXml:
      return '';
    case ValueType.string:
      return stripNul(bytes.toString('utf16le', offset, offset + size));
    case ValueType.ansiString:
      return stripNul(bytes.toString('latin1', offset, offset + size));
    case ValueType.int8:
      return String(bytes.readInt8(offset));
    case ValueType.uint8:
      return String(bytes.readUInt8(offset));
    case ValueType.int16:
      return String(bytes.readInt16LE(offset));
    case ValueType.uint16:
      return String(bytes.readUInt16LE(offset));
    case ValueType.int32:
      return String(bytes.readInt32LE(offset));
    case ValueType.uint32:
      return String(bytes.readUInt32LE(offset));
    case ValueType.int64:
      return String(bytes.readBigInt64LE(offset));
    case ValueType.uint64:
      return String(bytes.readBigUInt64LE(offset));
    case ValueType.real32:
      return String(bytes.readFloatLE(offset));
    case ValueType.real64:
      return String(bytes.readDoubleLE(offset));
    case ValueType.bool:
      return bytes.readUInt32LE(offset) === 0 ? 'false' : 'true';
    case ValueType.guid:
      return formatGuid(bytes, offset);
    case ValueType.sizeT:
      return size === 4
        ? formatHex32(bytes, offset)
        : formatHex64(bytes, offset);
    case ValueType.hexInt32:
      return formatHex32(bytes, offset);
    case ValueType.hexInt64:
      return formatHex64(bytes, offset);
    case ValueType.fileTime:
      return formatFileTime(bytes.readBigUInt64LE(offset));
    case ValueType.systemTime:
      return formatSystemTime(bytes, offset);
    case ValueType.sid:
      return formatSid(bytes, offset, size);
    default:
      // Binary data and the types the format leaves undocumented (EvtHandle,
      // EvtXml) render as upper-case hexadecimal, as Event Viewer shows
      // binary data.
      return bytes.toString('hex', offset, offset + size).toUpperCase();
  }
}

function formatArray(
  bytes: Buffer,
  offset: number,
  size: number,
  type: number,
): string {
  const itemType = type & ~ARRAY_FLAG;
  if (itemType === ValueType.string || itemType === ValueType.ansiString) {
    const encoding = itemType === ValueType.string ? 'utf16le' : 'latin1';
    const text = bytes.toString(encoding, offset, offset + size);
    return stripNul(text).split('\0').join(', ');
  }
  const width =
    itemType === ValueType.sizeT ? 8 : (WIDTHS[itemType] ?? undefined);
  if (width === undefined) {
    return bytes.toString('hex', offset, offset + size).toUpperCase();
  }
  const items: string[] = [];
  for (let at = offset; at + width <= offset + size; at += width) {
    items.push(formatScalar(bytes, at, width, itemType));
  }
  return items.join(', ');
}

function stripNul(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

function formatHex32(bytes: Buffer, offset: number): string {
  return `0x${bytes.readUInt32LE(offset).toString(16)}`;
}

function formatHex64(bytes: Buffer, offset: number): string {
  return `0x${bytes.readBigUInt64LE(offset).toString(16)}`;
}

function formatGuid(bytes: Buffer, offset: number): string {
  const hex = (value: number, digits: number) =>
    value.toString(16).padStart(digits, '0');
  const data1 = hex(bytes.readUInt32LE(offset), 8);
  const data2 = hex(bytes.readUInt16LE(offset + 4), 4);
  const data3 = hex(bytes.readUInt16LE(offset + 6), 4);
  const data4 = bytes.toString('hex', offset + 8, offset + 10);
  const data5 = bytes.toString('hex', offset + 10, offset + 16);
  return `{${data1}-${data2}-${data3}-${data4}-${data5}}`.toUpperCase();
}

/**
 * FILETIME (100 ns ticks since 1601) as ISO 8601 UTC with seven fractional
 * digits, the precision Windows writes in `TimeCreated/@SystemTime`.
 */
export function formatFileTime(ticks: bigint): string {
  const sinceUnix = ticks - FILETIME_UNIX_OFFSET;
  let seconds = sinceUnix / TICKS_PER_SECOND;
  let fraction = sinceUnix % TICKS_PER_SECOND;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += TICKS_PER_SECOND;
  }
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${whole}.${fraction.toString().padStart(7, '0')}Z`;
}

function formatSystemTime(bytes: Buffer, offset: number): string {
  const field = (index: number) => bytes.readUInt16LE(offset + index * 2);
  const pad = (value: number, digits = 2) =>
    String(value).padStart(digits, '0');
  // Fields: year, month, day of week (unused here), day, hour, minute,
  // second, millisecond.
  const date = `${pad(field(0), 4)}-${pad(field(1))}-${pad(field(3))}`;
  const time = `${pad(field(4))}:${pad(field(5))}:${pad(field(6))}`;
  return `${date}T${time}.${pad(field(7), 3)}Z`;
}

function formatSid(bytes: Buffer, offset: number, size: number): string {
  const revision = bytes.readUInt8(offset);
  const count = bytes.readUInt8(offset + 1);
  if (8 + count * 4 > size) {
    throw new RangeError(`SID of ${count} sub-authorities in ${size} bytes`);
  }
  // The identifier authority is a 48-bit big-endian number.
  const authority = bytes.readUIntBE(offset + 2, 6);
  const parts = [`S-${revision}-${authority}`];
  for (let index = 0; index < count; index += 1) {
    parts.push(String(bytes.readUInt32LE(offset + 8 + index * 4)));
  }
  return parts.join('-');
}
