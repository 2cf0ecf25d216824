import type { Scalar } from '../compiler/values';

/** The static type of an argument or a result, as far as it is known. */
export type EqlType = 'string' | 'number' | 'boolean' | 'any';

/** What a function learns about its call when it runs. */
export interface CallOptions {
  /** The `~` form was used: compare text case-insensitively. */
  readonly caseInsensitive: boolean;
  /**
   * For each argument, true when its type is floating-point before any
   * event is seen (a literal written `4.0`, or arithmetic over one), which
   * makes division exact.
   */
  readonly floatLiterals: readonly boolean[];
}

/**
 * The declarative signature and behaviour of one EQL function. Arity and
 * literal argument types are checked when a query loads, so a wrong call
 * is reported with its position instead of failing on events.
 */
export interface FunctionSpec {
  /** The name as Elasticsearch documents it (lookup ignores case). */
  readonly name: string;
  /** How a call is written, for error hints: `indexOf(source, substring[, start])`. */
  readonly usage: string;
  /** The type of each parameter; the last repeats when `variadic`. */
  readonly params: readonly EqlType[];
  /** How many arguments are required (the rest are optional). */
  readonly required: number;
  readonly variadic?: boolean;
  /** Whether Elasticsearch has a `~` (case-insensitive) form. */
  readonly hasInsensitiveForm: boolean;
  /** Parameters that must be literals, not fields (by index). */
  readonly literalOnly?: readonly number[];
  readonly returns: EqlType;
  /**
   * Present when Elasticsearch turns a call on a plain field with literal
   * arguments into a Lucene query (prefix, wildcard, terms) instead of a
   * script. Given the literal arguments (after the field), it builds the
   * test that query applies to each element of the field. This changes
   * what a negation matches (see compileCondition) and, for the wildcard
   * queries, how `*`, `?` and `\` in the literal behave.
   */
  readonly asFieldQuery?: (
    literals: readonly Scalar[],
    caseInsensitive: boolean,
  ) => (value: Scalar) => boolean;
  /**
   * Checks a literal argument when the query loads; returns why it is
   * invalid, or null when it is fine.
   */
  readonly checkLiteral?: (value: Scalar, index: number) => string | null;
  /** Computes the result from argument values (null stays null). */
  readonly apply: (args: readonly Scalar[], options: CallOptions) => Scalar;
}
