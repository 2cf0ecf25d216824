import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type XmlToken,
  XmlTokenizer,
} from '../../../lambda/decoders/windows-xml/XmlTokenizer';

function tokenize(pieces: readonly string[]): XmlToken[] {
  const tokenizer = new XmlTokenizer();
  const tokens = pieces.flatMap((piece) => tokenizer.push(piece));
  // Start tags read their attributes lazily; compare them as plain data.
  const plain = JSON.parse(JSON.stringify([...tokens, ...tokenizer.end()]));
  return mergeTexts(plain);
}

// Text may arrive in several tokens; joined, it must be the same.
function mergeTexts(tokens: readonly XmlToken[]): XmlToken[] {
  const merged: XmlToken[] = [];
  for (const token of tokens) {
    const last = merged.at(-1);
    if (token.kind === 'text' && last?.kind === 'text') {
      merged[merged.length - 1] = {
        kind: 'text',
        text: last.text + token.text,
      };
    } else merged.push(token);
  }
  return merged;
}

const SAMPLE =
  "<?xml version='1.0'?>\n<!-- c -->\n<a:Root xmlns:a='urn:x'>\n" +
  "<Data Name=\"q&quot;'\" Other='&lt;&#65;&#x42;'>R&amp;D &lt;1&gt; &apos;x&apos;</Data>\n" +
  '<Empty Attr="1"/><C><![CDATA[<not a tag> & raw]]></C>\n</a:Root>';

describe('XmlTokenizer', () => {
  it('reads tags, attributes, entities, CDATA and skips the rest', () => {
    const tokens = tokenize([SAMPLE]).filter(
      (token) => token.kind !== 'text' || token.text.trim() !== '',
    );
    expect(tokens).toEqual([
      {
        kind: 'open',
        name: 'Root',
        attributes: { a: 'urn:x' },
        selfClosing: false,
        line: 3,
      },
      {
        kind: 'open',
        name: 'Data',
        attributes: { Name: 'q"\'', Other: '<AB' },
        selfClosing: false,
        line: 4,
      },
      { kind: 'text', text: "R&D <1> 'x'" },
      { kind: 'close', name: 'Data', line: 4 },
      {
        kind: 'open',
        name: 'Empty',
        attributes: { Attr: '1' },
        selfClosing: true,
        line: 5,
      },
      { kind: 'open', name: 'C', attributes: {}, selfClosing: false, line: 5 },
      { kind: 'text', text: '<not a tag> & raw' },
      { kind: 'close', name: 'C', line: 5 },
      { kind: 'close', name: 'Root', line: 6 },
    ]);
  });

  it('gives the same tokens wherever the input is cut', () => {
    const whole = tokenize([SAMPLE]);
    fc.assert(
      fc.property(fc.array(fc.nat(SAMPLE.length)), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const pieces = [0, ...points].map((start, i) =>
          SAMPLE.slice(start, points[i] ?? SAMPLE.length),
        );
        expect(tokenize(pieces)).toEqual(whole);
      }),
    );
  });

  it('leaves unknown entities and out-of-range references as written', () => {
    expect(tokenize(['<a>&nbsp; &#x110000; &#9;</a>'])[1]).toEqual({
      kind: 'text',
      text: '&nbsp; &#x110000; \t',
    });
  });

  it('keeps a > inside a quoted attribute value', () => {
    expect(tokenize(["<a b='x>y'>"])[0]).toMatchObject({
      attributes: { b: 'x>y' },
    });
  });

  it('reports an input that ends inside a tag', () => {
    expect(tokenize(['<a><b c="1'])).toEqual([
      { kind: 'open', name: 'a', attributes: {}, selfClosing: false, line: 1 },
      { kind: 'error', reason: 'input ended inside a tag', line: 1 },
    ]);
  });
});
