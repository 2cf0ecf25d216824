import type { SourceRef } from '../../ecs/EcsDocument';
import { dottedField, dottedText } from '../common/dottedField';
import { integer } from '../common/fields';
import { firstJsonObject } from '../common/firstJsonObject';
import { malformed, skipped } from '../common/malformed';
import { type JsonObject, parseJsonObject } from '../common/parseJsonObject';
import {
  type ProcessFacts,
  processStartEvent,
} from '../common/processStartEvent';
import { splitDomainUser } from '../common/splitDomainUser';
import { isoFromEpochMillis, utcIso } from '../common/timestamps';
import type { DecodeResult, LineDecoder } from '../types';

// Cloud Funnel 2.0 names the event `Process Creation`; older exports and
// Elastic's samples write `ProcessCreation`, with meta.event.name
// `PROCESSCREATION`. A line with none of these cannot be a process start.
const PROCESS_CREATION_TEXT = /"(?:Process ?Creation|PROCESSCREATION)"/;
const PROCESS_CREATION_TYPES = new Set(['Process Creation', 'ProcessCreation']);
const OS_TYPES = new Set(['windows', 'linux', 'macos', 'ios', 'android']);

/**
 * SentinelOne Cloud Funnel (Deep Visibility) NDJSON with flat dotted keys.
 * Process creations become process starts: the new process is
 * `tgt.process.*`, its parent `src.process.*`, the host `agent.uuid`, the
 * time `event.time` (epoch milliseconds).
 *
 * Unlike Elastic's `sentinel_one_cloud_funnel` pipeline, which removes a
 * quote at each end of a command line before splitting it (so that
 * `"C:\a b.exe" "x y"` becomes `C:\a b.exe" "x` and splits wrongly), the
 * command line is kept and split exactly as written.
 */
export const sentinelOneCloudFunnelDecoder: LineDecoder = {
  kind: 'lines',
  name: 'sentinelone-cloud-funnel',
  sniff: looksLikeCloudFunnel,
  decode: decodeCloudFunnelLine,
};

function decodeCloudFunnelLine(line: string, source: SourceRef): DecodeResult {
  if (!PROCESS_CREATION_TEXT.test(line)) return skipped(source);
  const parsed = parseJsonObject(line);
  if (!parsed.ok) return malformed(source, parsed.reason);
  const record = parsed.value;
  if (!isProcessCreation(record)) return skipped(source);
  const hostId = dottedText(record, 'agent.uuid');
  if (!hostId) return malformed(source, 'no agent.uuid');
  const time = dottedField(record, 'event.time');
  const timestamp = toTimestamp(time);
  if (timestamp === undefined) {
    return malformed(source, `event.time in no known form: ${String(time)}`);
  }
  const osType = dottedText(record, 'endpoint.os');
  const event = processStartEvent({
    timestamp,
    module: 'sentinel_one_cloud_funnel',
    dataset: 'sentinel_one_cloud_funnel.event',
    action: 'start',
    eventId: dottedText(record, 'event.id'),
    host: {
      id: hostId,
      name: dottedText(record, 'endpoint.name'),
      osType: osType !== undefined && OS_TYPES.has(osType) ? osType : undefined,
    },
    process: processFacts(record, 'tgt.process'),
    parent: processFacts(record, 'src.process'),
    // Elastic takes the user from the creating process, as here.
    user: splitDomainUser(dottedText(record, 'src.process.user')),
  });
  return { kind: 'event', event, source };
}

function isProcessCreation(record: JsonObject): boolean {
  const type = dottedText(record, 'event.type');
  if (type !== undefined && PROCESS_CREATION_TYPES.has(type)) return true;
  return dottedText(record, 'meta.event.name') === 'PROCESSCREATION';
}

function processFacts(record: JsonObject, prefix: string): ProcessFacts {
  const hash: Record<string, string> = {};
  for (const algorithm of ['md5', 'sha1', 'sha256']) {
    const value = dottedText(record, `${prefix}.image.${algorithm}`);
    if (value) hash[algorithm] = value;
  }
  return {
    name: dottedText(record, `${prefix}.name`),
    executable: dottedText(record, `${prefix}.image.path`),
    commandLine: dottedText(record, `${prefix}.cmdline`),
    pid: integer(dottedField(record, `${prefix}.pid`)),
    entityId: dottedText(record, `${prefix}.uid`),
    start: toTimestamp(dottedField(record, `${prefix}.startTime`)),
    hash,
  };
}

function toTimestamp(value: unknown): string | undefined {
  if (typeof value === 'string' && value.includes('-')) return utcIso(value);
  return isoFromEpochMillis(value);
}

function looksLikeCloudFunnel(lines: readonly string[]): boolean {
  const record = firstJsonObject(lines);
  if (record === undefined) return false;
  return 'agent.uuid' in record && 'event.time' in record;
}
