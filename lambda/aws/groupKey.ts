import { createHash } from 'node:crypto';
import type { JoinValue } from '../eql/CompiledQuery';

/**
 * The partition key of one rule's state under one join key:
 * `seq#<ruleId>#<sha256 of the JSON join key>`. Hashing keeps the key short
 * and free of characters a host name or user name might bring.
 */
export function groupKey(
  ruleId: string,
  joinKey: readonly (JoinValue | null)[],
): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(joinKey))
    .digest('hex');
  return `seq#${ruleId}#${digest}`;
}
