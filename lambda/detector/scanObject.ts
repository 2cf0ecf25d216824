import { ObjectScan } from './ObjectScan';
import type { LoadedRule, ScanOptions, ScanResult } from './types';

/**
 * Reads one file or S3 object and returns the candidates every rule found
 * in it, grouped by (rule, join key) for sequences and samples, plus the
 * per-event matches of event queries. The input may be gzip (recognised by
 * its bytes) or plain; its format is recognised from its first lines unless
 * `options.format` names it.
 *
 * A line is decoded only when it holds a needle some rule needs (see
 * `needles.ts`), so malformed records are found only among those lines;
 * pass `needlePrefilter: false` to decode and check every line. A failure
 * part-way (truncated gzip) is reported in `error` with how far the scan
 * got; what was found before it is kept.
 *
 * @example
 * const result = await scanObject(openFile('export.ndjson.gz'),
 *   'export.ndjson.gz', rules);
 * for (const group of result.groups) advanceGroup(group);
 */
export async function scanObject(
  input: AsyncIterable<Buffer>,
  object: string,
  rules: readonly LoadedRule[],
  options: ScanOptions = {},
): Promise<ScanResult> {
  const scan = new ObjectScan(object, rules, options);
  await scan.run(input);
  return scan.result();
}
