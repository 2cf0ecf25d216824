/**
 * Compiles lambda/detector/wasm/pairScan.wat and writes the module that
 * embeds it, lambda/detector/wasm/pairScanBinary.ts. Run it after editing
 * the .wat; a test fails while the two disagree.
 *
 * Usage: npm run build:wasm
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWat, embeddingModule } from './wasm/compileWat';

const DIR = join(import.meta.dirname, '..', 'lambda', 'detector', 'wasm');

const binary = await compileWat(join(DIR, 'pairScan.wat'));
writeFileSync(
  join(DIR, 'pairScanBinary.ts'),
  embeddingModule(binary, 'pairScan.wat'),
);
process.stdout.write(`pairScan.wat: ${binary.length} bytes\n`);
