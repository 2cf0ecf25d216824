/**
 * The stack's configuration has problems. `problems` lists every one of them,
 * each saying which setting is wrong and how to fix it, so that one synth
 * reports them all.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(
      `eqlambda configuration has ${problems.length} problem(s):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}
