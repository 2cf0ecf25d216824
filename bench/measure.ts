import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { DECOMPRESSED_CHUNK_BYTES } from '../lambda/detector/decompress';
import { openFile } from '../lambda/detector/openFile';
import { scanObject } from '../lambda/detector/scanObject';
import type { ScanResult } from '../lambda/detector/types';
import { advance } from '../lambda/engine/advance';
import { loadRules } from '../lambda/rules/loadRules';

/** What one measured run reports to the parent process. */
export interface Measurement {
  readonly seconds: number;
  /** CPU time of the whole process (every thread), user plus system. */
  readonly cpuSeconds: number;
  readonly bytes: number;
  readonly maxRssBytes: number;
  readonly scan?: Omit<ScanResult, 'groups' | 'eventMatches' | 'malformed'>;
  readonly alerts?: number;
}

/** Decompresses `path` and throws the bytes away: the floor. */
export async function measureFloor(path: string): Promise<Measurement> {
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  let bytes = 0;
  // The same reads and the same zlib settings as the detector.
  const gunzip = (openFile(path) as Readable).pipe(
    createGunzip({ chunkSize: DECOMPRESSED_CHUNK_BYTES }),
  );
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    bytes += chunk.length;
  }
  return {
    seconds: secondsSince(started),
    cpuSeconds: cpuSecondsSince(cpuStarted),
    bytes,
    maxRssBytes: maxRss(),
  };
}

/**
 * Runs the detector over `path` with the rules in `rulesDir` (format
 * detection included), then completes the sequences with the matcher.
 * Only the scan is timed.
 */
export async function measureDetect(
  path: string,
  rulesDir: string,
  format?: string,
): Promise<Measurement> {
  const rules = await loadRules([rulesDir]);
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  const result = await scanObject(openFile(path), path, rules, {
    ...(format === undefined ? {} : { format }),
  });
  const seconds = secondsSince(started);
  const cpuSeconds = cpuSecondsSince(cpuStarted);
  const { groups, eventMatches, malformed, ...scan } = result;
  return {
    seconds,
    cpuSeconds,
    bytes: result.stats.bytes,
    maxRssBytes: maxRss(),
    scan,
    alerts: countAlerts(result) + eventMatches.length,
  };
}

// Every group in one call, as if the object were the whole history: `final`
// lets sequences complete without waiting for late events.
function countAlerts(result: ScanResult): number {
  let alerts = 0;
  for (const group of result.groups) {
    const query = group.rule.query;
    if (query.kind === 'event') continue;
    const newest = Math.max(...group.candidates.map((c) => c.timestamp));
    const outcome = advance(query, group.joinKey, null, group.candidates, {
      now: newest,
      latenessMs: 365 * 86_400_000,
      emit: 'sealed',
      final: true,
    });
    alerts += outcome.matches.length;
  }
  return alerts;
}

function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function cpuSecondsSince(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

function maxRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
