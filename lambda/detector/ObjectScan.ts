import { decodeLine } from '../decoders/decodeLine';
import { detectFormat } from '../decoders/detectFormat';
import type {
  DecodeResult,
  LineDecoder,
  MalformedRecord,
  StreamDecoder,
} from '../decoders/types';
import type { EcsDocument, SourceRef } from '../ecs/EcsDocument';
import { CandidateCollector } from './CandidateCollector';
import { type ByteCounts, decompress } from './decompress';
import type { EscapeSyntax } from './EscapeScanner';
import { escapeSyntaxOf } from './escapeSyntaxOf';
import { LineReader } from './LineReader';
import { readTimestamp } from './readTimestamp';
import { rulesetPrefilter } from './rulesetPrefilter';
import {
  DEFAULT_MAX_RECORD_BYTES,
  type HostFact,
  type LoadedRule,
  MAX_KEPT_MALFORMED,
  type ScanOptions,
  type ScanResult,
  type ScanStats,
} from './types';

// The head read to recognise the format: enough for a few lines of any
// sane format, and bounded, so that a file of one endless line cannot make
// it grow.
const HEAD_BYTES = 1 << 16;
const PROGRESS_EVERY_BYTES = 16 << 20;

/** The state of one `scanObject` call. */
export class ObjectScan {
  readonly stats: ScanStats = {
    compressedBytes: 0,
    bytes: 0,
    records: 0,
    events: 0,
    candidates: 0,
    skipped: 0,
    malformed: 0,
  };
  readonly #object: string;
  readonly #options: ScanOptions;
  readonly #collector: CandidateCollector;
  readonly #rules: readonly LoadedRule[];
  readonly #malformed: MalformedRecord[] = [];
  readonly #hosts = new Map<string, string>();
  #format: string | null = null;
  #error: string | null = null;
  #lines = 0;
  #nextProgress = PROGRESS_EVERY_BYTES;

  constructor(
    object: string,
    rules: readonly LoadedRule[],
    options: ScanOptions,
  ) {
    this.#object = object;
    this.#rules = rules;
    this.#options = options;
    this.#collector = new CandidateCollector(rules);
  }

  /** Reads the whole input; failures end up in the result's `error`. */
  async run(input: AsyncIterable<Buffer>): Promise<void> {
    try {
      await this.#read(input);
    } catch (error) {
      this.#error = this.#describeFailure(error);
    }
    this.stats.candidates = this.#collector.count;
  }

