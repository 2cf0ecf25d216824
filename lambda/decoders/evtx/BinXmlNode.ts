/**
 * The tree that Binary XML describes, before substitution values are filled
 * in. A template definition parses to one of these once per chunk; each
 * record then supplies only a value table.
 *
 * Character and entity references and CDATA sections are folded into text
 * parts as they are read, since nothing downstream needs to tell them apart.
 */
export type BinXmlPart =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'substitution';
      readonly index: number;
      /** Optional substitutions vanish when their value is null. */
      readonly optional: boolean;
    };

/** One attribute: its name and the parts its value is made of. */
export interface BinXmlAttribute {
  readonly name: string;
  readonly parts: readonly BinXmlPart[];
}

/** One element with its attributes and its content in document order. */
export interface BinXmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly BinXmlAttribute[];
  readonly children: readonly BinXmlNode[];
}

/** Anything that can appear inside an element. */
export type BinXmlNode = BinXmlElement | BinXmlPart;
