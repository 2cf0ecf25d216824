import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Byte counters that `decompress` keeps up to date as it reads. */
export interface ByteCounts {
  compressedBytes: number;
  bytes: number;
}

/** Size of the pieces decompression yields. */
export const DECOMPRESSED_CHUNK_BYTES = 1 << 16;

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
  const source = input[Symbol.asyncIterator]();
  const head = await readHead(source);
  if (head === null) return;
  counts.compressedBytes += head.length;
  if (!isGzip(head)) {
    counts.bytes += head.length;
    yield head;
    for (
      let next = await source.next();
      !next.done;
      next = await source.next()
    ) {
      counts.compressedBytes += next.value.length;
      counts.bytes += next.value.length;
      yield next.value;
    }
    return;
  }
  const gunzip = createGunzip({ chunkSize: DECOMPRESSED_CHUNK_BYTES });
  const compressed = Readable.from(countCompressed(head, source, counts));
  compressed.on('error', (error) => gunzip.destroy(error));
  compressed.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      counts.bytes += chunk.length;
      yield chunk;
    }
  } finally {
    compressed.destroy();
  }
}

// Reads until at least two bytes are known, so that the magic number can be
// checked even when the input arrives a byte at a time.
async function readHead(source: AsyncIterator<Buffer>): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < GZIP_MAGIC.length) {
    const next = await source.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return length === 0 ? null : Buffer.concat(parts, length);
}

async function* countCompressed(
  head: Buffer,
  source: AsyncIterator<Buffer>,
  counts: ByteCounts,
): AsyncGenerator<Buffer> {
  yield head;
  for (let next = await source.next(); !next.done; next = await source.next()) {
    counts.compressedBytes += next.value.length;
    yield next.value;
  }
}
