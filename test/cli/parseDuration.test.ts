import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/errors';
import { parseDuration } from '../../cli/parseDuration';

describe('parseDuration', () => {
  it('reads every unit', () => {
    expect(parseDuration('500ms', '--x')).toBe(500);
    expect(parseDuration('30s', '--x')).toBe(30_000);
    expect(parseDuration('15m', '--x')).toBe(900_000);
    expect(parseDuration('24h', '--x')).toBe(86_400_000);
    expect(parseDuration('2d', '--x')).toBe(172_800_000);
    expect(parseDuration('1.5h', '--x')).toBe(5_400_000);
  });

  it('refuses a number without a unit, naming the option', () => {
    expect(() => parseDuration('24', '--lateness')).toThrow(UsageError);
    expect(() => parseDuration('24', '--lateness')).toThrow(
      /^--lateness "24" is not a duration; write a number and a unit/,
    );
  });
});
