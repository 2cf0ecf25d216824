import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../lambda/decoders/windows/splitCommandLine';

// Quotes one argument so that CommandLineToArgvW reads it back unchanged:
// the documented inverse of its rules (leave plain arguments alone; else
// wrap in quotes, double the backslashes before a quote or the closing
// quote, and escape each quote with one more backslash).
function quoteArgument(argument: string): string {
  if (argument !== '' && !/[ \t\n\v"]/.test(argument)) return argument;
  let quoted = '"';
  let backslashes = 0;
  for (const char of argument) {
    if (char === '\\') {
      backslashes += 1;
      continue;
    }
    if (char === '"') quoted += '\\'.repeat(backslashes * 2 + 1);
    else quoted += '\\'.repeat(backslashes);
    quoted += char;
    backslashes = 0;
  }
  return `${quoted}${'\\'.repeat(backslashes * 2)}"`;
}

// The program name cannot be escaped: quote it only when it has blanks.
function quoteProgramName(name: string): string {
  return name === '' || /[ \t]/.test(name) ? `"${name}"` : name;
}

const argumentChars = fc.constantFrom('a', 'Z', '\\', '"', ' ', '\t', '/', 'é');
const argument = fc.string({ unit: argumentChars, maxLength: 12 });
const programName = fc.string({
  unit: fc.constantFrom('C', ':', '\\', ' ', 'x', '.', 'é'),
  minLength: 1,
  maxLength: 12,
});

describe('splitCommandLine', () => {
  it('gives back any argv that was quoted by the documented inverse', () => {
    fc.assert(
      fc.property(programName, fc.array(argument), (name, rest) => {
        const line = [quoteProgramName(name), ...rest.map(quoteArgument)].join(
          ' ',
        );
        expect(splitCommandLine(line)).toEqual([name, ...rest]);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['"a b c" d e', ['a b c', 'd', 'e']],
    ['"ab\\"c" "\\\\" d', ['ab"c', '\\', 'd']],
    ['a\\\\\\b d"e f"g h', ['a\\\\\\b', 'de fg', 'h']],
    ['a\\\\\\"b c d', ['a\\"b', 'c', 'd']],
    ['a\\\\\\\\"b c" d e', ['a\\\\b c', 'd', 'e']],
    ['a"b"" c d', ['ab"', 'c', 'd']],
  ])('reads the Microsoft example %s after a program name', (line, rest) => {
    expect(splitCommandLine(`prog.exe ${line}`)).toEqual(['prog.exe', ...rest]);
  });

  it('does not unescape backslashes in the program name', () => {
    expect(splitCommandLine('"C:\\dir\\" /x')).toEqual(['C:\\dir\\', '/x']);
  });

  it('ends a quoted program name at its closing quote', () => {
    expect(splitCommandLine('"C:\\a b\\x.exe"/i')).toEqual([
      'C:\\a b\\x.exe',
      '/i',
    ]);
  });

  it('keeps quotes inside an unquoted program name', () => {
    // The quote after `d` opens quoting in the second argument.
    expect(splitCommandLine('ab"c d" e')).toEqual(['ab"c', 'd e']);
  });

  it('splits the ScreenConnect launch of the MSI rule', () => {
    const line =
      '"C:\\Program Files (x86)\\ScreenConnect Client (1a2b)\\ScreenConnect.ClientService.exe" "?e=Access&y=Guest&h=relay.example.com&p=8041&s=x&k=y"';
    expect(splitCommandLine(line)).toEqual([
      'C:\\Program Files (x86)\\ScreenConnect Client (1a2b)\\ScreenConnect.ClientService.exe',
      '?e=Access&y=Guest&h=relay.example.com&p=8041&s=x&k=y',
    ]);
  });

  it('keeps a trailing unfinished quote as the last argument', () => {
    expect(splitCommandLine('a.exe "x y')).toEqual(['a.exe', 'x y']);
  });

  it('keeps an empty quoted argument', () => {
    expect(splitCommandLine('a.exe "" b')).toEqual(['a.exe', '', 'b']);
  });

  it('skips leading blanks and gives nothing for a blank line', () => {
    expect(splitCommandLine(' \t msiexec.exe /i')).toEqual([
      'msiexec.exe',
      '/i',
    ]);
    expect(splitCommandLine('')).toEqual([]);
    expect(splitCommandLine(' \t ')).toEqual([]);
  });

  it('treats a newline as part of an argument, not a separator', () => {
    expect(splitCommandLine('a.exe x\ny')).toEqual(['a.exe', 'x\ny']);
  });
});
