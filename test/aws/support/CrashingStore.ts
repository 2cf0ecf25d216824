import type {
  AlertClaim,
  GroupRecord,
  StateStore,
} from '../../../lambda/aws/StateStore';

/**
 * A store that stands for an invocation dying right after it took an
 * alert's gate: the claim is written, then the call throws.
 */
export class CrashingStore implements StateStore {
  readonly #inner: StateStore;

  constructor(inner: StateStore) {
    this.#inner = inner;
  }

  async claimAlert(
    alertId: string,
    now: number,
    until: number,
    expiresAt: number,
  ): Promise<AlertClaim> {
    await this.#inner.claimAlert(alertId, now, until, expiresAt);
    throw new Error('invocation stopped after taking the gate (test)');
  }

  readGroups(pks: readonly string[]): Promise<Map<string, GroupRecord>> {
    return this.#inner.readGroups(pks);
  }

  writeGroup(record: GroupRecord, expected: number): Promise<boolean> {
    return this.#inner.writeGroup(record, expected);
  }

  deleteGroup(pk: string, expected: number): Promise<boolean> {
    return this.#inner.deleteGroup(pk, expected);
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
