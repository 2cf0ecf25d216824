import type { JoinKeyNode } from '../ast';
import type { JoinValue, KeyExtractor } from '../CompiledQuery';
import { readFieldValue } from './fields';
import { elementsOf } from './values';

/**
 * Compiles a `by` key into a KeyExtractor: the exact values of the field
 * (case-sensitive, no coercion), one per distinct element of a
 * multi-valued field. A missing or null key gives `[]` (the event does not
 * join) unless the key is optional (`?field`), which gives `[null]`.
 */
export function compileJoinKey(key: JoinKeyNode): KeyExtractor {
  const read = readFieldValue(key.name);
  const missing: readonly (JoinValue | null)[] = key.optional ? [null] : [];
  return (event) => {
    const values = elementsOf(read(event)) as readonly JoinValue[];
    if (values.length === 0) return missing;
    if (values.length === 1) return values;
    return [...new Set(values)];
  };
}
