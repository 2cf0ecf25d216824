import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EcsDocument } from '../../lambda/ecs/EcsDocument';
import { loadQuery } from '../../lambda/eql/index';

/**
 * One case of the replayable corpus in test/corpus/events: an event query,
 * events, and the indexes of the events it matches, written by hand from
 * the Elasticsearch EQL documentation. A case with `error` instead names
 * the error the query must raise when it loads.
 */
interface CorpusCase {
  readonly description: string;
  readonly query: string;
  readonly events?: readonly EcsDocument[];
  readonly expected?: readonly number[];
  readonly error?: string;
}

const directory = new URL('../corpus/events/', import.meta.url);
const files = readdirSync(directory).filter((name) => name.endsWith('.json'));

function readCases(file: string): CorpusCase[] {
  return JSON.parse(readFileSync(new URL(file, directory), 'utf8'));
}

function matchingIndexes(query: string, events: readonly EcsDocument[]) {
  const compiled = loadQuery(query);
  if (compiled.kind !== 'event') throw new Error('corpus holds event queries');
  return events.flatMap((event, index) =>
    compiled.filter(event) ? [index] : [],
  );
}

describe('the EQL corpus', () => {
  it('holds at least 120 cases', () => {
    const count = files.reduce((sum, file) => sum + readCases(file).length, 0);
    expect(count).toBeGreaterThanOrEqual(120);
  });

  for (const file of files) {
    describe(file, () => {
      for (const item of readCases(file)) {
        it(item.description, () => {
          if (item.error) {
            expect(() => loadQuery(item.query)).toThrow(
              expect.objectContaining({ name: item.error }),
            );
            return;
          }
          const events = item.events ?? [];
          expect(matchingIndexes(item.query, events)).toEqual(item.expected);
        });
      }
    });
  }
});
