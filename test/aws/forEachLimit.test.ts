import { describe, expect, it } from 'vitest';
import { forEachLimit } from '../../lambda/aws/forEachLimit';

describe('forEachLimit', () => {
  it('runs every item once with never more than the limit in flight', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await Promise.resolve();
      await Promise.resolve();
      done.push(item);
      running -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await forEachLimit([], 4, async () => {
      calls += 1;
    });
    expect(calls).toBe(0);
  });
});
