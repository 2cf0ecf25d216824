import { MAX_RECORD_CHARS } from '../common/limits';
import { findStringEnd } from './findStringEnd';
import type { SplitItem } from './SplitItem';

export type { SplitItem } from './SplitItem';

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;
const MAX_KEY_BYTES = 256;

enum Container {
  Object = 0,
  Array = 1,
}

/**
 * Splits a JSON text, fed in chunks, into the texts of the elements of one
 * array inside it, without holding more than one element in memory.
 *
 * `path` names the array: `[]` for a top-level array, `['hits', 'hits']` for
 * the hits of an Elasticsearch `_search` response. The splitter checks only
 * the structure it needs (brackets, strings, keys); each element's own
 * syntax is left to whoever parses its text. Everything outside the array is
 * scanned and discarded.
 *
 * @example
 * const splitter = new JsonArraySplitter([]);
 * for (const item of splitter.push(Buffer.from('[{"a":1},{"a":2}]'))) ...
 * for (const item of splitter.end()) ...
 */
export class JsonArraySplitter {
  readonly #path: readonly string[];
  readonly #stack: Container[] = [];
  // The key most recently read at each object level, kept only while the
  // levels above it match `path`; undefined elsewhere.
  readonly #keys: (string | undefined)[] = [];
  #expectKey = false;
  #inString = false;
  #escaped = false;
  #keyBytes: number[] | undefined;
  #capturing = false;
  // Nesting depth inside the element being captured.
  #depth = 0;
  #captured: Buffer[] = [];
  #capturedBytes = 0;
  #oversize = false;
  #index = 0;
  #line = 1;
  #offset = 0;
  #startLine = 0;
  #startOffset = 0;
  // Byte offset of the byte being scanned, for error reports.
  #here = 0;
  #failed = false;
  #sawTarget = false;

  constructor(path: readonly string[]) {
    this.#path = path;
  }

