import {
  readBackquoted,
  readQuotedString,
  readRawString,
  rejectLegacyString,
} from './parser/readString';
import { SourceText } from './parser/SourceText';
import { KEYWORDS, type Token, type TokenKind } from './token';

// Longest first, so that `==` wins over `=` and `![` over `!`.
const OPERATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '![',
  '<',
  '>',
  '=',
  ':',
  '+',
  '-',
  '*',
  '/',
  '%',
  '.',
  ',',
  '[',
  ']',
  '(',
  ')',
  '|',
  '?',
];

const NAME_START = /[A-Za-z_@]/;
const NAME_PART = /[A-Za-z0-9_@]/;
const DIGIT = /[0-9]/;
const WHITESPACE = /[ \t\r\n]/;
// A number as Elasticsearch reads it: digits with an optional fraction and
// exponent, or a leading dot (`.5`).
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;

/**
 * Splits EQL query text into tokens, ending with an `eof` token. Whitespace
 * and comments (`// ...` and nestable `/* ... *\/`) are dropped.
 *
 * @throws EqlSyntaxError for a character or literal that is not EQL.
 * @example
 * tokenize('process where true').map((t) => t.text);
 * // ['process', 'where', 'true', '']
 */
export function tokenize(text: string | SourceText): Token[] {
  const source = typeof text === 'string' ? new SourceText(text) : text;
  const tokens: Token[] = [];
  let i = skipBlanks(source, 0);
  while (i < source.text.length) {
    const token = readToken(source, i);
    tokens.push(token);
    i = skipBlanks(source, token.pos.offset + token.pos.length);
  }
  tokens.push(makeToken(source, 'eof', i, '', ''));
  return tokens;
}

function skipBlanks(source: SourceText, from: number): number {
  const text = source.text;
  let i = from;
  for (;;) {
    if (WHITESPACE.test(text[i] ?? '')) i++;
    else if (text.startsWith('//', i)) i = skipLineComment(text, i);
    else if (text.startsWith('/*', i)) i = skipBlockComment(source, i);
    else return i;
  }
}

function skipLineComment(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end + 1;
}

// Block comments nest, as in Elasticsearch's grammar.
function skipBlockComment(source: SourceText, from: number): number {
  const text = source.text;
  let depth = 0;
  let i = from;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  throw source.error(from, 2, 'unterminated comment', 'close it with */');
}

function readToken(source: SourceText, at: number): Token {
  const text = source.text;
  const char = text[at] as string;
  if (text.startsWith('"""', at)) return readRaw(source, at);
  if (char === '"') return readString(source, at);
  if (char === "'") rejectLegacyString(source, at);
  if (char === '?' && (text[at + 1] === '"' || text[at + 1] === "'")) {
    rejectLegacyString(source, at);
  }
  if (char === '`') return readQuotedName(source, at);
  if (DIGIT.test(char) || (char === '.' && DIGIT.test(text[at + 1] ?? ''))) {
    return readNumber(source, at);
  }
  if (NAME_START.test(char)) return readName(source, at);
  return readOperator(source, at);
}

function readRaw(source: SourceText, at: number): Token {
  const { value, end } = readRawString(source, at);
  return makeToken(source, 'string', at, source.text.slice(at, end), value);
}

function readString(source: SourceText, at: number): Token {
  const { value, end } = readQuotedString(source, at);
  return makeToken(source, 'string', at, source.text.slice(at, end), value);
}

function readQuotedName(source: SourceText, at: number): Token {
  const { value, end } = readBackquoted(source, at);
  return makeToken(source, 'quoted', at, source.text.slice(at, end), value);
}

function readNumber(source: SourceText, at: number): Token {
  // A sticky match reads in place, keeping the lexer linear.
  NUMBER.lastIndex = at;
  const match = NUMBER.exec(source.text) as RegExpExecArray;
  const written = match[0];
  const integer = /^[0-9]+$/.test(written);
  const token = makeToken(source, 'number', at, written, Number(written));
  return { ...token, integer };
}

// A name directly followed by `~` is the case-insensitive form of a
// function (`startsWith~`) or of an operator (`like~`, `in~`, `regex~`).
function readName(source: SourceText, at: number): Token {
  const text = source.text;
  let end = at + 1;
  while (end < text.length && NAME_PART.test(text[end] as string)) end++;
  const name = text.slice(at, end);
  if (text[end] === '~') {
    const written = `${name}~`;
    const kind = KEYWORDS.has(written) ? 'keyword' : 'function';
    return makeToken(source, kind, at, written, name);
  }
  const kind = KEYWORDS.has(name) ? 'keyword' : 'identifier';
  return makeToken(source, kind, at, name, name);
}

function readOperator(source: SourceText, at: number): Token {
  const operator = OPERATORS.find((op) => source.text.startsWith(op, at));
  if (operator) return makeToken(source, 'operator', at, operator, operator);
  throw unknownCharacter(source, at);
}

const CHARACTER_HINTS: Readonly<Record<string, string>> = {
  '!': 'write "not" to negate a condition, or "!=" for inequality',
  '&': 'write "and" to combine conditions',
  '~': 'a ~ goes right after a function or operator name: startsWith~(...)',
};

function unknownCharacter(source: SourceText, at: number) {
  const char = String.fromCodePoint(source.text.codePointAt(at) ?? 0);
  return source.error(
    at,
    char.length,
    `unexpected character ${JSON.stringify(char)}`,
    CHARACTER_HINTS[char],
  );
}

function makeToken(
  source: SourceText,
  kind: TokenKind,
  at: number,
  text: string,
  value: string | number,
): Token {
  const pos = source.position(at, text.length);
  return { kind, text, value, integer: false, pos };
}
