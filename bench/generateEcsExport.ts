import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { createRandom, type Random } from './createRandom';

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

const WORDS = [
  'Program Files',
  'Windows',
  'System32',
  'Users',
  'AppData',
  'Local',
  'Temp',
  'Microsoft',
  'Google',
  'Roaming',
  'Packages',
  'Cache',
  'Update',
  'Installer',
  'Tools',
  'bin',
];

/**
 * Writes a gzip NDJSON export of Windows process starts in Elastic Defend
 * shape. Background events never touch the rule; decoys satisfy one stage
 * each on a host of their own, so they can never complete a sequence; and
 * each planted sequence is an `msiexec /i` followed 1 to 30 seconds later by
 * a ScreenConnect guest-link start on one fresh host. Near misses (msiexec
 * as the parent of an unrelated process) pass the prefilter but no stage.
 */
export async function generateEcsExport(
  spec: ExportSpec,
  path: string,
): Promise<void> {
  const random = createRandom(spec.seed);
  const gzip = createGzip({ level: 6 });
  const done = gzip.pipe(createWriteStream(path));
  const plan: Plan = {
    spec,
    random,
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
  readonly planted: Set<number>;
  /** Second events of planted sequences, by the index they are due at. */
  readonly pending: Map<number, string>;
  readonly hosts: readonly string[];
}

function lineAt(index: number, plan: Plan): string {
  const { spec, random, planted, pending } = plan;
  const time = BASE_TIME + index * STEP_MS;
  const due = pending.get(index);
  if (due !== undefined) {
    pending.delete(index);
    return eventLine(time, due, screenConnect(random), random);
  }
  if (planted.has(index)) {
    const host = random.guid();
    let later = index + 100 + Math.floor(random.next() * 2900);
    while (pending.has(later) || planted.has(later)) later += 1;
    pending.set(later, host);
    return eventLine(time, host, msiexec(random), random);
  }
  const roll = random.next();
  if (roll < spec.candidateShare) {
    const process = roll < spec.candidateShare / 2 ? msiexec : screenConnect;
    return eventLine(time, random.guid(), process(random), random);
  }
  if (roll < spec.candidateShare * 2) {
    return eventLine(time, random.pick(plan.hosts), nearMiss(random), random);
  }
  return eventLine(time, random.pick(plan.hosts), background(random), random);
}

interface ProcessShape {
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
  const executable = `C:\\Program Files (x86)\\ScreenConnect Client (${random.hex(8)})\\ScreenConnect.ClientService.exe`;
  const link = `?e=Access&y=Guest&h=relay.${random.hex(5)}.example&p=8041&s=${random.guid()}&k=${random.base64(96)}`;
  return {
    name: 'ScreenConnect.ClientService.exe',
    executable,
    args: [executable, link],
    parentName: 'services.exe',
    parentExecutable: 'C:\\Windows\\System32\\services.exe',
  };
}

function eventLine(
  time: number,
  hostId: string,
  shape: ProcessShape,
  random: Random,
): string {
  const commandLine = shape.args.map(quoteArg).join(' ');
  const pid = 1000 + Math.floor(random.next() * 60000);
  return JSON.stringify({
    '@timestamp': new Date(time).toISOString(),
    agent: { id: random.guid(), type: 'endpoint', version: '8.15.2' },
    data_stream: {
      dataset: 'endpoint.events.process',
      namespace: 'default',
      type: 'logs',
    },
    ecs: { version: '8.11.0' },
    event: {
      action: 'start',
      category: ['process'],
      code: '1',
      created: new Date(time + 3).toISOString(),
      dataset: 'endpoint.events.process',
      id: random.hex(12),
      kind: 'event',
      module: 'endpoint',
      type: ['start'],
    },
    host: {
      id: hostId,
      name: `ws-${hostId.slice(0, 6)}`,
      os: { family: 'windows', name: 'Windows', type: 'windows' },
    },
    process: {
      args: shape.args,
      args_count: shape.args.length,
      command_line: commandLine,
      entity_id: random.base64(30),
      executable: shape.executable,
      hash: {
        md5: random.hex(16),
        sha1: random.hex(20),
        sha256: random.hex(32),
      },
      name: shape.name,
      parent: {
        entity_id: random.base64(30),
        executable: shape.parentExecutable,
        name: shape.parentName,
        pid: Math.floor(random.next() * 60000),
      },
      pid,
      working_directory: randomPath(random, ''),
    },
    user: {
      domain: random.pick(['CORP', 'NT AUTHORITY', 'LAB']),
      id: `S-1-5-21-${randomDigits(random, 10)}-${randomDigits(random, 4)}`,
      name: `user${random.hex(3)}`,
    },
  });
}

function quoteArg(arg: string): string {
  return arg.includes(' ') ? `"${arg}"` : arg;
}

function randomPath(random: Random, leaf: string): string {
  const depth = 2 + Math.floor(random.next() * 3);
  const parts = ['C:'];
  for (let i = 0; i < depth; i += 1) {
    parts.push(random.next() < 0.6 ? random.pick(WORDS) : random.hex(4));
  }
  if (leaf !== '') parts.push(leaf);
  return parts.join('\\');
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

function randomDigits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += Math.floor(random.next() * 10);
  return text;
}
