import type { EcsDocument } from '../../ecs/EcsDocument';
import { makeFieldReader } from '../fieldValue';
import { toValue, type Value } from './values';

/**
 * Compiles a field reference into a reader of its runtime value: nested and
 * flat dotted keys resolve alike (see getField), a missing field is null,
 * and an array keeps its scalar elements. `?field` reads the same way:
 * without index mappings every field is treated as existing, so a missing
 * optional field and a missing plain field are both null.
 */
export function readFieldValue(path: string): (event: EcsDocument) => Value {
  const read = makeFieldReader(path);
  return (event) => toValue(read(event));
}
