/**
 * Checks that EQL rule queries parse and compile.
 *
 * Usage: npx tsx scripts/checkRules.ts FILE...
 *
 * FILE is `.ndjson` (one object a line with `query`, and `path` / `name`
 * for reporting), `.toml` (a detection rule: `rule.query`) or `.eql` (the
 * whole file is one query). Prints `N/M queries parse and compile`, then
 * each failure as `PATH:LINE:COLUMN: message` with the caret excerpt.
 * Exits 1 if any query failed.
 */
import { readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { compileQuery } from '../lambda/eql/compile';
import { EqlQueryError } from '../lambda/eql/errors';
import { parseQuery } from '../lambda/eql/parse';

/** One query to check, with where it came from. */
interface RuleQuery {
  readonly label: string;
  readonly query: string;
  /** Line and column in `label` where the query text starts, if known. */
  readonly start: { readonly line: number; readonly column: number } | null;
}

function readQueries(file: string): RuleQuery[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.ndjson')) return readNdjson(file, text);
  if (file.endsWith('.toml')) return [readToml(file, text)];
  return [{ label: file, query: text, start: { line: 1, column: 1 } }];
}

function readNdjson(file: string, text: string): RuleQuery[] {
  const queries: RuleQuery[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const record = JSON.parse(line) as Record<string, unknown>;
    const where = `${file}:${index + 1}`;
    const path = typeof record.path === 'string' ? record.path : where;
    const name = typeof record.name === 'string' ? ` (${record.name})` : '';
    queries.push({
      label: `${path}${name}`,
      query: String(record.query ?? ''),
      start: null,
    });
  });
  return queries;
}

function readToml(file: string, text: string): RuleQuery {
  const document = parseToml(text) as { rule?: { query?: unknown } };
  const query = String(document.rule?.query ?? '');
  return { label: file, query, start: locate(text, query) };
}

// A multi-line literal string holds the query verbatim, so its offset in
// the file turns error positions into file positions.
function locate(text: string, query: string): RuleQuery['start'] {
  const offset = query ? text.indexOf(query) : -1;
  if (offset < 0) return null;
  const before = text.slice(0, offset).split('\n');
  const column = (before[before.length - 1] ?? '').length + 1;
  return { line: before.length, column };
}

function check(rule: RuleQuery): string | null {
  try {
    compileQuery(parseQuery(rule.query));
    return null;
  } catch (error) {
    return describeFailure(rule, error);
  }
}

function describeFailure(rule: RuleQuery, error: unknown): string {
  if (!(error instanceof EqlQueryError)) {
    const message = error instanceof Error ? error.message : String(error);
    return `${rule.label}: ${message}`;
  }
  const { line, column } = error.pos;
  const fileLine = rule.start ? rule.start.line + line - 1 : line;
  const fileColumn =
    rule.start && line === 1 ? rule.start.column + column - 1 : column;
  const where = rule.start ? '' : ' (position within the query)';
  const excerpt = error.describe().split('\n').slice(1).join('\n');
  const location = `${rule.label}:${fileLine}:${fileColumn}`;
  return `${location}: ${error.reason}${where}\n${excerpt}`;
}

function main(files: readonly string[]): number {
  if (files.length === 0) {
    process.stderr.write('usage: tsx scripts/checkRules.ts FILE...\n');
    return 2;
  }
  const queries = files.flatMap(readQueries);
  const failures = queries
    .map(check)
    .filter((failure): failure is string => failure !== null);
  const passed = queries.length - failures.length;
  const summary = `${passed}/${queries.length} queries parse and compile`;
  process.stdout.write(`${summary}\n`);
  for (const failure of failures) process.stdout.write(`\n${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
