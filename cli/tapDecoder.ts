import type { DecodeResult, Decoder } from '../lambda/decoders/types';

/**
 * Wraps a decoder so that `onResult` sees every result it produces, in
 * order, before the detector does. `normalize` uses it to print whole
 * decoded events: the detector itself keeps only the fields alerts show.
 */
export function tapDecoder(
  decoder: Decoder,
  onResult: (result: DecodeResult) => void,
): Decoder {
  const tap = (result: DecodeResult): DecodeResult => {
    onResult(result);
    return result;
  };
  if (decoder.kind === 'stream') {
    return {
      kind: 'stream',
      name: decoder.name,
      sniff: (head) => decoder.sniff(head),
      decode: async function* (input, object) {
        for await (const result of decoder.decode(input, object)) {
          yield tap(result);
        }
      },
    };
  }
  const decodeAll = decoder.decodeAll;
  return {
    kind: 'lines',
    name: decoder.name,
    sniff: (lines) => decoder.sniff(lines),
    decode: (line, source) => tap(decoder.decode(line, source)),
    // Present only when the wrapped decoder has it: its presence changes
    // how callers decode a line.
    ...(decodeAll
      ? {
          decodeAll: (line: string, source: Parameters<typeof decodeAll>[1]) =>
            decodeAll.call(decoder, line, source).map(tap),
        }
      : {}),
  };
}
