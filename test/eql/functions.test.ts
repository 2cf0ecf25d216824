import { describe, expect, it } from 'vitest';
import type { Scalar } from '../../lambda/eql/compiler/values';
import { parseCidr } from '../../lambda/eql/functions/cidrMatch';
import { parseIp } from '../../lambda/eql/functions/ipAddress';
import {
  findFunction,
  hintForUnknownFunction,
} from '../../lambda/eql/functions/registry';

function call(name: string, args: Scalar[], caseInsensitive = false) {
  const spec = findFunction(name);
  if (!spec) throw new Error(`no function ${name}`);
  return spec.apply(args, { caseInsensitive, floatLiterals: [] });
}

describe('the function registry', () => {
  it('finds every Elasticsearch EQL function, ignoring case', () => {
    const names = [
      'add',
      'between',
      'cidrMatch',
      'concat',
      'divide',
      'endsWith',
      'indexOf',
      'length',
      'modulo',
      'multiply',
      'number',
      'startsWith',
      'string',
      'stringContains',
      'substring',
      'subtract',
    ];
    for (const name of names) {
      expect(findFunction(name)?.name).toBe(name);
      expect(findFunction(name.toUpperCase())?.name).toBe(name);
    }
  });

  it('offers a ~ form exactly where Elasticsearch has one', () => {
    const insensitive = [
      'between',
      'endsWith',
      'indexOf',
      'startsWith',
      'stringContains',
    ];
    for (const name of ['add', 'concat', 'length', 'number', 'substring']) {
      expect(findFunction(name)?.hasInsensitiveForm).toBe(false);
    }
    for (const name of insensitive) {
      expect(findFunction(name)?.hasInsensitiveForm).toBe(true);
    }
  });

  it('suggests the nearest name for a typo', () => {
    expect(hintForUnknownFunction('stringContans')).toBe(
      'did you mean stringContains?',
    );
    expect(hintForUnknownFunction('substr')).toBe('did you mean substring?');
  });

  it('explains functions that exist only in Endgame EQL', () => {
    expect(hintForUnknownFunction('arrayContains')).toContain('any element');
    expect(hintForUnknownFunction('wildcard')).toContain(':');
  });

  it('gives no hint for a name far from every function', () => {
    expect(hintForUnknownFunction('frobnicate')).toBeUndefined();
  });
});

describe('function behaviour', () => {
  it('between returns the source when a bound is empty', () => {
    expect(call('between', ['abc', '', 'c'])).toBe('abc');
  });

  it('between gives "" when a greedy right bound ends before the left', () => {
    expect(call('between', ['a.b', 'b', 'a', true])).toBe('');
  });

  it('number rejects text that is not a number with null', () => {
    expect(call('number', ['12abc'])).toBeNull();
    expect(call('number', [''])).toBeNull();
    expect(call('number', ['zz', 16])).toBeNull();
  });

  it('number reads binary with an explicit base', () => {
    expect(call('number', ['101', 2])).toBe(5);
  });

  it('divide and modulo by zero give null instead of failing', () => {
    expect(call('divide', [1, 0])).toBeNull();
    expect(call('modulo', [1, 0])).toBeNull();
  });

  it('divide truncates toward zero between integers, as Java does', () => {
    expect(call('divide', [-4, 3])).toBe(-1);
  });

  it('arithmetic reads numeric text as a number', () => {
    expect(call('add', ['4', 1])).toBe(5);
    expect(call('add', ['four', 1])).toBeNull();
  });

  it('string functions read numbers as their text', () => {
    expect(call('length', [1234])).toBe(4);
    expect(call('startsWith', [1234, '12'])).toBe(true);
  });

  it('cidrMatch is false for text that is not an address', () => {
    expect(call('cidrMatch', ['hello', '10.0.0.0/8'])).toBe(false);
  });

  it('cidrMatch matches an IPv4-mapped IPv6 address against IPv4 blocks', () => {
    expect(call('cidrMatch', ['::ffff:10.1.2.3', '10.0.0.0/8'])).toBe(true);
  });
});

describe('IP and CIDR parsing', () => {
  it('parses IPv4 and rejects out-of-range octets', () => {
    expect(Array.from(parseIp('192.168.0.1') ?? [])).toEqual([192, 168, 0, 1]);
    expect(parseIp('256.1.1.1')).toBeNull();
    expect(parseIp('1.2.3')).toBeNull();
  });

  it('parses IPv6 with :: and an embedded IPv4 tail', () => {
    const bytes = parseIp('fe80::1');
    expect(bytes?.length).toBe(16);
    expect(bytes?.[0]).toBe(0xfe);
    expect(bytes?.[15]).toBe(1);
    expect(parseIp('64:ff9b::192.0.2.33')?.[15]).toBe(33);
    expect(parseIp('1::2::3')).toBeNull();
  });

  it('reads a bare address as a block of one', () => {
    expect(parseCidr('10.0.0.1')?.prefix).toBe(32);
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('::/0')?.prefix).toBe(0);
  });
});
