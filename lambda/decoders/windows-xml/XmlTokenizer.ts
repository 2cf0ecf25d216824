import { MAX_RECORD_CHARS } from '../common/limits';
import { decodeXmlEntities } from './decodeXmlEntities';

/** One piece of XML: a start tag, an end tag, or character data. */
export type XmlToken =
  | {
      readonly kind: 'open';
      /** The local name, without any namespace prefix. */
      readonly name: string;
      readonly attributes: Readonly<Record<string, string>>;
      readonly selfClosing: boolean;
      readonly line: number;
    }
  | { readonly kind: 'close'; readonly name: string; readonly line: number }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'error'; readonly reason: string; readonly line: number };

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAME_END = /[\s/>]/;

/**
 * A small streaming XML tokenizer: feed it text in pieces, get back tags
 * and text. It handles attributes in either quote, self-closing tags, the
 * predefined and numeric entities, CDATA sections, and skips comments,
 * processing instructions and a DOCTYPE without internal subset.
 *
 * It is linear and keeps only an unfinished tag or text run between calls;
 * a run longer than MAX_RECORD_CHARS is reported and dropped. It checks no
 * well-formedness beyond what it needs: nesting is the caller's concern.
 */
export class XmlTokenizer {
  #pending = '';
  #line = 1;

  /** Tokenizes as much of the text so far as is complete. */
  push(text: string): XmlToken[] {
    const tokens: XmlToken[] = [];
    const input = this.#pending + text;
    let position = 0;
    while (position < input.length) {
      const next = this.#readToken(input, position, tokens);
      if (next === undefined) break;
      this.#countLines(input, position, next);
      position = next;
    }
    this.#pending = input.slice(position);
    if (this.#pending.length > MAX_RECORD_CHARS) {
      tokens.push(this.#error('unfinished tag or text run is too long'));
      this.#countLines(this.#pending, 0, this.#pending.length);
      this.#pending = '';
    }
    return tokens;
  }

  /** Flushes trailing text; reports a tag the input ended inside. */
  end(): XmlToken[] {
    const rest = this.#pending;
    this.#pending = '';
    if (rest.trim() === '') return [];
    if (rest.startsWith('<')) return [this.#error('input ended inside a tag')];
    return [{ kind: 'text', text: decodeXmlEntities(rest) }];
  }

  // Returns the position after the token read, or undefined when the input
  // so far ends inside it.
  #readToken(input: string, from: number, tokens: XmlToken[]) {
    if (input.charCodeAt(from) !== 0x3c)
      return this.#readText(input, from, tokens);
    if (input.startsWith('<!--', from)) return skipPast(input, from, '-->');
    if (input.startsWith('<![CDATA[', from)) {
      const end = input.indexOf(']]>', from + 9);
      if (end === -1) return undefined;
      tokens.push({ kind: 'text', text: input.slice(from + 9, end) });
      return end + 3;
    }
    if (input.startsWith('<?', from)) return skipPast(input, from, '?>');
    if (input.startsWith('<!', from)) return skipPast(input, from, '>');
    const end = findTagEnd(input, from + 1);
    if (end === -1) return undefined;
    tokens.push(this.#tag(input.slice(from + 1, end)));
    return end + 1;
  }

  #readText(input: string, from: number, tokens: XmlToken[]) {
    let end = input.indexOf('<', from);
    if (end === -1) {
      // Keep a possibly cut entity (`&am`) for the next piece.
      const amp = input.lastIndexOf('&');
      end = amp >= from && !input.includes(';', amp) ? amp : input.length;
      if (end === from) return undefined;
    }
    tokens.push({
      kind: 'text',
      text: decodeXmlEntities(input.slice(from, end)),
    });
    return end;
  }

  #tag(body: string): XmlToken {
    if (body.startsWith('/')) {
      return {
        kind: 'close',
        name: localName(body.slice(1).trim()),
        line: this.#line,
      };
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameEnd = inner.search(NAME_END);
    const name = nameEnd === -1 ? inner : inner.slice(0, nameEnd);
    return new OpenTag(
      localName(name),
      nameEnd === -1 ? '' : inner.slice(nameEnd),
      selfClosing,
      this.#line,
    );
  }

  #countLines(input: string, from: number, to: number): void {
    for (let i = from; i < to; i += 1) {
      if (input.charCodeAt(i) === 0x0a) this.#line += 1;
    }
  }

  #error(reason: string): XmlToken {
    return { kind: 'error', reason, line: this.#line };
  }
}

// A start tag whose attributes are parsed only when first read: most tags
// of an event log are never asked for theirs.
class OpenTag {
  readonly kind = 'open';
  private parsed: Record<string, string> | undefined;

  constructor(
    readonly name: string,
    private readonly attributeText: string,
    readonly selfClosing: boolean,
    readonly line: number,
  ) {}

  get attributes(): Readonly<Record<string, string>> {
    this.parsed ??= readAttributes(this.attributeText);
    return this.parsed;
  }

  // Lets tests compare tokens as plain data.
  toJSON() {
    const { kind, name, attributes, selfClosing, line } = this;
    return { kind, name, attributes, selfClosing, line };
  }
}

// An exec loop on one shared pattern: matchAll would build a new RegExp for
// every tag.
function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  let match = ATTRIBUTE.exec(text);
  while (match !== null) {
    const value = match[2] ?? match[3] ?? '';
    attributes[localName(match[1] ?? '')] = decodeXmlEntities(value);
    match = ATTRIBUTE.exec(text);
  }
  return attributes;
}

function skipPast(input: string, from: number, terminator: string) {
  const end = input.indexOf(terminator, from);
  return end === -1 ? undefined : end + terminator.length;
}

// The `>` that closes a tag, skipping any inside quoted attribute values.
function findTagEnd(input: string, from: number): number {
  let quote = 0;
  for (let i = from; i < input.length; i += 1) {
    const code = input.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x3e) return i;
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
