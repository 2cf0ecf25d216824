import type { StateStore } from './StateStore';

/**
 * Sequence state in a Map, for one command-line run. Each rule and join key
 * keeps its state until the end of the run (the matcher bounds each state),
 * since with a clock per group no global time says a host is done.
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
}
