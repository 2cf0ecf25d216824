import type { Alert } from '../alerts/Alert';
import type { CandidateGroup } from '../detector/types';
import type { Match } from '../engine/types';
import type { LoadedRule } from '../rules/LoadedRule';
import { decideGroup, type GroupDecision, type GroupWork } from './decideGroup';
import { StateConflictError } from './errors';
import { groupKey } from './groupKey';
import type { Pipeline } from './Pipeline';
import type { GroupRecord } from './StateStore';

/** An alert waiting in a group's outbox (`pk` null: no outbox). */
export interface PendingAlert {
  readonly alert: Alert;
  readonly pk: string | null;
}

const DEFAULT_WRITE_ATTEMPTS = 8;

/**
 * Advances the stored state of every group that has candidates, and
 * returns every alert now waiting in those groups' outboxes (new ones and
 * any left by an earlier failed invocation). Groups without candidates are
 * never read; with no groups there is no DynamoDB request at all. Each
 * write is conditional on the version read; on a conflict the group is read
 * again and advanced again, after a jittered backoff.
 *
 * @throws StateConflictError when a group kept conflicting.
 */
export async function advanceGroups(
  groups: readonly CandidateGroup[],
  now: number,
  pipeline: Pipeline,
  alertFor: (rule: LoadedRule, match: Match) => Promise<Alert>,
  context: Record<string, unknown>,
): Promise<PendingAlert[]> {
  const work = mergeByKey(groups);
  if (work.length === 0) return [];
  const stored = await pipeline.store.readGroups(work.map((w) => w.pk));
  const pending: PendingAlert[] = [];
  for (const item of work) {
    const record = await updateGroup(
      item,
      stored.get(item.pk) ?? null,
      now,
      pipeline,
      alertFor,
      context,
    );
    for (const alert of record.outbox) pending.push({ alert, pk: item.pk });
  }
  return pending;
}

function mergeByKey(groups: readonly CandidateGroup[]): GroupWork[] {
  const byKey = new Map<string, GroupWork>();
  for (const group of groups) {
    if (group.candidates.length === 0) continue;
    const pk = groupKey(group.rule.rule.id, group.joinKey);
    const known = byKey.get(pk);
    byKey.set(pk, {
      pk,
      rule: group.rule,
      joinKey: group.joinKey,
      candidates: [...(known?.candidates ?? []), ...group.candidates],
    });
  }
  return [...byKey.values()];
}

async function updateGroup(
  work: GroupWork,
  first: GroupRecord | null,
  now: number,
  pipeline: Pipeline,
  alertFor: (rule: LoadedRule, match: Match) => Promise<Alert>,
  context: Record<string, unknown>,
): Promise<GroupRecord> {
  const attempts = pipeline.settings.maxWriteAttempts ?? DEFAULT_WRITE_ATTEMPTS;
  let stored = first;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const decision = await decideGroup(work, stored, now, pipeline, alertFor);
    if (await commit(decision.record, stored, pipeline)) {
      report(decision, work, pipeline, context);
      return decision.record;
    }
    pipeline.metrics.add('StateConflicts', 1);
    pipeline.log.debug('state write conflicted; reading again', {
      ...context,
      rule: work.rule.rule.id,
      attempt,
    });
    await pipeline.sleep(jitteredBackoff(attempt));
    stored = (await pipeline.store.readGroups([work.pk])).get(work.pk) ?? null;
  }
  throw new StateConflictError(work.pk, attempts);
}

function commit(
  record: GroupRecord,
  stored: GroupRecord | null,
  pipeline: Pipeline,
): Promise<boolean> {
  const expected = stored?.version ?? 0;
  if (record.state === null && record.outbox.length === 0) {
    // Nothing left to keep: remove the item rather than store an empty one.
    if (expected === 0) return Promise.resolve(true);
    return pipeline.store.deleteGroup(record.pk, expected);
  }
  return pipeline.store.writeGroup(record, expected);
}

function report(
  decision: GroupDecision,
  work: GroupWork,
  pipeline: Pipeline,
  context: Record<string, unknown>,
): void {
  const { metrics, log } = pipeline;
  if (decision.late > 0) metrics.add('LateCandidates', decision.late);
  if (decision.evicted > 0) metrics.add('Evictions', decision.evicted);
  if (decision.capped > 0) {
    metrics.add('StateCapped', 1);
    log.warn('group state capped to fit the DynamoDB item limit', {
      ...context,
      rule: work.rule.rule.id,
      halvings: decision.capped,
      stateDropped: decision.record.state === null,
    });
  }
}

// Full jitter: a random wait up to an exponentially growing ceiling, so two
// writers that collided do not collide again in step.
function jitteredBackoff(attempt: number): number {
  return Math.random() * Math.min(2_000, 20 * 2 ** attempt);
}
