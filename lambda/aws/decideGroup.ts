import type { Alert } from '../alerts/Alert';
import type { AdvanceResult } from '../engine/advance';
import type { KeyState } from '../engine/KeyState';
import type { Candidate, Match } from '../engine/types';
import type { JoinValue } from '../eql/CompiledQuery';
import type { LoadedRule } from '../rules/LoadedRule';
import { encodeGroupItem, ITEM_LIMIT_BYTES } from './groupItemCodec';
import type { Pipeline } from './Pipeline';
import type { GroupRecord } from './StateStore';

/** New candidates of one rule under one join key, with its item key. */
export interface GroupWork {
  readonly pk: string;
  readonly rule: LoadedRule;
  readonly joinKey: readonly (JoinValue | null)[];
  readonly candidates: readonly Candidate[];
}

/** The record to write for a group, and what deciding it found. */
export interface GroupDecision {
  readonly record: GroupRecord;
  readonly newAlerts: readonly Alert[];
  readonly late: number;
  readonly evicted: number;
  /** How many times the candidate cap was halved to fit the item. */
  readonly capped: number;
}

// Room left under DynamoDB's 400 KB for attribute overhead and rounding.
const ITEM_BUDGET_BYTES = ITEM_LIMIT_BYTES - 40 * 1024;

// An undelivered alert is kept as long as SQS keeps a message (14 days at
// most), so that a redelivery always finds it.
const OUTBOX_RETENTION_MS = 14 * 24 * 3_600_000;
const TTL_FLOOR_MS = 24 * 3_600_000;

/**
 * Advances one group's stored state with new candidates and composes the
 * record to write: the new state, the old outbox plus the new alerts, and
 * the expiry. Pure apart from building alerts (which may look host names
 * up). A state past its expiry counts as absent even while DynamoDB still
 * holds the item, because TTL deletion runs hours or days late. When the
 * item would not fit DynamoDB's limit, the candidate cap is halved and the
 * group advanced again from the stored state.
 */
export async function decideGroup(
  work: GroupWork,
  stored: GroupRecord | null,
  now: number,
  pipeline: Pipeline,
  alertFor: (rule: LoadedRule, match: Match) => Promise<Alert>,
): Promise<GroupDecision> {
  const live = isLive(stored, now) ? (stored?.state ?? null) : null;
  let cap = pipeline.settings.maxCandidatesPerKey;
  for (let capped = 0; ; capped += 1) {
    const result = advanceOnce(work, live, now, cap, pipeline);
    const newAlerts = await Promise.all(
      result.matches.map((match) => alertFor(work.rule, match)),
    );
    const record = composeRecord(work.pk, stored, result, newAlerts, {
      now,
      wallClock: pipeline.clock(),
    });
    const fits = encodeGroupItem(record).bytes <= ITEM_BUDGET_BYTES;
    if (fits || cap <= 1) {
      return {
        record: fits ? record : { ...record, state: null },
        newAlerts,
        late: result.late.length,
        evicted: result.evicted,
        capped,
      };
    }
    cap = Math.max(1, Math.floor(cap / 2));
  }
}

function isLive(stored: GroupRecord | null, now: number): boolean {
  return stored !== null && stored.stateExpiresAt * 1000 >= now;
}

function advanceOnce(
  work: GroupWork,
  state: KeyState | null,
  now: number,
  cap: number,
  pipeline: Pipeline,
): AdvanceResult {
  const { query } = work.rule;
  if (query.kind === 'event') {
    throw new TypeError(`rule ${work.rule.rule.id} has no sequence state`);
  }
  return pipeline.engine.advance(query, work.joinKey, state, work.candidates, {
    now,
    latenessMs: pipeline.settings.latenessMs,
    maxCandidates: cap,
  });
}

function composeRecord(
  pk: string,
  stored: GroupRecord | null,
  result: AdvanceResult,
  newAlerts: readonly Alert[],
  time: { now: number; wallClock: number },
): GroupRecord {
  const outbox = mergeOutbox(stored?.outbox ?? [], newAlerts);
  const stateExpiresMs = result.expiresAt ?? time.now;
  // The TTL never falls within a day of the wall clock, so that a backfill
  // (whose "now" is event time, long past) keeps its state while it runs.
  const keepMs = Math.max(
    stateExpiresMs,
    time.wallClock + TTL_FLOOR_MS,
    outbox.length > 0 ? time.wallClock + OUTBOX_RETENTION_MS : 0,
  );
  return {
    pk,
    state: result.state,
    version: (stored?.version ?? 0) + 1,
    stateExpiresAt: Math.ceil(stateExpiresMs / 1000),
    expiresAt: Math.ceil(keepMs / 1000),
    outbox,
  };
}

function mergeOutbox(
  outbox: readonly Alert[],
  added: readonly Alert[],
): Alert[] {
  const seen = new Set(outbox.map((alert) => alert.id));
  return [...outbox, ...added.filter((alert) => !seen.has(alert.id))];
}
