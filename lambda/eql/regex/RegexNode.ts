import type { CharSet } from './CharSet';

/**
 * The tree of a parsed Lucene regular expression: one code point from a
 * set, a sequence, alternatives, a bounded or unbounded repetition, the
 * empty string, or nothing at all (`#`).
 */
export type RegexNode =
  | { readonly kind: 'chars'; readonly set: CharSet }
  | { readonly kind: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'union'; readonly items: readonly RegexNode[] }
  | {
      readonly kind: 'repeat';
      readonly item: RegexNode;
      readonly min: number;
      readonly max: number | null;
    }
  | { readonly kind: 'empty' }
  | { readonly kind: 'nothing' };
