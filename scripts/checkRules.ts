/**
 * Checks that EQL rule queries parse (and compile, once the compiler is
 * there).
 *
 * Usage: npx tsx scripts/checkRules.ts FILE...
 *
 * FILE is `.ndjson` (one object a line with `query`, and `path` / `name`
 * for reporting), `.toml` (a detection rule: `rule.query`) or `.eql` (the
 * whole file is one query). Prints `N/M queries parse and compile`, then
 * each failure as `PATH:LINE:COLUMN: message` with the caret excerpt.
 * Exits 1 if any query failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import type { QueryNode } from '../lambda/eql/ast';
import { EqlQueryError } from '../lambda/eql/errors';
import { parseQuery } from '../lambda/eql/parse';

/** One query to check, with where it came from. */
interface RuleQuery {
  readonly label: string;
  readonly query: string;
  /** Line and column in `label` where the query text starts, if known. */
  readonly start: { readonly line: number; readonly column: number } | null;
}

type Compile = (ast: QueryNode) => unknown;

// The compiler is written in parallel with this script; until it exists,
// only parsing is checked.
async function loadCompiler(): Promise<Compile | null> {
  const url = new URL('../lambda/eql/compile.ts', import.meta.url);
  if (!existsSync(url)) return null;
  const module = (await import(url.href)) as { compileQuery?: Compile };
  return module.compileQuery ?? null;
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

function check(rule: RuleQuery, compile: Compile | null): string | null {
  try {
    const ast = parseQuery(rule.query);
    compile?.(ast);
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

async function main(files: readonly string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: tsx scripts/checkRules.ts FILE...\n');
    return 2;
  }
  const compile = await loadCompiler();
  const queries = files.flatMap(readQueries);
  const failures = queries
    .map((rule) => check(rule, compile))
    .filter((failure): failure is string => failure !== null);
  const passed = queries.length - failures.length;
  const what = compile ? 'parse and compile' : 'parse (no compiler yet)';
  process.stdout.write(`${passed}/${queries.length} queries ${what}\n`);
  for (const failure of failures) process.stdout.write(`\n${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
