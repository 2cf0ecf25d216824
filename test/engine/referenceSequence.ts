/**
 * A deliberately plain re-statement of how Elasticsearch evaluates a
 * sequence over a finished, sorted set of hits, written for the property
 * tests only and sharing no code with the matcher. Like TumblingWindow over
 * a single window, it takes the stages one after the other: all hits of
 * stage 0 first, then all hits of stage 1 against the sequences left by
 * stage 0, and so on; then it runs the missing-event searches.
 */

/** A hit: its id, time, position in the input, and the stages it satisfies. */
export interface RefEvent {
  readonly id: string;
  readonly ts: number;
  readonly line: number;
  readonly stages: readonly number[];
}

/** `P` is a positive stage, `M` a missing-event stage. */
export type RefRole = 'P' | 'M';

export function referenceSequences(
  roles: readonly RefRole[],
  hasUntil: boolean,
  maxspan: number,
  events: readonly RefEvent[],
): string[][] {
  const hits = [...events].sort((a, b) => a.ts - b.ts || a.line - b.line);
  const positives = roles.flatMap((role, i) => (role === 'P' ? [i] : []));
  const untilStage = roles.length;
  const groups: number[][][] = positives.map(() => []);
  const done: number[][] = [];
  positives.forEach((stage, p) => {
    hits.forEach((hit, i) => {
      if (!hit.stages.includes(stage)) return;
      if (p === 0) {
        if (positives.length === 1) done.push([i]);
        else groups[0]?.push([i]);
        return;
      }
      const group = groups[p - 1] as number[][];
      let found = -1;
      for (let j = 0; j < group.length; j++) {
        if ((group[j]?.at(-1) as number) < i) found = j;
        else break;
      }
      if (found < 0) return;
      const seq = group[found] as number[];
      group.splice(0, found + 1);
      const start = hits[seq[0] as number] as RefEvent;
      if (hit.ts - start.ts > maxspan) return;
      const last = seq.at(-1) as number;
      const untilBetween = hits.some(
        (u, k) =>
          hasUntil && u.stages.includes(untilStage) && k >= last && k < i,
      );
      if (untilBetween) return;
      if (p === positives.length - 1) done.push([...seq, i]);
      else groups[p]?.push([...seq, i]);
    });
  });
  return done
    .filter((seq) => passesMissing(roles, positives, maxspan, hits, seq))
    .map((seq) => seq.map((i) => (hits[i] as RefEvent).id));
}

function passesMissing(
  roles: readonly RefRole[],
  positives: readonly number[],
  maxspan: number,
  hits: readonly RefEvent[],
  seq: readonly number[],
): boolean {
  const timeAt = (p: number) => (hits[seq[p] as number] as RefEvent).ts;
  const first = positives[0] as number;
  const lastStage = positives.at(-1) as number;
  const startTs = timeAt(0);
  const lastTs = timeAt(positives.length - 1);
  let lastLeading: number | null = null;
  let firstTrailing: number | null = null;
  for (const [m, role] of roles.entries()) {
    if (role === 'P') continue;
    const matching = hits.filter((h) => h.stages.includes(m));
    if (m < first) {
      for (const h of matching) {
        if (h.ts < startTs && (lastLeading === null || h.ts > lastLeading)) {
          lastLeading = h.ts;
        }
      }
    } else if (m > lastStage) {
      for (const h of matching) {
        if (h.ts > lastTs && (firstTrailing === null || h.ts < firstTrailing)) {
          firstTrailing = h.ts;
        }
      }
    } else {
      const before = positives.filter((p) => p < m).length - 1;
      const low = timeAt(before);
      const high = timeAt(before + 1);
      if (matching.some((h) => h.ts > low && h.ts < high)) return false;
    }
  }
  const leading = roles[0] === 'M';
  const trailing = roles.at(-1) === 'M';
  const apart = (a: number | null, b: number | null) =>
    a === null || b === null || b - a > maxspan;
  return (
    (firstTrailing === null && lastLeading === null) ||
    (lastLeading === null && leading) ||
    (firstTrailing === null && trailing) ||
    (leading && trailing && apart(lastLeading, firstTrailing)) ||
    (leading && !trailing && apart(lastLeading, lastTs)) ||
    (!leading && trailing && apart(startTs, firstTrailing))
  );
}
