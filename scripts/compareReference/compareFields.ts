/**
 * The ECS fields every eqlambda decoder claims to provide for a process
 * start, in the order the report lists them.
 */
export const COMPARED_FIELDS = [
  '@timestamp',
  'event.category',
  'event.type',
  'event.action',
  'event.code',
  'event.kind',
  'host.id',
  'host.name',
  'host.os.type',
  'process.name',
  'process.executable',
  'process.command_line',
  'process.args',
  'process.args_count',
  'process.pid',
  'process.entity_id',
  'process.parent.name',
  'process.parent.executable',
  'process.parent.command_line',
  'process.parent.pid',
  'user.name',
  'user.domain',
  'user.id',
] as const;

/** How our value of a field relates to Elastic's. */
export type Verdict =
  | 'same'
  | 'equivalent'
  | 'differs'
  | 'missing in ours'
  | "missing in Elastic's"
  | 'absent in both';

/** One field of one record, compared. */
export interface FieldComparison {
  readonly field: string;
  readonly ours: unknown;
  readonly elastic: unknown;
  readonly verdict: Verdict;
  /** Why two different texts still count as equal (`equivalent`). */
  readonly why?: string;
}

/**
 * Compares the listed fields of our document with Elastic's. Values are
 * equal when their JSON is equal. Two more cases count as `equivalent`,
 * because Elasticsearch indexes and matches them identically: a value and
 * a one-element array of it, and two timestamps of the same instant
 * written with different precision or zone.
 */
export function compareFields(
  ours: Record<string, unknown>,
  elastic: Record<string, unknown>,
  fields: readonly string[] = COMPARED_FIELDS,
): FieldComparison[] {
  return fields.map((field) => {
    const mine = readField(ours, field);
    const theirs = readField(elastic, field);
    return { field, ours: mine, elastic: theirs, ...judge(mine, theirs) };
  });
}

function judge(
  ours: unknown,
  elastic: unknown,
): { verdict: Verdict; why?: string } {
  if (ours === undefined && elastic === undefined) {
    return { verdict: 'absent in both' };
  }
  if (ours === undefined) return { verdict: 'missing in ours' };
  if (elastic === undefined) return { verdict: "missing in Elastic's" };
  if (isEqual(ours, elastic)) return { verdict: 'same' };
  if (isEqual(unwrapSingle(ours), unwrapSingle(elastic))) {
    return { verdict: 'equivalent', why: 'one-element array vs value' };
  }
  if (isSameInstant(ours, elastic)) {
    return { verdict: 'equivalent', why: 'same instant, other precision' };
  }
  return { verdict: 'differs' };
}

/**
 * Reads `a.b.c` from a document that nests it, writes it as one dotted key,
 * or mixes both (`{"process.parent": {"name": ...}}`).
 */
export function readField(document: unknown, path: string): unknown {
  if (typeof document !== 'object' || document === null) return undefined;
  const record = document as Record<string, unknown>;
  if (path in record) return record[path];
  const parts = path.split('.');
  for (let cut = parts.length - 1; cut >= 1; cut -= 1) {
    const head = parts.slice(0, cut).join('.');
    if (head in record) {
      const found = readField(record[head], parts.slice(cut).join('.'));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function unwrapSingle(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

// Date.parse keeps milliseconds and ignores further digits, which is also
// all that an Elasticsearch `date` field keeps.
function isSameInstant(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Date.parse(a);
  return !Number.isNaN(left) && left === Date.parse(b);
}
