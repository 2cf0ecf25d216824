import { BinXmlReader } from './BinXmlReader';
import { ChunkContext } from './ChunkContext';
import { crc32 } from './crc32';
import { EventView } from './EventView';

/** Size of every chunk in an EVTX file. */
export const CHUNK_SIZE = 65_536;

const CHUNK_HEADER_SIZE = 512;
const CHUNK_SIGNATURE = Buffer.from('ElfChnk\0', 'latin1');
const RECORD_SIGNATURE = Buffer.from([0x2a, 0x2a, 0x00, 0x00]);
// Signature (4), size (4), record identifier (8), written time (8).
const RECORD_HEADER_SIZE = 24;
// The header plus the copy of the size that ends every record.
const MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4;

/** Something wrong in a chunk, at a byte offset in the file. */
export interface ChunkProblem {
  readonly kind: 'problem';
  readonly offset: number;
  readonly record?: number;
  readonly reason: string;
}

/** One event record whose Binary XML was read, ready to render. */
export interface ChunkRecord {
  readonly kind: 'record';
  /** Byte offset of the record in the file. */
  readonly offset: number;
  /** The record identifier from the record header. */
  readonly record: number;
  readonly view: EventView;
}

/** What reading a chunk gives, in file order. */
export type ChunkItem = ChunkProblem | ChunkRecord;

/**
 * Reads the event records of one chunk. `bytes` is the chunk as found in
 * the file: 65,536 bytes, or fewer when the file ends inside it, in which
 * case the whole records before the cut are still read and the cut is
 * reported. A wrong checksum is reported and reading goes on; a record
 * that cannot be read is reported and reading resumes at the next record
 * signature. Never throws.
 *
 * @param fileOffset where the chunk starts in the file
 * @param index the chunk's position in the file, counted from 0
 */
export function* readChunk(
  bytes: Buffer,
  fileOffset: number,
  index: number,
): Generator<ChunkItem> {
  const at = (offset: number) => fileOffset + offset;
  const label = `chunk ${index}`;
  if (bytes.length < CHUNK_HEADER_SIZE) {
    yield problem(at(0), `file ends ${bytes.length} bytes into ${label}`);
    return;
  }
  if (!bytes.subarray(0, 8).equals(CHUNK_SIGNATURE)) {
    // Space preallocated for chunks not yet written is all zeros.
    if (isAllZero(bytes, 0, bytes.length)) return;
    yield problem(at(0), `${label} has no ElfChnk signature; chunk skipped`);
    return;
  }
  const truncated = bytes.length < CHUNK_SIZE;
  const freeSpace = bytes.readUInt32LE(48);
  const end = recordsEnd(freeSpace, bytes.length);
  yield* checkChecksums(bytes, label, at(0), truncated ? undefined : end);
  if (freeSpace !== end && !truncated) {
    yield problem(
      at(48),
      `${label} free space offset ${freeSpace} is outside the chunk`,
    );
  }
  const context = new ChunkContext(bytes);
  yield* readRecords(context, end, at);
  if (truncated) {
    yield problem(
      at(bytes.length),
      `file ends ${bytes.length} bytes into ${label}; ` +
        'records after this point are lost',
    );
  }
}

function recordsEnd(freeSpace: number, length: number): number {
  if (freeSpace < CHUNK_HEADER_SIZE || freeSpace > CHUNK_SIZE) return length;
  return Math.min(freeSpace, length);
}

