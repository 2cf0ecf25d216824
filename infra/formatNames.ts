import { decoders } from '../lambda/decoders/decoders';

/**
 * Decoder names a prefix may be mapped to in the `prefixes` setting: the
 * names the function's own decoder registry answers to.
 */
export const FORMAT_NAMES: readonly string[] = decoders.map((d) => d.name);
