/** Decoder names a prefix may be mapped to in the `prefixes` setting. */
export const FORMAT_NAMES: readonly string[] = [
  'ecs',
  'ecs-json',
  'crowdstrike-fdr',
  'sentinelone-cloud-funnel',
  'm365-defender',
  'winlogbeat-raw',
  'windows-xml',
  'evtx',
];
