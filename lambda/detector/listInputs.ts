import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files to read for the given paths: a file as it is, a directory as
 * every file below it, recursively. Each directory's files come in sorted
 * order, so that the same tree always gives the same list; duplicates are
 * listed once.
 */
export async function listInputs(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) await collect(path, files);
  return [...new Set(files)];
}

async function collect(path: string, files: string[]): Promise<void> {
  const info = await stat(path);
  if (!info.isDirectory()) {
    files.push(path);
    return;
  }
  const names = (await readdir(path)).sort(compareText);
  for (const name of names) await collect(join(path, name), files);
}

// Code-unit order, not the locale's: stable across machines.
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