function* checkChecksums(
  bytes: Buffer,
  label: string,
  offset: number,
  recordsEnd: number | undefined,
): Generator<ChunkProblem> {
  // The header checksum covers bytes 0-119 and 128-511: everything but the
  // flags and the checksum itself.
  const headerSum = crc32(bytes, 128, 512, crc32(bytes, 0, 120));
  const storedHeaderSum = bytes.readUInt32LE(124);
  if (headerSum !== storedHeaderSum) {
    yield problem(
      offset,
      `${label} header checksum ${hex(storedHeaderSum)} does not match ` +
        `its content (${hex(headerSum)}); reading it anyway`,
    );
  }
  if (recordsEnd === undefined) return;
  const recordsSum = crc32(bytes, CHUNK_HEADER_SIZE, recordsEnd);
  const storedRecordsSum = bytes.readUInt32LE(52);
  if (recordsSum !== storedRecordsSum) {
    yield problem(
      offset,
      `${label} event records checksum ${hex(storedRecordsSum)} does not ` +
        `match its records (${hex(recordsSum)}); reading them anyway`,
    );
  }
}

function* readRecords(
  context: ChunkContext,
  end: number,
  at: (offset: number) => number,
): Generator<ChunkItem> {
  const bytes = context.chunk;
  let position = CHUNK_HEADER_SIZE;
  while (position + MIN_RECORD_SIZE <= end) {
    if (bytes.readUInt32LE(position) !== 0x00002a2a) {
      // Zeros after the last record are unused space, not damage.
      if (isAllZero(bytes, position, end)) return;
      const next = nextSignature(bytes, position + 1, end);
      yield problem(
        at(position),
        `no event record signature; ${skippedTo(next, at)}`,
      );
      if (next === undefined) return;
      position = next;
      continue;
    }
    const size = bytes.readUInt32LE(position + 4);
    const record = Number(bytes.readBigUInt64LE(position + 8));
    // A record cut by the end of a truncated file is reported once, as the
    // truncation, by the caller.
    if (isCut(bytes, position, size)) return;
    const fault = recordSizeFault(bytes, position, size, end);
    if (fault !== undefined) {
      const next = nextSignature(bytes, position + 4, end);
      yield problem(at(position), `${fault}; ${skippedTo(next, at)}`, record);
      if (next === undefined) return;
      position = next;
      continue;
    }
    yield readRecord(context, position, size, record, at);
    position += size;
  }
}

function readRecord(
  context: ChunkContext,
  position: number,
  size: number,
  record: number,
  at: (offset: number) => number,
): ChunkItem {
  const start = position + RECORD_HEADER_SIZE;
  const limit = position + size - 4;
  try {
    const fragment = new BinXmlReader(context, start, limit).readFragment();
    const view = new EventView(context, fragment);
    return { kind: 'record', offset: at(position), record, view };
  } catch (error) {
    const reason = `event record ${record}: ${(error as Error).message}`;
    return problem(at(position), reason, record);
  }
}

function isCut(bytes: Buffer, position: number, size: number): boolean {
  return (
    bytes.length < CHUNK_SIZE &&
    position + size > bytes.length &&
    position + size <= CHUNK_SIZE
  );
}

function recordSizeFault(
  bytes: Buffer,
  position: number,
  size: number,
  end: number,
): string | undefined {
  if (size < MIN_RECORD_SIZE || position + size > end) {
    return `event record size ${size} does not fit in the chunk`;
  }
  const copy = bytes.readUInt32LE(position + size - 4);
  if (copy !== size) {
    return `event record size ${size} differs from its copy ${copy}`;
  }
  return undefined;
}

function nextSignature(
  bytes: Buffer,
  from: number,
  end: number,
): number | undefined {
  const found = bytes.indexOf(RECORD_SIGNATURE, from);
  return found === -1 || found + MIN_RECORD_SIZE > end ? undefined : found;
}

function skippedTo(
  next: number | undefined,
  at: (offset: number) => number,
): string {
  return next === undefined
    ? 'rest of the chunk skipped'
    : `skipped to the next record at offset ${at(next)}`;
}

function isAllZero(bytes: Buffer, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    if (bytes[index] !== 0) return false;
  }
  return true;
}

function problem(
  offset: number,
  reason: string,
  record?: number,
): ChunkProblem {
  return record === undefined
    ? { kind: 'problem', offset, reason }
    : { kind: 'problem', offset, record, reason };
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}
