import type { Pipeline } from './Pipeline';
import type { GroupRecord } from './StateStore';

const SETTLE_ATTEMPTS = 5;

/**
 * Removes alerts known sent from their groups' outboxes. Failing here is
 * harmless: the next reader of the group finds the alert's gate marked sent
 * and settles it then, so errors are logged, never thrown.
 */
export async function settleOutboxes(
  settled: ReadonlyMap<string, ReadonlySet<string>>,
  pipeline: Pipeline,
  context: Record<string, unknown>,
): Promise<void> {
  if (settled.size === 0) return;
  try {
    const stored = await pipeline.store.readGroups([...settled.keys()]);
    for (const [pk, ids] of settled) {
      await settleGroup(stored.get(pk) ?? null, ids, pipeline);
    }
  } catch (error) {
    pipeline.log.warn('could not clear sent alerts from outboxes', {
      ...context,
      error,
    });
  }
}

async function settleGroup(
  first: GroupRecord | null,
  ids: ReadonlySet<string>,
  pipeline: Pipeline,
): Promise<void> {
  let stored = first;
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt += 1) {
    if (stored === null) return;
    const outbox = stored.outbox.filter((alert) => !ids.has(alert.id));
    if (outbox.length === stored.outbox.length) return;
    const next: GroupRecord = {
      ...stored,
      outbox,
      version: stored.version + 1,
    };
    const done =
      next.state === null && outbox.length === 0
        ? await pipeline.store.deleteGroup(stored.pk, stored.version)
        : await pipeline.store.writeGroup(next, stored.version);
    if (done) return;
    pipeline.metrics.add('StateConflicts', 1);
    await pipeline.sleep(Math.random() * 20 * 2 ** attempt);
    stored =
      (await pipeline.store.readGroups([stored.pk])).get(stored.pk) ?? null;
  }
}
