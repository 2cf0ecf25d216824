import type { EscapeSyntax } from './EscapeScanner';

/**
 * How an input escapes characters, judged from its first non-blank byte:
 * `{` or `[` is JSON, `<` is XML, anything else is unknown (both escape
 * forms are then looked for).
 */
export function escapeSyntaxOf(head: Buffer): EscapeSyntax {
  for (const byte of head) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) {
      continue;
    }
    if (byte === 0x7b || byte === 0x5b) return 'json';
    if (byte === 0x3c) return 'xml';
    return 'unknown';
  }
  return 'unknown';
}
