import { stat } from 'node:fs/promises';
import type { DetectEngine } from './detect/DetectEngine';
import { UsageError } from './errors';

/**
 * Checks that every path exists and expands folders into the files under
 * them, sorted. A missing path is a usage error, found before any work
 * starts rather than after an hour of scanning.
 *
 * @throws UsageError naming the first path that cannot be read.
 */
export async function resolveInputs(
  paths: readonly string[],
  engine: Pick<DetectEngine, 'listInputs'>,
): Promise<readonly string[]> {
  for (const path of paths) {
    await stat(path).catch((error: unknown) => {
      throw new UsageError(
        `cannot read ${path}: ${describeFsError(error)}\n` +
          'give files or folders of exports (default events/exports)',
        { cause: error },
      );
    });
  }
  try {
    return await engine.listInputs(paths);
  } catch (error) {
    throw new UsageError(`cannot list inputs: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
