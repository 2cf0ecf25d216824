import { describe, expect, it } from 'vitest';
import { locateTomlKeys } from '../../lambda/rules/locateTomlKeys';

describe('locateTomlKeys', () => {
  const text = [
    '[metadata]', //                      1
    'maturity = "production"', //         2
    '', //                                3
    '[rule]', //                          4
    'note = """', //                      5
    'query = "not a key: inside note"', // 6
    '"""', //                             7
    "  query = '''", //                   8
    'sequence by host.id', //             9
    "'''", //                             10
    'name = "x"', //                      11
    "inline = '''any where true'''", //   12
  ].join('\n');
  const tables = locateTomlKeys(text);

  it('finds the table header line', () => {
    expect(tables.get('rule')?.line).toBe(4);
    expect(tables.get('metadata')?.line).toBe(1);
  });

  it('skips key-like lines inside a multi-line string', () => {
    expect(tables.get('rule')?.keys.get('query')?.line).toBe(8);
  });

  it('puts a multi-line value on the next line when the delimiter ends its line', () => {
    const query = tables.get('rule')?.keys.get('query');
    expect(query).toMatchObject({
      line: 8,
      column: 3,
      valueLine: 9,
      valueColumn: 1,
    });
  });

  it('puts a one-line value just after its opening quotes', () => {
    expect(tables.get('rule')?.keys.get('name')).toMatchObject({
      valueLine: 11,
      valueColumn: 9,
    });
    expect(tables.get('rule')?.keys.get('inline')).toMatchObject({
      valueLine: 12,
      valueColumn: 13,
    });
  });
});
