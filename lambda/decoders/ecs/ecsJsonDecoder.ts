import type { SourceRef } from '../../ecs/EcsDocument';
import { malformed } from '../common/malformed';
import { parseJsonObject } from '../common/parseJsonObject';
import { JsonArraySplitter, type SplitItem } from '../json/JsonArraySplitter';
import type { DecodeResult, StreamDecoder } from '../types';
import { toEcsResult } from './toEcsResult';

const SEARCH_HITS_PATH = ['hits', 'hits'] as const;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
// A `_search` response starts with `took`/`timed_out`/`_shards` or, from
// some clients, directly with `hits`.
const SEARCH_RESPONSE_START =
  /^\s*\{\s*"(?:took|timed_out|_shards|hits|_scroll_id|pit_id)"/;

/**
 * ECS documents inside one JSON text: a top-level array of documents (or of
 * search hits), or an Elasticsearch `_search` response, whose documents are
 * `hits.hits[]._source`. Streams: one array element is held at a time.
 * Documents are kept as they are, as in the `ecs` line format.
 */
export const ecsJsonDecoder: StreamDecoder = {
  kind: 'stream',
  name: 'ecs-json',
  sniff: looksLikeEcsJson,
  decode: decodeEcsJson,
};

async function* decodeEcsJson(
  input: AsyncIterable<Buffer>,
  object: string,
): AsyncIterable<DecodeResult> {
  let splitter: JsonArraySplitter | undefined;
  for await (const chunk of input) {
    if (splitter === undefined) {
      const first = firstSignificantByte(chunk);
      if (first === undefined) continue;
      splitter = new JsonArraySplitter(first === '[' ? [] : SEARCH_HITS_PATH);
    }
    for (const item of splitter.push(chunk)) yield toResult(item, object);
  }
  if (splitter === undefined) {
    yield malformed(
      { object },
      'empty input: no JSON array or _search response',
    );
    return;
  }
  for (const item of splitter.end()) yield toResult(item, object);
}

function toResult(item: SplitItem, object: string): DecodeResult {
  const source: SourceRef = {
    object,
    record: item.index + 1,
    line: item.line,
    offset: item.offset,
  };
  if (item.kind === 'error') return malformed(source, item.reason);
  const parsed = parseJsonObject(item.text);
  if (!parsed.ok) return malformed(source, parsed.reason);
  return toEcsResult(parsed.value, source);
}

function looksLikeEcsJson(head: Buffer): boolean {
  const first = firstSignificantByte(head);
  if (first === '[') return true;
  if (first !== '{') return false;
  const text = head.toString('utf8', 0, Math.min(head.length, 4096));
  return SEARCH_RESPONSE_START.test(stripBom(text));
}

function firstSignificantByte(chunk: Buffer): '[' | '{' | 'other' | undefined {
  let start = 0;
  if (UTF8_BOM.every((byte, i) => chunk[i] === byte)) start = 3;
  for (let i = start; i < chunk.length; i += 1) {
    const byte = chunk[i];
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) {
      continue;
    }
    if (byte === 0x5b) return '[';
    if (byte === 0x7b) return '{';
    return 'other';
  }
  return undefined;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
