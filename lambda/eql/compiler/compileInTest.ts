import type { InNode } from '../ast';
import { ipKey } from '../functions/ipAddress';
import type { CompileContext } from './CompileContext';
import type { ScalarTest } from './compilePatternTest';
import { compileValue } from './compileValue';
import { foldCase, parseDecimal } from './values';

/**
 * Compiles the list of `in` / `in~` once into sets. Text matches text
 * exactly (case-folded for `in~`); a number matches the same number or
 * text holding it; a boolean matches itself or its text; an IP address
 * matches any spelling of the same address. Null entries
 * match nothing, as Elasticsearch drops them from the lookup.
 */
export function compileInTest(node: InNode, ctx: CompileContext): ScalarTest {
  const fold = (text: string) => (node.caseInsensitive ? foldCase(text) : text);
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const numericStrings = new Set<number>();
  const booleans = new Set<boolean>();
  const addresses = new Set<string>();
  for (const item of node.values) {
    const value = compileValue(item, ctx)({});
    if (typeof value === 'string') {
      strings.add(fold(value));
      const address = ipKey(value);
      if (address !== null) addresses.add(address);
      const parsed = parseDecimal(value);
      if (parsed !== null) numericStrings.add(parsed);
    } else if (typeof value === 'number') numbers.add(value);
    else if (typeof value === 'boolean') booleans.add(value);
  }
  return (value) => {
    if (typeof value === 'string') {
      if (strings.has(fold(value))) return true;
      if (value === 'true' || value === 'false') {
        if (booleans.has(value === 'true')) return true;
      }
      if (addresses.size > 0) {
        const address = ipKey(value);
        if (address !== null && addresses.has(address)) return true;
      }
      const parsed = numbers.size > 0 ? parseDecimal(value) : null;
      return parsed !== null && numbers.has(parsed);
    }
    if (typeof value === 'number') {
      return numbers.has(value) || numericStrings.has(value);
    }
    return booleans.has(value as boolean) || strings.has(String(value));
  };
}
