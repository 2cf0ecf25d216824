import type { SourceRef } from '../../ecs/EcsDocument';
import { text } from '../common/fields';
import { malformed, skipped } from '../common/malformed';
import { isJsonObject, type JsonObject } from '../common/parseJsonObject';
import type { DecodeResult } from '../types';
import {
  isWindowsProcessStart,
  type WindowsRecord,
  windowsProcessStart,
} from '../windows/windowsProcessStart';

/**
 * Maps one parsed winlogbeat or Elastic Agent document that no ingest
 * pipeline has touched (the event in `winlog`): Sysmon event 1 and Security
 * event 4688 become process starts as Elastic's pipelines map them; other
 * events are skipped. Shared by the `winlogbeat-raw` line format and by the
 * ECS formats, whose arrays and search hits may hold such documents.
 */
export function decodeWinlogbeatDocument(
  document: JsonObject,
  source: SourceRef,
): DecodeResult {
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
  document: JsonObject,
  winlog: JsonObject,
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
