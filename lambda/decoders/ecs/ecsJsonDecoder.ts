import type { SourceRef } from '../../ecs/EcsDocument';
import { malformed } from '../common/malformed';
import { parseJsonObject } from '../common/parseJsonObject';
import { JsonArraySplitter, type SplitItem } from '../json/JsonArraySplitter';
import type { DecodeResult, StreamDecoder } from '../types';
import {
  firstSignificantByte,
  isSearchResponseStart,
  type JsonTextShape,
  jsonTextShape,
  opensPrettyObject,
} from './jsonTextShape';
import { toEcsResult } from './toEcsResult';

const SEARCH_HITS_PATH = ['hits', 'hits'] as const;
// One document is split as the only element of an array around it, so
// that it gets the splitter's streaming and size limit. The opening bracket
// is fed in front of the input and shifts every offset by one.
const OPEN_BRACKET = Buffer.from('[');
const CLOSE_BRACKET = Buffer.from(']');

/**
 * ECS documents inside one JSON text: a top-level array of documents (or of
 * search hits), an Elasticsearch `_search` response, whose documents are
 * `hits.hits[]._source`, or a single document pretty-printed over many
 * lines (Elastic's `sample_event.json`). Streams: one document is held at a
 * time, and none past the record size limit. Documents are kept as they
 * are, as in the `ecs` line format.
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
  let splitter: ShapedSplitter | undefined;
  let head = Buffer.alloc(0);
  for await (const chunk of input) {
    if (splitter !== undefined) {
      yield* results(splitter, splitter.push(chunk), object);
      continue;
    }
    // The shape may need more than one chunk (a first key cut in two).
    head = Buffer.concat([head, chunk]);
    const shape = jsonTextShape(head, false);
    if (shape === undefined) continue;
    splitter = new ShapedSplitter(shape);
    yield* results(splitter, splitter.push(head), object);
  }
  if (splitter === undefined) {
    if (firstSignificantByte(head) === undefined) {
      yield malformed({ object }, 'empty input: no JSON document');
      return;
    }
    splitter = new ShapedSplitter(jsonTextShape(head, true) ?? 'document');
    yield* results(splitter, splitter.push(head), object);
  }
  yield* results(splitter, splitter.end(), object);
}

function* results(
  splitter: ShapedSplitter,
  items: readonly SplitItem[],
  object: string,
): Iterable<DecodeResult> {
  for (const item of items) yield toResult(item, splitter.offsetShift, object);
}

/** The array splitter, set up for the shape of the text. */
class ShapedSplitter {
  readonly offsetShift: number;
  readonly #splitter: JsonArraySplitter;
  readonly #isDocument: boolean;

  constructor(shape: JsonTextShape) {
    this.#isDocument = shape === 'document';
    this.#splitter = new JsonArraySplitter(
      shape === 'search-response' ? SEARCH_HITS_PATH : [],
    );
    this.offsetShift = this.#isDocument ? OPEN_BRACKET.length : 0;
    if (this.#isDocument) this.#splitter.push(OPEN_BRACKET);
  }

  push(chunk: Buffer): SplitItem[] {
    return this.#splitter.push(chunk);
  }

  end(): SplitItem[] {
    if (!this.#isDocument) return this.#splitter.end();
    return [...this.#splitter.push(CLOSE_BRACKET), ...this.#splitter.end()];
  }
}

function toResult(
  item: SplitItem,
  offsetShift: number,
  object: string,
): DecodeResult {
  const source: SourceRef = {
    object,
    record: item.index + 1,
    line: item.line,
    offset: Math.max(0, item.offset - offsetShift),
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
  return isSearchResponseStart(head) || opensPrettyObject(head);
}