  /** What the scan found, also after a failure. */
  result(): ScanResult {
    return {
      object: this.#object,
      format: this.#format,
      groups: [...this.#collector.groups.values()],
      eventMatches: this.#collector.eventMatches,
      hosts: [...this.#hosts].map(([hostId, hostName]) => ({
        hostId,
        hostName,
      })) satisfies HostFact[],
      malformed: this.#malformed,
      error: this.#error,
      stats: { ...this.stats },
    };
  }

  async #read(input: AsyncIterable<Buffer>): Promise<void> {
    const chunks = decompress(input, this.stats as ByteCounts);
    const { head, complete } = await readHead(chunks);
    if (head.length === 0) return;
    const headBytes = Buffer.concat(head);
    const choice = detectFormat(headBytes, {
      format: this.#options.format,
      complete,
      ...(this.#options.decoders ? { decoders: this.#options.decoders } : {}),
    });
    if (choice.decoder === null) {
      this.#error = `${this.#object}: ${choice.reason}`;
      return;
    }
    this.#format = choice.decoder.name;
    if (choice.decoder.kind === 'stream') {
      await this.#readStream(choice.decoder, replay(head, chunks));
    } else {
      const syntax = escapeSyntaxOf(headBytes);
      await this.#readLines(choice.decoder, syntax, head, chunks);
    }
  }

  async #readLines(
    decoder: LineDecoder,
    syntax: EscapeSyntax,
    head: readonly Buffer[],
    rest: AsyncIterator<Buffer>,
  ): Promise<void> {
    const prefilter =
      this.#options.needlePrefilter === false
        ? null
        : rulesetPrefilter(this.#rules, decoder.name, syntax);
    const maxBytes = this.#options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
    const reader = new LineReader(prefilter, maxBytes, {
      onLine: (text, line) => this.#decodeLine(decoder, text, line),
      onOverlong: (line, bytes) =>
        this.#addMalformed({
          source: { object: this.#object, line },
          reason: `line of ${bytes} bytes exceeds the ${maxBytes}-byte limit`,
        }),
    });
    try {
      for (const chunk of head) reader.push(chunk);
      for (let next = await rest.next(); !next.done; next = await rest.next()) {
        reader.push(next.value);
        this.#sync(reader);
      }
      reader.end();
    } finally {
      this.#sync(reader);
    }
  }

  #sync(reader: LineReader): void {
    this.stats.records = reader.records;
    this.#lines = reader.lines;
    this.#reportProgress();
  }

  #decodeLine(decoder: LineDecoder, text: string, line: number): void {
    const source = { object: this.#object, line };
    let results: readonly DecodeResult[];
    try {
      results = decodeLine(decoder, text, source);
    } catch (error) {
      results = [failedDecode(source, error)];
    }
    const several = results.length > 1;
    results.forEach((result, index) => {
      const id = several
        ? `${this.#object}#${line}.${index}`
        : `${this.#object}#${line}`;
      this.#accept(result, id);
    });
  }

  async #readStream(
    decoder: StreamDecoder,
    chunks: AsyncIterable<Buffer>,
  ): Promise<void> {
    let record = 0;
    for await (const result of decoder.decode(chunks, this.#object)) {
      record += 1;
      this.stats.records += 1;
      const source = sourceOf(result);
      const position = source.record ?? source.offset ?? record;
      this.#accept(result, `${this.#object}#${position}`);
      this.#reportProgress();
    }
  }

  #accept(result: DecodeResult, id: string): void {
    switch (result.kind) {
      case 'event':
        this.#acceptEvent(result.event, result.source, id);
        return;
      case 'skipped':
        this.stats.skipped += 1;
        return;
      case 'malformed':
        this.#addMalformed(result.record);
        return;
      case 'host':
        this.#hosts.set(result.hostId, result.hostName);
        return;
    }
  }

  #acceptEvent(event: EcsDocument, source: SourceRef, id: string): void {
    const timestamp = readTimestamp(event);
    if (timestamp === null) {
      this.#addMalformed({ source, reason: 'no valid @timestamp' });
      return;
    }
    this.stats.events += 1;
    this.#collector.add({ event, id, timestamp, source });
  }

  #addMalformed(record: MalformedRecord): void {
    this.stats.malformed += 1;
    if (this.#malformed.length < MAX_KEPT_MALFORMED) {
      this.#malformed.push(record);
    }
  }

  #reportProgress(): void {
    const onProgress = this.#options.onProgress;
    if (onProgress === undefined || this.stats.bytes < this.#nextProgress) {
      return;
    }
    this.#nextProgress = this.stats.bytes + PROGRESS_EVERY_BYTES;
    this.stats.candidates = this.#collector.count;
    onProgress({ ...this.stats });
  }

  #describeFailure(error: unknown): string {
    const where =
      `after ${this.stats.compressedBytes} input bytes ` +
      `(${this.stats.bytes} bytes decompressed, ${this.#lines} lines read)`;
    return `${this.#object}: ${describeError(error)} ${where}`;
  }
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'Z_BUF_ERROR') return 'gzip data ends early (truncated)';
  if (code === 'Z_DATA_ERROR') {
    return `gzip data is corrupt (${(error as Error).message})`;
  }
  return error instanceof Error ? error.message : String(error);
}

function failedDecode(source: SourceRef, error: unknown): DecodeResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: 'malformed',
    record: { source, reason: `decoder failed: ${message}` },
  };
}

function sourceOf(result: DecodeResult): SourceRef {
  return result.kind === 'malformed' ? result.record.source : result.source;
}

async function readHead(
  chunks: AsyncIterator<Buffer>,
): Promise<{ head: Buffer[]; complete: boolean }> {
  const head: Buffer[] = [];
  let bytes = 0;
  while (bytes < HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) return { head, complete: true };
    head.push(next.value);
    bytes += next.value.length;
  }
  return { head, complete: false };
}

async function* replay(
  head: readonly Buffer[],
  rest: AsyncIterator<Buffer>,
): AsyncGenerator<Buffer> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    yield next.value;
  }
}
