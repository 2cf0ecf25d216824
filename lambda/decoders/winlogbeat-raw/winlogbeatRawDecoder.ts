import type { SourceRef } from '../../ecs/EcsDocument';
import { firstJsonObject } from '../common/firstJsonObject';
import { malformed, skipped } from '../common/malformed';
import { parseJsonObject } from '../common/parseJsonObject';
import type { DecodeResult, LineDecoder } from '../types';
import { decodeWinlogbeatDocument } from './decodeWinlogbeatDocument';
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
  return decodeWinlogbeatDocument(parsed.value, source);
}

function looksLikeRawWinlogbeat(lines: readonly string[]): boolean {
  const document = firstJsonObject(lines);
  return document !== undefined && isRawWinlogbeat(document);
}
