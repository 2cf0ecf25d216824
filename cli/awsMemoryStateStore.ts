import type {
  AlertClaim,
  GroupRecord,
  StateStore,
} from '../lambda/aws/StateStore';

/**
 * The Lambda's state store kept in memory, for `detect s3://...` without
 * `--table`: state lives as long as the command runs.
 */
export class AwsMemoryStateStore implements StateStore {
  readonly #groups = new Map<string, GroupRecord>();
  readonly #alerts = new Map<string, { sent: boolean; until: number }>();
  readonly #hosts = new Map<string, string>();

  async readGroups(pks: readonly string[]): Promise<Map<string, GroupRecord>> {
    const found = new Map<string, GroupRecord>();
    for (const pk of pks) {
      const record = this.#groups.get(pk);
      if (record) found.set(pk, record);
    }
    return found;
  }

  async writeGroup(record: GroupRecord, expected: number): Promise<boolean> {
    if ((this.#groups.get(record.pk)?.version ?? 0) !== expected) return false;
    this.#groups.set(record.pk, record);
    return true;
  }

  async deleteGroup(pk: string, expected: number): Promise<boolean> {
    if ((this.#groups.get(pk)?.version ?? 0) !== expected) return false;
    this.#groups.delete(pk);
    return true;
  }

  async claimAlert(
    id: string,
    now: number,
    until: number,
  ): Promise<AlertClaim> {
    const gate = this.#alerts.get(id);
    if (gate?.sent) return 'sent';
    if (gate && gate.until >= now) return 'in-flight';
    this.#alerts.set(id, { sent: false, until });
    return 'claimed';
  }

  async markAlertSent(id: string): Promise<void> {
    this.#alerts.set(id, { sent: true, until: 0 });
  }

  async releaseAlert(id: string): Promise<void> {
    if (this.#alerts.get(id)?.sent === false) this.#alerts.delete(id);
  }

  async readHostNames(ids: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of ids) {
      const name = this.#hosts.get(id);
      if (name !== undefined) found.set(id, name);
    }
    return found;
  }

  async writeHostNames(hosts: ReadonlyMap<string, string>): Promise<void> {
    for (const [id, name] of hosts) this.#hosts.set(id, name);
  }
}
