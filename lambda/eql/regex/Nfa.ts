import { CharSet } from './CharSet';
import type { RegexNode } from './RegexNode';
import { RegexSyntaxError } from './RegexSyntaxError';

const CHAR = 0;
const SPLIT = 1;
const MATCH = 2;
const MAX_STATES = 100_000;
const MAX_CACHED_STEPS = 10_000;
const NONE = new CharSet([]);

/** A set of automaton states, with the steps already taken from it. */
interface StateSet {
  readonly states: readonly number[];
  readonly accepting: boolean;
  readonly next: Map<number, StateSet>;
}

/**
 * A Thompson automaton for a regular expression, run by tracking the set
 * of states it can be in. Each input character is looked at once and each
 * state at most once per character, so matching takes time linear in the
 * input (times the automaton size) whatever the pattern: `(a*)*b` against
 * 50 KB of `a` cannot blow up the way a backtracking engine does.
 *
 * Steps are cached as they are discovered (a lazily built DFA), so text
 * made of characters seen before costs one map lookup per character. The
 * cache is bounded and starts over when full.
 */
export class Nfa {
  private readonly kinds: number[] = [];
  private readonly sets: CharSet[] = [];
  private readonly outs: number[] = [];
  private readonly alts: number[] = [];
  private readonly startState: number;
  private marks: Int32Array = new Int32Array(0);
  private generation = 0;
  private readonly interned = new Map<string, StateSet>();
  private cachedSteps = 0;
  private initial: StateSet | undefined;

  constructor(
    root: RegexNode,
    private readonly caseInsensitive: boolean,
  ) {
    const accept = this.add(MATCH, NONE, -1, -1);
    this.startState = this.build(root, accept);
    this.marks = new Int32Array(this.kinds.length);
  }

  /** True when the automaton accepts the whole text. */
  matches(text: string): boolean {
    let current = this.start();
    for (let i = 0; i < text.length; i++) {
      if (current.states.length === 0) return false;
      const code = text.codePointAt(i) as number;
      if (code > 0xffff) i++;
      current = current.next.get(code) ?? this.step(current, code);
    }
    return current.accepting;
  }

  private start(): StateSet {
    if (!this.initial) {
      const states: number[] = [];
      this.generation++;
      this.follow(this.startState, states);
      this.initial = this.intern(states);
    }
    return this.initial;
  }

  /** Computes, and caches, the states reached from `from` on `code`. */
  private step(from: StateSet, code: number): StateSet {
    const lower = this.caseInsensitive ? lowerOf(code) : code;
    const upper = this.caseInsensitive ? upperOf(code) : code;
    const reached: number[] = [];
    this.generation++;
    for (const state of from.states) {
      if (this.kinds[state] !== CHAR) continue;
      const set = this.sets[state] as CharSet;
      if (set.has(code) || set.has(lower) || set.has(upper)) {
        this.follow(this.outs[state] as number, reached);
      }
    }
    const next = this.intern(reached);
    if (this.cachedSteps >= MAX_CACHED_STEPS) this.forget();
    from.next.set(code, next);
    this.cachedSteps++;
    return next;
  }

  private intern(states: number[]): StateSet {
    states.sort((a, b) => a - b);
    const key = states.join(',');
    let set = this.interned.get(key);
    if (!set) {
      const accepting = states.some((s) => this.kinds[s] === MATCH);
      set = { states, accepting, next: new Map() };
      this.interned.set(key, set);
    }
    return set;
  }

  /** Drops every cached step, to bound memory on adversarial input. */
  private forget(): void {
    for (const set of this.interned.values()) set.next.clear();
    this.interned.clear();
    this.initial = undefined;
    this.cachedSteps = 0;
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
