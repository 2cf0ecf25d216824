import type { EcsDocument, SourceRef } from '../../ecs/EcsDocument';
import { malformed } from '../common/malformed';
import { isJsonObject, type JsonObject } from '../common/parseJsonObject';
import { isoFromEpochMillis, utcIso } from '../common/timestamps';
import type { DecodeResult } from '../types';
import { decodeWinlogbeatDocument } from '../winlogbeat-raw/decodeWinlogbeatDocument';
import { isRawWinlogbeat } from '../winlogbeat-raw/isRawWinlogbeat';

/**
 * Turns a parsed ECS document, or an Elasticsearch search hit wrapping one
 * in `_source`, into a decode result. The document is kept as it is, except
 * that an `@timestamp` written as epoch milliseconds (a number, which
 * Elasticsearch also accepts) becomes an ISO 8601 string, and one written
 * without a zone gets a `Z`: Elasticsearch reads a zone-less date as UTC,
 * where JavaScript would read it as local time. Every decoder thus hands
 * the engine the same form.
 *
 * A winlogbeat document that no ingest pipeline has mapped (the event still
 * in `winlog`, no `process`) is not ECS yet: it is mapped as the
 * `winlogbeat-raw` format maps it, so that an array or `_search` export of
 * such documents yields process starts rather than unmapped events.
 */
export function toEcsResult(
  parsed: JsonObject,
  source: SourceRef,
): DecodeResult {
  const document = unwrapHit(parsed);
  if (document === undefined) {
    return malformed(source, 'search hit without an object in _source');
  }
  if (isRawWinlogbeat(document)) {
    return decodeWinlogbeatDocument(document, source);
  }
  const timestamp = document['@timestamp'];
  if (timestamp === undefined) {
    return malformed(source, 'no @timestamp');
  }
  const iso =
    typeof timestamp === 'string'
      ? utcIso(timestamp)
      : isoFromEpochMillis(timestamp);
  if (iso === undefined) {
    return malformed(
      source,
      `@timestamp in no known form: ${String(timestamp)}`,
    );
  }
  if (iso === timestamp) {
    return { kind: 'event', event: document as EcsDocument, source };
  }
  const event = { ...(document as EcsDocument), '@timestamp': iso };
  return { kind: 'event', event, source };
}

/** True for a search hit: `_source` next to `_index` or `_id`. */
export function isSearchHit(value: JsonObject): boolean {
  return '_source' in value && ('_index' in value || '_id' in value);
}

function unwrapHit(value: JsonObject): JsonObject | undefined {
  if (!isSearchHit(value)) return value;
  const inner = value._source;
  return isJsonObject(inner) ? inner : undefined;
}
