/**
 * The syntax tree of an EQL query, as the parser produces it and the compiler
 * consumes it. Every node carries the position of the text it came from, so
 * that a semantic error found later still points at the right token.
 */

/** A span of query text. Lines and columns start at 1; offset at 0. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number;
}

/** A literal value: string, number, boolean or null. */
export interface LiteralNode {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
  readonly pos: Position;
}

/**
 * A field reference. `name` is the full dotted path as written
 * (`process.parent.name`, or the text inside backquotes). `optional` is true
 * for `?field`: a missing optional field is null instead of an error, and a
 * missing optional join key still joins.
 */
export interface FieldNode {
  readonly kind: 'field';
  readonly name: string;
  readonly optional: boolean;
  readonly pos: Position;
}

export interface NotNode {
  readonly kind: 'not';
  readonly operand: ExprNode;
  readonly pos: Position;
}

export interface LogicalNode {
  readonly kind: 'and' | 'or';
  readonly left: ExprNode;
  readonly right: ExprNode;
  readonly pos: Position;
}

/** `==`, `!=`, `<`, `<=`, `>`, `>=`. Equality is case-sensitive. */
export interface CompareNode {
  readonly kind: 'compare';
  readonly op: '==' | '!=' | '<' | '<=' | '>' | '>=';
  readonly left: ExprNode;
  readonly right: ExprNode;
  readonly pos: Position;
}

/**
 * Pattern operators with one or more right-hand patterns (a list is an OR):
 * `:` (case-insensitive wildcard, or plain equality without wildcards),
 * `like` / `like~` (wildcard), `regex` / `regex~` (Lucene regex).
 */
export interface PatternNode {
  readonly kind: 'pattern';
  readonly op: ':' | 'like' | 'like~' | 'regex' | 'regex~';
  readonly left: ExprNode;
  readonly patterns: readonly ExprNode[];
  readonly pos: Position;
}

/** `in`, `in~`, `not in`, `not in~`. */
export interface InNode {
  readonly kind: 'in';
  readonly caseInsensitive: boolean;
  readonly negated: boolean;
  readonly left: ExprNode;
  readonly values: readonly ExprNode[];
  readonly pos: Position;
}

export interface ArithmeticNode {
  readonly kind: 'arithmetic';
  readonly op: '+' | '-' | '*' | '/' | '%';
  readonly left: ExprNode;
  readonly right: ExprNode;
  readonly pos: Position;
}

export interface NegateNode {
  readonly kind: 'negate';
  readonly operand: ExprNode;
  readonly pos: Position;
}

/**
 * A function call. `name` is as written without the `~`;
 * `caseInsensitive` is true for the `~` form (`startsWith~(...)`).
 */
export interface CallNode {
  readonly kind: 'call';
  readonly name: string;
  readonly caseInsensitive: boolean;
  readonly args: readonly ExprNode[];
  readonly pos: Position;
}

export type ExprNode =
  | LiteralNode
  | FieldNode
  | NotNode
  | LogicalNode
  | CompareNode
  | PatternNode
  | InNode
  | ArithmeticNode
  | NegateNode
  | CallNode;

/**
 * `CATEGORY where CONDITION`. `category` is null for `any`. The category is
 * compared with `event.category` (any element of it).
 */
export interface EventQueryNode {
  readonly kind: 'event';
  readonly category: string | null;
  readonly condition: ExprNode;
  readonly pos: Position;
}

/** A join key in a `by` clause. Only fields are join keys. */
export type JoinKeyNode = FieldNode;

/**
 * One bracketed stage of a sequence or sample. `by` holds the stage's own
 * join keys (appended to the query-level ones). `runs` is 1 unless
 * `with runs=N` follows the stage. `missing` is true for `![...]`.
 */
export interface StageNode {
  readonly query: EventQueryNode;
  readonly by: readonly JoinKeyNode[];
  readonly runs: number;
  readonly missing: boolean;
  readonly pos: Position;
}

/** A duration such as `1m`: its value in milliseconds and as written. */
export interface DurationNode {
  readonly ms: number;
  readonly text: string;
  readonly pos: Position;
}

export interface SequenceNode {
  readonly kind: 'sequence';
  readonly by: readonly JoinKeyNode[];
  readonly maxspan: DurationNode | null;
  readonly stages: readonly StageNode[];
  readonly until: StageNode | null;
  readonly pos: Position;
}

export interface SampleNode {
  readonly kind: 'sample';
  readonly by: readonly JoinKeyNode[];
  readonly stages: readonly StageNode[];
  readonly pos: Position;
}

/** `| head N` or `| tail N`. */
export interface PipeNode {
  readonly name: 'head' | 'tail';
  readonly count: number;
  readonly pos: Position;
}

/** A whole query: its body, its pipes, and the text it was parsed from. */
export interface QueryNode {
  readonly body: EventQueryNode | SequenceNode | SampleNode;
  readonly pipes: readonly PipeNode[];
  readonly source: string;
}
