import { describe, expect, it } from 'vitest';
import {
  combineTruth,
  isTrue,
  negateTruth,
  toTruth,
} from '../../lambda/eql/compiler/truth';
import { loadQuery } from '../../lambda/eql/index';

describe('three-valued logic', () => {
  it('follows Kleene tables for and', () => {
    expect(combineTruth(true, true, true)).toBe(true);
    expect(combineTruth(true, true, null)).toBeNull();
    expect(combineTruth(true, false, null)).toBe(false);
    expect(combineTruth(true, null, null)).toBeNull();
  });

  it('follows Kleene tables for or', () => {
    expect(combineTruth(false, false, false)).toBe(false);
    expect(combineTruth(false, false, null)).toBeNull();
    expect(combineTruth(false, true, null)).toBe(true);
  });

  it('keeps unknown unknown under not', () => {
    expect(negateTruth(null)).toBeNull();
    expect(negateTruth(false)).toBe(true);
  });

  it('collapses several outcomes: any true wins, then any false', () => {
    expect(toTruth([null, false])).toBe(false);
    expect(toTruth([null, true])).toBe(true);
    expect(toTruth([null, null])).toBeNull();
    expect(isTrue([false, true])).toBe(true);
    expect(isTrue(null)).toBe(false);
  });
});

describe('conditions over attacker-sized command lines', () => {
  const filterOf = (text: string) => {
    const query = loadQuery(text);
    if (query.kind !== 'event') throw new Error('expected an event query');
    return query.filter;
  };
  const event = {
    event: { category: 'process' },
    process: { command_line: 'a'.repeat(50_000), args: ['a'.repeat(50_000)] },
  };

  it('finishes a wildcard list against 50 KB without a match', () => {
    const filter = filterOf(
      'process where process.command_line : ("*a*a*a*a*b", "*a?a?a*c")',
    );
    expect(filter(event)).toBe(false);
  });

  it('finishes a nested-star regex against 50 KB without a match', () => {
    const filter = filterOf('process where process.args regex~ "(a*)*b"');
    expect(filter(event)).toBe(false);
  });

  it('finishes a negated pattern against 50 KB and matches', () => {
    const filter = filterOf(
      'process where not process.command_line like "*a*a*a*a*b"',
    );
    expect(filter(event)).toBe(true);
  });
});
