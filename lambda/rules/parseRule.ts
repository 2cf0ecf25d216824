import { parse, TomlError } from 'smol-toml';
import { RuleLoadError } from './errors';
import { locateTomlKeys, type TomlTableLocation } from './locateTomlKeys';
import type { Rule, Threat } from './Rule';
import { readThreat } from './readThreat';

type Table = Record<string, unknown>;

const SEVERITIES: readonly Rule['severity'][] = [
  'low',
  'medium',
  'high',
  'critical',
];
const REQUIRED = [
  'rule_id',
  'name',
  'description',
  'severity',
  'risk_score',
  'type',
  'query',
] as const;

/**
 * Reads an Elastic detection-rules TOML file into a Rule, without compiling
 * its query. Every problem carries its line and column in the file.
 *
 * @example
 * const rule = parseRule(readFileSync(path, 'utf8'), path);
 * rule.riskScore; // 47
 *
 * @throws RuleLoadError when the text is not TOML, the rule is not an EQL
 * rule, or a required field is missing or has the wrong type.
 */
export function parseRule(text: string, path: string): Rule {
  const document = parseToml(text, path);
  const lines = text.split(/\r?\n/);
  const tables = locateTomlKeys(text);
  const at = locator(path, lines, tables.get('rule'));
  const rule = document.rule;
  if (!isTable(rule)) {
    throw new RuleLoadError(path, { line: 1, column: 1 }, 'no [rule] table', {
      hint: 'an Elastic rule file has a [rule] table with type = "eql"',
    });
  }
  const missing = REQUIRED.filter((key) => rule[key] === undefined);
  if (missing.length > 0) {
    throw at(null, `missing required field(s): ${missing.join(', ')}`);
  }
  if (rule.type !== 'eql') {
    throw at('type', `rule type is ${JSON.stringify(rule.type)}, not "eql"`, {
      hint: 'eqlambda runs EQL rules only (type = "eql")',
    });
  }
  return {
    id: readString(rule, 'rule_id', at),
    name: readString(rule, 'name', at),
    version: readVersion(rule, at),
    description: readString(rule, 'description', at).trim(),
    severity: readSeverity(rule, at),
    riskScore: readRiskScore(rule, at),
    tags: readStrings(rule, 'tags', at),
    references: readStrings(rule, 'references', at),
    threat: readThreats(rule, at),
    note: rule.note === undefined ? null : readString(rule, 'note', at),
    query: readString(rule, 'query', at),
    tiebreakerField:
      rule.tiebreaker_field === undefined
        ? null
        : readString(rule, 'tiebreaker_field', at),
    path,
  };
}

/** Builds a RuleLoadError at a key of `[rule]`, or at the table itself. */
type Locator = (
  key: string | null,
  reason: string,
  details?: { hint?: string },
) => RuleLoadError;

function locator(
  path: string,
  lines: readonly string[],
  table: TomlTableLocation | undefined,
): Locator {
  return (key, reason, details = {}) => {
    const found = key === null ? undefined : table?.keys.get(key);
    const line = found?.line ?? table?.line ?? 1;
    const column = found?.column ?? 1;
    const length = found ? (key?.length ?? 1) : 1;
    return new RuleLoadError(path, { line, column, length }, reason, {
      excerpt: lines[line - 1] ?? '',
      ...details,
    });
  };
}

function parseToml(text: string, path: string): Table {
  try {
    return parse(text) as Table;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const reason = error.message.split('\n')[0] ?? 'invalid TOML';
    const excerpt = text.split(/\r?\n/)[error.line - 1] ?? '';
    const position = { line: error.line, column: error.column };
    throw new RuleLoadError(path, position, reason, { excerpt, cause: error });
  }
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readString(rule: Table, key: string, at: Locator): string {
  const value = rule[key];
  if (typeof value !== 'string') throw at(key, `${key} must be a string`);
  return value;
}

function readStrings(rule: Table, key: string, at: Locator): string[] {
  const value = rule[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw at(key, `${key} must be an array of strings`);
  }
  return value;
}

function readVersion(rule: Table, at: Locator): number {
  // Elastic keeps versions in a lock file, not in the TOML; a rule without
  // one is version 1.
  const value = rule.version ?? 1;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw at('version', 'version must be a positive integer');
  }
  return value;
}

function readSeverity(rule: Table, at: Locator): Rule['severity'] {
  const value = rule.severity;
  const found = SEVERITIES.find((severity) => severity === value);
  if (!found) {
    throw at('severity', `severity must be one of ${SEVERITIES.join(', ')}`);
  }
  return found;
}

function readRiskScore(rule: Table, at: Locator): number {
  const value = rule.risk_score;
  if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
    throw at('risk_score', 'risk_score must be a number from 0 to 100');
  }
  return value;
}

function readThreats(rule: Table, at: Locator): Threat[] {
  const value = rule.threat ?? [];
  if (!Array.isArray(value)) throw at('threat', 'threat must be an array');
  return value.map((entry, index) => {
    const threat = readThreat(entry);
    if (threat === null) {
      throw at(null, `rule.threat[${index}] needs a framework and a tactic`);
    }
    return threat;
  });
}
