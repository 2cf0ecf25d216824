import { toText } from '../compiler/values';
import type { FunctionSpec } from './FunctionSpec';

type Test = (source: string, part: string) => boolean;

function affixFunction(name: string, test: Test): FunctionSpec {
  return {
    name,
    params: ['string', 'string'],
    required: 2,
    hasInsensitiveForm: true,
    returns: 'boolean',
    runsAsQuery: true,
    apply: (args, { caseInsensitive }) => {
      const source = toText(args[0] ?? null);
      const part = toText(args[1] ?? null);
      if (source === null || part === null) return null;
      return caseInsensitive
        ? test(source.toLowerCase(), part.toLowerCase())
        : test(source, part);
    },
  };
}

/**
 * `startsWith`, `endsWith` and `stringContains`, with their `~` forms.
 * Null in gives null out. `stringContains` is false for an empty
 * substring, as Elasticsearch documents (`stringContains("", "")` is false).
 */
export const affixFunctions: readonly FunctionSpec[] = [
  affixFunction('startsWith', (source, part) => source.startsWith(part)),
  affixFunction('endsWith', (source, part) => source.endsWith(part)),
  affixFunction(
    'stringContains',
    (source, part) => part.length > 0 && source.includes(part),
  ),
];
