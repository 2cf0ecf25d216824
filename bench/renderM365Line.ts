import type { Random } from './createRandom';
import type { ProcessShape, RenderLine } from './generateExport';
import { isBackgroundShape } from './isBackgroundShape';
import { quoteArg } from './quoteArg';
import { randomIpv4 } from './randomIpv4';
import { randomPath } from './randomPath';

/** Share of background starts rendered as a record of another table. */
const OTHER_RECORD_SHARE = 0.5;
const OTHER_RECORDS = [networkEvent, fileEvent, registryEvent, imageLoad];
const TENANT = '0b4c7d2e-9f1a-4e63-8a5b-1c2d3e4f5a6b';

/**
 * A record as Microsoft Defender for Endpoint's streaming API writes it to
 * storage, one a line: `{time, tenantId, category, properties}`. A process
 * start is an `AdvancedHunting-DeviceProcessEvents` record with ActionType
 * `ProcessCreated`, its Timestamp in ISO 8601 with seven fractional digits
 * and the device as a 40-hex-digit DeviceId. Half the background starts
 * come out instead as records of the network, file, registry and image-load
 * tables, with the process as their initiating process.
 */
export const renderM365Line: RenderLine = (
  time: number,
  hostId: string,
  shape: ProcessShape,
  random: Random,
): string => {
  const common = deviceFields(time, hostId, random);
  if (isBackgroundShape(shape) && random.next() < OTHER_RECORD_SHARE) {
    const [category, fields] = random.pick(OTHER_RECORDS)(random);
    return record(time, category, {
      ...common,
      ...fields,
      ...initiatingProcess(
        time,
        shape.name,
        shape.executable,
        shape.args,
        random,
      ),
    });
  }
  return record(time, 'AdvancedHunting-DeviceProcessEvents', {
    ...common,
    ActionType: 'ProcessCreated',
    FileName: shape.name,
    FolderPath: shape.executable,
    FileSize: 20_000 + Math.floor(random.next() * 5e6),
    ProcessCommandLine: shape.args.map(quoteArg).join(' '),
    ProcessId: pid(random),
    ProcessCreationTime: sevenDigits(time, random),
    ProcessIntegrityLevel: 'Medium',
    ProcessTokenElevation: 'TokenElevationTypeDefault',
    MD5: random.hex(16),
    SHA1: random.hex(20),
    SHA256: random.hex(32),
    AccountDomain: random.pick(['corp', 'nt authority', 'lab']),
    AccountName: `user${random.hex(3)}`,
    AccountSid: randomSid(random),
    AccountObjectId: null,
    AccountUpn: null,
    ...initiatingProcess(
      time,
      shape.parentName,
      shape.parentExecutable,
      [shape.parentExecutable],
      random,
    ),
  });
};

function record(
  time: number,
  category: string,
  properties: Record<string, unknown>,
): string {
  // Defender stamps `time` when the record reaches the stream, a little
  // after the event's own Timestamp.
  const sent = new Date(time + 2_000).toISOString().replace('Z', '0000Z');
  return JSON.stringify({
    time: sent,
    tenantId: TENANT,
    operationName: 'Publish',
    category,
    _TimeReceivedBySvc: sent,
    properties,
  });
}

// Fields of every table: the device, the event's time, the report.
function deviceFields(time: number, hostId: string, random: Random) {
  const hex = hostId.replaceAll('-', '');
  return {
    // DeviceId is 40 hex digits, derived from the generator's host so that
    // both stages of a planted sequence land on one device.
    DeviceId: hex + hex.slice(0, 8),
    DeviceName: `ws-${hex.slice(0, 6)}.corp.example.com`,
    MachineGroup: 'UnassignedGroup',
    ReportId: Math.floor(random.next() * 100_000),
    Timestamp: sevenDigits(time, random),
    AdditionalFields: '{}',
  };
}

function initiatingProcess(
  time: number,
  name: string,
  executable: string,
  args: readonly string[],
  random: Random,
) {
  return {
    InitiatingProcessFileName: name,
    // Defender writes the initiating process's folder path in lower case.
    InitiatingProcessFolderPath: executable.toLowerCase(),
    InitiatingProcessCommandLine: args.map(quoteArg).join(' '),
    InitiatingProcessId: pid(random),
    // One to twenty-five hours before: a long-running process.
    InitiatingProcessCreationTime: sevenDigits(
      time - 3_600_000 - random.next() * 86_400_000,
      random,
    ),
    InitiatingProcessIntegrityLevel: 'Medium',
    InitiatingProcessAccountName: `user${random.hex(3)}`,
    InitiatingProcessAccountSid: randomSid(random),
    InitiatingProcessMD5: random.hex(16),
    InitiatingProcessSHA1: random.hex(20),
    InitiatingProcessSHA256: random.hex(32),
  };
}

type OtherRecord = readonly [string, Record<string, unknown>];

function networkEvent(random: Random): OtherRecord {
  return [
    'AdvancedHunting-DeviceNetworkEvents',
    {
      ActionType: 'ConnectionSuccess',
      Protocol: 'Tcp',
      LocalIP: randomIpv4(random, 10),
      LocalPort: 49152 + Math.floor(random.next() * 16000),
      RemoteIP: randomIpv4(random, 52),
      RemotePort: random.pick([443, 80, 8080, 445]),
      RemoteUrl: `${random.hex(4)}.cdn.example.net`,
      RemoteIPType: 'Public',
    },
  ];
}

function fileEvent(random: Random): OtherRecord {
  const name = `${random.hex(5)}.tmp`;
  return [
    'AdvancedHunting-DeviceFileEvents',
    {
      ActionType: 'FileCreated',
      FileName: name,
      FolderPath: randomPath(random, name),
      FileSize: Math.floor(random.next() * 1e6),
      SHA1: random.hex(20),
      SHA256: random.hex(32),
    },
  ];
}

function registryEvent(random: Random): OtherRecord {
  return [
    'AdvancedHunting-DeviceRegistryEvents',
    {
      ActionType: 'RegistryValueSet',
      RegistryKey: `HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\${random.hex(4)}`,
      RegistryValueName: random.hex(6),
      RegistryValueData: random.hex(8),
      RegistryValueType: 'Dword',
    },
  ];
}

function imageLoad(random: Random): OtherRecord {
  const name = `${random.hex(4)}.dll`;
  return [
    'AdvancedHunting-DeviceImageLoadEvents',
    {
      ActionType: 'ImageLoaded',
      FileName: name,
      FolderPath: randomPath(random, name),
      SHA1: random.hex(20),
      SHA256: random.hex(32),
    },
  ];
}

// ISO 8601 with seven fractional digits, as Defender writes its times.
function sevenDigits(time: number, random: Random): string {
  const iso = new Date(Math.floor(time)).toISOString();
  return `${iso.slice(0, 23)}${random.digits(4)}Z`;
}

function randomSid(random: Random): string {
  return `S-1-5-21-${random.digits(10)}-${random.digits(4)}`;
}

function pid(random: Random): number {
  return 1000 + Math.floor(random.next() * 60000);
}
