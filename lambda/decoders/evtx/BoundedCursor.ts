import { BinXmlError } from './BinXmlError';

/**
 * A little-endian read position in a chunk that refuses to pass `limit`
 * (the end of the record or value being read). Reads at a fixed offset
 * (`u16At`, `utf16At`, for names and templates referred to from elsewhere
 * in the chunk) may go anywhere in the chunk but not past it.
 */
export class BoundedCursor {
  private at: number;
  private readonly limit: number;

  constructor(
    private readonly bytes: Buffer,
    start: number,
    limit: number,
  ) {
    this.at = start;
    this.limit = Math.min(limit, bytes.length);
  }

  get position(): number {
    return this.at;
  }

  /** Throws unless `count` more bytes can be read. */
  require(count: number): void {
    if (count < 0 || this.at + count > this.limit) {
      throw new BinXmlError(
        `${count} bytes needed, ${this.limit - this.at} left`,
        this.at,
      );
    }
  }

  skip(count: number): void {
    this.require(count);
    this.at += count;
  }

  peek(): number {
    this.require(1);
    return this.bytes[this.at] as number;
  }

  u8(): number {
    this.require(1);
    const value = this.bytes[this.at] as number;
    this.at += 1;
    return value;
  }

  u16(): number {
    this.require(2);
    const value = this.bytes.readUInt16LE(this.at);
    this.at += 2;
    return value;
  }

  u32(): number {
    this.require(4);
    const value = this.bytes.readUInt32LE(this.at);
    this.at += 4;
    return value;
  }

  /** Reads `length` UTF-16 code units here and moves past them. */
  utf16(length: number): string {
    this.require(length * 2);
    const text = this.bytes.toString('utf16le', this.at, this.at + length * 2);
    this.at += length * 2;
    return text;
  }

  u16At(offset: number): number {
    this.requireInChunk(offset, 2);
    return this.bytes.readUInt16LE(offset);
  }

  u32At(offset: number): number {
    this.requireInChunk(offset, 4);
    return this.bytes.readUInt32LE(offset);
  }

  utf16At(offset: number, length: number): string {
    this.requireInChunk(offset, length * 2);
    return this.bytes.toString('utf16le', offset, offset + length * 2);
  }

  private requireInChunk(offset: number, count: number): void {
    if (offset < 0 || offset + count > this.bytes.length) {
      throw new BinXmlError(
        `reference to ${count} bytes at ${offset} outside the chunk`,
        this.at,
      );
    }
  }
}
