import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { createRandom, type Random } from './createRandom';
import { randomPath, WORDS } from './randomPath';

/** What a synthetic export holds, and what a correct detector must find. */
export interface ExportSpec {
  /** Total events in the file, planted ones included. */
  readonly events: number;
  /** Share of events that satisfy a stage of the bundled rule (decoys). */
  readonly candidateShare: number;
  /** Complete msiexec-then-ScreenConnect sequences, one per host. */
  readonly planted: number;
  /** Seed of the pseudo-random generator, so a file can be rebuilt. */
  readonly seed: number;
}

const BASE_TIME = Date.parse('2026-01-05T08:00:00.000Z');
const STEP_MS = 10;

const PROCESS_NAMES = [
  'svchost.exe',
  'conhost.exe',
  'chrome.exe',
  'powershell.exe',
  'cmd.exe',
  'rundll32.exe',
  'taskhostw.exe',
  'OneDrive.exe',
  'Teams.exe',
  'git.exe',
  'node.exe',
  'python.exe',
  'dllhost.exe',
  'WmiPrvSE.exe',
  'backgroundTaskHost.exe',
  'SearchProtocolHost.exe',
  'MsMpEng.exe',
  'outlook.exe',
  'code.exe',
  'reg.exe',
];

/** Turns one process start into a line of some export format. */
export type RenderLine = (
  time: number,
  hostId: string,
  shape: ProcessShape,
  random: Random,
) => string;

/**
 * Writes a gzip NDJSON export of Windows process starts, each line made by
 * `render` (Elastic Defend ECS, CrowdStrike FDR, ...). Background events
 * never touch the rule; decoys satisfy one stage each on a host of their
 * own, so they can never complete a sequence; and each planted sequence
 * is an `msiexec /i` followed 1 to 30 seconds later by a ScreenConnect
 * guest-link start on one fresh host. Near misses (msiexec as the parent
 * of an unrelated process) pass the prefilter but no stage.
 */
export async function generateExport(
  spec: ExportSpec,
  path: string,
  render: RenderLine,
): Promise<void> {
  const random = createRandom(spec.seed);
  const gzip = createGzip({ level: 6 });
  const done = gzip.pipe(createWriteStream(path));
  const plan: Plan = {
    spec,
    random,
    render,
    planted: planPositions(spec, random),
    pending: new Map(),
    // Background events come from a few thousand recurring hosts.
    hosts: Array.from({ length: 3000 }, () => random.guid()),
  };
  const batch: string[] = [];
  for (let index = 0; index < spec.events; index += 1) {
    batch.push(lineAt(index, plan));
    if (batch.length === 512) await flush(gzip, batch);
  }
  await flush(gzip, batch);
  gzip.end();
  await once(done, 'finish');
}

async function flush(gzip: NodeJS.WritableStream, batch: string[]) {
  if (batch.length === 0) return;
  const ok = gzip.write(`${batch.join('\n')}\n`);
  batch.length = 0;
  if (!ok) await once(gzip, 'drain');
}

function planPositions(spec: ExportSpec, random: Random): Set<number> {
  const starts = new Set<number>();
  const room = spec.events - 4000;
  while (starts.size < Math.min(spec.planted, room)) {
    starts.add(Math.floor(random.next() * room));
  }
  return starts;
}

interface Plan {
  readonly spec: ExportSpec;
  readonly random: Random;
  readonly render: RenderLine;
  readonly planted: Set<number>;
  /** Second events of planted sequences, by the index they are due at. */
  readonly pending: Map<number, string>;
  readonly hosts: readonly string[];
}

function lineAt(index: number, plan: Plan): string {
  const { spec, random, planted, pending, render } = plan;
  const time = BASE_TIME + index * STEP_MS;
  const due = pending.get(index);
  if (due !== undefined) {
    pending.delete(index);
    return render(time, due, screenConnect(random), random);
  }
  if (planted.has(index)) {
    const host = random.guid();
    let later = index + 100 + Math.floor(random.next() * 2900);
    while (pending.has(later) || planted.has(later)) later += 1;
    pending.set(later, host);
    return render(time, host, msiexec(random), random);
  }
  const roll = random.next();
  if (roll < spec.candidateShare) {
    const process = roll < spec.candidateShare / 2 ? msiexec : screenConnect;
    return render(time, random.guid(), process(random), random);
  }
  if (roll < spec.candidateShare * 2) {
    return render(time, random.pick(plan.hosts), nearMiss(random), random);
  }
  return render(time, random.pick(plan.hosts), background(random), random);
}

/** The process a line describes, whatever the format. */
export interface ProcessShape {
  readonly name: string;
  readonly executable: string;
  readonly args: readonly string[];
  readonly parentName: string;
  readonly parentExecutable: string;
}

function background(random: Random): ProcessShape {
  const name = random.pick(PROCESS_NAMES);
  const executable = randomPath(random, name);
  const args = [executable, ...randomArgs(random)];
  const parentName = random.pick(PROCESS_NAMES);
  return {
    name,
    executable,
    args,
    parentName,
    parentExecutable: randomPath(random, parentName),
  };
}

function nearMiss(random: Random): ProcessShape {
  return {
    ...background(random),
    parentName: 'msiexec.exe',
    parentExecutable: 'C:\\Windows\\System32\\msiexec.exe',
  };
}

function msiexec(random: Random): ProcessShape {
  const executable = 'C:\\Windows\\System32\\msiexec.exe';
  const msi = `C:\\Users\\${random.hex(4)}\\Downloads\\${random.hex(6)}.msi`;
  return {
    name: 'msiexec.exe',
    executable,
    args: [executable, '/i', msi, '/qn'],
    parentName: 'explorer.exe',
    parentExecutable: 'C:\\Windows\\explorer.exe',
  };
}

function screenConnect(random: Random): ProcessShape {
  const executable =
    `C:\\Program Files (x86)\\ScreenConnect Client (${random.hex(8)})` +
    '\\ScreenConnect.ClientService.exe';
  const link =
    `?e=Access&y=Guest&h=relay.${random.hex(5)}.example&p=8041` +
    `&s=${random.guid()}&k=${random.base64(96)}`;
  return {
    name: 'ScreenConnect.ClientService.exe',
    executable,
    args: [executable, link],
    parentName: 'services.exe',
    parentExecutable: 'C:\\Windows\\System32\\services.exe',
  };
}

function randomArgs(random: Random): string[] {
  const count = Math.floor(random.next() * 4);
  const args: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = random.next();
    if (roll < 0.3) args.push(`--${random.pick(WORDS).toLowerCase()}`);
    else if (roll < 0.6) args.push(randomPath(random, `${random.hex(3)}.dat`));
    else args.push(`/${random.hex(2 + Math.floor(random.next() * 6))}`);
  }
  return args;
}
