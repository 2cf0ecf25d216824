import type { PendingAlert } from './advanceGroups';
import { deliverAlerts } from './deliverAlerts';
import { HostNameCache } from './HostNameCache';
import type { Pipeline } from './Pipeline';
import type { Trigger, TriggerMessage } from './parseTrigger';
import { type ObjectContext, processObject } from './processObject';
import { settleOutboxes } from './settleOutboxes';

/** The outcome of one invocation. */
export interface TriggerOutcome {
  /** SQS message ids to report as batch item failures. */
  readonly failedMessageIds: readonly string[];
  /** For a direct invocation: the error to throw so that it is retried. */
  readonly error: Error | null;
  readonly objects: number;
}

/** Per-invocation facts: its deadline and log attributes. */
export interface InvocationContext {
  /** Epoch ms when the invocation will be stopped. */
  readonly deadline: number;
  readonly log: Record<string, unknown>;
  /** The matcher's "now" for an object; default the wall clock. */
  readonly nowFor?: ObjectContext['nowFor'];
}

/**
 * Runs one invocation: every object of every message is scanned and its
 * groups advanced, then the alerts pending in all touched groups are
 * delivered together (so the per-rule limit holds per invocation), then
 * sent alerts are cleared from their outboxes. A message fails when any of
 * its objects failed or any alert it brought could not be published; the
 * other messages of the batch succeed.
 */
export async function processTrigger(
  trigger: Trigger,
  pipeline: Pipeline,
  context: InvocationContext,
): Promise<TriggerOutcome> {
  const hostNames = new HostNameCache(pipeline.store);
  const failures = new Map<string, Error>();
  const pendingByMessage = new Map<string, PendingAlert[]>();
  let objects = 0;
  for (const message of trigger.messages) {
    const key = message.messageId ?? '';
    const log = { ...context.log, messageId: message.messageId };
    if (message.error !== null) {
      pipeline.log.error('message not understood', {
        ...log,
        error: message.error,
      });
      failures.set(key, message.error);
      continue;
    }
    const objectContext: ObjectContext = {
      hostNames,
      log,
      ...(context.nowFor ? { nowFor: context.nowFor } : {}),
    };
    const scanned = await scanMessage(message, pipeline, objectContext);
    objects += scanned.objects;
    pendingByMessage.set(key, scanned.pending);
    if (scanned.error) failures.set(key, scanned.error);
  }
  await deliverPending(pendingByMessage, failures, pipeline, context);
  return {
    failedMessageIds: [...failures.keys()].filter((id) => id !== ''),
    error: failures.get('') ?? null,
    objects,
  };
}

/**
 * Processes a message's objects in order, stopping at the first failure:
 * the redelivery processes them all again, which is harmless.
 */
async function scanMessage(
  message: TriggerMessage,
  pipeline: Pipeline,
  context: ObjectContext,
): Promise<{ pending: PendingAlert[]; error: Error | null; objects: number }> {
  const pending: PendingAlert[] = [];
  let objects = 0;
  for (const ref of message.objects) {
    objects += 1;
    try {
      pending.push(...(await processObject(ref, pipeline, context)));
    } catch (error) {
      pipeline.log.error('object failed; the message will be retried', {
        ...context.log,
        object: `s3://${ref.bucket}/${ref.key}`,
        error,
      });
      return { pending, error: error as Error, objects };
    }
  }
  return { pending, error: null, objects };
}

async function deliverPending(
  pendingByMessage: ReadonlyMap<string, PendingAlert[]>,
  failures: Map<string, Error>,
  pipeline: Pipeline,
  context: InvocationContext,
): Promise<void> {
  const all = [...pendingByMessage.values()].flat();
  if (all.length === 0) return;
  let delivery: Awaited<ReturnType<typeof deliverAlerts>>;
  try {
    delivery = await deliverAlerts(all, pipeline, {
      deadline: context.deadline,
      published: new Map(),
      log: context.log,
    });
  } catch (error) {
    // The gate table failed; every message that brought alerts retries.
    pipeline.log.error('alert delivery failed', { ...context.log, error });
    for (const [key, pending] of pendingByMessage) {
      if (pending.length > 0 && !failures.has(key)) {
        failures.set(key, error as Error);
      }
    }
    return;
  }
  for (const [key, pending] of pendingByMessage) {
    const failed = pending.find((entry) => delivery.failed.has(entry.alert.id));
    if (failed !== undefined && !failures.has(key)) {
      failures.set(key, delivery.failed.get(failed.alert.id) as Error);
    }
  }
  await settleOutboxes(delivery.settled, pipeline, context.log);
}
