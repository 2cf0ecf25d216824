import { crowdstrikeFdrDecoder } from './crowdstrike-fdr/crowdstrikeFdrDecoder';
import { ecsDecoder } from './ecs/ecsDecoder';
import { ecsJsonDecoder } from './ecs/ecsJsonDecoder';
import { evtxDecoder } from './evtx/evtxDecoder';
import { m365DefenderDecoder } from './m365-defender/m365DefenderDecoder';
import { sentinelOneCloudFunnelDecoder } from './sentinelone-cloud-funnel/sentinelOneCloudFunnelDecoder';
import type { Decoder } from './types';
import { windowsXmlDecoder } from './windows-xml/windowsXmlDecoder';
import { winlogbeatRawDecoder } from './winlogbeat-raw/winlogbeatRawDecoder';

/**
 * Every decoder, in the order formats are tried: binary and whole-document
 * formats first, then vendor NDJSON by its telling keys, and ECS last, since
 * almost any JSON line with an `@timestamp` would pass for it.
 */
export const decoders: readonly Decoder[] = [
  evtxDecoder,
  windowsXmlDecoder,
  ecsJsonDecoder,
  crowdstrikeFdrDecoder,
  sentinelOneCloudFunnelDecoder,
  m365DefenderDecoder,
  winlogbeatRawDecoder,
  ecsDecoder,
];

/** The decoder with this name (`crowdstrike-fdr`), or undefined. */
export function findDecoder(name: string): Decoder | undefined {
  return decoders.find((decoder) => decoder.name === name);
}
