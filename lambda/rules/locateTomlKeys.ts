/** Where a key and its value start in a TOML file. Lines, columns from 1. */
export interface TomlKeyLocation {
  readonly line: number;
  readonly column: number;
  /**
   * Where the value's text starts: after the opening quote of a string, and
   * on the next line for a multi-line string whose opening delimiter ends
   * its line (TOML drops that first newline from the value).
   */
  readonly valueLine: number;
  readonly valueColumn: number;
}

/** A table header's line, and the keys that follow it, by bare name. */
export interface TomlTableLocation {
  readonly line: number;
  readonly keys: ReadonlyMap<string, TomlKeyLocation>;
}

const HEADER = /^\s*\[\[?\s*([A-Za-z0-9_.-]+)\s*\]\]?\s*(#.*)?$/;
const KEY = /^(\s*)([A-Za-z0-9_-]+)\s*=\s*/;
const MULTILINE_DELIMITERS = ["'''", '"""'] as const;

/**
 * Finds the line and column of every bare key in every table of a TOML
 * file, so that a problem found after parsing (a missing field, a query
 * that does not compile) can point into the file. The first table of a
 * given name wins (enough for `[rule]`). TOML parsers do not report
 * positions, hence this small scanner: it knows tables, bare keys and
 * multi-line strings, which is all detection-rule files use. Quoted and
 * dotted keys are not located.
 */
export function locateTomlKeys(
  text: string,
): ReadonlyMap<string, TomlTableLocation> {
  const tables = new Map<string, TomlTableLocation>();
  let keys = new Map<string, TomlKeyLocation>();
  tables.set('', { line: 1, keys });
  const lines = text.split(/\r?\n/);
  let open: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (open !== null) {
      if (line.includes(open)) open = null;
      continue;
    }
    const header = HEADER.exec(line);
    if (header?.[1]) {
      keys = new Map();
      if (!tables.has(header[1])) {
        tables.set(header[1], { line: index + 1, keys });
      }
      continue;
    }
    const key = KEY.exec(line);
    if (!key?.[2]) continue;
    const start = key[0].length;
    const location = locateValue(line, index + 1, start, lines.length);
    if (!keys.has(key[2])) {
      keys.set(key[2], {
        line: index + 1,
        column: (key[1]?.length ?? 0) + 1,
        ...location.position,
      });
    }
    open = location.open;
  }
  return tables;
}

function locateValue(
  line: string,
  lineNumber: number,
  start: number,
  lineCount: number,
): {
  position: { valueLine: number; valueColumn: number };
  open: string | null;
} {
  const rest = line.slice(start);
  const delimiter = MULTILINE_DELIMITERS.find((d) => rest.startsWith(d));
  if (delimiter) {
    const after = rest.slice(delimiter.length);
    const closed = after.includes(delimiter);
    const endsLine = after.trim() === '' && lineNumber < lineCount;
    return {
      position: endsLine
        ? { valueLine: lineNumber + 1, valueColumn: 1 }
        : { valueLine: lineNumber, valueColumn: start + delimiter.length + 1 },
      open: closed ? null : delimiter,
    };
  }
  const quoted = rest.startsWith('"') || rest.startsWith("'");
  return {
    position: { valueLine: lineNumber, valueColumn: start + (quoted ? 2 : 1) },
    open: null,
  };
}
