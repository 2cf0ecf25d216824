import type { EcsDocument, EcsValue } from '../ecs/EcsDocument';

/**
 * Reads a dotted field from an ECS document whether it is nested
 * (`{"process": {"name": ...}}`), flat (`{"process.name": ...}`) or a mix
 * of both (`{"process": {"parent.name": ...}}`). Returns undefined when the
 * field is absent.
 */
export function readEcsField(
  document: EcsDocument,
  field: string,
): EcsValue | undefined {
  if (Object.hasOwn(document, field)) return document[field];
  // Try every split point, longest prefix first, so that a flat key such as
  // `process.parent` holding an object is found as well as nesting.
  for (let dot = field.lastIndexOf('.'); dot > 0; ) {
    const head = field.slice(0, dot);
    const child = Object.hasOwn(document, head) ? document[head] : undefined;
    if (isDocument(child)) {
      const found = readEcsField(child, field.slice(dot + 1));
      if (found !== undefined) return found;
    }
    dot = field.lastIndexOf('.', dot - 1);
  }
  return undefined;
}

function isDocument(value: EcsValue | undefined): value is EcsDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
