import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Byte counters that `decompress` keeps up to date as it reads. */
export interface ByteCounts {
  compressedBytes: number;
  bytes: number;
}

/**
 * Size of the pieces decompression yields. Large pieces matter on one
 * core: each piece is a hand-over between zlib's worker thread and the
 * main thread, and at 64 KiB those hand-overs cost more than the search.
 */
export const DECOMPRESSED_CHUNK_BYTES = 1 << 18;

/**
 * Input pieces smaller than this are gathered before zlib sees them. An S3
 * body arrives in socket-sized pieces (16 to 64 KiB), and each piece zlib
 * receives is a hand-over to its thread and ends in a part-filled output
 * piece; on one core, 16 KiB pieces made the detector about a fifth slower
 * than 1 MiB pieces. Gathering copies only compressed bytes.
 */
export const MIN_INPUT_PIECE_BYTES = 1 << 20;

const GZIP_MAGIC = [0x1f, 0x8b];

/** True when `head` starts with the gzip magic bytes. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * Yields the content of `input`, gunzipped when its first bytes are gzip's
 * magic number (whatever the name says), as it is otherwise. Concatenated
 * gzip members are read one after the other. A truncated or corrupt gzip
 * stream fails with the zlib error after yielding everything before the
 * damage; `counts` then says how far it got.
 */
export async function* decompress(
  input: AsyncIterable<Buffer>,
  counts: ByteCounts,
): AsyncGenerator<Buffer> {
  const stream = Readable.from(gathered(input, counts));
  try {
    const head = await peek(stream, GZIP_MAGIC.length);
    if (head === null) return;
    const output = isGzip(head) ? gunzipped(stream) : stream;
    for await (const chunk of output as AsyncIterable<Buffer>) {
      counts.bytes += chunk.length;
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}

// Counts the input's bytes and joins its small pieces into pieces of at
// least MIN_INPUT_PIECE_BYTES (the last may be shorter). A large piece
// passes through without a copy.
async function* gathered(
  input: AsyncIterable<Buffer>,
  counts: ByteCounts,
): AsyncGenerator<Buffer> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  for await (const piece of input) {
    counts.compressedBytes += piece.length;
    if (heldBytes === 0 && piece.length >= MIN_INPUT_PIECE_BYTES) {
      yield piece;
      continue;
    }
    held.push(piece);
    heldBytes += piece.length;
    if (heldBytes >= MIN_INPUT_PIECE_BYTES) {
      yield Buffer.concat(held, heldBytes);
      held = [];
      heldBytes = 0;
    }
  }
  if (heldBytes > 0) yield Buffer.concat(held, heldBytes);
}

function gunzipped(stream: Readable): Readable {
  const gunzip = createGunzip({ chunkSize: DECOMPRESSED_CHUNK_BYTES });
  stream.on('error', (error) => gunzip.destroy(error));
  return stream.pipe(gunzip);
}

// Waits until `bytes` bytes (or the whole, shorter stream) are buffered,
// returns them and puts them back, so that the magic number can be checked
// even when the input arrives a byte at a time.
async function peek(stream: Readable, bytes: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < bytes) {
    const chunk = stream.read() as Buffer | null;
    if (chunk !== null) {
      parts.push(chunk);
      length += chunk.length;
      continue;
    }
    if (!(await readableOrEnd(stream))) break;
  }
  if (length === 0) return null;
  const head = Buffer.concat(parts, length);
  stream.unshift(head);
  return head;
}

// Resolves true when more data can be read, false at the end; rejects on a
// stream error.
function readableOrEnd(stream: Readable): Promise<boolean> {
  if (stream.readableEnded) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    const done = (value: boolean) => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
      resolve(value);
    };
    const onReadable = () => done(true);
    const onEnd = () => done(false);
    const onError = (error: Error) => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      reject(error);
    };
    stream.once('readable', onReadable);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}
