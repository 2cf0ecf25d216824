import type { Prefilter } from './Prefilter';

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Where `LineReader` sends what it finds. */
export interface LineSink {
  /** A non-empty line worth decoding, without its line ending. */
  onLine(text: string, line: number): void;
  /** A line longer than the limit; its bytes were never held whole. */
  onOverlong(line: number, bytes: number): void;
}

/**
 * Splits a byte stream into lines (numbered from 1, `\n` or `\r\n`) and
 * hands on only those the prefilter finds worth decoding, or every one
 * without a prefilter. Lines not handed on are counted but never turned
 * into strings. A line longer than `maxRecordBytes` is reported, not
 * buffered: its bytes are dropped as they arrive.
 */
export class LineReader {
  /** Lines seen so far, empty ones included. */
  lines = 0;
  /** Non-empty lines seen so far. */
  records = 0;
  readonly #prefilter: Prefilter | null;
  readonly #maxBytes: number;
  readonly #sink: LineSink;
  // The start of a line whose end has not arrived yet.
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #overlong = false;

  constructor(prefilter: Prefilter | null, maxBytes: number, sink: LineSink) {
    this.#prefilter = prefilter;
    this.#maxBytes = maxBytes;
    this.#sink = sink;
  }

  /** Reads the next piece of the stream. */
  push(chunk: Buffer): void {
    const firstEnd = chunk.indexOf(NEWLINE);
    if (firstEnd === -1) {
      this.#hold(chunk);
      return;
    }
    let from = 0;
    if (this.#pendingBytes > 0 || this.#overlong) {
      this.#hold(chunk.subarray(0, firstEnd));
      this.#finishPending();
      from = firstEnd + 1;
    }
    const lastEnd = chunk.lastIndexOf(NEWLINE);
    if (lastEnd >= from) this.#readLines(chunk, from, lastEnd + 1);
    if (lastEnd + 1 < chunk.length) this.#hold(chunk.subarray(lastEnd + 1));
  }

  /** Reads the last line when the stream does not end with a newline. */
  end(): void {
    if (this.#pendingBytes > 0 || this.#overlong) this.#finishPending();
  }

  #hold(part: Buffer): void {
    if (this.#overlong) {
      this.#pendingBytes += part.length;
      return;
    }
    this.#pendingBytes += part.length;
    if (this.#pendingBytes > this.#maxBytes + 1) {
      // One byte of slack for a `\r` that the newline will strip.
      this.#overlong = true;
      this.#pending = [];
      return;
    }
    // A copy, not a view: a view would keep the whole decompressed piece
    // alive until the line ends, long enough for the garbage collector to
    // promote it, and freeing promoted pieces takes full collections.
    if (part.length > 0) this.#pending.push(Buffer.from(part));
  }

  #finishPending(): void {
    if (this.#overlong) {
      this.lines += 1;
      this.records += 1;
      this.#sink.onOverlong(this.lines, this.#pendingBytes);
    } else {
      const line = Buffer.concat(this.#pending, this.#pendingBytes);
      this.#readLines(Buffer.concat([line, NEWLINE_BYTES]), 0, line.length + 1);
    }
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#overlong = false;
  }

  // Reads the complete lines of `bytes[from, to)`; `to - 1` is a newline.
  #readLines(bytes: Buffer, from: number, to: number): void {
    const hits = this.#prefilter?.hits(bytes, from, to) ?? null;
    let nextHit = hits === null ? -1 : (hits[0] ?? to);
    let hitIndex = 0;
    let start = from;
    while (start < to) {
      const newline = bytes.indexOf(NEWLINE, start);
      let end = newline;
      if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end -= 1;
      this.lines += 1;
      if (end > start) this.#readLine(bytes, start, end, nextHit < newline);
      if (hits !== null) {
        while (nextHit < newline) nextHit = hits[++hitIndex] ?? to;
      }
      start = newline + 1;
    }
  }

  #readLine(bytes: Buffer, start: number, end: number, wanted: boolean) {
    this.records += 1;
    if (end - start > this.#maxBytes) {
      this.#sink.onOverlong(this.lines, end - start);
    } else if (wanted) {
      this.#sink.onLine(bytes.toString('utf8', start, end), this.lines);
    }
  }
}

const NEWLINE_BYTES = Buffer.from('\n');
