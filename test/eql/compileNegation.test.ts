import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EcsDocument, EcsValue } from '../../lambda/ecs/EcsDocument';
import { loadQuery } from '../../lambda/eql/index';

function filterOf(text: string) {
  const query = loadQuery(text);
  if (query.kind !== 'event') throw new Error('expected an event query');
  return query.filter;
}

const word = fc.constantFrom('a', 'b', 'A', 'ab');
const fieldValue: fc.Arbitrary<EcsValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  word,
  fc.array(word, { maxLength: 3 }),
);
const eventWith = (value: EcsValue | undefined): EcsDocument =>
  value === undefined
    ? { event: { category: 'process' } }
    : { event: { category: 'process' }, f: value };
const elements = (value: EcsValue | undefined): EcsValue[] =>
  value === undefined || value === null
    ? []
    : Array.isArray(value)
      ? value
      : [value];

const fieldTests = [
  'f == "a"',
  'f : "a*"',
  'f in ("a", "b")',
  'f like~ "?"',
  'f regex "a+"',
  'startsWith(f, "a")',
  'stringContains~(f, "B")',
];

describe('negation of a field test (Elasticsearch must_not)', () => {
  it('matches exactly the events the test does not match', () => {
    for (const test of fieldTests) {
      const positive = filterOf(`process where ${test}`);
      const negative = filterOf(`process where not ${test}`);
      fc.assert(
        fc.property(fieldValue, (value) => {
          const event = eventWith(value);
          return negative(event) === !positive(event);
        }),
      );
    }
  });

  it('makes != the complement of == and not in the complement of in', () => {
    const pairs = [
      ['f == "a"', 'f != "a"'],
      ['f in ("a", "b")', 'f not in ("a", "b")'],
      ['f in~ ("a")', 'f not in~ ("a")'],
    ];
    for (const [positiveText, negativeText] of pairs) {
      const positive = filterOf(`process where ${positiveText}`);
      const negative = filterOf(`process where ${negativeText}`);
      fc.assert(
        fc.property(fieldValue, (value) => {
          const event = eventWith(value);
          return negative(event) === !positive(event);
        }),
      );
    }
  });
});

describe('a positive field test', () => {
  it('matches when any element passes (checked against the elements)', () => {
    const equalsA = filterOf('process where f == "a"');
    const colonA = filterOf('process where f : "a"');
    fc.assert(
      fc.property(fieldValue, (value) => {
        const event = eventWith(value);
        const items = elements(value);
        const exact = items.includes('a');
        const folded = items.some((v) => String(v).toLowerCase() === 'a');
        return equalsA(event) === exact && colonA(event) === folded;
      }),
    );
  });

  it('never matches a missing field, and its negation always does', () => {
    for (const test of fieldTests) {
      const event = eventWith(undefined);
      expect(filterOf(`process where ${test}`)(event)).toBe(false);
      expect(filterOf(`process where not ${test}`)(event)).toBe(true);
    }
  });
});
