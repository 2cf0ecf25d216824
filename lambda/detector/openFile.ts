import { createReadStream } from 'node:fs';

const READ_BYTES = 1 << 16;

/**
 * Reads a local file as a stream of buffers, the same shape an S3 object
 * body has, so that `scanObject` reads both alike.
 */
export function openFile(path: string): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: READ_BYTES });
}
