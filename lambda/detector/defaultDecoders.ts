import { ecsDecoder } from '../decoders/ecs/ecsDecoder';
import type { Decoder } from '../decoders/types';

/**
 * The decoders a scan tries when the caller gives none, in sniffing order.
 */
export const defaultDecoders: readonly Decoder[] = [ecsDecoder];
