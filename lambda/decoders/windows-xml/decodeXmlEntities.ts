const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
const MAX_CODE_POINT = 0x10ffff;

/**
 * Replaces the five predefined XML entities and numeric character
 * references (`&#60;`, `&#x3C;`). Anything else, such as an unknown entity
 * or a reference past U+10FFFF, is left as written.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, replaceEntity);
}

function replaceEntity(whole: string, body: string): string {
  const named = NAMED[body];
  if (named !== undefined) return named;
  const hex = body[1] === 'x' || body[1] === 'X';
  const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  if (!Number.isFinite(code) || code > MAX_CODE_POINT) return whole;
  return String.fromCodePoint(code);
}
