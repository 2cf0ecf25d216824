import type { SourceRef } from '../../ecs/EcsDocument';
import { text } from '../common/fields';
import { firstJsonObject } from '../common/firstJsonObject';
import { malformed, skipped } from '../common/malformed';
import { isJsonObject, parseJsonObject } from '../common/parseJsonObject';
import type { DecodeResult, LineDecoder } from '../types';
import {
  isWindowsProcessStart,
  type WindowsRecord,
  windowsProcessStart,
} from '../windows/windowsProcessStart';
import { isRawWinlogbeat } from './isRawWinlogbeat';

// winlogbeat writes compact JSON; this reads the event id without parsing,
// so that the many other Windows events cost one regex each. A line where
// it is not found is parsed and checked in full.
const EVENT_ID = /"event_id"\s*:\s*"?(\d+)"?/;
const PROCESS_START_IDS = new Set(['1', '4688']);

/**
 * winlogbeat or Elastic Agent output before any ingest pipeline: one JSON
 * document a line with the event in `winlog` (`channel`, `event_id`,
 * `event_data`). Sysmon event 1 and Security event 4688 become process
 * starts mapped as Elastic's pipelines map them; other events are skipped.
 */
export const winlogbeatRawDecoder: LineDecoder = {
  kind: 'lines',
  name: 'winlogbeat-raw',
  sniff: looksLikeRawWinlogbeat,
  decode: decodeWinlogbeatLine,
};

function decodeWinlogbeatLine(line: string, source: SourceRef): DecodeResult {
  const quickId = EVENT_ID.exec(line)?.[1];
  if (quickId !== undefined && !PROCESS_START_IDS.has(quickId)) {
    return skipped(source);
  }
  const parsed = parseJsonObject(line);
  if (!parsed.ok) return malformed(source, parsed.reason);
  const document = parsed.value;
  const winlog = document.winlog;
  if (!isJsonObject(winlog)) return malformed(source, 'no winlog object');
  const channel = text(winlog, 'channel');
  const eventId = text(winlog, 'event_id');
  if (!isWindowsProcessStart(channel, eventId)) return skipped(source);
  const outcome = windowsProcessStart(toWindowsRecord(document, winlog));
  if (outcome.kind === 'event') {
    return { kind: 'event', event: outcome.event, source };
  }
  if (outcome.kind === 'skipped') return skipped(source);
  return malformed(source, outcome.reason);
}

function toWindowsRecord(
  document: Record<string, unknown>,
  winlog: Record<string, unknown>,
): WindowsRecord {
  const host = isJsonObject(document.host) ? document.host : {};
  const user = isJsonObject(winlog.user) ? winlog.user : {};
  const dataStream = isJsonObject(document.data_stream)
    ? document.data_stream
    : {};
  return {
    channel: text(winlog, 'channel'),
    eventId: text(winlog, 'event_id'),
    timeCreated: text(document, '@timestamp'),
    computerName: text(winlog, 'computer_name'),
    userSid: text(user, 'identifier'),
    recordId: text(winlog, 'record_id'),
    eventData: stringValues(winlog.event_data),
    hostId: text(host, 'id'),
    hostName: text(host, 'name'),
    dataset: text(dataStream, 'dataset'),
  };
}

function stringValues(value: unknown): Record<string, string> {
  const strings: Record<string, string> = {};
  if (!isJsonObject(value)) return strings;
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') strings[key] = item;
    else if (typeof item === 'number') strings[key] = String(item);
  }
  return strings;
}

function looksLikeRawWinlogbeat(lines: readonly string[]): boolean {
  const document = firstJsonObject(lines);
  return document !== undefined && isRawWinlogbeat(document);
}
