import { BinXmlError } from './BinXmlError';
import type {
  BinXmlAttribute,
  BinXmlElement,
  BinXmlNode,
  BinXmlPart,
} from './BinXmlNode';
import { BoundedCursor } from './BoundedCursor';
import type { ChunkContext } from './ChunkContext';
import { baseToken, MORE_FLAG, Token } from './tokens';
import { emptyValueTable, type ValueTable } from './ValueTable';

/** A fragment ready to render: its tree and the values that fill it. */
export interface BoundFragment {
  readonly root: BinXmlElement;
  readonly values: ValueTable;
}

// Elements nest a handful deep in real events; a deeper tree is corrupt data
// or a loop, and stopping it keeps the call stack safe.
const MAX_DEPTH = 64;

// A template definition: next-definition offset (4), GUID (16), data size
// (4), then the Binary XML fragment.
const DEFINITION_HEADER_SIZE = 24;

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/**
 * Reads Binary XML out of one chunk: a record's fragment, a template
 * definition, or a fragment held in a Binary XML substitution value.
 * Template definitions are parsed once and kept in the chunk context;
 * names likewise. Throws BinXmlError on anything it cannot read.
 */
export class BinXmlReader {
  private readonly cursor: BoundedCursor;

  /**
   * @param start chunk offset of the first byte to read
   * @param limit chunk offset one past the last byte this reader may use
   * @param inValue true inside a Binary XML substitution value, where an
   *   element written outside a template has no dependency identifier
   */
  constructor(
    private readonly context: ChunkContext,
    start: number,
    limit: number,
    private readonly inValue = false,
    private readonly depth = 0,
  ) {
    this.cursor = new BoundedCursor(context.chunk, start, limit);
  }

  /** Where reading stopped, as a chunk offset. */
  get position(): number {
    return this.cursor.position;
  }

  /**
   * Reads a fragment: an optional fragment header, then a template instance
   * with its values or a plain element.
   */
  readFragment(): BoundFragment {
    if (this.cursor.peek() === Token.fragmentHeader) this.cursor.skip(4);
    const token = this.cursor.peek();
    if (token === Token.templateInstance) return this.readTemplateInstance();
    if (baseToken(token) === Token.openStartElement) {
      const root = this.readElement(!this.inValue, this.depth);
      return { root, values: emptyValueTable(this.context.chunk) };
    }
    throw this.unexpected(token, 'at the start of a fragment');
  }

  private readTemplateInstance(): BoundFragment {
    const cursor = this.cursor;
    // Token, one unknown byte, the template's short identifier.
    cursor.skip(6);
    const definitionOffset = cursor.u32();
    const root = this.templateAt(definitionOffset);
    if (definitionOffset === cursor.position) {
      // The definition is written here, on its first use in this chunk.
      const size = cursor.u32At(definitionOffset + 20);
      cursor.skip(DEFINITION_HEADER_SIZE + size);
    }
    return { root, values: this.readValueTable() };
  }

  private templateAt(offset: number): BinXmlElement {
    const known = this.context.templates.get(offset);
    if (known !== undefined) return known;
    if (this.depth >= MAX_DEPTH) {
      throw new BinXmlError('templates nested too deep', offset);
    }
    const size = this.cursor.u32At(offset + 20);
    const start = offset + DEFINITION_HEADER_SIZE;
    const limit = Math.min(start + size, this.context.chunk.length);
    const reader = new BinXmlReader(
      this.context,
      start,
      limit,
      false,
      this.depth + 1,
    );
    const fragment = reader.readFragment();
    this.context.templates.set(offset, fragment.root);
    return fragment.root;
  }

  private readValueTable(): ValueTable {
    const cursor = this.cursor;
    const count = cursor.u32();
    cursor.require(count * 4);
    const sizes: number[] = [];
    const types: number[] = [];
    for (let index = 0; index < count; index += 1) {
      sizes.push(cursor.u16());
      types.push(cursor.u8());
      cursor.skip(1);
    }
    const offsets: number[] = [];
    for (const size of sizes) {
      offsets.push(cursor.position);
      cursor.skip(size);
    }
    return { chunk: this.context.chunk, offsets, sizes, types };
  }

