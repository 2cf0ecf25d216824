import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EcsDocument } from '../../lambda/ecs/EcsDocument';
import { advance } from '../../lambda/engine/advance';
import {
  type EventInput,
  groupCandidates,
} from '../../lambda/engine/groupCandidates';
import { loadQuery } from '../../lambda/eql/index';

/**
 * One data file of test/corpus/sequences: an EQL sequence or sample, the
 * events it runs over (in the order written), and the matches expected,
 * each as the indexes of its events in stage order. The expectations were
 * written by hand from Elasticsearch's documented behaviour.
 */
interface CorpusCase {
  readonly description: string;
  readonly query: string;
  readonly events: readonly EcsDocument[];
  readonly expected: readonly (readonly number[])[];
  readonly maxSamplesPerKey?: number;
}

const folder = new URL('../corpus/sequences/', import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith('.json'));

function load(name: string): CorpusCase {
  return JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as CorpusCase;
}

function inputsOf(name: string, events: readonly EcsDocument[]): EventInput[] {
  return events.map((event, index) => ({
    event,
    id: String(index),
    timestamp: Date.parse(String(event['@timestamp'])),
    source: { object: name, line: index + 1 },
    tiebreaker: null,
  }));
}

/** Runs every key in one call that also ends the input, as the CLI does. */
function matchesOf(name: string, test: CorpusCase): number[][] {
  const query = loadQuery(test.query);
  if (query.kind === 'event') throw new Error(`${name}: not a sequence`);
  const inputs = inputsOf(name, test.events);
  const now = Math.max(...inputs.map((input) => input.timestamp));
  const found: number[][] = [];
  for (const group of groupCandidates(query, inputs).values()) {
    const result = advance(query, group.joinKey, null, group.candidates, {
      now,
      latenessMs: 24 * 3600_000,
      final: true,
      ...(test.maxSamplesPerKey
        ? { maxSamplesPerKey: test.maxSamplesPerKey }
        : {}),
    });
    for (const match of result.matches) {
      found.push(match.events.map((event) => Number(event.id)));
    }
  }
  return found;
}

const byText = (a: readonly number[], b: readonly number[]) =>
  a.join(',').localeCompare(b.join(','));

describe('the sequence corpus', () => {
  it('holds data files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const name of files) {
    const test = load(name);
    it(`${name}: ${test.description}`, () => {
      expect(matchesOf(name, test).sort(byText)).toEqual(
        [...test.expected].map((m) => [...m]).sort(byText),
      );
    });
  }
});