  /** Scans one chunk and returns the elements completed within it. */
  push(chunk: Buffer): SplitItem[] {
    const items: SplitItem[] = [];
    if (this.#failed) return items;
    let captureFrom = this.#capturing ? 0 : -1;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i] as number;
      this.#here = this.#offset + i;
      if (this.#inString) {
        if (this.#keyBytes !== undefined) this.#scanStringByte(byte);
        else {
          // Jump to the string's end: most bytes of a document are in strings.
          const end = findStringEnd(chunk, i, this.#escaped);
          this.#escaped = end.escaped;
          this.#inString = end.index === -1;
          i = end.index === -1 ? chunk.length - 1 : end.index;
        }
      } else if (this.#capturing) {
        // Inside an element only its own nesting matters, so a depth count
        // stands in for the stack: this is the loop that sees most bytes.
        if (!this.#scanElementByte(byte)) {
          this.#keep(chunk.subarray(captureFrom, i));
          captureFrom = -1;
          items.push(this.#finishCapture());
          if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
            this.#close(byte, items);
          }
        }
      } else if (this.#isTargetLevel()) {
        if (byte === CLOSE_ARRAY) this.#close(byte, items);
        else if (!isWhitespace(byte) && byte !== COMMA) {
          this.#startCapture(byte, this.#offset + i);
          captureFrom = i;
        }
      } else {
        this.#scanStructure(byte, items);
      }
      if (this.#failed) return items;
      if (byte === NEWLINE) this.#line += 1;
    }
    if (this.#capturing && captureFrom >= 0) {
      this.#keep(chunk.subarray(captureFrom));
    }
    this.#offset += chunk.length;
    this.#here = this.#offset;
    return items;
  }

  // Follows one byte of an element; false when the byte ends the element
  // (a comma or closing bracket at its own level).
  #scanElementByte(byte: number): boolean {
    switch (byte) {
      case QUOTE:
        this.#inString = true;
        return true;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        this.#depth += 1;
        return true;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        if (this.#depth === 0) return false;
        this.#depth -= 1;
        return true;
      case COMMA:
        return this.#depth !== 0;
      default:
        return true;
    }
  }

  /** Reports an input that ended early or held no such array. */
  end(): SplitItem[] {
    if (this.#failed) return [];
    if (this.#stack.length > 0 || this.#inString) {
      return [this.#error('input ended inside an unfinished JSON value')];
    }
    if (!this.#sawTarget) {
      const where =
        this.#path.length === 0 ? 'a top-level array' : this.#path.join('.');
      return [this.#error(`no ${where} found in the input`)];
    }
    return [];
  }

  #scanStringByte(byte: number): void {
    if (this.#escaped) this.#escaped = false;
    else if (byte === BACKSLASH) this.#escaped = true;
    else if (byte === QUOTE) {
      this.#inString = false;
      this.#finishKey();
      return;
    }
    if (this.#keyBytes !== undefined && this.#keyBytes.length < MAX_KEY_BYTES) {
      this.#keyBytes.push(byte);
    }
  }

  #scanStructure(byte: number, items: SplitItem[]): void {
    switch (byte) {
      case QUOTE:
        this.#inString = true;
        if (this.#expectKey && this.#isOnPath()) this.#keyBytes = [];
        return;
      case OPEN_OBJECT:
        this.#open(Container.Object);
        this.#expectKey = true;
        return;
      case OPEN_ARRAY:
        this.#open(Container.Array);
        return;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        this.#close(byte, items);
        return;
      case COMMA:
        this.#expectKey = this.#top() === Container.Object;
        return;
      case COLON:
        this.#expectKey = false;
        return;
      default:
        return;
    }
  }

  #open(container: Container): void {
    this.#stack.push(container);
    this.#keys.push(undefined);
    if (this.#isTargetLevel()) this.#sawTarget = true;
  }

  #close(byte: number, items: SplitItem[]): void {
    const expected = byte === CLOSE_OBJECT ? Container.Object : Container.Array;
    if (this.#stack.pop() !== expected) {
      this.#failed = true;
      items.push(this.#error(`unexpected '${String.fromCharCode(byte)}'`));
      return;
    }
    this.#keys.pop();
    this.#expectKey = false;
  }

  #finishKey(): void {
    if (this.#keyBytes === undefined) return;
    const raw = Buffer.from(this.#keyBytes).toString('utf8');
    this.#keyBytes = undefined;
    let key: string | undefined;
    try {
      key = JSON.parse(`"${raw}"`) as string;
    } catch {
      key = undefined;
    }
    this.#keys[this.#keys.length - 1] = key;
  }

  #top(): Container | undefined {
    return this.#stack[this.#stack.length - 1];
  }

  // True while every enclosing level matches the path so far, so that the
  // next key read could be the one leading to the target array.
  #isOnPath(): boolean {
    const depth = this.#stack.length;
    if (depth > this.#path.length) return false;
    for (let level = 0; level < depth - 1; level += 1) {
      if (this.#stack[level] !== Container.Object) return false;
      if (this.#keys[level] !== this.#path[level]) return false;
    }
    return this.#stack[depth - 1] === Container.Object;
  }

  #stackIsTargetLevel(): boolean {
    return this.#stack.length === this.#path.length + 1;
  }

  #isTargetLevel(): boolean {
    if (!this.#stackIsTargetLevel()) return false;
    if (this.#top() !== Container.Array) return false;
    for (let level = 0; level < this.#path.length; level += 1) {
      if (this.#stack[level] !== Container.Object) return false;
      if (this.#keys[level] !== this.#path[level]) return false;
    }
    return true;
  }

  #startCapture(byte: number, offset: number): void {
    this.#capturing = true;
    this.#captured = [];
    this.#capturedBytes = 0;
    this.#oversize = false;
    this.#startLine = this.#line;
    this.#startOffset = offset;
    this.#depth = 0;
    this.#scanElementByte(byte);
  }

  #keep(bytes: Buffer): void {
    if (this.#oversize) return;
    this.#capturedBytes += bytes.length;
    if (this.#capturedBytes > MAX_RECORD_CHARS) {
      this.#oversize = true;
      this.#captured = [];
      return;
    }
    // Copy: the caller may reuse the chunk's memory after `push` returns.
    this.#captured.push(Buffer.from(bytes));
  }

  #finishCapture(): SplitItem {
    this.#capturing = false;
    const position = {
      index: this.#index,
      line: this.#startLine,
      offset: this.#startOffset,
    };
    this.#index += 1;
    if (this.#oversize) {
      return {
        kind: 'error',
        reason: `element exceeds the limit of ${MAX_RECORD_CHARS} bytes`,
        ...position,
      };
    }
    const text = Buffer.concat(this.#captured).toString('utf8').trim();
    this.#captured = [];
    return { kind: 'element', text, ...position };
  }

  #error(reason: string): SplitItem {
    return {
      kind: 'error',
      reason,
      index: this.#index,
      line: this.#line,
      offset: this.#here,
    };
  }
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
