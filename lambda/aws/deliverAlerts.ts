import type { Alert } from '../alerts/Alert';
import type { PendingAlert } from './advanceGroups';
import { AlertInFlightError, PublishError } from './errors';
import { forEachLimit } from './forEachLimit';
import type { Pipeline } from './Pipeline';
import { summariseAlerts } from './summariseAlerts';

/** What delivery did: alerts now known sent, and alerts that failed. */
export interface DeliveryResult {
  /** Sent alert ids by the group whose outbox still lists them. */
  readonly settled: Map<string, Set<string>>;
  /** Alerts that could not be delivered now, with why. */
  readonly failed: Map<string, Error>;
}

/** Per-invocation facts delivery needs. */
export interface DeliveryContext {
  /** Epoch ms by which this invocation is surely over (its timeout). */
  readonly deadline: number;
  /** Alerts published one by one so far in this invocation, per rule. */
  readonly published: Map<string, number>;
  readonly log: Record<string, unknown>;
}

// An alert gate outlives the chance of a replay matching the same events:
// once the last event is older than the lateness allowance, a replay drops
// them as late. A week on top covers clock error and slow redeliveries.
const GATE_MARGIN_MS = 7 * 24 * 3_600_000;
// A claim outlives its invocation a little, for clock skew between hosts.
const CLAIM_SKEW_MS = 30_000;
// Gate writes in flight at once for a summary's alerts.
const PARALLEL_GATES = 16;

/**
 * Publishes pending alerts exactly once each. For every alert: take its
 * gate in DynamoDB (`alert#<id>`), publish to SNS, mark the gate sent. An
 * alert whose gate says sent is only settled; one another invocation is
 * publishing fails for now. Past the per-rule limit of this invocation, the
 * remaining alerts of a rule are gated the same way and published as one
 * summary message.
 */
export async function deliverAlerts(
  pending: readonly PendingAlert[],
  pipeline: Pipeline,
  context: DeliveryContext,
): Promise<DeliveryResult> {
  const result: DeliveryResult = { settled: new Map(), failed: new Map() };
  const overflow = new Map<string, PendingAlert[]>();
  const limit = pipeline.settings.maxAlertsPerInvocation;
  for (const entry of uniqueById(pending)) {
    const ruleId = entry.alert.rule.id;
    const used = context.published.get(ruleId) ?? 0;
    if (used >= limit) {
      overflow.set(ruleId, [...(overflow.get(ruleId) ?? []), entry]);
      continue;
    }
    const sent = await deliverOne(entry, pipeline, context, result);
    if (sent) context.published.set(ruleId, used + 1);
  }
  for (const entries of overflow.values()) {
    await deliverSummary(entries, pipeline, context, result);
  }
  return result;
}

async function deliverOne(
  entry: PendingAlert,
  pipeline: Pipeline,
  context: DeliveryContext,
  result: DeliveryResult,
): Promise<boolean> {
  const { alert } = entry;
  if (!(await claim(entry, pipeline, context, result))) return false;
  try {
    await pipeline.publisher.publishAlert(alert);
  } catch (error) {
    await release([entry], pipeline, context);
    fail([entry], new PublishError([alert.id], { cause: error }), result);
    pipeline.metrics.add('PublishFailures', 1);
    return false;
  }
  await markSent([entry], pipeline, context, result);
  pipeline.metrics.add('Alerts', 1);
  pipeline.metrics.add('AlertLatency', latencyOf(alert));
  pipeline.log.info('alert published', {
    ...context.log,
    rule: alert.rule.id,
    alertId: alert.id,
    hostId: alert.host.id,
  });
  return true;
}

