// The reflected CRC-32 of RFC 1952 (gzip), polynomial 0xEDB88320, which EVTX
// uses for its file header, chunk header and event-record checksums. The
// table is built once at load; a checksum over a 64 KiB chunk is one pass.
const TABLE = buildTable();

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let value = byte;
    for (let bit = 0; bit < 8; bit += 1) {
      value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    }
    table[byte] = value >>> 0;
  }
  return table;
}

/**
 * CRC-32 (RFC 1952) of `bytes[start, end)`, continuing from `previous` so
 * that two disjoint ranges (a chunk header without its checksum field) can
 * be summed in turn. Returns an unsigned 32-bit number.
 */
export function crc32(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
  previous = 0,
): number {
  let crc = ~previous >>> 0;
  for (let index = start; index < end; index += 1) {
    const byte = bytes[index] as number;
    crc = (TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  }
  return ~crc >>> 0;
}
