import { decoders } from '../decoders/decoders';
import type { Decoder } from '../decoders/types';

/**
 * The decoders a scan tries when the caller gives none, in sniffing order:
 * the registry's list (`lambda/decoders/decoders.ts`), kept under this name
 * for callers that imported it before the registry existed.
 */
export const defaultDecoders: readonly Decoder[] = decoders;
