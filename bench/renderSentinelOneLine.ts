import type { Random } from './createRandom';
import type { ProcessShape, RenderLine } from './generateExport';
import { isBackgroundShape } from './isBackgroundShape';
import { quoteArg } from './quoteArg';
import { randomIpv4 } from './randomIpv4';
import { randomPath } from './randomPath';

/** Share of background starts rendered as an event of another kind. */
const OTHER_EVENT_SHARE = 0.5;
const OTHER_EVENTS = [ipConnect, fileModification, registryValue, dnsResolved];

/**
 * An event as SentinelOne Cloud Funnel 2.0 writes it: one flat record of
 * dotted keys, the time in `event.time` (epoch milliseconds) and the host
 * as the agent's uuid (32 hex digits). A process start is a `Process
 * Creation` whose new process is `tgt.process.*` and whose creator is
 * `src.process.*`. Half the background starts come out instead as the
 * other kinds a Deep Visibility export is mostly made of (IP Connect, File
 * Modification, Registry Value Modified, DNS Resolved), with the process
 * as their source.
 */
export const renderSentinelOneLine: RenderLine = (
  time: number,
  hostId: string,
  shape: ProcessShape,
  random: Random,
): string => {
  const common = envelope(time, hostId, random);
  if (isBackgroundShape(shape) && random.next() < OTHER_EVENT_SHARE) {
    const other = random.pick(OTHER_EVENTS)(random);
    return JSON.stringify({
      ...common,
      ...other,
      ...actor(
        'src.process',
        shape.name,
        shape.executable,
        shape.args,
        earlier(time, random),
      ),
    });
  }
  return JSON.stringify({
    ...common,
    'event.category': 'process',
    'event.type': 'Process Creation',
    'meta.event.name': 'PROCESSCREATION',
    ...actor(
      'tgt.process',
      shape.name,
      shape.executable,
      shape.args,
      time - Math.floor(random.next() * 20),
    ),
    'tgt.process.image.md5': random.hex(16),
    'tgt.process.image.sha1': random.hex(20),
    'tgt.process.image.sha256': random.hex(32),
    'tgt.process.pid': pid(random),
    'tgt.process.uid': random.hex(8).toUpperCase(),
    'tgt.process.user': user(random),
    ...actor(
      'src.process',
      shape.parentName,
      shape.parentExecutable,
      [shape.parentExecutable],
      earlier(time, random),
    ),
    'src.process.image.sha1': random.hex(20),
    'src.process.pid': pid(random),
    'src.process.uid': random.hex(8).toUpperCase(),
    'src.process.user': user(random),
  });
};

// The fields every Cloud Funnel record carries, whatever its kind.
function envelope(time: number, hostId: string, random: Random) {
  const trace = random.hex(13).toUpperCase();
  return {
    'event.time': time,
    timestamp: new Date(time).toISOString().slice(11, 23),
    'event.id': `${trace}_${1 + Math.floor(random.next() * 90)}`,
    'trace.id': trace,
    'packet.id': random.hex(16).toUpperCase(),
    'agent.uuid': hostId.replaceAll('-', ''),
    'agent.version': '24.1.2.6',
    'account.id': '1784215090127503462',
    'site.id': '1784215090446270589',
    'site.name': 'Default site',
    'mgmt.url': 'usea1-017.sentinelone.net',
    'endpoint.name': `WS-${hostId.slice(0, 6).toUpperCase()}`,
    'endpoint.os': 'windows',
    'endpoint.type': 'laptop',
    'os.name': 'Windows 11 Enterprise',
    'dataSource.name': 'SentinelOne',
    'dataSource.category': 'security',
    'i.scheme': 'edr',
    'i.version': 'preprocess-lib-1.0',
  };
}

// One process under `prefix` (`tgt.process`, `src.process`).
function actor(
  prefix: string,
  name: string,
  executable: string,
  args: readonly string[],
  started: number,
) {
  return {
    [`${prefix}.name`]: name,
    [`${prefix}.displayName`]: name,
    [`${prefix}.image.path`]: executable,
    [`${prefix}.cmdline`]: args.map(quoteArg).join(' '),
    [`${prefix}.startTime`]: started,
    [`${prefix}.integrityLevel`]: 'MEDIUM',
    [`${prefix}.signedStatus`]: 'signed',
    [`${prefix}.subsystem`]: 'SYS_WIN32',
  };
}

function ipConnect(random: Random) {
  return {
    'event.category': 'ip',
    'event.type': 'IP Connect',
    'meta.event.name': 'TCPV4',
    'event.network.direction': 'OUTGOING',
    'event.network.protocolName': 'tcp',
    'event.network.connectionStatus': 'SUCCESS',
    'src.ip.address': randomIpv4(random, 10),
    'src.port.number': 49152 + Math.floor(random.next() * 16000),
    'dst.ip.address': randomIpv4(random, 52),
    'dst.port.number': random.pick([443, 80, 8080, 445, 53]),
  };
}

function fileModification(random: Random) {
  return {
    'event.category': 'file',
    'event.type': 'File Modification',
    'meta.event.name': 'FILEMODIFICATION',
    'tgt.file.path': randomPath(random, `${random.hex(5)}.tmp`),
    'tgt.file.sha1': random.hex(20),
    'tgt.file.size': Math.floor(random.next() * 1e6),
    'tgt.file.extension': 'tmp',
  };
}

function registryValue(random: Random) {
  return {
    'event.category': 'registry',
    'event.type': 'Registry Value Modified',
    'meta.event.name': 'REGVALUEMODIFIED',
    'registry.keyPath': `MACHINE\\SOFTWARE\\${random.hex(4)}\\${random.hex(6)}`,
    'registry.value': random.hex(8),
    'registry.valueType': 'REG_DWORD',
  };
}

function dnsResolved(random: Random) {
  return {
    'event.category': 'dns',
    'event.type': 'DNS Resolved',
    'meta.event.name': 'DNS',
    'event.dns.request': `${random.hex(4)}.cdn.example.net`,
    'event.dns.response': `${randomIpv4(random, 52)};`,
  };
}

// A start one to twenty-five hours before `time`: a long-running process.
function earlier(time: number, random: Random): number {
  return time - 3_600_000 - Math.floor(random.next() * 86_400_000);
}

function pid(random: Random): number {
  return 1000 + Math.floor(random.next() * 60000);
}

function user(random: Random): string {
  const domain = random.pick(['CORP', 'NT AUTHORITY', 'LAB']);
  return `${domain}\\user${random.hex(3)}`;
}
