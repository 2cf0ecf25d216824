import type { SourceRef } from '../ecs/EcsDocument';
import type { DecodeResult, LineDecoder } from './types';

/**
 * Decodes one line with a line decoder, always as a list: through
 * `decodeAll` where the format may pack several records in a line (Event
 * Hubs envelopes), through `decode` otherwise. Callers should prefer this to
 * calling `decode` directly.
 */
export function decodeLine(
  decoder: LineDecoder,
  line: string,
  source: SourceRef,
): readonly DecodeResult[] {
  if (decoder.decodeAll !== undefined) return decoder.decodeAll(line, source);
  return [decoder.decode(line, source)];
}
