import type { SourceRef } from '../ecs/EcsDocument';

/**
 * Where a record came from, as a person reads it: `file:line` for text
 * formats, `file record N` or `file at byte N` for binary ones.
 */
export function formatSourceRef(source: SourceRef): string {
  if (source.line !== undefined) return `${source.object}:${source.line}`;
  if (source.record !== undefined) {
    return `${source.object} record ${source.record}`;
  }
  if (source.offset !== undefined) {
    return `${source.object} at byte ${source.offset}`;
  }
  return source.object;
}
