import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleLoadError } from '../../lambda/rules/errors';
import { parseRule } from '../../lambda/rules/parseRule';

const BUNDLED = 'rules/command_and_control_rmm_after_msi_install.toml';

function minimalRule(extra: string): string {
  return [
    '[rule]',
    'rule_id = "r-1"',
    'name = "A rule"',
    'description = "Finds things."',
    'severity = "low"',
    'risk_score = 21',
    'type = "eql"',
    extra,
    "query = '''",
    'process where true',
    "'''",
  ].join('\n');
}

function parseError(text: string): RuleLoadError {
  try {
    parseRule(text, 'x.toml');
  } catch (error) {
    if (error instanceof RuleLoadError) return error;
    throw error;
  }
  throw new Error('expected parseRule to throw');
}

describe('parseRule', () => {
  it('reads the bundled rule with its metadata', () => {
    const rule = parseRule(readFileSync(BUNDLED, 'utf8'), BUNDLED);
    expect(rule.id).toBe('1b5e9d4a-7c2f-4e8b-a3d6-0f9c8e2b1a4d');
    expect(rule.name).toBe('Remote Management Access Launch After MSI Install');
    expect(rule.version).toBe(1);
    expect(rule.severity).toBe('medium');
    expect(rule.riskScore).toBe(47);
    expect(rule.tags).toContain('Tactic: Command and Control');
    expect(rule.references).toEqual([
      'https://attack.mitre.org/techniques/T1219/',
    ]);
    expect(rule.threat).toHaveLength(1);
    expect(rule.threat[0]?.tactic.id).toBe('TA0011');
    expect(rule.threat[0]?.techniques.map((t) => t.id)).toEqual(['T1219']);
    expect(
      rule.threat[0]?.techniques[0]?.subtechniques.map((s) => s.id),
    ).toEqual(['T1219.002']);
    expect(rule.note).toMatch(/^## Triage and analysis/);
    expect(rule.description).toMatch(/^Detects an MSI installer execution/);
    expect(rule.tiebreakerField).toBeNull();
    expect(rule.path).toBe(BUNDLED);
  });

  it('keeps the query exactly as written, without the first newline', () => {
    const rule = parseRule(readFileSync(BUNDLED, 'utf8'), BUNDLED);
    expect(rule.query.startsWith('sequence by host.id with maxspan=1m\n')).toBe(
      true,
    );
    expect(rule.query).toContain('process.args : ("/i*", "-i*")]');
  });

  it('takes the version and tiebreaker field when the file has them', () => {
    const rule = parseRule(
      minimalRule('version = 3\ntiebreaker_field = "event.sequence"'),
      'x.toml',
    );
    expect(rule.version).toBe(3);
    expect(rule.tiebreakerField).toBe('event.sequence');
    expect(rule.note).toBeNull();
    expect(rule.tags).toEqual([]);
  });

  it('refuses a rule whose type is not eql, pointing at the type key', () => {
    const text = minimalRule('').replace('type = "eql"', 'type = "query"');
    const error = parseError(text);
    expect(error.message).toBe('x.toml:7:1: rule type is "query", not "eql"');
    expect(error.describe()).toContain('type = "query"\n^^^^');
  });

  it('lists every missing required field at the [rule] header', () => {
    const text = '[metadata]\nmaturity = "production"\n\n[rule]\nname = "x"\n';
    const error = parseError(text);
    expect(error.line).toBe(4);
    expect(error.column).toBe(1);
    expect(error.reason).toBe(
      'missing required field(s): rule_id, description, severity, ' +
        'risk_score, type, query',
    );
  });

  it('refuses an unknown severity', () => {
    const text = minimalRule('').replace('"low"', '"urgent"');
    expect(parseError(text).message).toMatch(/^x\.toml:5:1: severity must be/);
  });

  it('reports a TOML syntax error with its line and column', () => {
    const error = parseError('[rule]\nname = "unterminated\n');
    expect(error.line).toBe(2);
    expect(error.path).toBe('x.toml');
    expect(error.excerpt).toBe('name = "unterminated');
  });

  it('refuses a file without a [rule] table', () => {
    expect(parseError('[metadata]\n').reason).toBe('no [rule] table');
  });
});
