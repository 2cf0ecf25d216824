import type { CallNode, ExprNode, QueryNode, StageNode } from '../eql/ast';
import { needleOf } from './needleText';

/**
 * Lower-case texts of which at least one appears, in any case, in the raw
 * record of every event that can satisfy a condition. Null means no such
 * set is known: any record may satisfy it.
 */
export type NeedleSet = readonly string[] | null;

// Fields whose values every decoder copies verbatim (or as a verbatim
// substring, like a name cut from its path) from the raw record. Fields a
// decoder derives or rewrites (host.os.type, event.type, event.category,
// registry paths with abbreviated hives) cannot give needles. Neither can
// process.args: where a decoder splits a command line into arguments,
// quotes inside a word (`ms"i"exec`) vanish from the argument, so its text
// need not be in the raw record.
const VERBATIM_FIELDS = new Set([
  'process.name',
  'process.executable',
  'process.command_line',
  'process.parent.name',
  'process.parent.executable',
  'process.parent.command_line',
  'file.name',
  'file.path',
  'file.extension',
  'dll.name',
  'dll.path',
]);

// Functions whose first argument must contain (a piece of) each literal.
const CONTAINING_FUNCTIONS = new Set([
  'startswith',
  'endswith',
  'stringcontains',
]);

/**
 * The needle set of each filter a query evaluates: its event condition, or
 * each stage of a sequence or sample and then its `until` stage.
 */
export function queryNeedles(query: QueryNode): NeedleSet[] {
  const body = query.body;
  if (body.kind === 'event') return [conditionNeedles(body.condition)];
  const stages: readonly StageNode[] =
    body.kind === 'sequence' && body.until !== null
      ? [...body.stages, body.until]
      : body.stages;
  return stages.map((stage) => conditionNeedles(stage.query.condition));
}

/**
 * Derives the needle set of one condition. `and` keeps the more selective
 * side, `or` needs both sides and takes their union, `not` gives none, and
 * a comparison gives needles only when it tests a verbatim field against
 * string literals.
 */
export function conditionNeedles(node: ExprNode): NeedleSet {
  switch (node.kind) {
    case 'and':
      return moreSelective(
        conditionNeedles(node.left),
        conditionNeedles(node.right),
      );
    case 'or':
      return unionOf([
        conditionNeedles(node.left),
        conditionNeedles(node.right),
      ]);
    case 'compare':
      return compareNeedles(node.op, node.left, node.right);
    case 'pattern':
      if (node.op === 'regex' || node.op === 'regex~') return null;
      return literalNeedles(node.left, node.patterns, true);
    case 'in':
      return node.negated
        ? null
        : literalNeedles(node.left, node.values, false);
    case 'call':
      return callNeedles(node);
    default:
      return null;
  }
}

function compareNeedles(
  op: string,
  left: ExprNode,
  right: ExprNode,
): NeedleSet {
  if (op !== '==') return null;
  if (left.kind === 'literal') return literalNeedles(right, [left], false);
  return literalNeedles(left, [right], false);
}

function callNeedles(node: CallNode): NeedleSet {
  const [field, ...rest] = node.args;
  if (field === undefined) return null;
  const name = node.name.toLowerCase();
  if (CONTAINING_FUNCTIONS.has(name)) return literalNeedles(field, rest, false);
  if (name === 'wildcard') return literalNeedles(field, rest, true);
  return null;
}

/**
 * One needle per literal, when `field` is a verbatim field and every value
 * is a string literal with a long enough stable piece; otherwise none.
 */
function literalNeedles(
  field: ExprNode,
  values: readonly ExprNode[],
  wildcards: boolean,
): NeedleSet {
  if (field.kind !== 'field' || !VERBATIM_FIELDS.has(field.name)) return null;
  if (values.length === 0) return null;
  const needles: string[] = [];
  for (const value of values) {
    if (value.kind !== 'literal' || typeof value.value !== 'string') {
      return null;
    }
    const needle = needleOf(value.value, wildcards);
    if (needle === null) return null;
    needles.push(needle);
  }
  return dedupe(needles);
}

/** The union of the sets, or null when any of them is null. */
export function unionOf(sets: readonly NeedleSet[]): NeedleSet {
  const all: string[] = [];
  for (const set of sets) {
    if (set === null) return null;
    all.push(...set);
  }
  return dedupe(all);
}

// A set is more selective when its shortest needle is longer (long needles
// are rarer and make the search skip further), then when it is smaller.
function moreSelective(a: NeedleSet, b: NeedleSet): NeedleSet {
  if (a === null) return b;
  if (b === null) return a;
  const shortestA = Math.min(...a.map((needle) => needle.length));
  const shortestB = Math.min(...b.map((needle) => needle.length));
  if (shortestA !== shortestB) return shortestA > shortestB ? a : b;
  return a.length <= b.length ? a : b;
}

// A needle that contains another is redundant: any record holding it also
// holds the shorter one.
function dedupe(needles: readonly string[]): string[] {
  const unique = [...new Set(needles)];
  return unique.filter(
    (needle) =>
      !unique.some((other) => other !== needle && needle.includes(other)),
  );
}
