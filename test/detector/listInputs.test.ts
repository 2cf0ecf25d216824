import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listInputs } from '../../lambda/detector/listInputs';

describe('listInputs', () => {
  it('expands directories recursively, in sorted order, once each', async () => {
    const root = await mkdtemp(join(tmpdir(), 'inputs-'));
    await mkdir(join(root, 'b', 'deep'), { recursive: true });
    for (const file of ['z.gz', 'a.json', 'b/deep/c.log', 'b/a.log']) {
      await writeFile(join(root, file), '');
    }
    const single = join(root, 'z.gz');
    expect(await listInputs([root, single])).toEqual([
      join(root, 'a.json'),
      join(root, 'b', 'a.log'),
      join(root, 'b', 'deep', 'c.log'),
      single,
    ]);
  });
});
