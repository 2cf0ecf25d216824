import type { EcsDocument, EcsValue } from '../ecs/EcsDocument';

/**
 * A reader for one dotted field path, built once and reused for every event.
 * It returns the value at the path, or undefined when the event lacks it.
 */
export type FieldReader = (event: EcsDocument) => EcsValue | undefined;

const readers = new Map<string, FieldReader>();
const MAX_CACHED_READERS = 4096;

/**
 * Reads a field by its dotted path, resolving nested objects and flat dotted
 * keys alike: `process.parent.name` is found in
 * `{"process": {"parent": {"name": "x"}}}`, in `{"process.parent.name": "x"}`
 * and in mixes such as `{"process": {"parent.name": "x"}}`. An array of
 * objects on the way contributes the field of each element, the way
 * Elasticsearch flattens object arrays.
 *
 * When the same path is present both flat and nested, the first match wins,
 * trying the shortest key at each level first.
 *
 * @example
 * getField({ 'host.id': 'h1' }, 'host.id'); // 'h1'
 * getField({ host: { id: 'h1' } }, 'host.id'); // 'h1'
 */
export function getField(
  event: EcsDocument,
  path: string,
): EcsValue | undefined {
  let reader = readers.get(path);
  if (!reader) {
    reader = makeFieldReader(path);
    if (readers.size >= MAX_CACHED_READERS) readers.clear();
    readers.set(path, reader);
  }
  return reader(event);
}

/**
 * Builds a reader for one dotted path. The keys for every run of segments
 * are joined once here, so reading an event allocates nothing on the common
 * paths.
 */
export function makeFieldReader(path: string): FieldReader {
  const segments = path.split('.');
  const keys: string[][] = segments.map((_, start) =>
    segments
      .slice(start)
      .map((__, i) => segments.slice(start, start + i + 1).join('.')),
  );
  return (event) => resolveFrom(event, keys, 0);
}

function resolveFrom(
  node: { [key: string]: EcsValue },
  keys: string[][],
  start: number,
): EcsValue | undefined {
  const candidates = keys[start] ?? [];
  for (let i = 0; i < candidates.length; i++) {
    const key = candidates[i] as string;
    if (!Object.hasOwn(node, key)) continue;
    const value = node[key] as EcsValue;
    const next = start + i + 1;
    if (next === keys.length) return value;
    const found = descend(value, keys, next);
    if (found !== undefined) return found;
  }
  return undefined;
}

function descend(
  value: EcsValue,
  keys: string[][],
  start: number,
): EcsValue | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (!Array.isArray(value)) return resolveFrom(value, keys, start);
  const collected: EcsValue[] = [];
  for (const element of value) {
    const found = descend(element, keys, start);
    if (found === undefined) continue;
    if (Array.isArray(found)) collected.push(...found);
    else collected.push(found);
  }
  return collected.length > 0 ? collected : undefined;
}
