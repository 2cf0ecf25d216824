import { decoders as allDecoders } from './decoders';
import type { Decoder } from './types';

/** How many non-empty lines line decoders see to recognise their format. */
export const SNIFF_LINES = 5;
const SHOWN_BYTES = 48;

/** The decoder chosen for an input, or a description of what was seen. */
export type FormatDetection =
  | { readonly decoder: Decoder; readonly reason?: undefined }
  | { readonly decoder: null; readonly reason: string };

/** Options of `detectFormat`; every one has a default. */
export interface DetectOptions {
  /** A format name that overrides sniffing (`--source`). */
  readonly format?: string | undefined;
  /**
   * True when `head` is the whole input. Otherwise its last line may be cut
   * short and is not sniffed. Defaults to false.
   */
  readonly complete?: boolean;
  /** The decoders to choose among. Defaults to every decoder. */
  readonly decoders?: readonly Decoder[];
}

/**
 * Picks the decoder for an input from its first (decompressed) bytes: the
 * one named by `format` when given, otherwise the first decoder whose
 * `sniff` accepts the head (the bytes for stream formats, the first
 * non-empty lines for line formats). When none does, the reason shows the
 * first bytes in printable form, and names the container when it is one
 * that should have been unpacked first.
 *
 * @example
 * const found = detectFormat(head, { complete: head.length < 65536 });
 * if (found.decoder === null) throw new Error(found.reason);
 */
export function detectFormat(
  head: Buffer,
  options: DetectOptions = {},
): FormatDetection {
  const decoders = options.decoders ?? allDecoders;
  if (options.format !== undefined) return byName(options.format, decoders);
  const lines = firstLines(head, options.complete ?? false);
  for (const decoder of decoders) {
    const accepted =
      decoder.kind === 'stream' ? decoder.sniff(head) : decoder.sniff(lines);
    if (accepted) return { decoder };
  }
  return { decoder: null, reason: describeUnknown(head) };
}

function byName(name: string, decoders: readonly Decoder[]): FormatDetection {
  const named = decoders.find((decoder) => decoder.name === name);
  if (named !== undefined) return { decoder: named };
  const known = decoders.map((decoder) => decoder.name).join(', ');
  return { decoder: null, reason: `no format named ${name} (known: ${known})` };
}

function firstLines(head: Buffer, complete: boolean): string[] {
  const lines = head.toString('utf8').split('\n');
  if (!complete) lines.pop();
  return lines
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line.trim() !== '')
    .slice(0, SNIFF_LINES);
}

const CONTAINERS: readonly (readonly [readonly number[], string])[] = [
  [[0x1f, 0x8b], 'gzip data that was not decompressed'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x50, 0x41, 0x52, 0x31], 'a Parquet file (not supported)'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd data (not supported)'],
  [[0x42, 0x5a, 0x68], 'bzip2 data (not supported)'],
];

/** Says what the first bytes look like, for an input no decoder took. */
export function describeUnknown(head: Buffer): string {
  if (head.length === 0) return 'unknown format: the input is empty';
  const shown = printable(head.subarray(0, SHOWN_BYTES));
  const more = head.length > SHOWN_BYTES ? '...' : '';
  const container = CONTAINERS.find(([magic]) =>
    magic.every((byte, i) => head[i] === byte),
  );
  const what = container === undefined ? '' : ` (looks like ${container[1]})`;
  return `unknown format${what}; first bytes: "${shown}${more}"`;
}

// Printable ASCII as is; everything else as \xNN, newlines as \n.
function printable(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) {
    if (byte === 0x0a) text += '\\n';
    else if (byte === 0x5c) text += '\\\\';
    else if (byte === 0x22) text += '\\"';
    else if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
    else text += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return text;
}
