import type { EcsDocument } from '../../ecs/EcsDocument';
import { baseName } from '../common/baseName';
import { integer } from '../common/fields';
import { processStartEvent } from '../common/processStartEvent';
import { splitDomainUser } from '../common/splitDomainUser';
import { isoFromSpaceSeparatedUtc, isoMillis } from '../common/timestamps';

/** The channel and event id of the two Windows process-start events. */
export const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
export const SECURITY_CHANNEL = 'Security';

/** What a Windows event record says, whatever its container (JSON or XML). */
export interface WindowsRecord {
  readonly channel: string | undefined;
  readonly eventId: string | undefined;
  /** `System/TimeCreated/@SystemTime` or winlogbeat's `@timestamp`. */
  readonly timeCreated: string | undefined;
  readonly computerName: string | undefined;
  /** The SID in `System/Security/@UserID` (winlog.user.identifier). */
  readonly userSid: string | undefined;
  readonly recordId: string | undefined;
  readonly eventData: Readonly<Record<string, string>>;
  /** A host id the shipper added (winlogbeat `host.id`); else the name. */
  readonly hostId?: string | undefined;
  readonly hostName?: string | undefined;
  /** `data_stream.dataset` when Elastic Agent shipped the record. */
  readonly dataset?: string | undefined;
}

/** A process start, a record of another kind, or why it is malformed. */
export type WindowsOutcome =
  | { readonly kind: 'event'; readonly event: EcsDocument }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'malformed'; readonly reason: string };

const SKIPPED: WindowsOutcome = { kind: 'skipped' };
const HASH_PAIR = /([A-Za-z0-9]+)=([0-9A-Fa-f]+)/g;
// IMPHASH is a PE import hash, not a file hash: ECS has it elsewhere.
const FILE_HASHES = new Set(['md5', 'sha1', 'sha256', 'sha512']);

/** True when a channel and event id make a process start (Sysmon 1, 4688). */
export function isWindowsProcessStart(
  channel: string | undefined,
  eventId: string | undefined,
): boolean {
  if (eventId === '1') return channel === SYSMON_CHANNEL;
  return eventId === '4688' && channel === SECURITY_CHANNEL;
}

/**
 * Maps Sysmon event 1 and Security event 4688 to ECS as Elastic's `sysmon`
 * and `security` winlogbeat modules (and the Agent's `windows` and `system`
 * integrations) do; other events are skipped.
 *
 * The host id is the shipper's `host.id` where there is one; Windows event
 * XML has none, so the computer name stands in for it (and for a winlogbeat
 * record shipped without host metadata).
 */
export function windowsProcessStart(record: WindowsRecord): WindowsOutcome {
  if (!isWindowsProcessStart(record.channel, record.eventId)) return SKIPPED;
  const hostId = record.hostId || record.hostName || record.computerName;
  if (!hostId)
    return { kind: 'malformed', reason: 'no host id or computer name' };
  return record.eventId === '1'
    ? sysmonProcessCreate(record, hostId)
    : securityProcessCreated(record, hostId);
}

function sysmonProcessCreate(
  record: WindowsRecord,
  hostId: string,
): WindowsOutcome {
  const data = record.eventData;
  const utcTime = data.UtcTime;
  const timestamp =
    (utcTime && isoFromSpaceSeparatedUtc(utcTime)) ||
    (record.timeCreated && isoMillis(record.timeCreated));
  if (!timestamp) {
    return {
      kind: 'malformed',
      reason: `UtcTime in no known form: ${utcTime}`,
    };
  }
  const event = processStartEvent({
    timestamp: isoMillis(timestamp) ?? timestamp,
    ...source(record, 'sysmon', 'windows.sysmon_operational'),
    action: 'Process creation',
    code: '1',
    provider: 'Microsoft-Windows-Sysmon',
    host: hostOf(record, hostId),
    process: {
      executable: data.Image,
      commandLine: data.CommandLine,
      pid: integer(data.ProcessId),
      entityId: data.ProcessGuid,
      workingDirectory: data.CurrentDirectory,
      hash: parseHashes(data.Hashes),
    },
    parent: {
      executable: data.ParentImage,
      commandLine: data.ParentCommandLine,
      pid: integer(data.ParentProcessId),
      entityId: data.ParentProcessGuid,
    },
    user: { id: record.userSid, ...splitDomainUser(data.User) },
    extra: { winlog: winlogOf(record) },
  });
  return { kind: 'event', event };
}

function securityProcessCreated(
  record: WindowsRecord,
  hostId: string,
): WindowsOutcome {
  const data = record.eventData;
  const timestamp = record.timeCreated && isoMillis(record.timeCreated);
  if (!timestamp) {
    return {
      kind: 'malformed',
      reason: `TimeCreated in no known form: ${record.timeCreated}`,
    };
  }
  const parentExecutable = data.ParentProcessName;
  const event = processStartEvent({
    timestamp,
    ...source(record, 'security', 'system.security'),
    action: 'created-process',
    code: '4688',
    provider: 'Microsoft-Windows-Security-Auditing',
    host: hostOf(record, hostId),
    process: {
      executable: data.NewProcessName,
      commandLine: data.CommandLine,
      pid: integer(data.NewProcessId),
    },
    parent: {
      name: baseName(parentExecutable),
      executable: parentExecutable,
      pid: integer(data.ProcessId),
    },
    user: {
      id: data.SubjectUserSid,
      name: data.SubjectUserName,
      domain: data.SubjectDomainName,
    },
    extra: { winlog: winlogOf(record) },
  });
  return { kind: 'event', event };
}

// winlogbeat names its modules `sysmon` and `security` and writes to
// winlogbeat-*; Elastic Agent names the data stream, and its module is the
// integration (`windows`, `system`).
function source(record: WindowsRecord, module: string, dataset: string) {
  if (record.dataset === undefined) return { module, dataset };
  const integration = record.dataset.split('.')[0] ?? module;
  return { module: integration, dataset: record.dataset };
}

function hostOf(record: WindowsRecord, hostId: string) {
  return {
    id: hostId,
    name: record.hostName || record.computerName,
    osType: 'windows',
  };
}

function winlogOf(record: WindowsRecord): EcsDocument {
  const winlog: EcsDocument = {};
  if (record.channel) winlog.channel = record.channel;
  if (record.eventId) winlog.event_id = record.eventId;
  if (record.computerName) winlog.computer_name = record.computerName;
  if (record.recordId) winlog.record_id = record.recordId;
  return winlog;
}

// Sysmon writes `SHA1=AB..,MD5=CD..`; ECS wants lowercase hex by algorithm.
function parseHashes(hashes: string | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  if (hashes === undefined) return found;
  for (const match of hashes.matchAll(HASH_PAIR)) {
    const algorithm = match[1]?.toLowerCase() ?? '';
    const value = match[2];
    if (value && FILE_HASHES.has(algorithm)) {
      found[algorithm] = value.toLowerCase();
    }
  }
  return found;
}
