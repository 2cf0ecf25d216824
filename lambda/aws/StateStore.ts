import type { Alert } from '../alerts/Alert';
import type { KeyState } from '../engine/KeyState';

/**
 * One rule's state under one join key, as stored. `version` counts writes
 * and is 0 for an item that does not exist; `outbox` holds alerts that were
 * decided together with this state but are not yet confirmed published.
 */
export interface GroupRecord {
  readonly pk: string;
  readonly state: KeyState | null;
  readonly version: number;
  /** Epoch seconds; past it the state counts as absent. */
  readonly stateExpiresAt: number;
  /**
   * Epoch seconds, the TTL attribute: the later of the state's expiry and
   * the time an undelivered outbox is kept.
   */
  readonly expiresAt: number;
  readonly outbox: readonly Alert[];
}

/** Where the publishing of one alert stands. */
export type AlertClaim = 'claimed' | 'sent' | 'in-flight';

/**
 * Storage of sequence state, alert gates and host names. It only reads and
 * writes records; the policy (expiry, merging, retries) lives with the
 * callers, so that another store could replace DynamoDB.
 */
export interface StateStore {
  /** The stored records among `pks`; expired ones included. */
  readGroups(pks: readonly string[]): Promise<Map<string, GroupRecord>>;
  /**
   * Writes `record` if the stored version still is `expectedVersion`
   * (0: no item). Returns false when another writer got there first.
   */
  writeGroup(record: GroupRecord, expectedVersion: number): Promise<boolean>;
  /** Deletes the item if its version still is `expectedVersion`. */
  deleteGroup(pk: string, expectedVersion: number): Promise<boolean>;
  /**
   * Takes the once-only gate of an alert until `until` (epoch ms): succeeds
   * when no one has it, or when an earlier claim ran out without the alert
   * being marked sent.
   */
  claimAlert(
    alertId: string,
    now: number,
    until: number,
    expiresAt: number,
  ): Promise<AlertClaim>;
  /** Records that the alert was published. */
  markAlertSent(alertId: string, expiresAt: number): Promise<void>;
  /** Gives the gate back after a publish that surely failed. */
  releaseAlert(alertId: string): Promise<void>;
  /** Host names by host id, for the ids that have one. */
  readHostNames(hostIds: readonly string[]): Promise<Map<string, string>>;
  writeHostNames(
    hosts: ReadonlyMap<string, string>,
    expiresAt: number,
  ): Promise<void>;
}
