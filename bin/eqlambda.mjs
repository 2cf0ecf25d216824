#!/usr/bin/env -S node --initial-old-space-size=64
// Runs the TypeScript command line in place, so a clone needs no build step.
// The flag gives V8 an old generation of 64 MB from the start: otherwise the
// stream of decompressed buffers makes it run dozens of full collections on
// a large export, about a quarter of the detector's time (see bench/run.ts).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
