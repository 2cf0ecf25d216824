import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DecodeResult } from '../../lambda/decoders/types';
import type { EcsDocument } from '../../lambda/ecs/EcsDocument';

const FIXTURES = fileURLToPath(
  new URL('../fixtures/decoders/', import.meta.url),
);

/** The text of a fixture under test/fixtures/decoders/. */
export function readFixture(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}

/** The non-empty lines of a fixture, with their line numbers from 1. */
export function readFixtureLines(
  path: string,
): { line: string; number: number }[] {
  return readFixture(path)
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter((entry) => entry.line.trim() !== '');
}

/** Feeds a buffer to a stream decoder in chunks of `size` bytes. */
export async function* chunksOf(
  bytes: Buffer,
  size: number,
): AsyncIterable<Buffer> {
  for (let start = 0; start < bytes.length; start += size) {
    yield bytes.subarray(start, start + size);
  }
}

/** Collects an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** The ECS event of a result, failing the test when it is anything else. */
export function eventOf(result: DecodeResult | undefined): EcsDocument {
  if (result?.kind !== 'event') {
    throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  }
  return result.event;
}

/** The reason of a malformed result, failing the test otherwise. */
export function reasonOf(result: DecodeResult | undefined): string {
  if (result?.kind !== 'malformed') {
    throw new Error(
      `expected a malformed record, got ${JSON.stringify(result)}`,
    );
  }
  return result.record.reason;
}

/** Reads a dotted path (`process.parent.name`) through nested objects. */
export function field(document: EcsDocument, path: string): unknown {
  let value: unknown = document;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
