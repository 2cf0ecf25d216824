import { describe, expect, it } from 'vitest';
import { paceInput } from '../../cli/paceInput';

async function* chunks() {
  yield Buffer.from('a');
  yield Buffer.from('b');
}

describe('paceInput', () => {
  it('holds the next chunk back until a full output drains', async () => {
    let drain: (() => void) | null = null;
    const output = {
      writableNeedDrain: true,
      write: () => true,
      once: (_event: 'drain', listener: () => void) => {
        drain = listener;
      },
    };
    const paced = paceInput(chunks(), output)[Symbol.asyncIterator]();
    const first = paced.next();
    // Let every pending microtask run: the generator parks on the drain.
    await new Promise((resolve) => setImmediate(resolve));
    expect(drain).not.toBeNull();
    let settled = false;
    void first.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    output.writableNeedDrain = false;
    (drain as unknown as () => void)();
    expect((await first).value?.toString()).toBe('a');
    expect((await paced.next()).value?.toString()).toBe('b');
  });

  it('passes chunks straight on while the output keeps up', async () => {
    const output = { write: () => true, writableNeedDrain: false };
    const seen: string[] = [];
    for await (const chunk of paceInput(chunks(), output)) {
      seen.push(chunk.toString());
    }
    expect(seen).toEqual(['a', 'b']);
  });
});
