import type { SourceRef } from '../../ecs/EcsDocument';
import { firstJsonObject } from '../common/firstJsonObject';
import { malformed } from '../common/malformed';
import { isJsonObject, parseJsonObject } from '../common/parseJsonObject';
import type { DecodeResult, LineDecoder } from '../types';
import { isRawWinlogbeat } from '../winlogbeat-raw/isRawWinlogbeat';
import { isSearchHit, toEcsResult } from './toEcsResult';

/**
 * ECS documents one per line, as Elastic Defend, Elastic Agent, winlogbeat
 * (after its ingest pipeline) and Endgame exports write them, or search hits
 * (`{"_index": ..., "_source": {...}}`) one per line, as `elasticdump` and
 * scroll exports write them.
 *
 * Every document with a valid `@timestamp` is passed on as it is, whatever
 * its category: it is already ECS, and the rules' own `process where`
 * conditions decide what matters.
 */
export const ecsDecoder: LineDecoder = {
  kind: 'lines',
  name: 'ecs',
  sniff: looksLikeEcsLines,
  decode: decodeEcsLine,
};

function decodeEcsLine(line: string, source: SourceRef): DecodeResult {
  const parsed = parseJsonObject(line);
  if (!parsed.ok) return malformed(source, parsed.reason);
  return toEcsResult(parsed.value, source);
}

function looksLikeEcsLines(lines: readonly string[]): boolean {
  const value = firstJsonObject(lines);
  if (value === undefined) return false;
  if (isSearchHit(value)) return isJsonObject(value._source);
  // winlogbeat before its ingest pipeline also has `@timestamp`, but it is
  // the winlogbeat-raw format, not ECS yet.
  return '@timestamp' in value && !isRawWinlogbeat(value);
}
