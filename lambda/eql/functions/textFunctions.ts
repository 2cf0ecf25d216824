import { toText } from '../compiler/values';
import type { FunctionSpec } from './FunctionSpec';

/** `length(string)`: its length in UTF-16 code units, as Java counts. */
export const lengthFunction: FunctionSpec = {
  name: 'length',
  usage: 'length(string)',
  params: ['string'],
  required: 1,
  hasInsensitiveForm: false,
  returns: 'number',
  apply: (args) => {
    const text = toText(args[0] ?? null);
    return text === null ? null : text.length;
  },
};

/** `concat(value, ...)`: the values as text, joined; null if any is null. */
export const concatFunction: FunctionSpec = {
  name: 'concat',
  usage: 'concat(value, ...)',
  params: ['any'],
  required: 1,
  variadic: true,
  hasInsensitiveForm: false,
  returns: 'string',
  apply: (args) => {
    let out = '';
    for (const arg of args) {
      const text = toText(arg);
      if (text === null) return null;
      out += text;
    }
    return out;
  },
};

/** `string(value)`: the value as text; null stays null. */
export const stringFunction: FunctionSpec = {
  name: 'string',
  usage: 'string(value)',
  params: ['any'],
  required: 1,
  hasInsensitiveForm: false,
  returns: 'string',
  apply: (args) => toText(args[0] ?? null),
};
