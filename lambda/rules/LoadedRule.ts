import type { CompiledQuery } from '../eql/CompiledQuery';
import type { Rule } from './Rule';

/** A rule together with its query, compiled once when the rule loaded. */
export interface LoadedRule {
  readonly rule: Rule;
  readonly query: CompiledQuery;
}
