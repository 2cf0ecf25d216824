import { toNumber } from '../compiler/values';
import type { CallOptions, FunctionSpec } from './FunctionSpec';

/** An arithmetic operator or function: `+ - * / %`. */
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

/**
 * Applies an arithmetic operator with Elasticsearch's rules: null in, null
 * out; `/` between two integers divides as integers, truncating (unless one
 * of them is a literal written as a float, such as `4.0`); `%` keeps the
 * dividend's sign, as Java does. Dividing by zero gives null here, where
 * Elasticsearch would fail the whole search.
 *
 * Text holding a decimal number counts as that number, since field types
 * are unknown; other text gives null.
 */
export function applyArithmetic(
  op: ArithmeticOp,
  left: unknown,
  right: unknown,
  floatLiterals: readonly boolean[] = [],
): number | null {
  const a = toNumber(left as never);
  const b = toNumber(right as never);
  if (a === null || b === null) return null;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return divide(a, b, floatLiterals.some(Boolean));
    case '%':
      return b === 0 ? null : a % b;
  }
}

function divide(a: number, b: number, hasFloatLiteral: boolean): number | null {
  if (b === 0) return null;
  const integral = Number.isInteger(a) && Number.isInteger(b);
  return integral && !hasFloatLiteral ? Math.trunc(a / b) : a / b;
}

function arithmeticFunction(
  name: string,
  op: ArithmeticOp,
  usage: string,
): FunctionSpec {
  return {
    name,
    usage,
    params: ['number', 'number'],
    required: 2,
    hasInsensitiveForm: false,
    returns: 'number',
    apply: (args, options: CallOptions) =>
      applyArithmetic(op, args[0], args[1], options.floatLiterals),
  };
}

/** `add`, `subtract`, `multiply`, `divide` and `modulo`. */
export const arithmeticFunctions: readonly FunctionSpec[] = [
  arithmeticFunction('add', '+', 'add(addend, addend)'),
  arithmeticFunction('subtract', '-', 'subtract(minuend, subtrahend)'),
  arithmeticFunction('multiply', '*', 'multiply(factor, factor)'),
  arithmeticFunction('divide', '/', 'divide(dividend, divisor)'),
  arithmeticFunction('modulo', '%', 'modulo(dividend, divisor)'),
];
