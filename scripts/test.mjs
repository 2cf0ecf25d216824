#!/usr/bin/env node
// The project's one test command: typecheck, lint, then every vitest test.
// Ends with a plain `N passed, N failed` line that CI reads. A failing
// typecheck or lint counts as one failed test each, so it cannot hide.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = {
  ...process.env,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
const extra = process.argv.slice(2);

function run(label, command, args) {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

let passed = 0;
let failed = 0;
if (extra.length === 0) {
  for (const [label, cmd, args] of [
    ['typecheck', 'npx', ['tsc', '--noEmit']],
    ['lint', 'npx', ['biome', 'check', '.']],
  ]) {
    if (run(label, cmd, args)) passed += 1;
    else failed += 1;
  }
}

const report = join(tmpdir(), `eqlambda-vitest-${process.pid}.json`);
const vitestPassed = run('tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);
try {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  passed += summary.numPassedTests;
  let vitestFailures = summary.numFailedTests;
  // A file that fails to load, or whose setup hook throws, has no failed
  // test to count (vitest marks its tests skipped); count the file once.
  for (const file of summary.testResults) {
    const hasFailedTest = file.assertionResults.some(
      (test) => test.status === 'failed',
    );
    if (file.status === 'failed' && !hasFailedTest) vitestFailures += 1;
  }
  // Anything else vitest itself failed on (an unhandled error) counts too.
  if (!vitestPassed && vitestFailures === 0) vitestFailures = 1;
  failed += vitestFailures;
  rmSync(report, { force: true });
} catch {
  failed += 1;
  process.stdout.write('vitest wrote no report\n');
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
