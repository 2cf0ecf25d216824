import { advance } from '../../lambda/engine/advance';
import type { KeyState } from '../../lambda/engine/KeyState';
import type { AdvanceOptions, Candidate } from '../../lambda/engine/types';
import type { QueryNode } from '../../lambda/eql/ast';
import type {
  CompiledSample,
  CompiledSequence,
  CompiledStage,
} from '../../lambda/eql/CompiledQuery';

/** The stages of a hand-built query: `'A'` is positive, `'!M'` missing. */
export type StageSpec = string;

const anyEvent = () => true;

function stageOf(spec: StageSpec): CompiledStage {
  return {
    filter: anyEvent,
    keys: [],
    runs: 1,
    missing: spec.startsWith('!'),
  };
}

/**
 * A sequence whose stage membership the tests give directly on each
 * candidate, so the filters are never consulted.
 */
export function sequenceOf(
  stages: readonly StageSpec[],
  options: { maxspanMs?: number | null; until?: boolean } = {},
): CompiledSequence {
  return {
    kind: 'sequence',
    stages: stages.map(stageOf),
    until: options.until ? stageOf('until') : null,
    maxspanMs: options.maxspanMs ?? null,
    pipes: [],
    ast: {} as QueryNode,
  };
}

/** A sample with `filters` filters. */
export function sampleOf(filters: number): CompiledSample {
  return {
    kind: 'sample',
    stages: Array.from({ length: filters }, () => stageOf('F')),
    pipes: [],
    ast: {} as QueryNode,
  };
}

/**
 * A candidate named `id` at `timestamp` ms satisfying `stages`. The name
 * doubles as the input line so that equal times keep the written order.
 */
export function cand(
  id: string,
  timestamp: number,
  stages: readonly number[],
  extra: Partial<Candidate> = {},
): Candidate {
  return {
    id,
    timestamp,
    tiebreaker: null,
    source: { object: 'test.ndjson', line: timestamp },
    stages,
    event: { id },
    ...extra,
  };
}

/** The ids of each match, for readable assertions. */
export function ids(matches: readonly { events: readonly Candidate[] }[]) {
  return matches.map((match) => match.events.map((event) => event.id));
}

/** One call: the candidates that arrive and the clock at that moment. */
export interface Arrival {
  readonly now: number;
  readonly candidates: readonly Candidate[];
}

/**
 * Feeds the arrivals one call each, passing the state through a JSON round
 * trip as DynamoDB would, and returns every reported match's ids.
 */
export function feed(
  query: CompiledSequence | CompiledSample,
  arrivals: readonly Arrival[],
  options: Omit<AdvanceOptions, 'now'> & { finalAt?: number } = {
    latenessMs: 60_000,
  },
): { matches: string[][]; state: KeyState | null; late: string[] } {
  let state: KeyState | null = null;
  const matches: string[][] = [];
  const late: string[] = [];
  const calls: Arrival[] = [...arrivals];
  if (options.finalAt !== undefined) {
    calls.push({ now: options.finalAt, candidates: [] });
  }
  for (const [index, arrival] of calls.entries()) {
    const isFinal = options.finalAt !== undefined && index === calls.length - 1;
    const result = advance(query, ['k'], state, arrival.candidates, {
      ...options,
      now: arrival.now,
      final: isFinal,
    });
    matches.push(...ids(result.matches));
    late.push(...result.late.map((c) => c.id));
    state = result.state ? JSON.parse(JSON.stringify(result.state)) : null;
  }
  return { matches, state, late };
}
