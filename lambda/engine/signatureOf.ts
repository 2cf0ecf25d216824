import type { Candidate } from './types';

/** The identity of a match or sample: its events' ids, in order. */
export function signatureOf(events: readonly Candidate[]): string {
  return events.map((event) => event.id).join('\n');
}
