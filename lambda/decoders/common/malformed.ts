import type { SourceRef } from '../../ecs/EcsDocument';
import type { DecodeResult } from '../types';

/** Builds the result for a record that could not be decoded, and why. */
export function malformed(source: SourceRef, reason: string): DecodeResult {
  return { kind: 'malformed', record: { source, reason } };
}

/** Builds the result for a record skipped on purpose (not a process start). */
export function skipped(source: SourceRef): DecodeResult {
  return { kind: 'skipped', source };
}
