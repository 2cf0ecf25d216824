import type { Decoder } from '../decoders/types';

/** How many non-empty lines line decoders see to recognise their format. */
export const SNIFF_LINES = 5;

/** A decoder chosen for an input, or why none was. */
export type DecoderChoice =
  | { readonly decoder: Decoder; readonly reason?: undefined }
  | { readonly decoder: null; readonly reason: string };

/**
 * Picks the decoder for an input from its first (decompressed) bytes: the
 * one named `format` when given, else the first in `decoders` whose sniff
 * accepts the head, trying the whole byte head for stream formats and its
 * first non-empty lines for line formats.
 */
export function selectDecoder(
  head: Buffer,
  complete: boolean,
  decoders: readonly Decoder[],
  format?: string,
): DecoderChoice {
  if (format !== undefined) {
    const named = decoders.find((decoder) => decoder.name === format);
    if (named !== undefined) return { decoder: named };
    const known = decoders.map((decoder) => decoder.name).join(', ');
    return { decoder: null, reason: `no decoder named ${format} (${known})` };
  }
  const lines = firstLines(head, complete);
  for (const decoder of decoders) {
    const accepted =
      decoder.kind === 'stream' ? decoder.sniff(head) : decoder.sniff(lines);
    if (accepted) return { decoder };
  }
  const tried = decoders.map((decoder) => decoder.name).join(', ');
  return {
    decoder: null,
    reason: `no decoder recognises the first bytes (tried ${tried})`,
  };
}

// The last line of the head is cut short unless the head is the whole
// input, so it is left out.
function firstLines(head: Buffer, complete: boolean): string[] {
  const lines = head.toString('utf8').split('\n');
  if (!complete) lines.pop();
  return lines
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line.trim() !== '')
    .slice(0, SNIFF_LINES);
}
