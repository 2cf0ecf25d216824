import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { RuleLoadError } from './errors';

/**
 * Expands paths into rule files: a file is taken as given, a directory is
 * walked recursively for files ending in one of `extensions`. The result is
 * sorted within each directory, so that loading order (and therefore the
 * order alerts come out in) does not depend on the file system.
 *
 * @throws RuleLoadError for a path that does not exist or cannot be read.
 */
export async function listRuleFiles(
  paths: readonly string[],
  extensions: readonly string[] = ['.toml'],
): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    files.push(...(await expand(path, extensions)));
  }
  return files;
}

async function expand(
  path: string,
  extensions: readonly string[],
): Promise<string[]> {
  const info = await stat(path).catch((error: unknown) => {
    throw new RuleLoadError(path, { line: 1, column: 1 }, readReason(error), {
      cause: error,
    });
  });
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await expand(child, extensions)));
    else if (extensions.includes(extname(entry.name))) files.push(child);
  }
  return files;
}

function readReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return `cannot read: ${String(error)}`;
}