async function deliverSummary(
  entries: readonly PendingAlert[],
  pipeline: Pipeline,
  context: DeliveryContext,
  result: DeliveryResult,
): Promise<void> {
  const claimed: PendingAlert[] = [];
  await forEachLimit(entries, PARALLEL_GATES, async (entry) => {
    if (await claim(entry, pipeline, context, result)) claimed.push(entry);
  });
  if (claimed.length === 0) return;
  const alerts = claimed.map((entry) => entry.alert);
  try {
    await pipeline.publisher.publishSummary(
      summariseAlerts(alerts, pipeline.clock()),
    );
  } catch (error) {
    await release(claimed, pipeline, context);
    const ids = alerts.map((alert) => alert.id);
    fail(claimed, new PublishError(ids, { cause: error }), result);
    pipeline.metrics.add('PublishFailures', 1);
    return;
  }
  await markSent(claimed, pipeline, context, result);
  pipeline.metrics.add('AlertsSummarised', claimed.length);
  pipeline.log.warn('alert limit reached; published a summary', {
    ...context.log,
    rule: alerts[0]?.rule.id,
    summarised: claimed.length,
  });
}

/** True when this invocation now holds the gate and should publish. */
async function claim(
  entry: PendingAlert,
  pipeline: Pipeline,
  context: DeliveryContext,
  result: DeliveryResult,
): Promise<boolean> {
  const now = pipeline.clock();
  const outcome = await pipeline.store.claimAlert(
    entry.alert.id,
    now,
    context.deadline + CLAIM_SKEW_MS,
    gateExpiry(entry.alert, now, pipeline.settings.latenessMs),
  );
  if (outcome === 'sent') settle(entry, result);
  if (outcome === 'in-flight') {
    pipeline.metrics.add('AlertsInFlight', 1);
    fail([entry], new AlertInFlightError(entry.alert.id), result);
  }
  return outcome === 'claimed';
}

async function markSent(
  entries: readonly PendingAlert[],
  pipeline: Pipeline,
  context: DeliveryContext,
  result: DeliveryResult,
): Promise<void> {
  await forEachLimit(entries, PARALLEL_GATES, async (entry) => {
    // Settled even when marking fails: the alert is out, and keeping it in
    // the outbox would only let a later invocation send it a second time.
    settle(entry, result);
    const expiresAt = gateExpiry(
      entry.alert,
      pipeline.clock(),
      pipeline.settings.latenessMs,
    );
    try {
      await pipeline.store.markAlertSent(entry.alert.id, expiresAt);
    } catch (error) {
      pipeline.log.error('alert published but not marked sent', {
        ...context.log,
        alertId: entry.alert.id,
        error,
      });
    }
  });
}

async function release(
  entries: readonly PendingAlert[],
  pipeline: Pipeline,
  context: DeliveryContext,
): Promise<void> {
  await forEachLimit(entries, PARALLEL_GATES, async (entry) => {
    try {
      await pipeline.store.releaseAlert(entry.alert.id);
    } catch (error) {
      // The claim then simply runs out at the invocation's deadline.
      pipeline.log.warn('could not release an alert claim', {
        ...context.log,
        alertId: entry.alert.id,
        error,
      });
    }
  });
}

function settle(entry: PendingAlert, result: DeliveryResult): void {
  if (entry.pk === null) return;
  const ids = result.settled.get(entry.pk) ?? new Set<string>();
  ids.add(entry.alert.id);
  result.settled.set(entry.pk, ids);
}

function fail(
  entries: readonly PendingAlert[],
  error: Error,
  result: DeliveryResult,
): void {
  for (const entry of entries) result.failed.set(entry.alert.id, error);
}

function uniqueById(pending: readonly PendingAlert[]): PendingAlert[] {
  const byId = new Map<string, PendingAlert>();
  for (const entry of pending) {
    if (!byId.has(entry.alert.id)) byId.set(entry.alert.id, entry);
  }
  return [...byId.values()];
}

/** Epoch seconds until which the gate of `alert` must be kept. */
function gateExpiry(alert: Alert, now: number, latenessMs: number): number {
  const lastEvent = lastEventTime(alert) ?? now;
  const until = Math.max(now, lastEvent + latenessMs) + GATE_MARGIN_MS;
  return Math.ceil(until / 1000);
}

function latencyOf(alert: Alert): number {
  const last = lastEventTime(alert);
  const detected = Date.parse(alert.detectedAt);
  return last === null ? 0 : Math.max(0, detected - last);
}

function lastEventTime(alert: Alert): number | null {
  const times = alert.events
    .map((event) => Date.parse(event.timestamp))
    .filter((time) => Number.isFinite(time));
  return times.length === 0 ? null : Math.max(...times);
}
