import { decodeLine } from '../../lambda/decoders/decodeLine';
import { findDecoder } from '../../lambda/decoders/decoders';
import { detectFormat } from '../../lambda/decoders/detectFormat';
import type { DecodeResult } from '../../lambda/decoders/types';
import type { ReferenceSample } from './samples';

/** What our decoders made of one sample. */
export interface DecodedSample {
  /** The events, in record order. */
  readonly events: readonly Record<string, unknown>[];
  /** Every other result (skipped, malformed, host), described. */
  readonly others: readonly string[];
  /** The decoder `detectFormat` picks for the sample's lines, or why none. */
  readonly detected: string;
}

/**
 * Runs the sample's intended decoder on each of its lines, and asks the
 * registry which decoder it would have picked on its own.
 */
export function decodeSample(sample: ReferenceSample): DecodedSample {
  const decoder = findDecoder(sample.decoder);
  if (decoder === undefined || decoder.kind !== 'lines') {
    throw new Error(`no line decoder named ${sample.decoder}`);
  }
  const events: Record<string, unknown>[] = [];
  const others: string[] = [];
  sample.lines.forEach((line, index) => {
    const source = { object: sample.files[0] ?? sample.id, line: index + 1 };
    for (const result of decodeLine(decoder, line, source)) {
      if (result.kind === 'event') events.push(result.event);
      else others.push(describe(result, index + 1));
    }
  });
  return { events, others, detected: detect(sample.lines) };
}

function detect(lines: readonly string[]): string {
  const head = Buffer.from(`${lines.join('\n')}\n`);
  const found = detectFormat(head, { complete: true });
  return found.decoder === null ? found.reason : found.decoder.name;
}

function describe(result: DecodeResult, line: number): string {
  if (result.kind === 'malformed') {
    return `line ${line}: malformed: ${result.record.reason}`;
  }
  if (result.kind === 'host') {
    return `line ${line}: host ${result.hostId} = ${result.hostName}`;
  }
  return `line ${line}: ${result.kind}`;
}
