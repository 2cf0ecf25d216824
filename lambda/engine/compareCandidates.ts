import type { Candidate } from './types';

/**
 * Orders candidates as Elasticsearch orders sequence hits: by `@timestamp`,
 * then by tiebreaker (a missing tiebreaker sorts last), then by position in
 * the input (object name, then line, record and byte offset), and finally by
 * id so that the order is total.
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    a.timestamp - b.timestamp ||
    compareTiebreakers(a.tiebreaker, b.tiebreaker) ||
    compareText(a.source.object, b.source.object) ||
    (a.source.line ?? -1) - (b.source.line ?? -1) ||
    (a.source.record ?? -1) - (b.source.record ?? -1) ||
    (a.source.offset ?? -1) - (b.source.offset ?? -1) ||
    compareText(a.id, b.id)
  );
}

function compareTiebreakers(
  a: string | number | null,
  b: string | number | null,
): number {
  if (a === b) return 0;
  // Elasticsearch puts a hit without a tiebreaker after any hit with one.
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // Mixed types cannot occur within one index mapping; numbers go first so
  // that the order stays total anyway.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
