import type {
  AlertClaim,
  GroupRecord,
  StateStore,
} from '../../../lambda/aws/StateStore';

/**
 * Lets several stores meet: each holds its first state read until all
 * have made theirs, so that every invocation reads before any writes.
 */
export class Rendezvous {
  readonly #expected: number;
  #arrived = 0;
  #open: () => void = () => {};
  readonly #opened: Promise<void>;

  constructor(expected: number) {
    this.#expected = expected;
    this.#opened = new Promise((resolve) => {
      this.#open = resolve;
    });
  }

  async arrive(): Promise<void> {
    this.#arrived += 1;
    if (this.#arrived === this.#expected) this.#open();
    await this.#opened;
  }
}

/**
 * A state store that pauses after its first read of sequence state until
 * its partners have read too, forcing the interleaving read, read, write,
 * write that optimistic concurrency must survive.
 */
export class PausingStore implements StateStore {
  readonly #inner: StateStore;
  readonly #meeting: Rendezvous;
  #paused = false;

  constructor(inner: StateStore, meeting: Rendezvous) {
    this.#inner = inner;
    this.#meeting = meeting;
  }

  async readGroups(pks: readonly string[]): Promise<Map<string, GroupRecord>> {
    const read = await this.#inner.readGroups(pks);
    if (!this.#paused) {
      this.#paused = true;
      await this.#meeting.arrive();
    }
    return read;
  }

  writeGroup(record: GroupRecord, expected: number): Promise<boolean> {
    return this.#inner.writeGroup(record, expected);
  }

  deleteGroup(pk: string, expected: number): Promise<boolean> {
    return this.#inner.deleteGroup(pk, expected);
  }

  claimAlert(
    alertId: string,
    now: number,
    until: number,
    expiresAt: number,
  ): Promise<AlertClaim> {
    return this.#inner.claimAlert(alertId, now, until, expiresAt);
  }

  markAlertSent(alertId: string, expiresAt: number): Promise<void> {
    return this.#inner.markAlertSent(alertId, expiresAt);
  }

  releaseAlert(alertId: string): Promise<void> {
    return this.#inner.releaseAlert(alertId);
  }

  readHostNames(ids: readonly string[]): Promise<Map<string, string>> {
    return this.#inner.readHostNames(ids);
  }

  writeHostNames(
    hosts: ReadonlyMap<string, string>,
    expiresAt: number,
  ): Promise<void> {
    return this.#inner.writeHostNames(hosts, expiresAt);
  }
}
