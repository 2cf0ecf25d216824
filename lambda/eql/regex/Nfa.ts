import { CharSet } from './CharSet';
import type { RegexNode } from './RegexNode';
import { RegexSyntaxError } from './RegexSyntaxError';

const CHAR = 0;
const SPLIT = 1;
const MATCH = 2;
const MAX_STATES = 100_000;
const NONE = new CharSet([]);

/**
 * A Thompson automaton for a regular expression, run by tracking the set
 * of states it can be in. Each input character is looked at once and each
 * state at most once per character, so matching takes time linear in the
 * input (times the automaton size) whatever the pattern: `(a*)*b` against
 * 50 KB of `a` cannot blow up the way a backtracking engine does.
 */
export class Nfa {
  private readonly kinds: number[] = [];
  private readonly sets: CharSet[] = [];
  private readonly outs: number[] = [];
  private readonly alts: number[] = [];
  private readonly start: number;
  private marks: Int32Array = new Int32Array(0);
  private generation = 0;

  constructor(
    root: RegexNode,
    private readonly caseInsensitive: boolean,
  ) {
    const accept = this.add(MATCH, NONE, -1, -1);
    this.start = this.build(root, accept);
    this.marks = new Int32Array(this.kinds.length);
  }

  /** True when the automaton accepts the whole text. */
  matches(text: string): boolean {
    let current: number[] = [];
    this.generation++;
    this.follow(this.start, current);
    for (const char of text) {
      if (current.length === 0) return false;
      const code = char.codePointAt(0) as number;
      const lower = this.caseInsensitive ? lowerOf(code) : code;
      const upper = this.caseInsensitive ? upperOf(code) : code;
      const next: number[] = [];
      this.generation++;
      for (const state of current) {
        if (this.kinds[state] !== CHAR) continue;
        const set = this.sets[state] as CharSet;
        if (set.has(code) || set.has(lower) || set.has(upper)) {
          this.follow(this.outs[state] as number, next);
        }
      }
      current = next;
    }
    return current.some((state) => this.kinds[state] === MATCH);
  }

  /** Adds `state` and every state reachable without input to `list`. */
  private follow(state: number, list: number[]): void {
    const stack = [state];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (this.marks[s] === this.generation) continue;
      this.marks[s] = this.generation;
      if (this.kinds[s] === SPLIT) {
        stack.push(this.alts[s] as number, this.outs[s] as number);
      } else {
        list.push(s);
      }
    }
  }

  private add(kind: number, set: CharSet, out: number, alt: number): number {
    if (this.kinds.length >= MAX_STATES) {
      throw new RegexSyntaxError('the regular expression is too large', 0);
    }
    this.kinds.push(kind);
    this.sets.push(set);
    this.outs.push(out);
    this.alts.push(alt);
    return this.kinds.length - 1;
  }

  /** Builds `node` so that it continues to `next`; returns its start. */
  private build(node: RegexNode, next: number): number {
    switch (node.kind) {
      case 'chars':
        return this.add(CHAR, node.set, next, -1);
      case 'empty':
        return next;
      case 'nothing':
        return this.add(CHAR, NONE, next, -1);
      case 'concat':
        return node.items.reduceRight((to, item) => this.build(item, to), next);
      case 'union':
        return this.buildUnion(node.items, next);
      case 'repeat':
        return this.buildRepeat(node.item, node.min, node.max, next);
    }
  }

  private buildUnion(items: readonly RegexNode[], next: number): number {
    const starts = items.map((item) => this.build(item, next));
    return starts.reduceRight((rest, first) =>
      this.add(SPLIT, NONE, first, rest),
    );
  }

  private buildRepeat(
    item: RegexNode,
    min: number,
    max: number | null,
    next: number,
  ): number {
    let tail = next;
    if (max === null) {
      const loop = this.add(SPLIT, NONE, -1, next);
      this.outs[loop] = this.build(item, loop);
      tail = loop;
    } else {
      for (let i = min; i < max; i++) {
        tail = this.add(SPLIT, NONE, this.build(item, tail), next);
      }
    }
    for (let i = 0; i < min; i++) tail = this.build(item, tail);
    return tail;
  }
}

function lowerOf(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code < 0x80) return code;
  return singleCodePoint(String.fromCodePoint(code).toLowerCase(), code);
}

function upperOf(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 32;
  if (code < 0x80) return code;
  return singleCodePoint(String.fromCodePoint(code).toUpperCase(), code);
}

function singleCodePoint(text: string, fallback: number): number {
  const code = text.codePointAt(0) as number;
  return text.length === String.fromCodePoint(code).length ? code : fallback;
}
