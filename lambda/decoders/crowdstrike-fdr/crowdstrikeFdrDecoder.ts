import type { SourceRef } from '../../ecs/EcsDocument';
import { integer, text } from '../common/fields';
import { firstJsonObject } from '../common/firstJsonObject';
import { malformed, skipped } from '../common/malformed';
import { type JsonObject, parseJsonObject } from '../common/parseJsonObject';
import { processStartEvent } from '../common/processStartEvent';
import { isoFromEpochMillis, isoFromEpochSeconds } from '../common/timestamps';
import type { DecodeResult, LineDecoder } from '../types';

const PROCESS_STARTS = new Set(['ProcessRollup2', 'SyntheticProcessRollup2']);
// FDR writes compact JSON; this finds the event name without parsing the
// record, so that the many non-process records cost one regex each.
const SIMPLE_NAME = /"event_simpleName"\s*:\s*"([^"\\]*)"/;
const OS_TYPES: Readonly<Record<string, string>> = {
  Win: 'windows',
  Mac: 'macos',
  Lin: 'linux',
};
const HASH_FIELDS = [
  ['MD5HashData', 'md5'],
  ['SHA1HashData', 'sha1'],
  ['SHA256HashData', 'sha256'],
] as const;
const ALL_ZEROS = /^0*$/;
const ID_DIGITS = {
  TargetProcessId: /"TargetProcessId"\s*:\s*(\d+)/,
  ParentProcessId: /"ParentProcessId"\s*:\s*(\d+)/,
} as const;

/**
 * CrowdStrike Falcon Data Replicator: NDJSON, every value a string.
 * `ProcessRollup2` and `SyntheticProcessRollup2` become process starts with
 * the fields Elastic's `crowdstrike.fdr` pipeline gives them; other events
 * are skipped. Records from `aidmaster` objects (an `aid` and a
 * `ComputerName`, no `event_simpleName`) become host-name facts, since
 * process events carry no host name.
 *
 * A record whose `event_simpleName` names another event is skipped without
 * being parsed, so a corrupt line of that kind is counted as skipped, not
 * malformed.
 */
export const crowdstrikeFdrDecoder: LineDecoder = {
  kind: 'lines',
  name: 'crowdstrike-fdr',
  sniff: looksLikeFdr,
  decode: decodeFdrLine,
};

function decodeFdrLine(line: string, source: SourceRef): DecodeResult {
  const simpleName = SIMPLE_NAME.exec(line)?.[1];
  if (simpleName !== undefined && !PROCESS_STARTS.has(simpleName)) {
    return skipped(source);
  }
  const parsed = parseJsonObject(line);
  if (!parsed.ok) return malformed(source, parsed.reason);
  const record = parsed.value;
  const name = text(record, 'event_simpleName');
  if (name === undefined) return toHostFact(record, source);
  if (!PROCESS_STARTS.has(name)) return skipped(source);
  return toProcessStart(record, line, name, source);
}

function toProcessStart(
  record: JsonObject,
  line: string,
  action: string,
  source: SourceRef,
): DecodeResult {
  const aid = text(record, 'aid');
  if (aid === undefined || aid === '') return malformed(source, 'no aid');
  const timestamp = isoFromEpochMillis(record.timestamp);
  if (timestamp === undefined) {
    return malformed(
      source,
      `timestamp in no known form: ${String(record.timestamp)}`,
    );
  }
  const event = processStartEvent({
    timestamp,
    module: 'crowdstrike',
    dataset: 'crowdstrike.fdr',
    action,
    eventId: eventId(record, aid),
    host: {
      id: aid,
      name: text(record, 'ComputerName'),
      osType: OS_TYPES[text(record, 'event_platform') ?? ''],
    },
    process: {
      executable: text(record, 'ImageFileName'),
      commandLine: text(record, 'CommandLine'),
      pid: integer(record.RawProcessId),
      entityId: exactId(record, line, 'TargetProcessId'),
      start: isoFromEpochSeconds(text(record, 'ProcessStartTime')),
      hash: hashes(record),
    },
    parent: {
      name: text(record, 'ParentBaseFileName'),
      entityId: exactId(record, line, 'ParentProcessId'),
    },
    user: {
      // Elastic's pipeline takes UID (macOS, Linux) and falls back to
      // UserSid only when UID is empty; a record with both keeps the UID.
      id: text(record, 'UID') || text(record, 'UserSid'),
      name: text(record, 'UserName'),
    },
  });
  return { kind: 'event', event, source };
}

function toHostFact(record: JsonObject, source: SourceRef): DecodeResult {
  const hostId = text(record, 'aid');
  const hostName = text(record, 'ComputerName');
  if (!hostId || !hostName) return skipped(source);
  return { kind: 'host', hostId, hostName, source };
}

// FDR writes ids as strings. Should a converted export write one as a JSON
// number past 2^53, JSON.parse has already rounded it: the digits are then
// read back from the line itself.
function exactId(
  record: JsonObject,
  line: string,
  key: keyof typeof ID_DIGITS,
): string | undefined {
  const value = record[key];
  if (typeof value !== 'number' || Number.isSafeInteger(value)) {
    return text(record, key);
  }
  const digits = ID_DIGITS[key].exec(line)?.[1];
  return digits ?? String(value);
}

// Elastic's pipeline joins the event id with the sensor and customer ids,
// which makes it unique across tenants.
function eventId(record: JsonObject, aid: string): string | undefined {
  const id = text(record, 'id');
  if (id === undefined) return undefined;
  const cid = text(record, 'cid');
  return cid === undefined ? `${id}|${aid}` : `${id}|${aid}|${cid}`;
}

function hashes(record: JsonObject): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, algorithm] of HASH_FIELDS) {
    const value = text(record, key);
    if (value !== undefined && !ALL_ZEROS.test(value)) found[algorithm] = value;
  }
  return found;
}

function looksLikeFdr(lines: readonly string[]): boolean {
  const record = firstJsonObject(lines);
  if (record === undefined) return false;
  if (typeof record.aid !== 'string') return false;
  return 'event_simpleName' in record || 'ComputerName' in record;
}
