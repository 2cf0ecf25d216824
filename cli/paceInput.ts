import type { TextOutput } from './CliIo';

/**
 * Passes input chunks on only as fast as `output` takes what they turn
 * into: before each chunk it waits while the output's buffer is full. A
 * command that prints every record (`normalize | jq`) then holds about one
 * chunk's output in memory, however slow the reader.
 */
export async function* paceInput(
  input: AsyncIterable<Buffer>,
  output: TextOutput,
): AsyncIterable<Buffer> {
  for await (const chunk of input) {
    if (output.writableNeedDrain && output.once) {
      await new Promise<void>((resolve) => output.once?.('drain', resolve));
    }
    yield chunk;
  }
}
