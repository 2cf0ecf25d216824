import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchOptions, readBenchOptions } from './benchOptions';
import { generateExport, type RenderLine } from './generateExport';
import { type Measurement, measureDetect, measureFloor } from './measure';
import { renderEcsLine } from './renderEcsLine';
import { renderFdrLine } from './renderFdrLine';
import { renderM365Line } from './renderM365Line';
import { renderSentinelOneLine } from './renderSentinelOneLine';
import { renderWinlogbeatLine } from './renderWinlogbeatLine';

// `npm run bench`: builds a synthetic export once (kept in bench/out/), then
// alternates timed runs of plain gunzip (the floor) and of the detector,
// each in a fresh process pinned to CPU 0, and prints the best of each.
// Alternating and taking the best keeps a busy machine from skewing the
// ratio: other load only ever slows a run down.

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');
const RULES = join(ROOT, 'rules');
const MB = 1e6;

// Both measured processes start with room in the old generation. Without
// it V8 starts with a few MB there and the detector (not the floor) runs
// dozens of full collections: 82 against the floor's one on the 1M-event
// export, about a third of its time. Node refuses this flag in
// NODE_OPTIONS, so a Lambda cannot set it that way; the command line can
// pass it to node directly.
const NODE_FLAGS = ['--initial-old-space-size=64'];

// The synthetic export of each format `--format` can name.
const RENDERERS: Readonly<Record<string, RenderLine>> = {
  ecs: renderEcsLine,
  'crowdstrike-fdr': renderFdrLine,
  'sentinelone-cloud-funnel': renderSentinelOneLine,
  'm365-defender': renderM365Line,
  'winlogbeat-raw': renderWinlogbeatLine,
};

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--measure') {
    const [, mode, path, format] = argv;
    const measured =
      mode === 'floor'
        ? await measureFloor(path as string)
        : await measureDetect(path as string, RULES, format);
    process.stdout.write(`${JSON.stringify(measured)}\n`);
    return;
  }
  const options = readBenchOptions(argv, process.env);
  const path = await ensureExport(options);
  const floors: Measurement[] = [];
  const detects: Measurement[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    floors.push(runPinned(['floor', path]));
    detects.push(runPinned(['detect', path]));
    process.stderr.write(`round ${round + 1}/${options.rounds} done\n`);
  }
  report(options, floors, detects);
}

async function ensureExport(options: BenchOptions): Promise<string> {
  const render = RENDERERS[options.format];
  if (render === undefined) {
    const known = Object.keys(RENDERERS).join(', ');
    throw new Error(`no synthetic export for ${options.format} (${known})`);
  }
  const name = `${options.format}-${options.events}-${options.share}-${options.planted}.gz`;
  const path = join(OUT, name);
  if (existsSync(path)) return path;
  mkdirSync(OUT, { recursive: true });
  process.stderr.write(`generating ${path} ...\n`);
  const spec = {
    events: options.events,
    candidateShare: options.share,
    planted: options.planted,
    seed: 20260105,
  };
  await generateExport(spec, `${path}.partial`, render);
  renameSync(`${path}.partial`, path);
  return path;
}

function runPinned(args: readonly string[]): Measurement {
  const node = [
    process.execPath,
    ...NODE_FLAGS,
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
  ];
  const command = [...node, '--measure', ...args];
  const pinned = hasTaskset() ? ['taskset', '-c', '0', ...command] : command;
  const child = spawnSync(pinned[0] as string, pinned.slice(1), {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`measurement failed: ${args[0]}`);
  const last = child.stdout.trim().split('\n').pop() as string;
  return JSON.parse(last) as Measurement;
}

let tasksetFound: boolean | undefined;
function hasTaskset(): boolean {
  tasksetFound ??= spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return tasksetFound;
}

function report(
  options: BenchOptions,
  floors: readonly Measurement[],
  detects: readonly Measurement[],
): void {
  const floor = fastest(floors);
  const detect = fastest(detects);
  const cpuFloor = leastCpu(floors);
  const cpuDetect = leastCpu(detects);
  const scan = detect.scan;
  const stats = scan?.stats;
  const eventsPerSecond = ((stats?.records ?? 0) / detect.seconds).toFixed(0);
  const wallRatio = (floor.seconds / detect.seconds).toFixed(2);
  const cpuRatio = (cpuFloor.cpuSeconds / cpuDetect.cpuSeconds).toFixed(2);
  const cpuTimes =
    `${cpuFloor.cpuSeconds.toFixed(2)} s / ` +
    `${cpuDetect.cpuSeconds.toFixed(2)} s`;
  const peakMiB = (runs: readonly Measurement[]) =>
    (Math.max(...runs.map((m) => m.maxRssBytes)) / 2 ** 20).toFixed(0);
  const lines = [
    `format            ${options.format} (detected: ${scan?.format})`,
    `events            ${options.events} ` +
      `(candidate share ${options.share}, planted ${options.planted})`,
    `compressed        ${(scan?.stats.compressedBytes ?? 0) / MB} MB`,
    `decompressed      ${(detect.bytes / MB).toFixed(1)} MB`,
    `pinned to CPU 0   ${hasTaskset() ? 'yes' : 'no (taskset not found)'}`,
    `node flags        ${NODE_FLAGS.join(' ')} (floor and detect alike)`,
    `floor (gunzip)    ${rate(floor)} MB/s  ${floor.seconds.toFixed(2)} s`,
    `detect            ${rate(detect)} MB/s  ${detect.seconds.toFixed(2)} s  ` +
      `${eventsPerSecond} events/s`,
    `ratio detect/floor ${wallRatio} wall, ${cpuRatio} CPU time (${cpuTimes})`,
    `peak RSS detect   ${peakMiB(detects)} MiB (floor ${peakMiB(floors)} MiB)`,
    `records           ${stats?.records} read, ${stats?.events} decoded, ` +
      `${stats?.candidates} candidates, ${stats?.malformed} malformed`,
    `alerts            ${detect.alerts} found, ${options.planted} planted`,
    `error             ${scan?.error ?? 'none'}`,
    `best of ${options.rounds} alternating runs each`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function fastest(runs: readonly Measurement[]): Measurement {
  return runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
}

function leastCpu(runs: readonly Measurement[]): Measurement {
  return runs.reduce((best, run) =>
    run.cpuSeconds < best.cpuSeconds ? run : best,
  );
}

function rate(run: Measurement): string {
  return (run.bytes / MB / run.seconds).toFixed(0);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
