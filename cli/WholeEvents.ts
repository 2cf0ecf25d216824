import { formatSourceRef } from '../lambda/alerts/formatSourceRef';
import type { DecodeResult } from '../lambda/decoders/types';
import type { EcsDocument } from '../lambda/ecs/EcsDocument';
import type { Candidate } from '../lambda/engine/types';
import type { CompiledQuery } from '../lambda/eql/CompiledQuery';

/**
 * The whole decoded events an event query matched in the file being read,
 * by where they came from. The detector hands back candidates that carry
 * only the fields alerts show; a hunter wants the whole event. Only events
 * that pass the query's filter are kept, and only until the file is done,
 * so memory follows the matches of one file.
 */
export class WholeEvents {
  private readonly events = new Map<string, EcsDocument>();

  constructor(private readonly query: CompiledQuery) {}

  /** Keeps a decoded event if the query could match it. */
  readonly keep = (result: DecodeResult): void => {
    if (result.kind !== 'event' || this.query.kind !== 'event') return;
    if (!this.query.filter(result.event)) return;
    this.events.set(formatSourceRef(result.source), result.event);
  };

  /** The whole event behind a candidate, or the candidate's own fields. */
  of(candidate: Candidate): EcsDocument {
    return (
      this.events.get(formatSourceRef(candidate.source)) ?? candidate.event
    );
  }

  /** Forgets the file just read. */
  clear(): void {
    this.events.clear();
  }
}
