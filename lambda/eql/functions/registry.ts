import { affixFunctions } from './affixes';
import { arithmeticFunctions } from './arithmetic';
import { betweenFunction } from './between';
import { cidrMatchFunction } from './cidrMatch';
import type { FunctionSpec } from './FunctionSpec';
import { indexOfFunction } from './indexOf';
import { numberFunction } from './numberFunction';
import { substringFunction } from './substring';
import {
  concatFunction,
  lengthFunction,
  stringFunction,
} from './textFunctions';

const ALL: readonly FunctionSpec[] = [
  ...arithmeticFunctions,
  ...affixFunctions,
  betweenFunction,
  cidrMatchFunction,
  concatFunction,
  indexOfFunction,
  lengthFunction,
  numberFunction,
  stringFunction,
  substringFunction,
];

const BY_NAME = new Map(ALL.map((spec) => [spec.name.toLowerCase(), spec]));

/**
 * Finds an EQL function by name. Elasticsearch resolves function names
 * without regard to case (`startswith~` and `cidrmatch` appear in
 * published rules), so this does too.
 */
export function findFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** The known function name closest to `name`, to suggest in an error. */
function nearestFunctionName(name: string): string | undefined {
  const wanted = name.toLowerCase();
  const prefixed = ALL.find(
    (spec) => wanted.length >= 3 && spec.name.toLowerCase().startsWith(wanted),
  );
  if (prefixed) return prefixed.name;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
  for (const spec of ALL) {
    const distance = editDistance(wanted, spec.name.toLowerCase());
    if (distance < bestDistance) {
      best = spec.name;
      bestDistance = distance;
    }
  }
  return best;
}

const ENDGAME_ONLY: Record<string, string> = {
  arraycontains:
    'Elasticsearch EQL has no array functions; `:` and `in` already match any element of an array',
  arraycount: 'Elasticsearch EQL has no array functions',
  arraysearch:
    'Elasticsearch EQL has no array functions; `:` and `in` already match any element of an array',
  match: 'use the regex operator: field regex "pattern"',
  matchlite: 'use the regex operator: field regex "pattern"',
  wildcard: 'use the : operator: field : "pattern*"',
};

/**
 * A hint for a function that exists in the original (Endgame) EQL but not
 * in Elasticsearch, or the nearest known name, or undefined.
 */
export function hintForUnknownFunction(name: string): string | undefined {
  const endgame = ENDGAME_ONLY[name.toLowerCase()];
  if (endgame) return endgame;
  const nearest = nearestFunctionName(name);
  return nearest ? `did you mean ${nearest}?` : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution =
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        substitution,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
