import type { SourceText } from './SourceText';

/** A literal read from the query text: its decoded value and where it ends. */
export interface ReadLiteral {
  readonly value: string;
  /** Offset just past the closing quote. */
  readonly end: number;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  t: '\t',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  '"': '"',
  "'": "'",
  '\\': '\\',
};

const ESCAPE_LIST = '\\t \\b \\f \\n \\r \\" \\\' \\\\ \\u{HEX}';

/**
 * Reads a double-quoted string starting at `start` (the opening quote),
 * decoding its escapes. A string cannot span lines, as in Elasticsearch.
 */
export function readQuotedString(
  source: SourceText,
  start: number,
): ReadLiteral {
  const text = source.text;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') return { value, end: i + 1 };
    if (char === '\n' || char === '\r') break;
    if (char === '\\') {
      const decoded = readEscape(source, i);
      value += decoded.value;
      i = decoded.end;
    } else {
      value += char;
      i++;
    }
  }
  throw source.error(
    start,
    i - start,
    'unterminated string: a double-quoted string must end on the same line',
    'close the string with ", or use """...""" for text containing quotes',
  );
}

function readEscape(source: SourceText, at: number): ReadLiteral {
  const next = source.text[at + 1];
  if (next === 'u') return readUnicodeEscape(source, at);
  const simple = next === undefined ? undefined : SIMPLE_ESCAPES[next];
  if (simple !== undefined) return { value: simple, end: at + 2 };
  const shown = next === undefined || next === '\n' ? '' : next;
  throw source.error(
    at,
    shown.length + 1,
    `unknown escape sequence \\${shown} in string`,
    `the escapes are ${ESCAPE_LIST}; write \\\\ for a backslash, ` +
      'or use a raw string """..."""',
  );
}

// `\u{HEX}`: Elasticsearch accepts 2 to 8 hex digits naming a Unicode
// code point that is not a surrogate.
function readUnicodeEscape(source: SourceText, at: number): ReadLiteral {
  const match = /^\\u\{([0-9a-fA-F]*)\}/.exec(source.text.slice(at, at + 14));
  if (!match) {
    throw source.error(
      at,
      2,
      'malformed unicode escape',
      'write a code point as \\u{HEX}, with 2 to 8 hex digits in braces',
    );
  }
  const digits = match[1] as string;
  const length = match[0].length;
  const code = Number.parseInt(digits, 16);
  if (digits.length < 2 || digits.length > 8) {
    throw source.error(
      at,
      length,
      `unicode escape ${match[0]} has ${digits.length} hex digits`,
      'use 2 to 8 hex digits, such as \\u{0041}',
    );
  }
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    throw source.error(
      at,
      length,
      `${match[0]} is not a valid unicode code point`,
      'code points run from 0 to 10FFFF, excluding surrogates D800-DFFF',
    );
  }
  return { value: String.fromCodePoint(code), end: at + length };
}

/**
 * Reads a raw string `"""..."""` starting at `start`. Nothing is escaped.
 * Up to two extra quotes before the end belong to the value, so `""""a""""`
 * is `"a"`, as in Elasticsearch's grammar.
 */
export function readRawString(source: SourceText, start: number): ReadLiteral {
  const close = source.text.indexOf('"""', start + 3);
  if (close < 0) {
    throw source.error(
      start,
      3,
      'unterminated raw string',
      'close the raw string with """',
    );
  }
  let end = close + 3;
  for (let extra = 0; extra < 2 && source.text[end] === '"'; extra++) end++;
  return { value: source.text.slice(start + 3, end - 3), end };
}

/**
 * Reads a backquoted field name starting at `start`; a doubled backquote
 * stands for one backquote.
 */
export function readBackquoted(source: SourceText, start: number): ReadLiteral {
  const text = source.text;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '`') {
      if (text[i + 1] !== '`') return { value, end: i + 1 };
      value += '`';
      i += 2;
    } else {
      value += text[i];
      i++;
    }
  }
  throw source.error(
    start,
    1,
    'unterminated backquoted field name',
    'close the name with `, and write `` for a backquote inside it',
  );
}

/**
 * Raises the error for the string forms of the older Python EQL that
 * Elasticsearch rejects: `'...'` and `?"..."` / `?'...'`.
 */
export function rejectLegacyString(source: SourceText, start: number): never {
  const raw = source.text[start] === '?';
  const quote = source.text[start + (raw ? 1 : 0)] as string;
  const lineEnd = source.text.indexOf('\n', start);
  const limit = lineEnd < 0 ? source.text.length : lineEnd;
  const close = source.text.indexOf(quote, start + (raw ? 2 : 1));
  const end = close < 0 || close > limit ? limit : close + 1;
  if (raw) {
    throw source.error(
      start,
      end - start,
      `Elasticsearch EQL has no ?${quote}...${quote} strings`,
      'use a raw string in triple double quotes: """..."""',
    );
  }
  throw source.error(
    start,
    end - start,
    'Elasticsearch EQL has no single-quoted strings',
    'use double quotes: "..."',
  );
}
