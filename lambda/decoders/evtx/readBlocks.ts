/**
 * Cuts a byte stream into blocks of the sizes `nextSize` asks for, whatever
 * the sizes of the pieces the stream delivers. Only one block and one piece
 * are held at a time, so memory stays flat however long the stream is. The
 * last block is shorter than asked when the stream ends inside it; nothing
 * is yielded for a stream that ends exactly on a block boundary.
 *
 * @param nextSize called before each block with the number of blocks
 *   already yielded; returns the size of the next one
 */
export async function* readBlocks(
  input: AsyncIterable<Buffer | Uint8Array>,
  nextSize: (index: number) => number,
): AsyncGenerator<Buffer> {
  let index = 0;
  let size = nextSize(index);
  let block = Buffer.allocUnsafe(size);
  let filled = 0;
  for await (const piece of input) {
    let used = 0;
    while (used < piece.length) {
      const count = Math.min(size - filled, piece.length - used);
      block.set(piece.subarray(used, used + count), filled);
      filled += count;
      used += count;
      if (filled === size) {
        yield block;
        index += 1;
        size = nextSize(index);
        block = Buffer.allocUnsafe(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield block.subarray(0, filled);
}
