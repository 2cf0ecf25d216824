import type { EcsDocument } from '../ecs/EcsDocument';
import { getField } from '../eql/fieldValue';

// Decoders write `@timestamp` as ISO 8601; `Date.parse` alone would also
// take forms like `March 7` that Elasticsearch refuses.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]|$)/;

/**
 * The event's `@timestamp` in epoch milliseconds, or null when it is
 * missing or not an ISO 8601 date (the caller reports the record).
 */
export function readTimestamp(event: EcsDocument): number | null {
  const value = getField(event, '@timestamp');
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? null : millis;
}
