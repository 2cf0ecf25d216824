import type { StateStore } from './StateStore';

/**
 * Sequence state in a Map, for one command-line run. State that has
 * expired is swept after each file, so memory follows the number of open
 * sequences, not the number of hosts ever seen.
 */
export class MemoryStateStore<State> implements StateStore<State> {
  private readonly entries = new Map<
    string,
    { state: State; expiresAt: number | null }
  >();

  /** How many groups hold state now. */
  get size(): number {
    return this.entries.size;
  }

  async get(groupId: string): Promise<State | null> {
    return this.entries.get(groupId)?.state ?? null;
  }

  async put(
    groupId: string,
    state: State | null,
    expiresAt: number | null,
  ): Promise<void> {
    if (state === null) this.entries.delete(groupId);
    else this.entries.set(groupId, { state, expiresAt });
  }

  async sweep(now: number): Promise<void> {
    for (const [groupId, entry] of this.entries) {
      if (entry.expiresAt !== null && entry.expiresAt < now) {
        this.entries.delete(groupId);
      }
    }
  }
}
