/**
 * Literal text shorter than this gives no needle: a two-letter needle would
 * hit nearly every record and cost more than it saves.
 */
export const MIN_NEEDLE_LENGTH = 3;

// Characters that some format writes differently from the decoded value:
// JSON escapes `\`, `"` and `/` (as `\/`), .NET's encoder also `&`, `'`,
// `+`, `<`, `>` and the backquote; XML turns `&`, `<`, `>`, `'`, `"` into
// entities. A needle never spans one of them, nor a control character, nor
// anything outside ASCII (which encoders may write as `\u` escapes).
const UNSTABLE = new Set([...'\\"/&\'+<>`']);

/**
 * The longest run of `text` that every supported format writes verbatim,
 * lower-cased, or null when no run is at least `MIN_NEEDLE_LENGTH` long.
 * With `wildcards`, `*` and `?` also end a run (a pattern's literal pieces).
 *
 * @example
 * needleOf('C:\\Windows\\System32\\msiexec.exe', false); // 'msiexec.exe'
 * needleOf('*?e=Access&y=Guest&h*', true); // 'e=access'
 */
export function needleOf(text: string, wildcards: boolean): string | null {
  let best = '';
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i < text.length && isStable(text, i, wildcards)) continue;
    if (i - start > best.length) best = text.slice(start, i);
    start = i + 1;
  }
  return best.length >= MIN_NEEDLE_LENGTH ? best.toLowerCase() : null;
}

function isStable(text: string, index: number, wildcards: boolean): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x20 || code > 0x7e) return false;
  const char = text[index] as string;
  if (wildcards && (char === '*' || char === '?')) return false;
  return !UNSTABLE.has(char);
}