  private readElement(hasDependencyId: boolean, depth: number): BinXmlElement {
    if (depth >= MAX_DEPTH) {
      throw new BinXmlError('elements nested too deep', this.position);
    }
    const cursor = this.cursor;
    const token = cursor.u8();
    if (hasDependencyId) cursor.skip(2);
    cursor.skip(4); // data size: the content is read token by token instead
    const name = this.readName();
    const attributes =
      token & MORE_FLAG ? this.readAttributeList() : ([] as BinXmlAttribute[]);
    const close = cursor.u8();
    if (close === Token.closeEmptyElement) {
      return { kind: 'element', name, attributes, children: [] };
    }
    if (close !== Token.closeStartElement) {
      throw this.unexpected(close, `closing the start of <${name}>`, 1);
    }
    const children = this.readContent(hasDependencyId, depth);
    return { kind: 'element', name, attributes, children };
  }

  private readAttributeList(): BinXmlAttribute[] {
    const cursor = this.cursor;
    const size = cursor.u32();
    const end = cursor.position + size;
    const attributes: BinXmlAttribute[] = [];
    while (cursor.position < end) {
      const token = cursor.u8();
      if (baseToken(token) !== Token.attribute) {
        throw this.unexpected(token, 'in an attribute list', 1);
      }
      const name = this.readName();
      attributes.push({ name, parts: this.readParts() });
    }
    return attributes;
  }

  private readContent(hasDependencyId: boolean, depth: number): BinXmlNode[] {
    const cursor = this.cursor;
    const children: BinXmlNode[] = [];
    for (;;) {
      const token = cursor.peek();
      const base = baseToken(token);
      if (token === Token.endElement) {
        cursor.skip(1);
        return children;
      }
      if (base === Token.openStartElement) {
        children.push(this.readElement(hasDependencyId, depth + 1));
      } else if (token === Token.piTarget) {
        this.skipProcessingInstruction();
      } else if (isPartToken(base)) {
        children.push(...this.readParts());
      } else {
        throw this.unexpected(token, 'in element content');
      }
    }
  }

  /** Reads text, references and substitutions until another token comes. */
  private readParts(): BinXmlPart[] {
    const cursor = this.cursor;
    const parts: BinXmlPart[] = [];
    for (;;) {
      const base = baseToken(cursor.peek());
      if (!isPartToken(base)) return parts;
      cursor.skip(1);
      if (base === Token.value) {
        const type = cursor.u8();
        if (type !== 0x01) {
          throw this.unexpected(type, 'as the type of a value token', 1);
        }
        parts.push({ kind: 'text', text: cursor.utf16(cursor.u16()) });
      } else if (base === Token.cdataSection) {
        parts.push({ kind: 'text', text: cursor.utf16(cursor.u16()) });
      } else if (base === Token.charRef) {
        parts.push({ kind: 'text', text: String.fromCharCode(cursor.u16()) });
      } else if (base === Token.entityRef) {
        const name = this.readName();
        parts.push({ kind: 'text', text: ENTITIES[name] ?? `&${name};` });
      } else {
        const index = cursor.u16();
        cursor.skip(1); // declared type: the value's own type is used instead
        const optional = base === Token.optionalSubstitution;
        parts.push({ kind: 'substitution', index, optional });
      }
    }
  }

  private skipProcessingInstruction(): void {
    this.cursor.skip(1);
    this.readName();
    if (this.cursor.peek() === Token.piData) {
      this.cursor.skip(1);
      this.cursor.utf16(this.cursor.u16());
    }
  }

  /**
   * Reads a name reference. A name is written in full where it is first
   * used in the chunk (its offset is then the current position) and
   * referred to by offset afterwards.
   */
  private readName(): string {
    const cursor = this.cursor;
    const offset = cursor.u32();
    let name = this.context.names.get(offset);
    if (name === undefined) {
      // Next-name offset (4), hash (2), character count (2), characters.
      const length = cursor.u16At(offset + 6);
      name = cursor.utf16At(offset + 8, length);
      this.context.names.set(offset, name);
    }
    if (offset === cursor.position) cursor.skip(8 + name.length * 2 + 2);
    return name;
  }

  private unexpected(token: number, where: string, back = 0): BinXmlError {
    const hex = token.toString(16).padStart(2, '0');
    return new BinXmlError(
      `unexpected byte 0x${hex} ${where}`,
      this.position - back,
    );
  }
}

function isPartToken(base: number): boolean {
  return (
    base === Token.value ||
    base === Token.cdataSection ||
    base === Token.charRef ||
    base === Token.entityRef ||
    base === Token.normalSubstitution ||
    base === Token.optionalSubstitution
  );
}
