/** One element of the array being split, or a problem found on the way. */
export type SplitItem =
  | {
      readonly kind: 'element';
      /** The element's JSON text, untouched. */
      readonly text: string;
      /** Position of the element in the array, from 0. */
      readonly index: number;
      /** Line of the element's first character, from 1. */
      readonly line: number;
      /** Byte offset of the element's first character, from 0. */
      readonly offset: number;
    }
  | {
      readonly kind: 'error';
      readonly reason: string;
      readonly index: number;
      readonly line: number;
      readonly offset: number;
    };
