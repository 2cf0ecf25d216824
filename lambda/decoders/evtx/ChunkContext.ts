import type { BinXmlElement } from './BinXmlNode';

/**
 * What one chunk's records share: the 64 KiB of bytes that names, templates
 * and values point into, and the names and template trees already read.
 * Every chunk starts afresh, which is what keeps memory flat: nothing
 * survives from one chunk to the next.
 */
export class ChunkContext {
  /** Element and attribute names by their offset in the chunk. */
  readonly names = new Map<number, string>();
  /** Template trees by the chunk offset of their definition. */
  readonly templates = new Map<number, BinXmlElement>();

  constructor(readonly chunk: Buffer) {}
}
