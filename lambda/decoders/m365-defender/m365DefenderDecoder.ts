import type { SourceRef } from '../../ecs/EcsDocument';
import { integer, text } from '../common/fields';
import { firstJsonObject } from '../common/firstJsonObject';
import { malformed, skipped } from '../common/malformed';
import {
  isJsonObject,
  type JsonObject,
  parseJsonObject,
} from '../common/parseJsonObject';
import { processStartEvent } from '../common/processStartEvent';
import { isoMillis } from '../common/timestamps';
import type { DecodeResult, LineDecoder } from '../types';

const PROCESS_CATEGORY = 'AdvancedHunting-DeviceProcessEvents';
const PROCESS_CREATED = 'ProcessCreated';
const WINDOWS_PATH = /^(?:[A-Za-z]:\\|\\\\)/;

/**
 * Microsoft Defender for Endpoint streaming API exports: one
 * `{time, tenantId, category, properties}` record a line, or an Event Hubs
 * envelope `{"records": [...]}` holding many. `DeviceProcessEvents` records
 * with ActionType `ProcessCreated` become process starts; the rest are
 * skipped.
 *
 * Since a line may hold many records, use `decodeAll` (or `decodeLine`):
 * it returns one result per record, or a single `skipped` for a line that
 * mentions no process events at all. `decode` handles a line of one record
 * and reports a line of several as malformed rather than drop records.
 */
export const m365DefenderDecoder: LineDecoder = {
  kind: 'lines',
  name: 'm365-defender',
  sniff: looksLikeDefender,
  decode: decodeSingle,
  decodeAll: decodeDefenderLine,
};

function decodeDefenderLine(
  line: string,
  source: SourceRef,
): readonly DecodeResult[] {
  if (!line.includes(PROCESS_CATEGORY)) return [skipped(source)];
  const parsed = parseJsonObject(line);
  if (!parsed.ok) return [malformed(source, parsed.reason)];
  const records = parsed.value.records;
  if (records === undefined) return [decodeRecord(parsed.value, source)];
  if (!Array.isArray(records)) {
    return [malformed(source, 'records is not an array')];
  }
  return records.map((record, index) => {
    const at: SourceRef = { ...source, record: index + 1 };
    if (!isJsonObject(record)) return malformed(at, 'record is not an object');
    return decodeRecord(record, at);
  });
}

function decodeSingle(line: string, source: SourceRef): DecodeResult {
  const results = decodeDefenderLine(line, source);
  if (results.length === 1 && results[0] !== undefined) return results[0];
  if (results.length === 0) return skipped(source);
  return malformed(
    source,
    `line holds ${results.length} records; decode it with decodeAll`,
  );
}

function decodeRecord(record: JsonObject, source: SourceRef): DecodeResult {
  if (record.category !== PROCESS_CATEGORY) return skipped(source);
  const properties = record.properties;
  if (!isJsonObject(properties)) return malformed(source, 'no properties');
  if (properties.ActionType !== PROCESS_CREATED) return skipped(source);
  const hostId = text(properties, 'DeviceId');
  if (!hostId) return malformed(source, 'no DeviceId');
  const written = text(properties, 'Timestamp') ?? text(record, 'time');
  const timestamp = written === undefined ? undefined : isoMillis(written);
  if (timestamp === undefined) {
    return malformed(source, `Timestamp in no known form: ${String(written)}`);
  }
  const event = processStartEvent({
    timestamp,
    module: 'm365_defender',
    dataset: 'm365_defender.event',
    action: 'processcreated',
    host: {
      id: hostId,
      // Elastic's pipeline lowercases the device name; rules and alerts
      // compare host names as that pipeline writes them.
      name: text(properties, 'DeviceName')?.toLowerCase(),
      osType: windowsIfPath(text(properties, 'FolderPath')),
    },
    process: {
      name: text(properties, 'FileName'),
      executable: text(properties, 'FolderPath'),
      commandLine: text(properties, 'ProcessCommandLine'),
      pid: integer(properties.ProcessId),
      start: startTime(properties, 'ProcessCreationTime'),
      hash: hashes(properties, ''),
    },
    parent: {
      name: text(properties, 'InitiatingProcessFileName'),
      executable: text(properties, 'InitiatingProcessFolderPath'),
      commandLine: text(properties, 'InitiatingProcessCommandLine'),
      pid: integer(properties.InitiatingProcessId),
      start: startTime(properties, 'InitiatingProcessCreationTime'),
      hash: hashes(properties, 'InitiatingProcess'),
    },
    user: {
      id: text(properties, 'AccountSid'),
      name: text(properties, 'AccountName'),
      domain: text(properties, 'AccountDomain'),
    },
  });
  return { kind: 'event', event, source };
}

// Defender reports macOS and Linux devices in the same table and gives no
// OS field there; a drive-letter or UNC path is the sign of Windows.
function windowsIfPath(path: string | undefined): string | undefined {
  return path !== undefined && WINDOWS_PATH.test(path) ? 'windows' : undefined;
}

function startTime(properties: JsonObject, key: string): string | undefined {
  const value = text(properties, key);
  return value === undefined ? undefined : isoMillis(value);
}

function hashes(properties: JsonObject, prefix: string) {
  const found: Record<string, string> = {};
  for (const algorithm of ['MD5', 'SHA1', 'SHA256']) {
    const value = text(properties, `${prefix}${algorithm}`);
    if (value) found[algorithm.toLowerCase()] = value;
  }
  return found;
}

function looksLikeDefender(lines: readonly string[]): boolean {
  const line = firstJsonObject(lines);
  if (line === undefined) return false;
  const records = line.records;
  const record = Array.isArray(records) ? records[0] : line;
  return (
    isJsonObject(record) &&
    typeof record.category === 'string' &&
    record.category.startsWith('AdvancedHunting-') &&
    isJsonObject(record.properties)
  );
}
