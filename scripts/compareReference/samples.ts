import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One vendor sample of the reference data: the raw records to decode, the
 * decoder meant for them, and what Elastic's pipeline made of each record.
 */
export interface ReferenceSample {
  /** Short label used in the report and in `knownDifferences`. */
  readonly id: string;
  /** The decoder that should take the raw records (`crowdstrike-fdr`). */
  readonly decoder: string;
  /** One JSON record a line, as the decoder's users would give them. */
  readonly lines: readonly string[];
  /** Elastic's document for each record, in the same order. */
  readonly expected: readonly Record<string, unknown>[];
  /** Where the pair came from, relative to the reference folder. */
  readonly files: readonly string[];
}

type Json = Record<string, unknown>;

// Each entry: id, decoder, raw file, expected file, and how to read them.
const SOURCES = [
  {
    id: 'crowdstrike_fdr/windows-ProcessRollup2',
    decoder: 'crowdstrike-fdr',
    raw: 'crowdstrike_fdr/test-windows.log.ProcessRollup2-excerpt.log',
    expected:
      'crowdstrike_fdr/test-windows.log.ProcessRollup2-excerpt.log-expected.json',
  },
  {
    id: 'crowdstrike_fdr/macos-SyntheticProcessRollup2',
    decoder: 'crowdstrike-fdr',
    raw: 'crowdstrike_fdr/test-fdr.log.SyntheticProcessRollup2-excerpt.log',
    expected:
      'crowdstrike_fdr/test-fdr.log.SyntheticProcessRollup2-excerpt.log-expected.json',
  },
  {
    id: 'sentinel_one_cloud_funnel/process',
    decoder: 'sentinelone-cloud-funnel',
    raw: 'sentinel_one_cloud_funnel/test-process.log',
    expected: 'sentinel_one_cloud_funnel/test-process.log-expected.json',
  },
  {
    id: 'm365_defender/DeviceProcessEvents',
    decoder: 'm365-defender',
    raw: 'm365_defender/test-device.log.DeviceProcessEvents-excerpt.log',
    expected:
      'm365_defender/test-device.log.DeviceProcessEvents-excerpt.log-expected.json',
  },
  {
    id: 'sysmon/winlogbeat-event-1',
    decoder: 'winlogbeat-raw',
    raw: 'sysmon/beats-winlogbeat-collection.sysmon-12-processcreate.evtx.golden.json',
    expected:
      'sysmon/beats-winlogbeat-ingest.sysmon-12-processcreate.golden.json',
  },
  {
    id: 'elastic_defend/process-start',
    decoder: 'ecs',
    raw: 'elastic_defend/endpoint-package.process.sample_event.json',
    expected: 'elastic_defend/endpoint-package.process.sample_event.json',
  },
] as const;

/**
 * Reads every sample under `referenceDir/formats`. NDJSON `.log` files are
 * taken line by line; `.json` files hold one document or an array of them,
 * each rewritten as one compact line. An `{"expected": [...]}` file (the
 * elastic/integrations pipeline-test form) gives its array.
 */
export function readSamples(referenceDir: string): ReferenceSample[] {
  const formats = join(referenceDir, 'formats');
  return SOURCES.map((source) => ({
    id: source.id,
    decoder: source.decoder,
    lines: readRecords(join(formats, source.raw)).map((record) =>
      JSON.stringify(record),
    ),
    expected: readRecords(join(formats, source.expected)),
    files: [source.raw, source.expected],
  }));
}

function readRecords(path: string): Json[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.log')) {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Json);
  }
  const value = JSON.parse(text) as unknown;
  if (Array.isArray(value)) return value as Json[];
  const document = value as Json;
  if (Array.isArray(document.expected)) return document.expected as Json[];
  return [document];
}
