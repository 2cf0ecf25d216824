import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWat, embeddingModule } from '../../scripts/wasm/compileWat';

const WASM_DIR = join(import.meta.dirname, '../../lambda/detector/wasm');

describe('pairScanBinary.ts', () => {
  it('embeds pairScan.wat as it compiles now (run npm run build:wasm)', async () => {
    const binary = await compileWat(join(WASM_DIR, 'pairScan.wat'));
    const embedded = readFileSync(join(WASM_DIR, 'pairScanBinary.ts'), 'utf8');
    expect(embedded).toBe(embeddingModule(binary, 'pairScan.wat'));
  });
});
