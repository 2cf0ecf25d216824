import type { Decoder } from '../lambda/decoders/types';
import { UsageError } from './errors';

/**
 * Checks a `--source` decoder name against the decoders there are.
 *
 * @throws UsageError listing the known names.
 */
export function resolveSource(
  name: string | undefined,
  decoders: readonly Decoder[],
): string | undefined {
  const known = decoders.map((decoder) => decoder.name);
  if (name === undefined || known.includes(name)) return name;
  throw new UsageError(
    `--source ${JSON.stringify(name)} is not a known format; ` +
      `use one of: ${known.join(', ')}`,
  );
}
