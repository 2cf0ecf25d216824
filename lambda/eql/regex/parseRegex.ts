import { CharSet, type CodeRange, complementRanges } from './CharSet';
import type { RegexNode } from './RegexNode';
import { RegexSyntaxError } from './RegexSyntaxError';

const DIGITS: CodeRange[] = [[0x30, 0x39]];
const SPACES: CodeRange[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
];
const WORD: CodeRange[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SHORTHANDS: Record<string, readonly CodeRange[]> = {
  d: DIGITS,
  D: complementRanges(DIGITS),
  s: SPACES,
  S: complementRanges(SPACES),
  w: WORD,
  W: complementRanges(WORD),
};
const MAX_REPEAT = 1000;
const MAX_DEPTH = 200;

/**
 * Parses Lucene regular expression syntax, as Elasticsearch's `regexp`
 * query reads it with its default flags (which is what EQL `regex` runs):
 * literals, `.`, classes `[a-z]` `[^...]`, `|`, `*` `+` `?` `{n}` `{n,}`
 * `{n,m}`, groups, `"quoted"` literals, `\` escapes, the classes `\d \s \w`
 * and their negations, `@` (any string) and `#` (the empty language).
 * There are no anchors: `^` and `$` are plain characters and the pattern
 * must match the whole value.
 *
 * The intersection (`&`), complement (`~`) and numeric interval (`<1-9>`)
 * operators, which those flags also turn on, are rejected with a
 * RegexSyntaxError: they would need a determinised automaton.
 */
export function parseRegex(
  pattern: string,
  caseInsensitive = false,
): RegexNode {
  const parser = new RegexParser(Array.from(pattern), caseInsensitive);
  return parser.parseAll();
}

class RegexParser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly chars: readonly string[],
    private readonly caseInsensitive: boolean,
  ) {}

  parseAll(): RegexNode {
    if (this.chars.length === 0) return { kind: 'empty' };
    const node = this.parseUnion();
    if (this.index < this.chars.length) {
      throw this.fail(`unexpected '${this.peek()}'`);
    }
    return node;
  }

  private parseUnion(): RegexNode {
    const items = [this.parseConcat()];
    while (this.accept('|')) items.push(this.parseConcat());
    return items.length === 1 ? (items[0] as RegexNode) : union(items);
  }

  private parseConcat(): RegexNode {
    const items: RegexNode[] = [];
    while (this.index < this.chars.length && !this.atOneOf(')|')) {
      if (this.peek() === '&') throw this.unsupported('intersection (&)');
      items.push(this.parseRepeat());
    }
    if (items.length === 0) throw this.fail('expected an expression');
    return items.length === 1 ? (items[0] as RegexNode) : concat(items);
  }

  private parseRepeat(): RegexNode {
    let node = this.parseAtom();
    for (;;) {
      if (this.accept('*')) node = repeat(node, 0, null);
      else if (this.accept('+')) node = repeat(node, 1, null);
      else if (this.accept('?')) node = repeat(node, 0, 1);
      else if (this.peek() === '{') node = this.parseBraces(node);
      else return node;
    }
  }

  private parseBraces(node: RegexNode): RegexNode {
    this.index++;
    const min = this.parseInteger();
    let max: number | null = min;
    if (this.accept(',')) {
      max = this.peek() === '}' ? null : this.parseInteger();
    }
    if (!this.accept('}')) throw this.fail("expected '}'");
    if (max !== null && max < min) throw this.fail('repeat range is inverted');
    if (min > MAX_REPEAT || (max ?? 0) > MAX_REPEAT) {
      throw this.fail(`repeat counts above ${MAX_REPEAT} are not supported`);
    }
    return repeat(node, min, max);
  }

  private parseInteger(): number {
    const start = this.index;
    while (/[0-9]/.test(this.peek() ?? '')) this.index++;
    if (start === this.index) throw this.fail('expected a number');
    return Number(this.chars.slice(start, this.index).join(''));
  }

  private parseAtom(): RegexNode {
    const char = this.peek();
    if (char === '~') throw this.unsupported('complement (~)');
    if (char === '<') throw this.unsupported('numeric interval (<n-m>)');
    if (char === '[') return this.parseClass();
    this.index++;
    switch (char) {
      case '.':
        return chars(CharSet.any());
      case '#':
        return { kind: 'nothing' };
      case '@':
        return repeat(chars(CharSet.any()), 0, null);
      case '"':
        return this.parseQuoted();
      case '(':
        return this.parseGroup();
      case '\\':
        return chars(this.parseEscape());
      case '*':
      case '+':
      case '?':
      case '{':
        throw this.fail(`'${char}' has nothing to repeat`, this.index - 1);
      default:
        return chars(CharSet.of(codeOf(char as string)));
    }
  }

  private parseGroup(): RegexNode {
    if (this.accept(')')) return { kind: 'empty' };
    if (++this.depth > MAX_DEPTH) {
      throw this.fail(
        `groups nested deeper than ${MAX_DEPTH} are not supported`,
      );
    }
    const node = this.parseUnion();
    this.depth--;
    if (!this.accept(')')) throw this.fail("expected ')'");
    return node;
  }

  private parseQuoted(): RegexNode {
    const items: RegexNode[] = [];
    while (this.peek() !== '"') {
      const char = this.next('a closing "');
      items.push(chars(CharSet.of(codeOf(char))));
    }
    this.index++;
    if (items.length === 0) return { kind: 'empty' };
    return items.length === 1 ? (items[0] as RegexNode) : concat(items);
  }

  private parseEscape(): CharSet {
    const char = this.next('a character after \\');
    const shorthand = SHORTHANDS[char];
    return shorthand ? new CharSet(shorthand) : CharSet.of(codeOf(char));
  }

  private parseClass(): RegexNode {
    this.index++;
    const negated = this.accept('^');
    const ranges: CodeRange[] = [];
    do {
      ranges.push(...this.parseClassItem());
    } while (this.peek() !== ']' && this.index < this.chars.length);
    if (!this.accept(']')) throw this.fail("expected ']'");
    // Lucene folds case before it negates: [^z] with regex~ excludes Z too.
    const set = new CharSet(
      this.caseInsensitive ? closeUnderCase(ranges) : ranges,
    );
    return chars(negated ? set.complement() : set);
  }

  private parseClassItem(): readonly CodeRange[] {
    let low: number;
    if (this.accept('\\')) {
      const char = this.next('a character after \\');
      const shorthand = SHORTHANDS[char];
      if (shorthand) return shorthand;
      low = codeOf(char);
    } else {
      low = codeOf(this.next("a closing ']'"));
    }
    if (this.peek() !== '-' || this.chars[this.index + 1] === ']') {
      return [[low, low]];
    }
    this.index++;
    const high = this.accept('\\')
      ? codeOf(this.next('a character after \\'))
      : codeOf(this.next("a closing ']'"));
    if (high < low) throw this.fail('character range is inverted');
    return [[low, high]];
  }

  private peek(): string | undefined {
    return this.chars[this.index];
  }

  private atOneOf(set: string): boolean {
    const char = this.peek();
    return char !== undefined && set.includes(char);
  }

  private accept(char: string): boolean {
    if (this.peek() !== char) return false;
    this.index++;
    return true;
  }

  private next(expected: string): string {
    const char = this.chars[this.index];
    if (char === undefined) throw this.fail(`expected ${expected}`);
    this.index++;
    return char;
  }

  private fail(reason: string, at = this.index): RegexSyntaxError {
    return new RegexSyntaxError(reason, at);
  }

  private unsupported(operator: string): RegexSyntaxError {
    return this.fail(
      `the Lucene ${operator} operator is not supported; escape it with \\ to match it literally`,
    );
  }
}

const MAX_FOLDED_RANGE = 5000;

/**
 * Adds the other-case form of every code point in small ranges (large
 * ranges, such as a negated class, are left as they are: they already hold
 * nearly everything).
 */
function closeUnderCase(ranges: readonly CodeRange[]): CodeRange[] {
  const out: CodeRange[] = [...ranges];
  for (const [low, high] of ranges) {
    if (high - low > MAX_FOLDED_RANGE) continue;
    for (let code = low; code <= high; code++) {
      const char = String.fromCodePoint(code);
      for (const other of [char.toLowerCase(), char.toUpperCase()]) {
        const folded = other.codePointAt(0) as number;
        if (other.length === char.length && folded !== code) {
          out.push([folded, folded]);
        }
      }
    }
  }
  return out;
}

function codeOf(char: string): number {
  return char.codePointAt(0) as number;
}

function chars(set: CharSet): RegexNode {
  return { kind: 'chars', set };
}

function concat(items: RegexNode[]): RegexNode {
  return { kind: 'concat', items };
}

function union(items: RegexNode[]): RegexNode {
  return { kind: 'union', items };
}

function repeat(item: RegexNode, min: number, max: number | null): RegexNode {
  return { kind: 'repeat', item, min, max };
}
