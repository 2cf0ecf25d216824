/**
 * What a JSON text holding ECS documents is, from its first bytes: a
 * top-level array of documents, an Elasticsearch `_search` response, or one
 * document (an object that is not a response, pretty-printed over many
 * lines as Elastic's `sample_event.json` files are).
 */
export type JsonTextShape = 'array' | 'search-response' | 'document';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/** How many bytes `jsonTextShape` needs at most to decide. */
export const SHAPE_HEAD_BYTES = 4096;
// A `_search` response starts with `took`/`timed_out`/`_shards` or, from
// some clients, directly with `hits`.
const SEARCH_RESPONSE_START =
  /^\s*\{\s*"(?:took|timed_out|_shards|hits|_scroll_id|pit_id)"/;
// An object whose first key (or first non-key byte) has been read in full.
const OBJECT_FIRST_TOKEN = /^\s*\{\s*(?:"(?:[^"\\]|\\.)*"|[^\s"])/;

/**
 * The shape of a JSON text from its first bytes, or undefined while more
 * bytes are needed to tell (the first key is not complete yet). With
 * `complete` set, or once `SHAPE_HEAD_BYTES` are there, it always decides.
 * A text that starts with neither `[` nor `{` counts as a search response,
 * so that the splitter reports that it found no `hits.hits` in it.
 */
export function jsonTextShape(
  head: Buffer,
  complete: boolean,
): JsonTextShape | undefined {
  const first = firstSignificantByte(head);
  if (first === '[') return 'array';
  if (first === 'other') return 'search-response';
  const text = stripBom(
    head.toString('utf8', 0, Math.min(head.length, SHAPE_HEAD_BYTES)),
  );
  if (SEARCH_RESPONSE_START.test(text)) return 'search-response';
  if (OBJECT_FIRST_TOKEN.test(text)) return 'document';
  const decided = complete || head.length >= SHAPE_HEAD_BYTES;
  if (first === undefined) return decided ? 'search-response' : undefined;
  return decided ? 'document' : undefined;
}

/** True when the head opens with a `_search` response's first key. */
export function isSearchResponseStart(head: Buffer): boolean {
  const text = head.toString('utf8', 0, Math.min(head.length, 4096));
  return SEARCH_RESPONSE_START.test(stripBom(text));
}

/**
 * True when the first non-empty line of the head is a lone `{`: how
 * `JSON.stringify(value, null, 2)`, `jq` and Python's `json.dump` with an
 * indent start an object. NDJSON never does, since its first line is a
 * whole object, so this tells a pretty-printed document from NDJSON.
 */
export function opensPrettyObject(head: Buffer): boolean {
  const text = stripBom(
    head.toString('utf8', 0, Math.min(head.length, SHAPE_HEAD_BYTES)),
  );
  const firstLine = text.split('\n').find((line) => line.trim() !== '');
  return firstLine?.trim() === '{';
}

/** The first byte past a byte-order mark and whitespace, by kind. */
export function firstSignificantByte(
  chunk: Buffer,
): '[' | '{' | 'other' | undefined {
  // A head shorter than the mark may hold only the mark's first bytes.
  const markBytes = Math.min(chunk.length, UTF8_BOM.length);
  const start = UTF8_BOM.slice(0, markBytes).every(
    (byte, i) => chunk[i] === byte,
  )
    ? markBytes
    : 0;
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
