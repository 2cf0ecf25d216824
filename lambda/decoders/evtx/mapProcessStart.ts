import type { EcsDocument } from '../../ecs/EcsDocument';
import { splitCommandLine } from '../windows/splitCommandLine';
import type { SystemFields } from './EventView';

/** The two process-start events this decoder maps. */
export type ProcessStartKind = 'sysmon' | 'security';

const SYSMON_PROVIDER = 'microsoft-windows-sysmon';
const SECURITY_PROVIDER = 'microsoft-windows-security-auditing';

// event.action as winlogbeat's sysmon module writes it (the event's task
// name) and as Elastic's Security pipeline writes it for 4688. Elastic's
// sysmon ingest pipeline later rewrites the former to "Process creation".
const SYSMON_ACTION = 'Process Create (rule: ProcessCreate)';
const SECURITY_ACTION = 'created-process';

// Sysmon's UtcTime: `2019-03-18 16:57:38.636`, always UTC.
const SYSMON_UTC_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

/**
 * Which process-start event a record is, from its provider and event id
 * alone (Sysmon event 1, Security event 4688), or undefined for any other
 * record. Cheap: it needs only those two `<System>` values.
 */
export function processStartKind(
  system: Pick<SystemFields, 'provider' | 'eventId'>,
): ProcessStartKind | undefined {
  const provider = system.provider?.toLowerCase();
  if (provider === SYSMON_PROVIDER && system.eventId === '1') return 'sysmon';
  if (provider === SECURITY_PROVIDER && system.eventId === '4688') {
    return 'security';
  }
  return undefined;
}

/** An ECS document, or the reason the record cannot become one. */
export type MappedEvent =
  | { readonly ok: true; readonly event: EcsDocument }
  | { readonly ok: false; readonly reason: string };

/**
 * Maps a Sysmon 1 or Security 4688 record to an ECS process-start event,
 * with the fields Elastic's pipelines give for these events. EVTX carries
 * no agent host id, so `host.id` is the computer name, as for Windows Event
 * Forwarding XML. Empty values are left out rather than written as "".
 */
export function mapProcessStart(
  kind: ProcessStartKind,
  system: SystemFields,
  data: ReadonlyMap<string, string>,
): MappedEvent {
  const value = (name: string) => nonEmpty(data.get(name));
  const timestamp =
    kind === 'sysmon'
      ? isoFromSysmonTime(value('UtcTime'))
      : nonEmpty(system.timeCreated);
  if (timestamp === undefined) {
    return { ok: false, reason: `${kind} process start without a time` };
  }
  const computer = nonEmpty(system.computer);
  if (computer === undefined) {
    return { ok: false, reason: `${kind} process start without a Computer` };
  }
  const process =
    kind === 'sysmon' ? sysmonProcess(value) : securityProcess(value);
  const event = compact({
    '@timestamp': timestamp,
    event: compact({
      category: ['process'],
      type: ['start'],
      action: kind === 'sysmon' ? SYSMON_ACTION : SECURITY_ACTION,
      code: system.eventId,
      kind: 'event',
      provider: system.provider,
      module: kind,
      dataset:
        kind === 'sysmon' ? 'windows.sysmon_operational' : 'system.security',
    }),
    host: { id: computer, name: computer, os: { type: 'windows' } },
    process,
    user: kind === 'sysmon' ? sysmonUser(value, system) : securityUser(value),
    winlog: compact({
      channel: nonEmpty(system.channel),
      record_id: nonEmpty(system.recordId),
      computer_name: computer,
      event_id: system.eventId,
      provider_name: system.provider,
    }),
  });
  return { ok: true, event };
}

type Lookup = (name: string) => string | undefined;

function sysmonProcess(value: Lookup): EcsDocument {
  return compact({
    ...describeProcess(value('Image'), value('CommandLine')),
    pid: decimal(value('ProcessId')),
    entity_id: value('ProcessGuid'),
    parent: compact({
      ...describeProcess(value('ParentImage'), value('ParentCommandLine')),
      pid: decimal(value('ParentProcessId')),
      entity_id: value('ParentProcessGuid'),
    }),
  });
}

function securityProcess(value: Lookup): EcsDocument {
  return compact({
    ...describeProcess(value('NewProcessName'), value('CommandLine')),
    pid: hexadecimal(value('NewProcessId')),
    parent: compact({
      ...describeProcess(value('ParentProcessName'), undefined),
      pid: hexadecimal(value('ProcessId')),
    }),
  });
}

function describeProcess(
  executable: string | undefined,
  commandLine: string | undefined,
): EcsDocument {
  const args =
    commandLine === undefined ? undefined : splitCommandLine(commandLine);
  return compact({
    name: executable === undefined ? undefined : basename(executable),
    executable,
    command_line: commandLine,
    args,
    args_count: args?.length,
  });
}

// Sysmon's User is `DOMAIN\name`; the record's Security UserID is the SID
// Sysmon itself runs as, which is what Elastic's pipeline puts in user.id.
function sysmonUser(value: Lookup, system: SystemFields): EcsDocument {
  const account = value('User');
  const cut = account?.lastIndexOf('\\') ?? -1;
  return compact({
    name: cut === -1 ? account : account?.slice(cut + 1),
    domain: cut === -1 ? undefined : account?.slice(0, cut),
    id: nonEmpty(system.userId),
  });
}

function securityUser(value: Lookup): EcsDocument {
  return compact({
    name: value('SubjectUserName'),
    domain: value('SubjectDomainName'),
    id: value('SubjectUserSid'),
  });
}

function isoFromSysmonTime(text: string | undefined): string | undefined {
  const match = text === undefined ? null : SYSMON_UTC_TIME.exec(text);
  return match === null ? undefined : `${match[1]}T${match[2]}Z`;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('\\') + 1);
}

function decimal(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

// 4688 writes process ids in hexadecimal (`0x1fc`).
function hexadecimal(text: string | undefined): number | undefined {
  return text !== undefined && /^0x[0-9a-f]+$/i.test(text)
    ? Number.parseInt(text.slice(2), 16)
    : undefined;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

/** Drops undefined fields and empty objects, so absent stays absent. */
function compact(fields: {
  [key: string]: EcsDocument[string] | undefined;
}): EcsDocument {
  const document: EcsDocument = {};
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined || isEmptyObject(value)) continue;
    document[key] = value;
  }
  return document;
}

function isEmptyObject(value: EcsDocument[string]): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}
