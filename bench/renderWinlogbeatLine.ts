import type { Random } from './createRandom';
import type { ProcessShape, RenderLine } from './generateExport';
import { isBackgroundShape } from './isBackgroundShape';
import { quoteArg } from './quoteArg';
import { randomIpv4 } from './randomIpv4';
import { randomPath } from './randomPath';

/** Share of background starts rendered as Sysmon event 3 or 5 instead. */
const OTHER_EVENT_SHARE = 0.5;
const SYSMON = 'Microsoft-Windows-Sysmon';

/** A Sysmon event id with its task text and the rule name it prints. */
interface SysmonEvent {
  readonly id: string;
  readonly task: string;
  readonly rule: string;
}

const PROCESS_CREATE = {
  id: '1',
  task: 'Process Create',
  rule: 'ProcessCreate',
};
const NETWORK_CONNECT = {
  id: '3',
  task: 'Network connection detected',
  rule: 'NetworkConnect',
};
const PROCESS_TERMINATE = {
  id: '5',
  task: 'Process terminated',
  rule: 'ProcessTerminate',
};

/**
 * A Sysmon event as winlogbeat ships it before any ingest pipeline: one
 * JSON document a line, the event in `winlog` (`channel`, `event_id`,
 * `event_data`) with `message` holding the rendered text, and the host as
 * the agent's `host.id`. A process start is Sysmon event 1 with its time in
 * `UtcTime`; half the background starts come out instead as event 3
 * (network connection) or event 5 (process terminated) of that process.
 */
export const renderWinlogbeatLine: RenderLine = (
  time: number,
  hostId: string,
  shape: ProcessShape,
  random: Random,
): string => {
  const process = processFields(time, shape, random);
  if (isBackgroundShape(shape) && random.next() < OTHER_EVENT_SHARE) {
    return random.next() < 0.5
      ? document(time, hostId, NETWORK_CONNECT, random, {
          ...process,
          ...networkFields(random),
        })
      : document(time, hostId, PROCESS_TERMINATE, random, process);
  }
  const parentGuid = processGuid(random);
  return document(time, hostId, PROCESS_CREATE, random, {
    ...process,
    FileVersion: `10.0.${random.digits(5)}.1`,
    Description: shape.name.replace(/\.exe$/i, ''),
    Product: 'Microsoft® Windows® Operating System',
    Company: 'Microsoft Corporation',
    OriginalFileName: shape.name,
    CommandLine: shape.args.map(quoteArg).join(' '),
    CurrentDirectory: randomPath(random, ''),
    LogonGuid: processGuid(random),
    LogonId: `0x${random.hex(3)}`,
    TerminalSessionId: '1',
    IntegrityLevel: 'Medium',
    Hashes: hashes(random),
    ParentProcessGuid: parentGuid,
    ParentProcessId: String(pid(random)),
    ParentImage: shape.parentExecutable,
    ParentCommandLine: quoteArg(shape.parentExecutable),
    ParentUser: 'NT AUTHORITY\\SYSTEM',
  });
};

// The fields Sysmon gives every event about the process it concerns.
function processFields(time: number, shape: ProcessShape, random: Random) {
  return {
    RuleName: '-',
    UtcTime: new Date(time).toISOString().replace('T', ' ').slice(0, 23),
    ProcessGuid: processGuid(random),
    ProcessId: String(pid(random)),
    Image: shape.executable,
    User: `${random.pick(['CORP', 'LAB'])}\\user${random.hex(3)}`,
  };
}

function networkFields(random: Random) {
  return {
    Protocol: 'tcp',
    Initiated: 'true',
    SourceIsIpv6: 'false',
    SourceIp: randomIpv4(random, 10),
    SourceHostname: '-',
    SourcePort: String(49152 + Math.floor(random.next() * 16000)),
    SourcePortName: '-',
    DestinationIsIpv6: 'false',
    DestinationIp: randomIpv4(random, 52),
    DestinationHostname: `${random.hex(4)}.cdn.example.net`,
    DestinationPort: '443',
    DestinationPortName: 'https',
  };
}

function document(
  time: number,
  hostId: string,
  sysmon: SysmonEvent,
  random: Random,
  eventData: Readonly<Record<string, string>>,
): string {
  const name = `ws-${hostId.slice(0, 6)}`;
  // winlogbeat stamps the record's creation time, with 100 ns digits.
  const millis = new Date(time).toISOString().slice(0, 23);
  const created = `${millis}${random.digits(4)}Z`;
  const task = `${sysmon.task} (rule: ${sysmon.rule})`;
  return JSON.stringify({
    '@timestamp': created,
    agent: {
      id: hostId,
      name,
      type: 'winlogbeat',
      version: '8.15.0',
      ephemeral_id: random.guid(),
    },
    ecs: { version: '8.0.0' },
    host: {
      id: hostId,
      name,
      hostname: name,
      architecture: 'x86_64',
      os: { family: 'windows', platform: 'windows', type: 'windows' },
    },
    event: {
      code: sysmon.id,
      kind: 'event',
      provider: SYSMON,
      created,
      action: task,
    },
    log: { level: 'information' },
    message: messageOf(sysmon.task, eventData),
    winlog: {
      api: 'wineventlog',
      channel: `${SYSMON}/Operational`,
      computer_name: `${name}.corp.example.com`,
      event_data: eventData,
      event_id: sysmon.id,
      opcode: 'Info',
      process: {
        pid: 3000 + Math.floor(random.next() * 1000),
        thread: { id: pid(random) },
      },
      provider_guid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
      provider_name: SYSMON,
      record_id: Math.floor(random.next() * 1e7),
      task,
      user: {
        domain: 'NT AUTHORITY',
        identifier: 'S-1-5-18',
        name: 'SYSTEM',
        type: 'User',
      },
      version: 5,
    },
  });
}

// The event as Windows renders it: `Key: value` lines under a title.
function messageOf(
  task: string,
  eventData: Readonly<Record<string, string>>,
): string {
  const lines = Object.entries(eventData).map(([key, value]) => {
    return `${key}: ${value}`;
  });
  return `${task}:\n${lines.join('\n')}`;
}

function processGuid(random: Random): string {
  return `{${random.guid().toUpperCase()}}`;
}

function hashes(random: Random): string {
  const sha1 = random.hex(20).toUpperCase();
  const md5 = random.hex(16).toUpperCase();
  const sha256 = random.hex(32).toUpperCase();
  const imphash = random.hex(16).toUpperCase();
  return `SHA1=${sha1},MD5=${md5},SHA256=${sha256},IMPHASH=${imphash}`;
}

function pid(random: Random): number {
  return 1000 + Math.floor(random.next() * 60000);
}
