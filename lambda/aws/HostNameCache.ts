import type { StateStore } from './StateStore';

/**
 * Host names by host id for the alerts of one invocation: names learnt from
 * objects in this invocation, then the table. A miss is remembered too, so
 * each id costs at most one read per invocation.
 */
export class HostNameCache {
  readonly #store: StateStore;
  readonly #names = new Map<string, string | null>();

  constructor(store: StateStore) {
    this.#store = store;
  }

  /** Adds names read from an object (CrowdStrike aidmaster records). */
  remember(names: ReadonlyMap<string, string>): void {
    for (const [id, name] of names) this.#names.set(id, name);
  }

  /** The known names among `ids`, reading the table for the unknown ones. */
  async lookup(ids: readonly string[]): Promise<Map<string, string>> {
    const unknown = ids.filter((id) => !this.#names.has(id));
    if (unknown.length > 0) {
      const found = await this.#store.readHostNames(unknown);
      for (const id of unknown) this.#names.set(id, found.get(id) ?? null);
    }
    const names = new Map<string, string>();
    for (const id of ids) {
      const name = this.#names.get(id);
      if (name) names.set(id, name);
    }
    return names;
  }
}
