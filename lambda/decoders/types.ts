import type { EcsDocument, SourceRef } from '../ecs/EcsDocument';

/** A record that could not be decoded, with where it was and why. */
export interface MalformedRecord {
  readonly source: SourceRef;
  readonly reason: string;
}

/**
 * What a decoder makes of one record: an ECS event; a record it skips on
 * purpose (not a process start); a malformed record; or a host-name fact
 * (CrowdStrike aidmaster) that later alerts can use.
 */
export type DecodeResult =
  | {
      readonly kind: 'event';
      readonly event: EcsDocument;
      readonly source: SourceRef;
    }
  | { readonly kind: 'skipped'; readonly source: SourceRef }
  | { readonly kind: 'malformed'; readonly record: MalformedRecord }
  | {
      readonly kind: 'host';
      readonly hostId: string;
      readonly hostName: string;
      readonly source: SourceRef;
    };

/**
 * A format whose records are one per line (NDJSON, one XML element a line).
 * The detector splits lines itself, so that it can drop lines no rule could
 * care about before any parsing; `decode` sees only the lines that remain.
 */
export interface LineDecoder {
  readonly kind: 'lines';
  /** Stable name used in configuration and `--source` (`crowdstrike-fdr`). */
  readonly name: string;
  /** True when these first non-empty lines of an input look like this format. */
  sniff(lines: readonly string[]): boolean;
  decode(line: string, source: SourceRef): DecodeResult;
  /**
   * Present on formats where one line may hold several records (a Microsoft
   * Event Hubs `{"records": [...]}` envelope). When it exists, callers must
   * use it instead of `decode`, which then reports such a line as malformed
   * rather than silently dropping records. `decodeLine` does this for you.
   */
  decodeAll?(line: string, source: SourceRef): readonly DecodeResult[];
}

/**
 * A format that needs the whole byte stream (EVTX, a JSON array, an
 * Elasticsearch `_search` response, XML spanning lines). It must still
 * stream: memory stays flat whatever the input size.
 */
export interface StreamDecoder {
  readonly kind: 'stream';
  readonly name: string;
  /** True when the first bytes of the (decompressed) input look like this. */
  sniff(head: Buffer): boolean;
  decode(
    input: AsyncIterable<Buffer>,
    object: string,
  ): AsyncIterable<DecodeResult>;
}

export type Decoder = LineDecoder | StreamDecoder;
