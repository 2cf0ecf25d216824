#!/usr/bin/env node
// Runs the TypeScript command line in place, so a clone needs no build step.
import { register } from 'tsx/esm/api';

register();
const { preferThroughputGc } = await import('../lambda/preferThroughputGc.ts');
preferThroughputGc();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
