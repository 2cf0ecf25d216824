import { fileURLToPath } from 'node:url';

/**
 * The rules/ folder shipped with the package. Resolved from this file, not
 * from the working directory, so that `eqlambda detect` finds the bundled
 * rules wherever it runs.
 */
export function bundledRulesPath(): string {
  return fileURLToPath(new URL('../rules', import.meta.url));
}
