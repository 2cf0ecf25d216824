import { createHash } from 'node:crypto';

/**
 * The deterministic id of an alert: the first 32 hex digits of the SHA-256
 * of the rule id and the events' ids in match order. The same rule over the
 * same events always gives the same id, so a retried or replayed run can be
 * deduplicated downstream; a different event, or the same events in another
 * order, gives another id. The parts are JSON-encoded so that no choice of
 * ids can make two different lists hash the same text.
 */
export function alertId(ruleId: string, eventIds: readonly string[]): string {
  const text = JSON.stringify([ruleId, ...eventIds]);
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
