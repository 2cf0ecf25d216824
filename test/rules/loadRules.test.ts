import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleLoadError, RuleSetError } from '../../lambda/rules/errors';
import { loadRule } from '../../lambda/rules/loadRule';
import { loadRules } from '../../lambda/rules/loadRules';

const BUNDLED = 'rules/command_and_control_rmm_after_msi_install.toml';

function ruleText(id: string, queryLines: string[]): string {
  return [
    '[rule]',
    `rule_id = "${id}"`,
    'name = "Test"',
    'description = "x"',
    'severity = "high"',
    'risk_score = 73',
    'type = "eql"',
    "query = '''",
    ...queryLines,
    "'''",
    '',
  ].join('\n');
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'eqlambda-rules-'));
}

async function loadError(path: string): Promise<RuleLoadError> {
  try {
    await loadRule(path);
  } catch (error) {
    if (error instanceof RuleLoadError) return error;
    throw error;
  }
  throw new Error('expected loadRule to fail');
}

describe('loadRule', () => {
  it('loads the bundled rule and compiles its sequence', async () => {
    const { rule, query } = await loadRule(BUNDLED);
    expect(rule.id).toBe('1b5e9d4a-7c2f-4e8b-a3d6-0f9c8e2b1a4d');
    expect(rule.riskScore).toBe(47);
    expect(rule.severity).toBe('medium');
    expect(rule.threat[0]?.tactic.id).toBe('TA0011');
    expect(rule.threat[0]?.techniques[0]?.id).toBe('T1219');
    expect(rule.note).toContain('Investigating Remote Management Access');
    expect(query.kind).toBe('sequence');
    if (query.kind === 'sequence') {
      expect(query.stages).toHaveLength(2);
      expect(query.maxspanMs).toBe(60_000);
    }
  });

  it('reports a broken query at its line and column in the TOML file', async () => {
    const dir = tempDir();
    const path = join(dir, 'broken.toml');
    // File line 9 is the query's first line; line 10 holds `maxspan=1`,
    // whose number lacks a unit: the 1 is at column 15.
    writeFileSync(
      path,
      ruleText('r-broken', [
        'sequence by host.id',
        ' with maxspan=1',
        ' [process where true]',
      ]),
    );
    const error = await loadError(path);
    expect(error.path).toBe(path);
    expect(error.line).toBe(10);
    expect(error.column).toBe(15);
    expect(error.message.startsWith(`${path}:10:15: `)).toBe(true);
    const lines = error.describe().split('\n');
    expect(lines[1]).toBe(' with maxspan=1');
    expect(lines[2]).toBe(`${' '.repeat(14)}^`);
  });

  it('reports an unknown function where it is written', async () => {
    const dir = tempDir();
    const path = join(dir, 'fn.toml');
    writeFileSync(
      path,
      ruleText('r-fn', ['process where', '  nosuchfunction(process.name)']),
    );
    const error = await loadError(path);
    expect([error.line, error.column]).toEqual([10, 3]);
    // The whole call is underlined.
    const call = 'nosuchfunction(process.name)';
    expect(error.describe().split('\n')[2]).toBe(
      `  ${'^'.repeat(call.length)}`,
    );
  });
});

describe('loadRules', () => {
  it('loads every .toml file of a folder, in name order', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'b.toml'), ruleText('r-b', ['process where true']));
    writeFileSync(join(dir, 'a.toml'), ruleText('r-a', ['process where true']));
    writeFileSync(join(dir, 'notes.md'), 'not a rule');
    const rules = await loadRules([dir]);
    expect(rules.map((r) => r.rule.id)).toEqual(['r-a', 'r-b']);
  });

  it('reports every broken file together', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.toml'), ruleText('r-a', ['process where (']));
    writeFileSync(join(dir, 'b.toml'), '[rule]\nname = "x"\n');
    writeFileSync(join(dir, 'c.toml'), ruleText('r-c', ['process where true']));
    const error = await loadRules([dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleSetError);
    const paths = (error as RuleSetError).errors.map((e) => e.path);
    expect(paths).toEqual([join(dir, 'a.toml'), join(dir, 'b.toml')]);
  });

  it('refuses two files with the same rule_id', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.toml'),
      ruleText('same', ['process where true']),
    );
    writeFileSync(
      join(dir, 'b.toml'),
      ruleText('same', ['process where true']),
    );
    const error = (await loadRules([dir]).catch(
      (e: unknown) => e,
    )) as RuleSetError;
    expect(error.errors[0]?.reason).toBe(
      `rule_id same is also used by ${join(dir, 'a.toml')}`,
    );
  });

  it('reports a path that does not exist', async () => {
    const error = (await loadRules(['no/such/rules']).catch(
      (e: unknown) => e,
    )) as RuleSetError;
    expect(error.errors[0]?.reason).toBe('no such file or directory');
  });
});
