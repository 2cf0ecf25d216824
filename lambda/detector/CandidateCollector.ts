import type { EcsDocument, SourceRef } from '../ecs/EcsDocument';
import { groupCandidates } from '../engine/groupCandidates';
import type { Candidate } from '../engine/types';
import { getField } from '../eql/fieldValue';
import { projectEvent } from './projectEvent';
import type { CandidateGroup, EventMatch, LoadedRule } from './types';

/** One decoded event with what identifies and orders it. */
export interface ScannedEvent {
  readonly event: EcsDocument;
  readonly id: string;
  readonly timestamp: number;
  readonly source: SourceRef;
}

/**
 * Evaluates every rule's filters on each event and collects the events that
 * satisfy one: per (rule, join key) for sequences and samples, as matches
 * for event queries. Candidates carry a projection of the event, not the
 * event itself.
 */
export class CandidateCollector {
  readonly groups = new Map<string, CandidateGroup>();
  readonly eventMatches: EventMatch[] = [];
  /** Candidates collected, each (rule, join key, event) once. */
  count = 0;
  readonly #rules: readonly LoadedRule[];

  constructor(rules: readonly LoadedRule[]) {
    this.#rules = rules;
  }

  /** Evaluates `scanned` against every rule. */
  add(scanned: ScannedEvent): void {
    let projected: EcsDocument | null = null;
    const project = () => {
      projected ??= projectEvent(scanned.event);
      return projected;
    };
    for (const rule of this.#rules) this.#addFor(rule, scanned, project);
  }

  #addFor(
    rule: LoadedRule,
    scanned: ScannedEvent,
    project: () => EcsDocument,
  ): void {
    const input = {
      ...scanned,
      tiebreaker: readTiebreaker(rule, scanned.event),
    };
    const query = rule.query;
    if (query.kind === 'event') {
      if (!query.filter(scanned.event)) return;
      const candidate = { ...input, stages: [0], event: project() };
      this.eventMatches.push({ rule, candidate });
      this.count += 1;
      return;
    }
    for (const [keyText, group] of groupCandidates(query, [input])) {
      const groupId = `${rule.rule.id}\u0000${keyText}`;
      let target = this.groups.get(groupId);
      if (target === undefined) {
        target = { groupId, rule, joinKey: group.joinKey, candidates: [] };
        this.groups.set(groupId, target);
      }
      for (const candidate of group.candidates) {
        target.candidates.push(withEvent(candidate, project()));
        this.count += 1;
      }
    }
  }
}

function withEvent(candidate: Candidate, event: EcsDocument): Candidate {
  return { ...candidate, event };
}

function readTiebreaker(
  rule: LoadedRule,
  event: EcsDocument,
): string | number | null {
  const field = rule.rule.tiebreakerField;
  if (field === null) return null;
  const value = getField(event, field);
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}
