/**
 * Splits a Windows command line into arguments as `CommandLineToArgvW` does,
 * so that `process.args` from a vendor's command-line string matches what the
 * program itself received.
 *
 * The rules:
 * - The program name (first argument) knows no escapes. Quoted, it runs to
 *   the next quote and ends there; unquoted, it runs to the first space or
 *   tab, quotes included.
 * - Later arguments are separated by spaces and tabs outside quotes.
 *   2n backslashes and a quote give n backslashes and toggle quoting;
 *   2n+1 backslashes and a quote give n backslashes and a literal quote;
 *   backslashes not before a quote are literal.
 * - Inside quotes, a doubled quote `""` gives a literal quote and ends the
 *   quoted part, as `CommandLineToArgvW` measurably does (`a"b"" c d` gives
 *   `ab"`, `c`, `d`) and as Elastic's ingest pipelines do. The C runtime of
 *   Visual C++ 2008 and later instead stays inside the quotes; programs
 *   built with it may see one argument where this gives several.
 *
 * Leading spaces and tabs are skipped, where `CommandLineToArgvW` would
 * return an empty program name: an empty first argument tells a rule
 * nothing, and Elastic's pipelines skip them too. An empty or blank command
 * line gives no arguments (`CommandLineToArgvW` would return the caller's
 * own path).
 *
 * @example
 * splitCommandLine('"C:\\Program Files\\a.exe" /i "x y.msi"')
 * // ['C:\\Program Files\\a.exe', '/i', 'x y.msi']
 */
export function splitCommandLine(commandLine: string): string[] {
  const args: string[] = [];
  let position = skipBlanks(commandLine, 0);
  if (position >= commandLine.length) return args;
  position = readProgramName(commandLine, position, args);
  while (true) {
    position = skipBlanks(commandLine, position);
    if (position >= commandLine.length) return args;
    position = readArgument(commandLine, position, args);
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

function skipBlanks(text: string, from: number): number {
  let position = from;
  while (position < text.length && isBlank(text.charCodeAt(position))) {
    position += 1;
  }
  return position;
}

function readProgramName(text: string, from: number, args: string[]): number {
  if (text.charCodeAt(from) === QUOTE) {
    const close = text.indexOf('"', from + 1);
    const end = close === -1 ? text.length : close;
    args.push(text.slice(from + 1, end));
    return close === -1 ? end : close + 1;
  }
  let end = from;
  while (end < text.length && !isBlank(text.charCodeAt(end))) end += 1;
  args.push(text.slice(from, end));
  return end;
}

function readArgument(text: string, from: number, args: string[]): number {
  let argument = '';
  let quoted = false;
  let position = from;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (isBlank(code) && !quoted) break;
    if (code === BACKSLASH) {
      const run = countBackslashes(text, position);
      position += run;
      if (text.charCodeAt(position) !== QUOTE) {
        argument += '\\'.repeat(run);
        continue;
      }
      argument += '\\'.repeat(run >> 1);
      if (run % 2 === 1) {
        argument += '"';
        position += 1;
        continue;
      }
    }
    if (text.charCodeAt(position) === QUOTE) {
      if (quoted && text.charCodeAt(position + 1) === QUOTE) {
        argument += '"';
        position += 1;
      }
      quoted = !quoted;
      position += 1;
      continue;
    }
    argument += text[position];
    position += 1;
  }
  args.push(argument);
  return position;
}

function countBackslashes(text: string, from: number): number {
  let end = from;
  while (text.charCodeAt(end) === BACKSLASH) end += 1;
  return end - from;
}
